# String methods in a small text processing job.
text = "  The quick brown Fox jumps over the lazy dog. The END.  "
s = text.strip()
print(repr(s))
print(s.lower(), "|", s.upper(), "|", s.title(), "|", s.swapcase())
print(s.count("The"), s.find("Fox"), s.rfind("The"), s.find("zzz"), s.index("q"))
print(s.replace("The", "A"), s.replace("e", "E", 2))
words = s.split()
print(words, len(words))
print(s.split(".", 1), "a,b,,c".split(","), "a  b".split(" "))
print("-".join(words[:3]), "".join(reversed("abc")))
print(s.startswith("The"), s.endswith("END."), s.startswith(("x", "T")))
print("abc".center(9, "*"), "abc".ljust(5) + "|", "abc".rjust(5, "."), "42".zfill(5), "-42".zfill(5))
print("hello world".partition(" "), "a.b.c".rpartition("."))
print("  x ".lstrip(), "xxhixx".strip("x"), "line\n".rstrip())
print("abc123".isalnum(), "abc".isalpha(), "123".isdigit(), "  ".isspace(), "Ab".isupper(), "ab".islower())
print("hello".capitalize(), "a\tb".expandtabs(4), "one\ntwo\r\nthree".splitlines())
print("x".join(["1", "2", "3"]), "ab" * 3, "abc"[::-1], "abcdef"[1:5:2])
print(ord("A"), chr(97), "é".encode("utf-8"), str(b"ab", "ascii"))
freq = {}
for ch in s.lower():
    if ch.isalpha():
        freq[ch] = freq.get(ch, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
print("Hello".casefold(), "ß".upper(), "abc".translate(str.maketrans("ab", "xy")))
print("a-b_c".replace("-", " ").replace("_", " ").split())
print("prefix_name".removeprefix("prefix_"), "file.py".removesuffix(".py"))
try:
    "abc".index("z")
except ValueError as e:
    print("VE", e)
