"""_json's scanstring and encode_basestring(_ascii), directly (the C module's messages and
error positions) and through json.loads/json.dumps."""
import json, _json

cases = ['"abc"', '"a\\nb"', '"ab', '"a\x01b"', '"a\\qb"', '"a\\u12"', '"a\\u12zz"',
         '"\\ud83d\\ude00"', '"\\ud83d"', '"a\\', '"x\\u0041"', '"a\\uD83Dx"', '"\\u0X12"',
         '"\\ud83d\\u12"', '"\\ud83d\\u0041"', '"\\"\\\\\\/\\b\\f\\n\\r\\t"', '""', '"\u00e9\U0001f600"', '"\U0001f600\x01"', '"\U0001f600\\q"']
for s in cases:
    try:
        print(repr(s), _json.scanstring(s, 1))
    except json.JSONDecodeError as e:
        print(repr(s), "JSONDecodeError", e.msg, e.pos, e.lineno, e.colno)
print(_json.scanstring('"a\x01b"', 1, False))
print(_json.scanstring('xx"abc"yy', 3))
for bad in [(5, 1), ('"a"', 10), ('"a"', -1)]:
    try:
        _json.scanstring(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
text = 'a"b\\c\n\r\t\b\f\x01\x1f\x7f \u00e9\U0001f600\ud800~'
print(_json.encode_basestring_ascii(text))
print(ascii(_json.encode_basestring(text)))
for f in (_json.encode_basestring_ascii, _json.encode_basestring):
    try:
        f(5)
    except TypeError as e:
        print(e)
doc = json.dumps({"k\u00e9y": ["v\n", 1.5, None, True, "\U0001f600"], "n": {"x": "\\"}}, sort_keys=True)
print(doc)
print(json.loads(doc))
print(json.dumps("\u00e9", ensure_ascii=False))
for bad in ['{"a": "b', '["\\x"]', '{"a": "\x02"}', '["\\u00"]']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(e)
print(json.loads('["a\x02b"]', strict=False))
