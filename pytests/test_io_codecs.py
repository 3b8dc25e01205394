# The _codecs module under the stdlib's codecs and encodings packages; checked with asserts.
import codecs


def test_lookup_and_charmaps():
    assert codecs.lookup("UTF-8").name == "utf-8"
    assert codecs.lookup("Latin_1").name == "iso8859-1"
    assert "\u20ac".encode("cp1252") == b"\x80" and b"\x80".decode("cp1252") == "\u20ac"
    try:
        codecs.lookup("no-such")
    except LookupError as e:
        assert str(e) == "unknown encoding: no-such"


def test_incremental():
    d = codecs.getincrementaldecoder("utf-8")()
    assert d.decode(b"\xe2\x82") == "" and d.decode(b"\xac") == "\u20ac"
    e = codecs.getincrementalencoder("utf-16")()
    assert e.encode("a") == b"\xff\xfea\x00" and e.encode("b") == b"b\x00"
    assert codecs.utf_8_decode(b"a\xc3", "strict", False) == ("a", 1)


def test_error_handlers():
    assert "\u00e9".encode("ascii", "xmlcharrefreplace") == b"&#233;"
    assert "\u00e9".encode("ascii", "backslashreplace") == b"\\xe9"
    assert "\u20ac".encode("ascii", "namereplace") == b"\\N{EURO SIGN}"
    assert b"a\xffb".decode("ascii", "surrogateescape") == "a\udcffb"
    assert "a\udcffb".encode("ascii", "surrogateescape") == b"a\xffb"
    assert "\ud800".encode("utf-8", "surrogatepass") == b"\xed\xa0\x80"
    codecs.register_error("test.stars", lambda exc: ("*" * (exc.end - exc.start), exc.end))
    assert "a\u00e9\u00e9b".encode("ascii", "test.stars") == b"a**b"
    assert b"a\xff\xffb".decode("utf-8", "test.stars") == "a**b"
    assert codecs.lookup_error("strict") is codecs.strict_errors


def test_escape_codecs():
    assert codecs.escape_decode(b"\\x41\\n")[0] == b"A\n"
    assert b"\\u20ac\\N{DEGREE SIGN}".decode("unicode_escape") == "\u20ac\u00b0"
    assert "\u20ac\n".encode("unicode_escape") == b"\\u20ac\\n"
    assert "\u00e9\u20ac".encode("raw_unicode_escape") == b"\xe9\\u20ac"


for name, fn in list(globals().items()):
    if name.startswith("test_") and callable(fn):
        fn()
