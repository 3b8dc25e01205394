# The fast paths of str work (strs helper): each one next to the cases that must leave it.
import builtins

# str(x) is x.__str__()'s own object, a str subclass instance included
class S(str): pass
class A:
    def __str__(self): return S("x")
print(type(str(A())).__name__, type(S(A())).__name__, type(str(S("y"))).__name__, str(A()) == "x")
print(type(f"{A()}").__name__, type(f"{A()!s}").__name__, type(format(A())).__name__)
print(str(), str(12345), str(-7), str(2**70), str(1.5), str(None), str(b"ab"), str(b"ab", "ascii"))

# slicing: steps, bounds, non-BMP code points; bytes, bytearray and memoryview alike
samples = ["", "abcdef", "a\U0001F600b\U00010400c", "\u00e9t\u00e9"]
for s in samples:
    row = []
    for a in (None, 0, 2, -1, -3, 10, -10):
        for b in (None, 1, -2, 10):
            for c in (None, 1, 2, -1, -2, 3):
                row.append(s[a:b:c])
    print(repr(s), "|".join(row))
    bs = s.encode()
    print(bs[::-1], bs[1:5:2], bytearray(bs)[::-2], memoryview(bs)[1:3].tobytes(), bs[-2:], bs[5:1:-1])
print("abc"[True], "abc"[-1], b"abc"[-3])
class Idx:
    def __index__(self): return 1
print("abc"[Idx()], "abcdef"[Idx():Idx() * 4 if False else 4], b"xyz"[Idx()])
one_f = 1.0
for bad in (lambda: "abc"[::0], lambda: "abc"[3], lambda: "abc"[one_f], lambda: "abc"["a":]):
    try: bad()
    except Exception as e: print(type(e).__name__, e)
saved = builtins.slice
builtins.slice = None          # BUILD_SLICE builds the slice itself
print("abcdef"[::-1], "abcdef"[1:3])
builtins.slice = saved

# hex, oct, bin
for v in (0, 1, -1, 255, -256, 2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**200 + 12345, -(2**130), True, Idx()):
    print(hex(v), oct(v), bin(v))

# repr of str: quote choice and escapes
for s in ("", "abc", "a'b", 'a"b', "a'\"b", "a\\b", "tab\t", "\u00e9", "\x7f", "~ ", "\ud800", "\U0001F600"):
    print(repr(s), ascii(s))

# strip, count, replace, upper/lower
for s, c in (("  abc  ", None), ("xxabcxx", "x"), ("", None), ("   ", None), ("abc", ""), ("xyx", "xy"),
             ("\u2003a\u2003", None), ("\U0001F600a\U0001F600", "\U0001F600"), ("ab", "ba"), ("\x1c a \x85", None)):
    print(repr(s.strip(c)), repr(s.lstrip(c)), repr(s.rstrip(c)))
for s, sub in (("a1b2c1d1", "1"), ("aaaa", "aa"), ("abc", ""), ("", ""), ("x\U0001F600y\U0001F600", "\U0001F600"), ("abcabc", "bc")):
    print(s.count(sub), s.count(sub, 1), s.count(sub, 0, -1), s.replace(sub, "+"), s.replace(sub, "", 1), s.replace(sub, "<>"))
print("a-b-c".replace("-", "+"), "a-b-c".replace("x", "+") == "a-b-c", "aaa".replace("a", "aa"))
print("Hello World \u00e9".upper(), "ABC \u00c9".lower(), "aBc".casefold(), "\u00df".upper(), "MiXeD".swapcase())

# float 'f' formats: exact ties, signs, widths, large and tiny values
for v in (0.0, -0.0, 0.005, 0.015, 0.125, 0.375, 2.675, -1.5, 1e15, 1e22, 1e23, 123456789.987654321,
          5e-324, 1.7976931348623157e308, float("inf"), float("nan"), -float("inf")):
    print(f"{v:.2f}|{v:.0f}|{v:.3f}|{v:+.1f}|{v:10.2f}|{v:<10.2f}|{v:.22f}|{v:.25f}|{v:,.2f}|{v:#.0f}",
          "%.2f %.0f %5.1f %-8.3f %+.2f %.2F" % (v, v, v, v, v, v), "{:.2f} {:.3F} {:f}".format(v, v, v))

# % formatting: the fast shape and everything next to it
x, s = 7, "ab"
print("%s%%%d" % ("a", 3), "%s" % "z", "%d" % 5, "%i%%" % (-12,), "%s" % (2**70), "%s %s" % ("a" * 600, 1),
      "%d-%s" % (True, s), "%s" % (S("q"),), "%s" % 1.5, "%d" % 2.7, "%s:%s" % (x, s), "%" "s" % "")
for fmt, args in (("%s %s", ("a",)), ("%d %", (1,)), ("%d", "x"), ("%s", ()), ("%s", (1, 2)), ("%z", 1)):
    try: print(fmt % args)
    except (TypeError, ValueError) as e: print(type(e).__name__, e)

# f-strings: BUILD_STRING joins
print(f"{s}-{x}", f"{x}{s}{x}{s}{x}", f"a{x!r}b{s!r}c{x:>4}d{s:^5}e", f"{s}", f"{''}{''}", f"{''}", f"{s}{''}")
e, g = "\u00e9", "\U0001F600"
print(len(f"{'a' * 1000}{'b' * 1000}{x}"), f"{e}{g}{x}")
# int with an alignment and a width (FORMAT_VALUE's fast path), around the edges
for v in (0, 7, -5, 123, -12345, 2**63 - 1, -2**63, 2**64, True):
    print(f"[{v:>8}|{v:<8}|{v:^8}|{v:^9}|{v:3}|{v:>1}|{v:20}|{v:^21}]")
# one-char needles (the char search) with start/end, next to a lone-surrogate needle
t = "key:value:x\U0001F600:y"
for sub in (":", "x", "z", "\U0001F600", "\ud83d", "\ude00"):
    print(repr(sub), t.find(sub), t.find(sub, 4), t.find(sub, 4, 9), t.rfind(sub), t.rfind(sub, 0, 9), t.rfind(sub, 20),
          t.count(sub, 2), t.split(sub), t.rsplit(sub, 1), t.partition(sub), t.rpartition(sub), t.replace(sub, "_", 2))
print("".find("a"), "a".find("a", 1), "a".rfind("a", 1), "abc".find("c", -1), "abc".rfind("a", -5, -2), "aXbXc".split("X", 1))
# split() on whitespace (the ASCII path) and on one char, join with every separator width
for s in ("", " ", "a", " a ", "a b", "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f a\x1fb\x85c\xa0d ", "  lead", "trail  ", "x" * 5,
          "one  two\tthree\nfour", "\u2003a\u3000b", "a\x00b c\x7f", "a\U0001F600 b"):
    print(repr(s), s.split(), s.split(None, 1), s.split(maxsplit=0), s.rsplit(), s.split(" "), s.split("a", 0), s.split("a", -1))
class SS(str): pass
for w in (SS("word"), SS("two words"), "word"):
    r = w.split(); print(type(r[0]).__name__, r, w.split() is w, r[0] is w, w.split(",")[0] is w)
for sep in ("", ",", ", ", "\u00e9", "\U0001F600", "<sep>"):
    print(repr(sep.join([])), repr(sep.join(["a"])), repr(sep.join(["a", "", "b\u00e9", "\U0001F600"])), repr(sep.join(("x", "y"))), repr(sep.join(SS(c) for c in "pq")))
try: ",".join(["a", 1])
except TypeError as e: print(e)
print(type(",".join([SS("only")])).__name__, [c for c in "a\u00e9\U0001F600\ud800z"], list(iter("")), len(list(iter("x" * 300))))

# str(x) and fmt % args straight from the VM: the same results, errors and reflected operands
class R(str):
    def __rmod__(self, other): return "R.__rmod__"
class T(tuple): pass
class I(int):
    def __rmod__(self, other): return "I.__rmod__"
print("%s" % R("r"), "x" % R("r"), "%d" % I(3), "%s-%s" % T((1, 2)), "%s" % 1.5, "%s" % "s", "%d%%" % 7)
acc = "%d"; acc %= 9; print(acc)
for bad in (lambda: "%d" % "x", lambda: "%d %d" % (1,), lambda: "%s" % (), lambda: "ab" % 3,
            lambda: str(1, 2, 3, 4), lambda: str(A, "utf-8")):
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
class BadStr:
    def __str__(self): return 3
try: str(BadStr())
except TypeError as e: print(e)
print(str(object=12), str(b"\xff", errors="replace"), [str(v) for v in (0, -1, 10**20, 2.5, True, None, ...)])
print(str is builtins.str, type(str(S("q"))) is S, str("plain") is not None)
for bad in (lambda: str(1, 2, 3, encoding="x"), lambda: str(1, 2, 3, 4, 5), lambda: str(b"", "utf-8", "strict", x=1)):
    try: bad()
    except TypeError as e: print(e)
