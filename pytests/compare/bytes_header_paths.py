# bytes paths of HTTP header parsing: decode under the codecs taken directly (utf-8, latin-1, ascii
# spellings; non-ASCII and errors fall through to the codec machinery), split on a bytes
# separator with and without maxsplit, lower()/upper() with bytes above 0x7f.
for b in [b"", b"a", b"Content-Type: text/html", bytes(range(256)), b"\xe9t\xe9" * 20, b"caf\xc3\xa9", b"x" * 40]:
    for enc in ["utf-8", "utf8", "UTF-8", "latin-1", "latin1", "iso-8859-1", "ascii", "us-ascii", "Latin-1"]:
        try: r = b.decode(enc); print(enc, len(r), ascii(r[:12]), hash(r) == hash(str(r)))
        except UnicodeDecodeError as e: print(enc, "ERR", e)
    print(bytearray(b).decode("latin-1") == b.decode("latin-1"))
for line in [b"Host: example.com", b"a:b:c", b"nocolon", b":", b"", b"::x"]:
    print(line.split(b":", 1), line.split(b":"), line.split(b":", 0), line.split(b":", -1), bytearray(line).split(b":", 1), line.split(b"::"))
for b in [b"AbC\xc9\xe9xYz", b"", b"HELLO WORLD" * 5, bytes(range(256))]:
    print(b.lower()[:20], b.upper()[:20], bytearray(b).lower()[:10], b.lower() == bytes(x + 32 if 65 <= x <= 90 else x for x in b))
try: b"a".split(b"")
except ValueError as e: print(e)
