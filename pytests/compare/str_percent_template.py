# str % args through the parsed-format cache (PyStrPercentTemplate): the same format with
# arguments of every shape, formats built at run time, and digit counts at each power of ten.
class S(str): pass
class I(int): pass
class Fmt:
    def __str__(self): return "F"
    def __repr__(self): return "R"

fmts = ["%d-%s", "%s", "%d", "%i%%", "%%%s%%", "a%sb%dc%%d", "", "no conversions", "%%", "%s%s%s%s%s%s",
        "\u00e9%s\U0001F600%d", "%s\n", "%r", "%5d", "%-3s|", "%.2s", "%(a)s", "%x", "%c"]
argsets = [(1, "x"), ("x", 1), (1,), ("y",), (), (-7, S("q")), (I(5), "z"), (True, "t"), (1.5, "f"), (Fmt(), 3),
           ("a", "b", "c", "d", "e", "f"), (2**63 - 1, 2**63), (-2**63, -2**63 - 1), 5, "s", S("sub"), I(9), 2.5,
           {"a": 1}, [1, 2], None, (None, None)]
for f in fmts:
    out = []
    for a in argsets:
        for _ in range(2):                      # the second call hits the cache
            try: r = repr(f % a)
            except (TypeError, ValueError, KeyError, OverflowError) as e: r = type(e).__name__ + ": " + str(e)
        out.append(r)
    print(repr(f), " | ".join(out))

# formats made at run time (a new string object per call) and reused ones interleaved
for k in range(40):
    f = "<" + "%s" * (k % 4) + "%%" * (k % 3) + ">"
    args = tuple(range(k % 4))
    print(f % args, "%d-%s" % (k, k * k), ("%" + "d") % k)

# decimal widths at every power of ten, both signs
for e in range(20):
    for v in (10**e - 1, 10**e, 10**e + 1):
        if v >= 2**63: continue
        print("%d|%s|%i" % (v, -v, v), "%d" % (-v - 1))
print("%d %d" % (-2**63, 2**63 - 1), "%s" % -0, "%d" % -1)
