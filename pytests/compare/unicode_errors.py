# str() of UnicodeEncodeError / UnicodeDecodeError, raised by codecs and built by hand.
for f in [lambda: "aé€😀".encode("ascii"), lambda: "ab😀".encode("latin-1"), lambda: b"a\xff\xfe".decode("utf-8"), lambda: b"\xff".decode("ascii"), lambda: "é€".encode("ascii", "strict")]:
    try:
        f()
    except UnicodeError as e:
        print(type(e).__name__, str(e), e.start, e.end)
e = UnicodeDecodeError("utf-8", b"abc", 0, 2, "boom"); print(str(e))
e = UnicodeEncodeError("ascii", "xyz", 1, 2, "bad"); print(str(e))
try:
    "a\udc80b".encode("utf-8")
except UnicodeEncodeError as e:
    print(str(e))
