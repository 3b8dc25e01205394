# str/bytes through the VM: f-strings, __format__/__str__/__repr__ callbacks, subclasses, iteration, codecs.
class S(str):
    def __repr__(self): return 'S!'
class P:
    def __str__(self): return 'p-str'
    def __repr__(self): return 'p-repr'
    def __format__(self, spec): return 'P[' + spec + ']'
x = 3.5
print(f"{x!r:>6}|{'ab':*^6}|{P():zz}|{P()!s}|{P()!r}")
print(repr(S('a')), str(S('a')), S('a') + 'b', type(S('a') * 2).__name__)
print(''.join(map(str, range(5))), '-'.join(c for c in 'abc'))
print(sorted(['b', 'A', 'c'], key=str.lower), 'a' * True)
print('%s|%r|%5s|%-5s|' % (P(), P(), 'ab', 'cd'))
print(str.maketrans('a', 'b'), 'abc'.translate(str.maketrans('abc', 'xyz')))
print(list(iter('hé')), type(iter('ab')).__name__, type(iter('é')).__name__)
print('Hello'.encode('utf-16-le'), b'h\x00i\x00'.decode('utf-16-le'))
print(bytes(range(5)), bytearray(b'abc')[1], b'abc'[::-1], memoryview(b'xyz')[1:].tobytes())
print(str(b'abc', 'ascii'), str(), str(123), repr('it\'s'), ascii('é\U0001F600'))
try:
    'abc'.index('z')
except ValueError as e:
    print('ValueError', e)
d = {}
for w in 'the cat the hat'.split():
    d[w] = d.get(w, 0) + 1
print(d)
print('{:,}'.format(1234567) if False else 'skip', '{0}{1}'.format(*'ab'), '{a}{b}'.format(**{'a': 1, 'b': 2}))
s = 'x'
s += 'y'
s *= 2
print(s, len(s), s.count('x'), 'xy' in s, s < 'z', hash(s) == hash('xyxy'))
print('a\tb'.expandtabs(), 'ΣΑΣ'.lower(), 'ß'.upper(), 'ǆ'.title(), 'İ'.lower().encode())
