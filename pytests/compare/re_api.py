# The re.Pattern / re.Match / scanner API: attributes, reprs, group access, templates,
# pos/endpos windows, empty matches, copies and pickling; output compared with CPython 3.11.
import re, copy


def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


p = re.compile(r"(?P<first>\w+)\s+(?P<last>\w+)(?:,\s*(\d+))?")
print(p, p.pattern, p.flags, p.groups, dict(p.groupindex), type(p.groupindex).__name__)
m = p.search("name: John Smith, 42 and more")
print(m)
print(m.group(), m.group(0), m.group(1), m.group("last"), m.group(1, "last", 3), m[0], m["first"], m[3])
print(m.groups(), m.groupdict(), m.span(), m.span(2), m.start("last"), m.end(3), m.regs)
print(m.string, m.re is p, m.pos, m.endpos, m.lastindex, m.lastgroup)
print(attempt(lambda: m.group(4)), attempt(lambda: m.group("nope")), attempt(lambda: m.group(-1)), attempt(lambda: m[1.5]))
print(m.expand(r"\g<last>, \g<first> (\3) \\ \n"), repr(m.expand(r"\1\t")))
m2 = p.match("Ann Lee")
print(m2.groups(), m2.groups("-"), m2.groupdict("?"), m2.span(3), m2.start(3), m2.lastindex, m2.lastgroup)
print(type(m).__name__, type(p).__name__, type(m).__module__, type(p).__module__)
print(re.Pattern, re.Match, re.Pattern[str], re.Match[bytes])
print(attempt(lambda: re.Pattern()), attempt(lambda: re.Match()))
print(copy.copy(p) is p, copy.deepcopy(p) is p, copy.copy(m) is m, copy.deepcopy(m) is m)
print(re.compile("a") == re.compile("a"), re.compile("a") == re.compile("a", re.I), re.compile("a") != re.compile("b"),
      re.compile(b"a") == re.compile("a"), hash(re.compile("ab")) == hash(re.compile("ab")))

# reprs
for pat, fl in [("a", 0), ("a", re.I), ("a", re.I | re.M | re.S | re.X), (b"a", 0), (b"a", re.L),
                ("a", re.A), ("a" * 300, 0), ("x'y\"z", 0), ("a", re.U), ("\n\t", re.DEBUG * 0)]:
    print(repr(re.compile(pat, fl)))
print(repr(re.match("a" * 60, "a" * 60)), repr(re.match(b"x+", b"xxx")), repr(re.match("", "")))

# windows
q = re.compile(r"^\w+$|\bb")
for args in [(0,), (1,), (2, 4), (-3, 100), (5, 2), (0, 0)]:
    print(args, q.search("abcd", *args), q.match("abcd", *args), q.fullmatch("abcd", *args))
print(re.compile(r"$").findall("a\nb\n"), re.compile(r"(?m)$").findall("a\nb\n"), re.compile(r"\Z").search("ab\n"))
print(re.compile("d").search("abcd", endpos=3), re.compile("a").match(string="xa", pos=1))

# empty matches and findall/split/sub interplay
for pat in [r"", r"x*", r"\b", r"(?=a)", r"a|", r"|a", r"(a)|b", r"(a)(b)?", r"\s*"]:
    s = "aab ba"
    print(repr(pat), re.findall(pat, s), re.split(pat, s), re.sub(pat, "-", s), re.subn(pat, "<\\g<0>>", s, 3),
          [m.span() for m in re.finditer(pat, s)])
print(re.split(r"(,)|(;)", "a,b;c"), re.split(",", "a,b,c", maxsplit=1), re.split(",", "a,b,c", -1), re.split("x*", ""))
print(re.sub("a", "b", "aaa", count=2), re.sub("a", "b", "aaa", -1), re.subn("(a)", r"\1\1", "aXa"))
print(re.sub("(?P<n>a)", r"[\g<n>\g<1>\g<0>]", "ab"), re.sub("a", lambda m: None, "bab"), re.sub("a", r"\n", "a") == "\n")
print(attempt(lambda: re.sub("a", lambda m: 1, "a")), attempt(lambda: re.sub("a", 3, "a")), attempt(lambda: re.sub("(a)", r"\2", "a")))
print(attempt(lambda: re.sub(b"a", "x", b"a")), attempt(lambda: re.sub("a", b"x", "a")), attempt(lambda: re.sub("a", r"\g<x>", "a")))
print(re.sub(b"(a)", rb"<\1>", b"cab"), re.sub(b"a", lambda m: b"!", bytearray(b"aba")), re.subn(rb"\d", b"#", memoryview(b"a1b2")))

# scanner
sc = re.compile(r"\d+|[a-z]+").scanner("ab12cd!34")
print(sc.pattern, [sc.match().group() for _ in range(3)], sc.match(), sc.match())
sc = re.compile(r"\d+").scanner("ab12cd!34")
print(sc.search().span(), sc.search().span(), sc.search(), sc.search())
print(type(re.finditer("a", "a")).__name__, list(re.finditer("a", "bab", 2)))
sc = re.Scanner([(r"\d+", lambda s, t: int(t)), (r"\s+", None), (r"[a-z]+", lambda s, t: t.upper())])
print(sc.scan("12 ab 7 c!?"))

# type errors
for f in [lambda: re.match("a", 1), lambda: re.match(b"a", "a"), lambda: re.match("a", b"a"),
          lambda: re.compile(1), lambda: re.compile("a", re.I).match("A", "x"),
          lambda: re.compile(re.compile("a"), re.I), lambda: re.compile("a").match("a", pos=None)]:
    print(attempt(f))
print(re.compile(re.compile("a")).pattern, re.match("a", "ba", re.I), re.search(re.compile("a"), "ba"))
print(re.fullmatch(b"a+", bytearray(b"aa")), re.search(b"b", memoryview(b"abc")).group())

class S(str): pass
class B(bytes): pass
m = re.search(r"(b)", S("abc"))
print(type(m.string).__name__, type(m.group()).__name__, type(re.sub("x", "y", S("abc"))).__name__)
m = re.search(rb"(b)", B(b"abc"))
print(type(m.string).__name__, type(m.group()).__name__, type(re.split(b"b", B(b"abc"))[0]).__name__)
print(re.purge(), hasattr(re, "template"))

# groupindex is a read-only proxy that compares equal to a dict
print(p.groupindex == {"first": 1, "last": 2}, {"first": 1, "last": 2} == p.groupindex, p.groupindex != {})
# a match over a bytearray reads the buffer when asked
ba = bytearray(b"abcdefgh")
m1, m2 = re.search(b"[a-h]+", ba), re.search(b"[e-h]+", ba)
ba[:] = b"xyz"
print(m1.group(), m2.group(), m1.span(), m2.span())
