# Differential fuzzing: a fixed pseudo-random stream of patterns built from groups,
# alternation, every kind of repeat (greedy, lazy, possessive), atomic groups, lookarounds,
# backreferences and conditionals, each run over strings of a small alphabet. Every result
# (spans, groups, lastindex, findall, sub) must equal CPython 3.11's.
import re

state = 12345
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return (state >> 8) % n

ngroups = 0
def atom(depth):
    global ngroups
    k = rnd(14 if depth < 3 else 6)
    if k == 0: return "a"
    if k == 1: return "b"
    if k == 2: return "."
    if k == 3: return "[ab]"
    if k == 4: return "[^a]"
    if k == 5: return "c" if rnd(2) else "\\w"
    if k == 6:
        ngroups += 1
        return "(" + expr(depth + 1) + ")"
    if k == 7: return "(?:" + expr(depth + 1) + ")"
    if k == 8: return "(?>" + expr(depth + 1) + ")"
    if k == 9: return ("(?=", "(?!")[rnd(2)] + expr(depth + 1) + ")"
    if k == 10: return ("(?<=", "(?<!")[rnd(2)] + ("a", "b", "ab", "[ab]")[rnd(4)] + ")"
    if k == 11 and ngroups: return "\\%d" % (1 + rnd(ngroups))
    if k == 12 and ngroups: return "(?(%d)%s|%s)" % (1 + rnd(ngroups), piece(depth + 1), piece(depth + 1))
    return ("^", "$", "\\b", "\\B")[rnd(4)]

def piece(depth):
    a = atom(depth)
    if a in ("^", "$", "\\b", "\\B") or a.startswith("(?=") or a.startswith("(?!") or a.startswith("(?<"):
        return a
    q = rnd(12)
    quant = ["", "", "", "*", "+", "?", "{2}", "{1,3}", "{0,2}"][q % 9] if q < 9 else ["*", "+", "?"][q - 9]
    mod = ""
    if quant:
        m = rnd(4)
        mod = "?" if m == 1 else "+" if m == 2 else ""
    return a + quant + mod

def expr(depth):
    parts = ["".join(piece(depth) for _ in range(1 + rnd(3))) for _ in range(1 + (rnd(3) == 0))]
    return "|".join(parts)

def subject():
    return "".join("abc "[rnd(4)] for _ in range(rnd(9)))

def show(m):
    return None if m is None else (m.span(), m.groups(), m.lastindex)

count = 0
for i in range(1500):
    ngroups = 0
    pat = expr(0)
    if rnd(5) == 0:
        pat = "(?i)" + pat.upper()
    try:
        p = re.compile(pat)
    except re.error as e:
        print(i, repr(pat), "error", e.msg)
        continue
    for j in range(4):
        s = subject()
        try:
            r = (show(p.search(s)), show(p.match(s)), show(p.fullmatch(s)), p.findall(s), p.sub("-", s))
        except Exception as e:
            r = type(e).__name__
        print(i, repr(pat), repr(s), r)
        count += 1
print("cases", count)
