# StringIO line reads between writes, seeks, truncates and __setstate__ (the line reader keeps
# the text between writes: every change must be seen by the next read), and many lines.
import io
s = io.StringIO("one\ntwo\n")
print(s.readline(), end="")
s.seek(0, 2); s.write("three\n")
print(s.readline() == "", s.tell())
s.seek(4)
print(repr(s.readline()), repr(s.readline()))
s.seek(0); s.write("ONE")
s.seek(0)
print(list(s))
s.seek(4); s.truncate()
s.seek(0)
print(list(s), s.getvalue())
s.seek(0, 2); s.write("x\ny")
s.seek(0)
print([line for line in s])
s.__setstate__(("fresh\nstate\n", "\n", 0, None))
print(s.readline(), s.readline(), s.readline() == "")
u = io.StringIO(newline=None)
u.write("a\r\nb\rc\n")
u.seek(0)
print(list(u))
big = io.StringIO("".join("line %d\n" % i for i in range(100000)))
n = 0
for line in big:
    n += 1
print(n, line)
