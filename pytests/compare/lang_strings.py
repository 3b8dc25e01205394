# Strings and formatting.
s = "Hello, World"
print(s.lower(), s.upper(), s.swapcase(), s.title(), len(s))
print(s[::-1], s[7:], s[-5:-1], s[::2])
print(s.split(", "), "a b  c".split(), "a,b,,c".split(","), "x".join("abc"))
print(s.find("o"), s.rfind("o"), s.count("l"), s.replace("l", "L", 2))
print(s.startswith("Hell"), s.endswith(("d", "x")), "  pad  ".strip(), "xxhixx".strip("x"))
print("%s|%5d|%-5s|%.3f|%x|%o|%e|%r" % ("a", 42, "b", 3.14159, 255, 8, 12345.678, "q"))
print("{} {} {}".format(1, "two", 3.0), "{0}{1}{0}".format("a", "b"), "{name}!".format(name="x"))
print(f"{3.14159:.2f} {42:>6} {42:<6}| {42:^7}| {1234567:,} {255:#x} {0.25:%} {'s'!r}")
x = 10
print(f"{x=} {x*2=} {'nested ' + f'{x}'}")
print(format(1e20), format(1.5e-7), repr(0.1 + 0.2), str(1/3), 2.0, 1e16, -0.0)
print("abc" < "abd", "a" * 3, "b" in "abc", ord("A"), chr(97), "é".encode("utf-8"))
print("tab\there".expandtabs(4), "a\nb\r\nc".splitlines(), "Straße".upper(), "İ".lower() == "i̇")
print("%(a)s-%(b)d" % {"a": "A", "b": 2}, "100%", "%%")
print(str(123), repr("quote'd"), repr('dq"'), repr("both'\""), ascii("ü"))
print("{:08.3f}|{:+d}|{: d}|{:b}|{:o}|{:X}|{:e}|{:g}|{:g}".format(3.14159, 5, 5, 10, 64, 255, 1234.5, 0.00001234, 1e20))
