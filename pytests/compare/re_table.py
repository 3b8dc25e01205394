# Runs CPython's own regular-expression table (test/re_tests.py) through re: every pattern is
# compiled, searched in str and bytes (plain and LOCALE), case-insensitively, in a window, and
# the spans and groups are printed. The output must equal CPython 3.11's.
import re
from test.re_tests import tests, benchmarks


def show(m):
    if m is None:
        return "None"
    return "%r %r %r" % (m.span(), m.groups(), m.lastindex)


def attempt(f):
    try:
        return f()
    except re.error as e:
        return "re.error: %s @%r" % (e.msg, e.pos)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


for n, t in enumerate(tests):
    pattern, s = t[0], t[1]
    print(n, repr(pattern), repr(s))
    print("  compile:", attempt(lambda: re.compile(pattern).groups))
    try:
        obj = re.compile(pattern)
    except re.error:
        continue
    print("  search:", attempt(lambda: show(obj.search(s))))
    print("  match:", attempt(lambda: show(obj.match(s))))
    print("  fullmatch:", attempt(lambda: show(obj.fullmatch(s))))
    print("  findall:", attempt(lambda: obj.findall(s)))
    print("  split:", attempt(lambda: obj.split(s)))
    print("  sub:", attempt(lambda: obj.subn("<>", s)))
    print("  ignorecase:", attempt(lambda: show(re.compile(pattern, re.I).search(s))))
    m = obj.search(s)
    if m:
        start, end = m.span()
        # the same match must be found when the text is embedded in a window
        s2 = "x" * start + s + "x" * 3
        print("  window:", attempt(lambda: show(obj.search(s2, start, start + len(s)))))
        print("  groupdict:", m.groupdict(), m.lastgroup)
    try:
        bpat = bytes(pattern, "ascii")
        bs = bytes(s, "ascii")
    except UnicodeEncodeError:
        continue
    print("  bytes:", attempt(lambda: show(re.compile(bpat).search(bs))))
    print("  locale:", attempt(lambda: show(re.compile(bpat, re.LOCALE).search(bs))))
    print("  locale-i:", attempt(lambda: show(re.compile(bpat, re.LOCALE | re.I).search(bs))))

for pattern, s in benchmarks:
    p = re.compile(pattern)
    s2 = " " * 1000 + s + " " * 1000
    print(pattern, show(p.search(s2)), show(p.match(s2, 1000)), show(p.fullmatch(s2, 1000, 1000 + len(s))))
