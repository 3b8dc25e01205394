# Prints bytes/bytearray operations (results or exception messages); must equal CPython 3.11.
BS = [b'', b'abc', b'Hello World', b' a b ', b'a,b,,c', b'\x00\xff', b'\xc3\xa9t\xc3\xa9', bytearray(b'xy z')]
CALLS = [('upper', ()), ('title', ()), ('split', ()), ('split', (b',',)), ('strip', ()), ('find', (b'l',)), 
         ('count', (108,)), ('replace', (b'a', b'AA')), ('center', (9, b'.')), ('hex', ()), ('hex', (':', 2)), 
         ('decode', ('utf-8',)), ('decode', ('ascii', 'replace')), ('isalpha', ()), ('startswith', (b'H',)), 
         ('partition', (b' ',)), ('__len__', ()), ('__getitem__', (0,)), ('join', ([b'1', b'2'],))]


def show(b, call):
    try:
        return repr(getattr(b, call[0])(*call[1]))
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)


for b in BS:
    print(repr(b))
    for call in CALLS:
        print('  %s%r -> %s' % (call[0], call[1], show(b, call)))

ba = bytearray(b'hello')
ba[0] = 74
ba.extend(b' world')
ba[1:3] = b'EE'
del ba[-1]
ba.insert(0, 33)
print(ba, ba.pop(), len(ba), list(ba[:3]))
print(bytes.fromhex('de ad be ef'), b'%s:%d' % (b'k', 7), b'a' + bytearray(b'b'))
m = memoryview(b'abcdef')
print(m[1], m[2:4].tobytes(), m.tolist()[:2], len(m), m.readonly)
