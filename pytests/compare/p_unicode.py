# Unicode strings: escapes, code points, case, encoding round trips, sorting by code point.
s = "naïve café ß Σίσυφος 日本 😀"
print(len(s), s.upper(), s.lower(), s.title())
print([hex(ord(c)) for c in "é日😀"], "\u00e9" == "é", "\N{GREEK SMALL LETTER ALPHA}", "\x41\101\u0042\U00000043")
b = s.encode("utf-8")
print(len(b), b[:12], b.decode("utf-8") == s)
print("é".encode("latin-1"), "abc".encode("utf-16-le"), "x".encode("ascii", "replace"), "é".encode("ascii", "replace"), "é".encode("ascii", "ignore"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UEE", e.start, e.end, e.reason)
print(sorted(["b", "B", "a", "é", "Z", "ä"]), max("日本"), "ß".casefold(), "ǅ".istitle())
print(repr("\t\n\x00\x7f\u200b"), ascii("日本"), "日本".isalpha(), "٣".isdigit(), "½".isnumeric(), "x²".isdecimal())
print("straße".upper(), "İ".lower().encode("utf-8"), "ﬁ".upper(), "Σ".lower(), "ΟΔΟΣ".lower())
print(s[::-1][:6], s.find("日"), s.split(" ")[3], "😀" in s, s.count("é"))
print("{:^9}|".format("日本"), "%-5s|" % "é", "a😀b".center(7, "*"))
