# re.error messages and positions (the parser is CPython's own _parser.py running on our
# engine; the limits are checked by our _sre), and bad arguments. Compared with CPython 3.11.
import re, sys

bad = ["(", ")", "a)", "[a", "[z-a]", "a**", "a{2,1}", "(?P<1>a)", "(?P<a>a)(?P<a>b)", r"\1", "(?P=x)",
       "(?<=a+)b", "(?<!a|bc)d", "(?", "(?z)", "(?i", "(?-i)", r"\p", r"\x1", r"\u12", r"\U00110000",
       "a{", "(?P<a>)(?P=a", "(?(1)a|b|c)", "(?(x)a)", "x{4294967295}",
       "(?#unterminated", "*", "+a", "a|*", r"[\d-z]", r"\k", "(?L)a", "(?au)a", "(a)(?(2)b)", "a(?i)b",
       "(?>", "a++++", "(?P<", "(?P<a b>)", "\\", "[]", "[^]", "(?u:a)", "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((a"]
for pat in bad:
    try:
        re.compile(pat)
        print(repr(pat), "compiles")
    except re.error as e:
        print(repr(pat), "error:", e, "| msg=%r pos=%r lineno=%r colno=%r" % (e.msg, e.pos, e.lineno, e.colno))
    except Exception as e:
        print(repr(pat), type(e).__name__, e)

for pat, fl in [("a", re.L), (b"a", re.U), ("a", re.A | re.U), (b"a", re.A | re.L)]:
    try:
        re.compile(pat, fl)
        print(pat, fl, "compiles")
    except Exception as e:
        print(pat, int(fl), type(e).__name__, e)

try:
    re.compile("a\n(b\n[c")
except re.error as e:
    print(e, e.lineno, e.colno)

# deep nesting stays a clean error or works
for n in (50, 99, 100, 500):
    try:
        print(n, re.compile("(" * n + "a" + ")" * n).match("a").span(n))
    except Exception as e:
        print(n, type(e).__name__, str(e)[:60])
for n in (5000,):
    try:
        print(n, bool(re.compile("(?:" * n + "a" + ")" * n).match("a")))
    except Exception as e:
        print(n, type(e).__name__)
# groups limit and huge repeats
print(re.compile("a{65535}").match("a" * 65535).end(), re.compile("(?:ab){3,}?").match("ababab").end())
print(re.match("a{,4294967294}", "aaa").end(), re.match("a{0}b", "b").end())
