# printf-style % formatting with ints and strings.
print("%d %i %5d|%-5d|%05d" % (42, -7, 42, 42, 42))
print("%s %r %a" % ("hi", "hi", "h\xe9"))
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print("%c%c" % (65, "z"), "%%", "%s" % (None,))
print("%(name)s is %(age)d" % {"name": "Bob", "age": 30})
print("%+d %+d % d" % (5, -5, 5))
print("%10s|%-10s|" % ("right", "left"))
print("%.3s" % "abcdef", "%*d" % (6, 12))
rows = [("apple", 3, 120), ("banana", 12, 5), ("cherry", 100, 1)]
for name, n, cost in rows:
    print("%-8s %4d %6d" % (name, n, n * cost))
try:
    print("%d" % "x")
except TypeError as e:
    print("TE", e)
try:
    print("%s %s" % ("one",))
except TypeError as e:
    print("TE", e)
print("%s" % [1, 2], "%s" % ((1, 2),))
print(b"%s-%d" % (b"ab", 5))
