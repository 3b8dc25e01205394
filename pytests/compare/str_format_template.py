# str.format through the parsed-format cache (PyStrFormatTemplate): each format twice (the
# second call hits the cache) with arguments of every kind, next to formats that must leave
# the fast path; errors, and the order of __format__/__str__ calls around them.
calls = []
class S(str):
    def __format__(self, spec): calls.append(("S", spec)); return "S<" + str.__format__(self, spec) + ">"
class T:
    def __str__(self): calls.append("T.str"); return S("t")
    def __repr__(self): calls.append("T.repr"); return "T\u00e9"
    def __format__(self, spec): calls.append(("T", spec)); return "T:" + spec
class Bad:
    def __format__(self, spec): return 5
    def __repr__(self): return "Bad()"
class I(int):
    def __format__(self, spec): return "I" + spec

fmts = ["{}-{}", "{0}{1}{0}", "{1}{0}", "{}", "{:>6}|{:.2f}", "{!r}", "{!s:^9}", "{!a}", "{0!r:>8}", "x{{}}y", "{{{}}}",
        "", "plain", "{:}", "{0:}", "{}{}{}{}{}{}", "\u00e9{}\U0001F600", "{:,}", "{:x}", "{:{}}", "{0}{}", "{}{0}",
        "{a}", "{0.real}", "{0[0]}", "{", "}", "{0", "{0!", "{0!x}", "{!}", "{0!r!s}", "{0!rx}", "{:{", "{\u0660}",
        "{99999999999}", "{2}", "{ 0}", "{00}", "{:>{1}}", "a}}b{{c"]
argsets = [(1, "x"), ("ab", 2.5), (S("s"), T()), (T(), 3), (Bad(), 1), (I(3), I(4)), (), ("only",),
           (1, 2, 3, 4, 5, 6), ([1, 2], {"k": 1}), (True, None), (-0.0, float("nan"))]
for f in fmts:
    out = []
    for a in argsets:
        for _ in range(2):
            del calls[:]
            try: r = repr(f.format(*a, unused=1))
            except (TypeError, ValueError, KeyError, IndexError, AttributeError) as e: r = type(e).__name__ + ": " + str(e)
        out.append(r + (str(calls) if calls else ""))
    print(repr(f), " | ".join(out))

# formats made at run time, and the same format as a str subclass
for k in range(30):
    f = "<" + "{}" * (k % 4) + "{{" * (k % 3) + ">"
    print(f.format(*range(k % 4)), "{0}-{1}".format(k, k * k), ("{" + "}").format(k), S("[{}]").format(k))
# keyword fields still go the general way
print("{a}-{}".format(1, a=2), "{0}{x}".format(1, x="y"), "{}".format(*"abc"[:1]))
# the spec errors name the subclass (int, float and str formatting alike)
class F(float): pass
class J(int): pass
for v in (True, F(1.5), J(3), J(2**70), S("s"), 7, 2.5):
    for spec in ("None", "q", ",c"):
        try: print(format(v, spec))
        except ValueError as e: print(e)
