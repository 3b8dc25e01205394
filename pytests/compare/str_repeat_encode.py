# str * n (one copy, then doubling block copies) and str.encode('utf-8') of text with
# surrogate pairs (the vectorised transcoder; a lone surrogate goes to the error handler)
for s in ["", "a", "ab", "abc", "é\U0001F600", "xyz" * 7]:
    for n in (0, 1, 2, 3, 5, 7, 8, 9, 16, 33, 100, -1):
        r = s * n
        print(len(r), r == "".join([s] * n), r[:7], r[-7:], end=" |")
    print()
print(len("é" * 1000001), ("ab" * 3000000).upper()[-4:], ("x" * 10)[3:5] * 4)
samples = ["abc", "é", "\U0001F600 ok", "a\U00010400b" * 50, "lone \ud800 x", "\udc00", "pair \U0001F600 lone \ud83d", "\ud83d end"]
for s in samples:
    for errs in ("strict", "replace", "ignore", "surrogatepass", "surrogateescape", "backslashreplace", "xmlcharrefreplace"):
        try: print(s.encode("utf-8", errs)[-12:], end=" ")
        except UnicodeEncodeError as e: print("E", e.start, e.end, e.reason, end=" ")
    print(len(s.encode("utf-8", "surrogatepass")), s.encode("utf8", "replace").decode() == s.encode("utf-8", "replace").decode())
big = "".join(chr(97 + i % 26) for i in range(100000)) + "\U0001F600" + "é" * 1000
b = big.encode()
print(len(b), b[-6:], b.decode() == big, len(b.decode()))
