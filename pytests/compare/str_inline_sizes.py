# Short strs built at run time (%, f-strings, +, join, split, str(int)) keep their chars in the
# str object itself on our engine; every operation must see the same text as for a str built
# any other way. Lengths straddle the size classes (8, 16, 24, 32 chars) and the inline limit.
import pickle, sys

def variants(n):
    """The text 'abc...' of length n, made in several ways."""
    base = "".join(chr(97 + i % 26) for i in range(n))
    half = n // 2
    made = [
        base[:half] + base[half:],                    # concatenation
        "%s%s" % (base[:half], base[half:]),          # %-format
        f"{base[:half]}{base[half:]}",               # f-string
        "".join([base[:half], base[half:]]),          # join
        ("," + base + ",").split(",")[1],             # split piece
    ]
    return base, made

for n in (2, 7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 32, 33, 40):
    base, made = variants(n)
    d = {base: n}
    s = set(made)
    for m in made:
        assert m == base and hash(m) == hash(base) and d[m] == n, (n, m)
        assert len(m) == n and m[-1] == base[-1] and m[1:] == base[1:]
    d2 = {m: i for i, m in enumerate(made)}
    print(n, len(s), d2[base], base in s, made[1] < made[2] + "a", made[0].upper()[:3], repr(made[3][:4]),
          made[4].encode()[-2:], pickle.loads(pickle.dumps(made[1])) == base, sys.intern(made[2]) is sys.intern(base))

# numbers and formats around the limits
for v in (0, 7, -7, 12345678, -1234567, 2**31, -2**63, 2**63 - 1, 10**20):
    t = str(v)
    print(t, len(t), repr(v), "%d|%s" % (v, t), f"{v:>12}|{v}", hash(t) == hash(repr(v)), {t: 1}.get(repr(v)))

# non-ASCII and surrogates: the short-str path must keep code points right
parts = ["é", "\U0001F600", "x", "\ud800", "\udc00", "ü" * 10]
for a in parts:
    for b in parts:
        if a == "\ud800" and b == "\udc00":
            continue    # UTF-16 cannot keep a lone high then a lone low surrogate apart (PyStr's note)
        c = a + b
        f = f"{a}{b}"
        p = "%s%s" % (a, b)
        j = "".join([a, b])
        assert c == f == p == j, (a, b)
        print(ascii(c), len(c), len(f), len(p), len(j), hash(c) == hash(j), [ord(ch) for ch in p][:3])

# a long chain built from short pieces, joined and split again
words = ["w%d-%s" % (i, hex(i)) for i in range(200)]
text = ",".join(words)
back = text.split(",")
print(len(text), back == words, back[17], back[-1], text.count("0x1"), len(set(back)), sorted(back)[:3])
print(" ".join(f"{w}:{i}" for i, w in enumerate(words[:5])), "-".join(str(i) for i in range(12)))
# the same short value as dict keys from both kinds of str
d = {}
for i in range(50):
    d["k%d" % i] = i
print(sum(d["k" + str(i)] for i in range(50)), d[f"k{49}"], "k7" in d, list(d)[:3])
# format() of ints under the f-string fast path, padded below and above the inline limit
for v in (0, 5, -5, 123456, -2**63, 2**63 - 1):
    print(" ".join(repr(f"{v:{sp}}") for sp in ("", ">8", "<8", "^9", "3", ">40", "<33", "^1")), format(v, ">31") == f"{v:>31}")
