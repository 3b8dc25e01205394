# `a + b` and `s += x` on long strs (strs helper): results kept as parts or in a shared,
# growable buffer must read exactly as plain strs, whichever str of a chain is used, in any order.
base = "x" * 200
a = base + "A"
b = base + "B"
print(a[-3:], b[-3:], len(a), len(b), a == base + "A", a < b, hash(a) == hash(base + "A"))
c = a + "1"; d = c + "2"; e = c + "3"     # e branches off c after d went further
print(c[-4:], d[-4:], e[-4:], len(c), len(d), len(e), d != e)
f = d + d; print(len(f), f[199:205], f[-3:], f.count("A12"))
g = e + e + e; print(len(g), g.count("A13"), e[-2:], len(e))

s = ""
keep = []
for i in range(2000):
    s += str(i) + ","
    if i % 250 == 0: keep.append(s)
whole = "".join(str(i) + "," for i in range(2000))
print(len(s), s[:20], s[-12:], [len(k) for k in keep], keep[3][-8:], s == whole)
print(all(whole.startswith(k) for k in keep), hash(s) == hash(whole), {s: 1}[whole])
t = s
s += "end"; t += "other"
print(t[-8:], s[-8:], len(t), len(s), t[:-5] == s[:-3])

# the strs of a chain read before and after it grows
lines = []
acc = "start:" + "-" * 150
for i in range(300):
    acc = acc + "<%d>" % i
    if i % 37 == 0: lines.append((acc, len(acc), acc[-6:]))
for x, n, tail in lines: print(n, len(x) == n, x[-6:] == tail, x.upper()[-6:], x.find("<36>"))

# attributes, globals, containers: the same amortised appends
class Box:
    def __init__(self): self.text = "#" * 130
box = Box()
for i in range(500): box.text += chr(97 + i % 26)
print(len(box.text), box.text[128:140], box.text[-5:])
g_text = "=" * 129
def grow():
    global g_text
    for i in range(300): g_text += "%03d" % i
grow(); print(len(g_text), g_text[-9:])
parts = ["p" * 140]
for i in range(200): parts[0] += str(i % 10)
print(len(parts[0]), parts[0][-10:])

# non-ASCII and code points above the BMP through the buffer
u = "é" * 130
for ch in ["ü", "\U0001F600", "ß", "\U00010400", "z"]: u += ch
print(len(u), u[-5:], u[129:132], [hex(ord(ch)) for ch in u[-5:]], u.encode("utf-8")[-12:])
p = "\U0001F600" * 70 + "a"; q = p + "\U0001F600"; r = q + "b"
print(len(p), len(q), len(r), r[-3:], q[69:], r.index("a"))

# identities and types as CPython: the empty operand gives back the other exact str
class S(str): pass
w = S("y" * 300)
print(type(w + "").__name__, (w + "") is w, type("" + w).__name__, type(w + "z").__name__, type("z" + w).__name__)
big = "q" * 150 + "r"
print((big + "") is big, ("" + big) is big, type(big + w).__name__, (big + w)[-2:])
for bad in (lambda: big + 5, lambda: big + None):
    try: bad()
    except TypeError as ex: print(ex)
print(repr(("a" * 126) + "'\n\t"), ascii("é" * 64 + "ü" * 64))
print(sorted([big + "b", big + "a", big]) == [big, big + "a", big + "b"], (big + "z") in {big + "z"})
print(("k" * 200 + "v") % () if False else ("%s|" % ("k" * 130 + "v"))[-3:], f"{big + 'f'}"[-3:], str(big + "s")[-2:])
