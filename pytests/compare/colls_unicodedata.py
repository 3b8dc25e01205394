# unicodedata over a sweep of code points (every property, both databases) and its errors;
# compared with CPython 3.11. Each line sums up a block of code points so a mismatch names it.
import unicodedata as u
import binascii

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

def props(db, c):
    ch = chr(c)
    return "|".join(str(x) for x in (db.category(ch), db.bidirectional(ch), db.east_asian_width(ch), db.mirrored(ch),
                                     db.combining(ch), db.decomposition(ch), db.decimal(ch, -1), db.digit(ch, -1),
                                     db.numeric(ch, -1), db.name(ch, "-")))

for db in (u, u.ucd_3_2_0):
    for block in range(0, 0x110000, 0x8000):
        step = 1 if block == 0 else 7 if block < 0x30000 else 97
        text = ";".join(props(db, c) for c in range(block, block + 0x8000, step))
        print(db.unidata_version, hex(block), binascii.crc32(text.encode()))

print(u.unidata_version, u.ucd_3_2_0.unidata_version, type(u.ucd_3_2_0).__name__)
for ch in "A\u00e9\u0301\u00bd\u2163\u0663\u00b2\uac00\u4e00\U00020000\u3000\U0001F600\u200f\ufb01\u2460":
    print(repr(ch), u.name(ch, None), u.category(ch), u.bidirectional(ch), u.east_asian_width(ch), u.mirrored(ch),
          u.combining(ch), u.decomposition(ch), u.decimal(ch, None), u.digit(ch, None), u.numeric(ch, None))
for name in ["LATIN SMALL LETTER A", "latin small letter e with acute", "HANGUL SYLLABLE GAG", "CJK UNIFIED IDEOGRAPH-4E00",
             "LINE FEED", "BYTE ORDER MARK", "NOPE", "x" * 300]:
    show(name[:30], lambda: u.lookup(name))
show("old alias", lambda: u.ucd_3_2_0.lookup("LINE FEED"))
show("old new char", lambda: u.ucd_3_2_0.lookup("GRINNING FACE"))
s = "Ame\u0301lie \ufb01 \u2460 \u1e9b\u0323 \uac00\u11a8 \u00c5\u212b"
for form in ("NFC", "NFD", "NFKC", "NFKD"):
    n = u.normalize(form, s)
    print(form, ascii(n), u.is_normalized(form, s), u.is_normalized(form, n), ascii(u.ucd_3_2_0.normalize(form, s)))
for f in ("category", "bidirectional", "east_asian_width", "mirrored", "combining", "decomposition", "name", "decimal", "digit", "numeric"):
    for bad in (1, "ab", ""):
        show(f + " " + repr(bad), lambda: getattr(u, f)(bad))
show("no name", lambda: u.name("\x00"))
show("no decimal", lambda: u.decimal("a"))
show("no digit", lambda: u.digit("a"))
show("no numeric", lambda: u.numeric("a"))
show("bad form", lambda: u.normalize("NFX", "a"))
