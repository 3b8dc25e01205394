# find/rfind/index/rindex/count/startswith/endswith with start and end (strs helper): code
# point indexes over strs with and without surrogate pairs, long ones included (their index
# conversions use checkpoints), and the order of argument errors.
samples = [
    "", "abcabcab", "a\U0001F600b\U0001F600ab", "\U0001F600" * 5,
    ("xy\U00010400z" * 40) + "needle" + ("\U0001F600q" * 30),
    "plain text " * 20 + "needle" + " tail",
    "\ud83d lone \ude00 surrogates \ud83d",
]
subs = ["", "a", "ab", "b\U0001F600", "\U0001F600", "needle", "q", "z", "\ude00", "zz"]
bounds = [None, 0, 1, 3, -1, -4, 7, 100, -100, 2**70, -(2**70)]
for s in samples:
    rows = []
    for sub in subs:
        for a in bounds:
            for b in (None, 2, -2, 50, 10**30):
                rows.append("%d,%d,%d,%d,%d" % (s.find(sub, a, b), s.rfind(sub, a, b), s.count(sub, a, b),
                                                s.startswith(sub, a, b), s.endswith(sub, a, b)))
    print(len(s), ";".join(rows))
    for sub in subs:
        for a in (None, 1, -3):
            try: r = s.index(sub, a)
            except ValueError as e: r = str(e)
            try: q = s.rindex(sub, a)
            except ValueError as e: q = str(e)
            print(repr(sub), a, r, q, end=" | ")
    print()
    print(s.startswith(("zz", "a", "\U0001F600"), 1), s.endswith(("ab", "q"), 0, -1), s.startswith((), 0))

# a long string searched from many starts: each call must not rescan the whole string
big = "".join(chr(97 + i % 26) for i in range(200000)) + "\U0001F600" + "xyz" * 3
i = n = 0
while True:
    i = big.find("xyz", i)
    if i < 0: break
    n += 1; i += 1
print(n, big.rfind("xyz"), big.count("xyz", 1000, -5), big.startswith("b", 1), big.endswith("\U0001F600", 0, 200001))
print(sum(big.startswith(("q", "z"), k) for k in range(0, 200010, 7)), big.index("\U0001F600", 5), big.find("z", 200001))

# errors: start/end are converted before the needle or prefix is checked, as CPython
class I:
    def __index__(self): return 2
print("abcabc".find("c", I()), "abcabc".count("a", I(), None), "abcabc".startswith("c", I()))
for bad in (lambda: "abc".find(1), lambda: "abc".find(1, "x"), lambda: "abc".count(None, 1.5),
            lambda: "abc".index("z", 1), lambda: "abc".startswith(1), lambda: "abc".startswith(1, "x"),
            lambda: "abc".endswith(("c", 2)), lambda: "abc".endswith((2, "c")), lambda: "abc".startswith(("a", 2)),
            lambda: "abc".startswith((2,), 10), lambda: "abc".rindex("a", 1)):
    try: print(bad())
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
