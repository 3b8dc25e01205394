# Edge cases of _io: reads larger than the data, bad sizes, reconfigure() of a text stream,
# and a file left open and unflushed at exit, whose data must still reach the disk.
import io, sys
p = '/tmp/_stackless_io_edges.txt'
open(p, 'w').write('abc\n' * 10)
with open(p, 'rb') as f:
    print(len(f.read(10**7)))
with open(p, 'rb', buffering=0) as f:
    print(len(f.read(10**7)), f.read(10**7))
with open(p) as f:
    print(len(f.read(10**7)), repr(f.read(-5)))
b = io.BytesIO(b'x'*10)
print(len(b.read(10**7)))
try:
    io.BufferedReader(io.BytesIO(b'a')).read(-2)
except ValueError as e:
    print(e)
try:
    io.RawIOBase().readinto(bytearray(2))
except NotImplementedError as e:
    print(repr(e))
t = io.TextIOWrapper(io.BytesIO(), encoding='utf-8')
t.write('abc')
t.reconfigure(encoding='latin-1')
t.write('\xe9')
t.flush()
print(t.buffer.getvalue(), t.encoding)
t.reconfigure(write_through=True)
t.write('z')
print(t.buffer.getvalue(), t.write_through)
r = io.TextIOWrapper(io.BytesIO(b'ab\ncd'), encoding='ascii')
print(r.readline())
try:
    r.reconfigure(encoding='utf-8')
except io.UnsupportedOperation as e:
    print('Unsupported', e)
f = open(p, 'w')
f.write('left unflushed at exit')
