# struct: every format code and byte order, the packers' range errors (native and standard
# kinds), buffers and offsets; printed for comparison with CPython 3.11.
import struct
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)
for fmt, v in [('b',200),('B',-1),('h',70000),('H',-1),('i',2**31),('I',-1),('l',2**63),('L',-1),('q',2**63),('Q',-1),('n',2**63),('N',-1),('<b',200),('<B',256),('<h',70000),('<H',-1),('<i',2**31),('<I',2**32),('<l',2**31),('<L',-1),('<q',2**63),('<Q',-1),('>Q', 2**64), ('b', 'x'), ('b', 1.0), ('f', 'x'), ('f', 1e300), ('e', 1e6), ('c', b'ab'), ('c', 'a'), ('s', 'a'), ('p', 1), ('?', []), ('P', -1), ('<P', 1), ('d', 10**400)]:
    show(fmt, lambda: struct.pack(fmt, v))
show('n', lambda: struct.pack('<n', 1))
show('bad', lambda: struct.calcsize('y'))
show('rep', lambda: struct.calcsize('3'))
show('big', lambda: struct.calcsize('999999999999999999999q'))
show('big2', lambda: struct.calcsize('9223372036854775807q'))
show('args', lambda: struct.pack('ii', 1))
show('args2', lambda: struct.pack('ii', 1, 2, 3))
show('unpack', lambda: struct.unpack('ii', b'1234'))
show('unpack_from', lambda: struct.unpack_from('ii', b'1234', 2))
show('unpack_from neg', lambda: struct.unpack_from('ii', b'12345678', -9))
show('unpack_from neg2', lambda: struct.unpack_from('ii', b'123456789', -2))
show('pack_into', lambda: struct.pack_into('ii', bytearray(4), 0, 1, 2))
show('pack_into2', lambda: struct.pack_into('ii', bytearray(10), 4, 1, 2))
show('pack_into neg', lambda: struct.pack_into('ii', bytearray(10), -11, 1, 2))
show('pack_into neg2', lambda: struct.pack_into('ii', bytearray(10), -3, 1, 2))
show('pack_into bytes', lambda: struct.pack_into('i', b'1234', 0, 1))
show('pack_into args', lambda: struct.pack_into('ii', bytearray(10), 0, 1))
show('iter', lambda: list(struct.iter_unpack('h', b'123')))
show('iter0', lambda: list(struct.iter_unpack('', b'123')))
show('Struct', lambda: struct.Struct(1))
show('Struct2', lambda: struct.Struct('i').format)
show('Struct3', lambda: struct.Struct(b'<i').format)
show('unp', lambda: struct.unpack('i', 'abcd'))
show('pack str fmt', lambda: struct.pack(1))
show('pack noargs', lambda: struct.pack())
show('calc', lambda: [struct.calcsize(f) for f in ['@bhiq', '=bhiq', 'x', '3s', '0s', '5p', 'bi', 'ib', '@?d', 'e', 'P', 'N', '<N' if False else 'n', 'ci', '2x i']])
show('s', lambda: struct.pack('5s3p2s0s', b'abcdefg', b'abcdef', b'a', b'x'))
show('p', lambda: struct.pack('300p', b'a'*300)[:3])
show('unpack p', lambda: struct.unpack('5p', b'\x09abcd'))
show('floats', lambda: struct.pack('<efd', 1.5, -2.25, 3.125))
show('nan', lambda: struct.unpack('<e', b'\x00\x7e'))
show('unf', lambda: struct.unpack('<efd?c', struct.pack('<efd?c', 65504, 1e38, 1e308, 7, b'z')))
show('e round', lambda: struct.pack('<e', 1.00048828125))
show('e small', lambda: struct.pack('<e', 5.960464477539063e-08/2))
show('e over', lambda: struct.pack('<e', 65520.0))
show('index', lambda: struct.pack('i', type('X', (), {'__index__': lambda s: 7})()))
show('boolunp', lambda: struct.unpack('?', b'\x02'))
show('space', lambda: struct.calcsize(' i h '))
show('x', lambda: struct.pack('x'))
show('unpack mv', lambda: struct.unpack('<H', memoryview(b'ab')))
show('keyword', lambda: struct.unpack_from('<H', buffer=b'abcd', offset=1))
for o in '<>=!@':
    for c in 'bBhHiIlLqQnN':
        for v in (-1, 2**64, -2**63-1, 2**63, 2**32, -2**31-1, 256, 1.5):
            show(o + c + ' ' + str(v), lambda: struct.pack(o + c, v))
for f in ['<f', '>f', 'f', '<e', 'e', '<d', '>e']:
    for v in (1e300, float('inf'), -float('inf'), 3.4028235e38, 3.4028236e38, 65519.99, 'x', 10**400, 1e-8, -0.0, 2.5):
        show(f + ' ' + repr(v)[:10], lambda: struct.pack(f, v).hex())
vals = (-3, 200, -30000, 60000, -2**31, 2**32 - 1, -5, 7, -2**63, 2**64 - 1, b'q', True, 0.5, -1.25, 3.0, b'hello', b'pas')
for o in '@=<>!':
    fmt = o + 'bBhHiIlLqQc?efd5s4p'
    packed = struct.pack(fmt, *vals)
    print(o, struct.calcsize(fmt), packed.hex(), struct.unpack(fmt, packed))
s = struct.Struct('>IH')
print(s.size, s.format, s.pack(1, 2), s.unpack(b'\x00\x00\x00\x01\x00\x02'), s.unpack_from(b'xx\x00\x00\x00\x01\x00\x02', 2))
print(list(s.iter_unpack(bytes(range(12)))), s.iter_unpack(bytes(12)).__length_hint__())
buf = bytearray(10)
s.pack_into(buf, 3, 0xdeadbeef, 0xface); print(buf.hex())
struct.pack_into('<h', buf, -2, -2); print(buf.hex())
mv = memoryview(buf)
struct.pack_into('>h', mv, 0, 0x1234); print(buf.hex())
print(struct.unpack('<h', bytearray(b'\xff\x7f')), struct.unpack_from('<b', memoryview(b'abc'), 1))
class S(struct.Struct):
    pass
print(S('i').size, isinstance(S('i'), struct.Struct), struct.Struct.__module__, struct.error.__module__, issubclass(struct.error, Exception))
print(struct.pack('P', 0), struct.unpack('P', b'\x01' * 8), struct.calcsize('P'), struct.calcsize('0p'), struct.pack('0p', b'x'), struct.pack('0s', b'x'))
