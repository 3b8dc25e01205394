"""CJK multibyte codecs (_multibytecodec with _codecs_jp/cn/kr/tw): one-shot, incremental and
stream use, error handlers and their positions, and what zipfile does with shift_jis names."""
import codecs, io
samples = {
    "shift_jis": "これは古い日本語です。ｱｲｳ\\~", "cp932": "①Ⅹ～－これ", "euc_jp": "日本語テキスト，漢字",
    "gb2312": "中文文本，汉字", "gbk": "中文繁體字", "euc_kr": "한국어 텍스트", "cp949": "똠방각하 한국어",
    "johab": "한국어", "big5": "中文繁體字", "cp950": "中文繁體字€",
}
for name, text in samples.items():
    b = text.encode(name)
    print(name, b.hex(), b.decode(name) == text, codecs.lookup(name).name)
    for errors in ("strict", "replace", "ignore", "backslashreplace", "xmlcharrefreplace"):
        try:
            print(" ", errors, ("x\u20ac\U0001F600y" + text[:2]).encode(name, errors).hex())
        except UnicodeEncodeError as e:
            print(" ", errors, type(e).__name__, e.start, e.end, e.reason)
    bad = b"a" + b[:1] + b"\xff\x80" + b[:3]
    for errors in ("strict", "replace", "ignore", "backslashreplace", "surrogateescape"):
        try:
            print(" ", errors, ascii(bad.decode(name, errors)))
        except UnicodeDecodeError as e:
            print(" ", errors, type(e).__name__, e.start, e.end, e.reason)
    dec = codecs.getincrementaldecoder(name)()
    out = "".join(dec.decode(bytes([x])) for x in b)
    print("  incremental", out == text, dec.getstate())
    dec.decode(b[:1]); print("  state", dec.getstate())
    try: dec.decode(b"", final=True)
    except UnicodeDecodeError as e: print("  final", e.start, e.end, e.reason)
    enc = codecs.getincrementalencoder(name)()
    print("  enc", enc.encode(text[:3]).hex(), enc.getstate())
    w = io.BytesIO(); sw = codecs.getwriter(name)(w); sw.write(text); sw.writelines([text[:2]])
    r = codecs.getreader(name)(io.BytesIO(w.getvalue()))
    print("  stream", r.read(3) + r.read() == text + text[:2])
print(b"\xa4\xd4\xa4\xbe\xa4\xd0\xa4\xd4".decode("euc_kr"))
print(ascii(b"\xa4\xd4\xa4\xbe\xa4\xff\xa4\xd4".decode("euc_kr", "replace")))
import _codecs_jp, _multibytecodec
for bad in ("gbk", 5):
    try: _codecs_jp.getcodec(bad)
    except Exception as e: print(type(e).__name__, e)
c = _codecs_jp.getcodec("shift_jis"); print(type(c).__name__, c.encode("abc"), c.decode(b"abc"))
import zipfile
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    info = zipfile.ZipInfo("x"); z.writestr(info, b"data")
raw = buf.getvalue().replace(b"\x01\x00x", b"\x01\x00x")
with zipfile.ZipFile(io.BytesIO(raw), metadata_encoding="shift_jis") as z:
    print(z.namelist(), z.read("x"))
