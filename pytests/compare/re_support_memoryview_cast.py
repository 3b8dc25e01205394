# memoryview.cast, which re._compiler uses to pack BIGCHARSET block indices (_bytes_to_codes).
b = bytearray(range(16))
m = memoryview(b).cast('I')
print(len(m), m.format, m.itemsize, m.shape, m.strides, m.tolist(), m[1], m[-1], m[1:3].tolist(), list(m))
print(memoryview(bytes(range(8))).cast('h').tolist(), memoryview(b'\x01\x00').cast('?').tolist(), memoryview(b'ab').cast('c').tolist())
print(m.cast('B')[:4].tolist(), memoryview(bytes(8)).cast('d').tolist(), memoryview(b'\xff'*8).cast('Q').tolist())
for bad in [lambda: memoryview(b'abc').cast('I'), lambda: m.cast('H'), lambda: memoryview(b'ab').cast('x')]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
