# The codec registry and the stdlib's encodings package on our _codecs: lookup, charmap
# codecs, incremental codecs, error handlers (built-in and registered), escape codecs.
import codecs, io
print(codecs.lookup('UTF-8').name, codecs.lookup('latin1').name, codecs.lookup('cp1252').name)
print('héllo€'.encode('cp1252'), b'h\xe9llo\x80'.decode('cp1252'))
d = codecs.getincrementaldecoder('utf-8')()
print(repr(d.decode(b'\xe2\x82')), repr(d.decode(b'\xac!')))
e = codecs.getincrementalencoder('utf-16')()
print(e.encode('ab'), e.encode('c'))
print('a\udc80b'.encode('utf-8', 'surrogateescape'), b'a\x80b'.decode('utf-8', 'surrogateescape') == 'a\udc80b')
print('aé€😀'.encode('ascii', 'namereplace'), 'aé€'.encode('ascii', 'xmlcharrefreplace'), 'aé'.encode('ascii', 'backslashreplace'))
print(codecs.encode('abc', 'rot13'))
print(codecs.lookup_error('strict'), codecs.strict_errors)
codecs.register_error('mine', lambda e: ('<%d-%d>' % (e.start, e.end), e.end))
print('aé€b'.encode('ascii', 'mine'), b'a\xff\xfeb'.decode('utf-8', 'mine'))
print(b'\xff\xfea\x00b\x00'.decode('utf-16'), 'ab'.encode('utf-32-be'))
print(codecs.escape_decode(b'a\\nb\\x41\\101'), codecs.escape_encode(b'a\nb\x00\''))
print(codecs.unicode_escape_decode(b'a\\u00e9\\N{EURO SIGN}\\x41\\n'), 'é€\n'.encode('unicode_escape'), 'é€\\'.encode('raw_unicode_escape'))
print(b'caf\\u00e9 \\\\u1234'.decode('raw_unicode_escape'))
try: 'é'.encode('ascii')
except UnicodeEncodeError as e: print(e)
try: b'\xff'.decode('cp1252'.replace('1252','1253'))
except UnicodeDecodeError as e: print(e)
try: codecs.lookup('nonexistent-enc')
except LookupError as e: print(e)
f = io.TextIOWrapper(io.BytesIO('héllo\nwörld\n'.encode('latin-1')), encoding='latin-1')
print(f.readlines())
f = io.TextIOWrapper(io.BytesIO('héllo\nwörld\n'.encode('utf-16')), encoding='utf-16')
print(f.readline(), f.tell(), f.read())
f = io.TextIOWrapper(io.BytesIO(), encoding='cp1252')
f.write('€uro'); f.flush(); print(f.buffer.getvalue())
print('abc'.encode('utf-7'), '+'.encode('utf-7'), b'a+AOk-b'.decode('utf-7'))
print(codecs.lookup('utf8') is codecs.lookup('UTF_8'), codecs.lookup('U8').name)
info = codecs.lookup('latin-1')
print(info.encode('\xff'), info.decode(b'\xff'), type(info).__name__)
print(codecs.utf_8_decode(b'ab\xe2\x82', 'strict', False), codecs.utf_8_decode(b'ab\xe2\x82\xac', 'strict', True))
print(codecs.utf_16_ex_decode(b'\xfe\xff\x00a', 'strict', 0, True), codecs.utf_32_decode(b'\xff\xfe\x00\x00a\x00\x00\x00'))
print(codecs.charmap_decode(b'\x00\x01', 'strict', 'xy'), codecs.charmap_encode('yx', 'strict', codecs.charmap_build('xy')))
print(codecs.charmap_decode(b'\x00\x02', 'replace', {0: 'A', 1: None}), codecs.charmap_encode('AB', 'ignore', {65: 1}))
print(codecs.latin_1_encode('abc'), codecs.ascii_decode(b'xyz'), codecs.readbuffer_encode(b'rb'))
for enc in ['utf-8', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'latin-1', 'cp1252', 'cp437', 'iso8859-15', 'koi8-r', 'mac-roman']:
    text = 'Za\u00ef\u00e9 \u00a3'
    try:
        data = text.encode(enc)
        print(enc, data, data.decode(enc) == text)
    except UnicodeError as e:
        print(enc, type(e).__name__, e)
def search(name):
    if name == 'myrot':
        return codecs.CodecInfo(lambda s, errors='strict': (s[::-1].encode(), len(s)), lambda b, errors='strict': (bytes(b).decode()[::-1], len(b)), name='myrot')
codecs.register(search)
print('abc'.encode('myrot'), b'xyz'.decode('myrot'), codecs.lookup('MYROT').name)
codecs.unregister(search)
w = codecs.getwriter('utf-8')(io.BytesIO())
w.write('caf\u00e9')
print(w.getvalue() if hasattr(w, 'getvalue') else w.stream.getvalue())
r = codecs.getreader('utf-8')(io.BytesIO('l1\nl2\n'.encode()))
print(r.readlines())
sio = io.BytesIO()
with codecs.EncodedFile(sio, 'utf-8', 'latin-1') as ef:
    ef.write('\u00e9'.encode('utf-8'))
    print(sio.getvalue())
p = '/tmp/_stackless_io_codecs.txt'
with codecs.open(p, 'w', encoding='utf-16') as f:
    f.write('hi \u00e9')
with codecs.open(p, 'r', encoding='utf-16') as f:
    print(repr(f.read()))
with open(p, 'rb') as f:
    print(f.read())
