# time with fixed timestamps: gmtime/localtime/mktime/strftime/asctime and argument errors (no clock readings).
import time
for s in [0, 1, 86399, 951782400, 1234567890, 1700000000, -1, -31536000, 4102444800, 2**31]:
    st = time.gmtime(s)
    print(tuple(st), time.strftime("%a %A %b %B %c %C %d %D %e %F %H %I %j %m %M %p %R %S %T %u %w %U %W %x %X %y %Y %Z %%", st), time.asctime(st))
    print(tuple(time.localtime(s)), time.ctime(s), time.mktime(time.localtime(s)))
print(time.timezone, time.altzone, time.daylight, time.tzname)
for bad in [lambda: time.gmtime("x"), lambda: time.strftime("%Y", (1,)), lambda: time.asctime((2000, 1, 1, 25, 0, 0, 0, 1, 0)),
            lambda: time.mktime(5), lambda: time.sleep(-0.5), lambda: time.gmtime(1e20), lambda: time.struct_time((1, 2))]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
print(time.struct_time((2000, 1, 2, 3, 4, 5, 6, 7, 0)), time.strftime("%j %U", (2021, 1, 0, 0, 0, 0, 0, 0, 0)))
print(time.gmtime(1.99), time.gmtime(-1.5)[:6])
