# syslog with LOG_PERROR: glibc also writes each message to stderr, which is redirected to
# a temporary file here so the text (ident, pid, message) can be compared with CPython's.
import os, sys, syslog, tempfile

with tempfile.TemporaryFile() as err:
    saved = os.dup(2)
    os.dup2(err.fileno(), 2)
    try:
        syslog.openlog("si-test", syslog.LOG_PERROR | syslog.LOG_PID, syslog.LOG_USER)
        syslog.syslog("plain message")
        syslog.syslog(syslog.LOG_ERR, "with priority é")
        old = syslog.setlogmask(syslog.LOG_UPTO(syslog.LOG_WARNING))
        syslog.syslog(syslog.LOG_DEBUG, "masked out")
        syslog.syslog(syslog.LOG_CRIT, "kept")
        syslog.setlogmask(old)
        syslog.closelog()
        syslog.openlog(logoption=syslog.LOG_PERROR)   # ident from sys.argv[0]
        syslog.syslog("default ident")
        syslog.closelog()
    finally:
        os.dup2(saved, 2)
        os.close(saved)
    err.seek(0)
    text = err.read().decode().replace(str(os.getpid()), "PID")
print(text, end="")

print(syslog.LOG_MASK(3), syslog.LOG_UPTO(3), syslog.LOG_MASK(40), syslog.LOG_UPTO(31), syslog.setlogmask(0) == syslog.setlogmask(0))
for args in [(), (1, 2, 3), (1,), ("a", "b"), (1, 2), ("a\0b",), ("\ud800",)]:
    try:
        syslog.syslog(*args)
    except (TypeError, ValueError, UnicodeEncodeError) as e:
        print(type(e).__name__, e)
try:
    syslog.openlog(5)
except TypeError as e:
    print(e)
try:
    syslog.openlog("\ud800")
except UnicodeEncodeError as e:
    print(e)
try:
    syslog.openlog(None)
except TypeError as e:
    print(e)
print(sorted(n for n in dir(syslog) if n.startswith("LOG_"))[:8], syslog.LOG_LOCAL7, syslog.LOG_PERROR)
