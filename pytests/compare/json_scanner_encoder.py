# _json.make_scanner / make_encoder (C# accelerators) against CPython: values, hooks, errors and their positions, recursion limits
import json, json.decoder, json.scanner, json.encoder, math, collections, decimal, enum
print(json.scanner.make_scanner, json.encoder.c_make_encoder)
docs = ['{"a": [1, 2.5, -3e2, true, false, null, "x\\u00e9\\ud83d\\ude00"], "b": {"c": {}}, "d": []}',
        '[1,2', '[1,,2]', '{"a" 1}', '{"a":1,}', '{,}', '[', '{', '"abc', '[1] x', '', '  ', 'nul', '-', '-Infinity', 'NaN', '[Infinity, -Infinity, NaN]',
        '1.5e', '01', '-0', '0.0', '1E+2', '[1 2]', '{"a":1 "b":2}', '"\x01"', '"\\q"', '["é", "😀", 1.5, x]', '😀 [1, x]',
        '{"a":1, "a":2}', '  [ 1 , 2 ]  ', '12345678901234567890123', '1' * 5000, '[1.7976931348623157e309]', '{"k": 1, "k2": [{"k": 2}]}']
for d in docs:
    try:
        r = json.loads(d)
        print(repr(d)[:40], '->', repr(r)[:80])
    except Exception as e:
        print(repr(d)[:40], 'EXC', type(e).__name__, str(e)[:100], getattr(e, 'pos', None))
print(json.loads('{"a": 1, "b": [1.0]}', object_pairs_hook=lambda p: ('pairs', p)))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d)))
print(json.loads('[1.5, 2]', parse_float=decimal.Decimal, parse_int=lambda s: 'int:' + s))
print(json.loads('[NaN]', parse_constant=lambda s: 'c:' + s))
print(json.loads('"\\t"', strict=False), repr(json.loads('"\t"', strict=False)))
try: json.loads('"\t"')
except Exception as e: print(e)
d = json.decoder.JSONDecoder()
print(d.raw_decode('[1] tail'), d.scan_once('"x" 1', 0))
try: d.scan_once('abc', -1)
except Exception as e: print(type(e).__name__, e)
try: d.scan_once('abc', 5)
except StopIteration as e: print('stop', e.value)
try: d.scan_once(b'abc', 0)
except Exception as e: print(type(e).__name__, e)
# encoder
class E(enum.IntEnum):
    A = 3
class F(float): pass
objs = [{"a": [1, 2.5, None, True, False, "é\n\"x😀"], "b": (1, 2), 3: 4, 1.5: 'f', True: 't', None: 'n'},
        [], {}, [[]], {"x": {}}, E.A, F(2.5), float('inf'), [float('nan'), -float('inf')], 10**30, 'abc', [1, [2, [3]]]]
for o in objs:
    print(json.dumps(o), json.dumps(o, ensure_ascii=False), json.dumps(o, separators=(',', ':')))
print(json.dumps({"b": 1, "a": 2, "c": [3]}, sort_keys=True))
try: json.dumps({1: 1, "a": 2}, sort_keys=True)
except TypeError as e: print(e)
try: json.dumps({(1,): 1})
except TypeError as e: print(e)
print(json.dumps({(1,): 1, "a": 2}, skipkeys=True))
try: json.dumps([float('nan')], allow_nan=False)
except ValueError as e: print(e)
l = [1]; l.append(l)
try: json.dumps(l)
except ValueError as e: print(e)
d2 = {}; d2['x'] = d2
try: json.dumps(d2)
except ValueError as e: print(e)
print(json.dumps(l, check_circular=False) if False else 'skip')
class C: pass
try: json.dumps(C())
except TypeError as e: print(e)
print(json.dumps([C(), {1, 2}], default=lambda o: sorted(o) if isinstance(o, set) else 'C'))
print(json.dumps(collections.OrderedDict([('z', 1), ('a', 2)])))
class D(dict):
    def items(self): return [('q', 1)]
print(json.dumps(D(a=1)))
print(json.dumps(decimal.Decimal('1.1'), default=str))
deep = []
for i in range(100000): deep = [deep]
try: json.dumps(deep)
except RecursionError as e: print(e)
try: json.loads('[' * 100000 + ']' * 100000)
except RecursionError as e: print(e)
try: json.loads('{"a":' * 100000)
except RecursionError as e: print(e)
print(len(json.dumps(json.loads('[' * 500 + ']' * 500))))
enc = json.encoder.c_make_encoder(None, str, json.encoder.encode_basestring_ascii, None, ':', ',', False, False, True)
print(enc([1, 'é'], 0), enc.key_separator, enc.sort_keys)
enc2 = json.encoder.c_make_encoder({}, str, lambda s: '<' + s + '>', None, ':', ',', False, False, True)
print(enc2({'a': ['b']}, 0))
enc3 = json.encoder.c_make_encoder({}, str, lambda s: 1, None, ':', ',', False, False, True)
try: enc3(['x'], 0)
except TypeError as e: print(e)
try: json.encoder.c_make_encoder([], str, str, None, ':', ',', False, False, True)
except TypeError as e: print(e)
print(json.dumps({'a': 1}, indent=2))
