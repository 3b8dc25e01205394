# marshal: round trips of every plain value type, CPython-written bytes (with back references)
# read back, and the errors for unmarshallable objects and truncated data.
import marshal
vals = [None, True, False, ..., 0, -1, 2**31, -2**70, 1.5, -0.0, 2+3j, 'abc', 'é\u20ac\U0001f600', 'x\udc80', b'\x00\xff',
        (), (1, 'a'), [1, [2]], {'k': (1, 2)}, {1, 2}, frozenset({'a'}), tuple(range(300)), StopIteration]
print([repr(marshal.loads(marshal.dumps(v))) == repr(v) for v in vals])
# written by CPython 3.11: marshal.dumps([(s, s, 10**20, {'x': 1.5}, {1, 2})]) with s = 'ab' * 3
data = bytes.fromhex('5b010000002905da066162616261627200000000ec0500000000002046b5783a5e56007b'
                     'da0178e7000000000000f83f303c02000000e901000000e902000000')
print(marshal.loads(data))
print(marshal.version)
for bad in (object(), [1, object()]):
    try:
        marshal.dumps(bad)
    except ValueError as e:
        print('ValueError', e)
for short in (b'', b'i\x01', b'[\x02\x00\x00\x00N'):
    try:
        marshal.loads(short)
    except EOFError as e:
        print('EOFError', e)
try:
    marshal.loads(b'?')
except ValueError as e:
    print('ValueError', e)
import io
f = io.BytesIO()
marshal.dump({'a': [1, 2]}, f)
f.seek(0)
print(marshal.load(f))

import warnings, _warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    _warnings.warn('from the builtin', DeprecationWarning)
print([(w.category.__name__, str(w.message)) for w in caught])
