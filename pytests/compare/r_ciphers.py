# Text utilities: caesar/vigenere, run-length encoding, roman numerals, base conversion, word wrap.
def caesar(s, k):
    out = []
    for ch in s:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
def vigenere(s, key, sign=1):
    out = []; i = 0
    for ch in s.upper():
        if ch.isalpha():
            out.append(chr((ord(ch) - 65 + sign * (ord(key[i % len(key)]) - 65)) % 26 + 65)); i += 1
        else:
            out.append(ch)
    return "".join(out)
msg = "Attack at Dawn, 5am!"
enc = caesar(msg, 3)
print(enc, caesar(enc, -3) == msg, caesar("xyz", 29))
v = vigenere(msg, "LEMON")
print(v, vigenere(v, "LEMON", -1))
def rle(s):
    out = []; i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append("%d%s" % (j - i, s[i])); i = j
    return "".join(out)
def unrle(s):
    out = []; num = ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num)); num = ""
    return "".join(out)
for s in ["aaabccddddd", "abc", "", "zzzzzzzzzzzz"]:
    print(repr(s), rle(s), unrle(rle(s)) == s)
ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
def to_roman(n):
    out = ""
    for v, s in ROMAN:
        while n >= v:
            out += s; n -= v
    return out
def from_roman(s):
    vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for a, b in zip(s, s[1:] + " "):
        total += -vals[a] if b != " " and vals[a] < vals[b] else vals[a]
    return total
print([to_roman(n) for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]])
print(all(from_roman(to_roman(n)) == n for n in range(1, 4000)))
def to_base(n, b):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0: return "0"
    neg = n < 0; n = abs(n); out = ""
    while n:
        n, r = divmod(n, b); out = digits[r] + out
    return "-" * neg + out
print([to_base(255, b) for b in (2, 8, 16, 36)], to_base(-2 ** 70, 7), int(to_base(2 ** 70, 36), 36) == 2 ** 70)
def wrap(text, width):
    lines = []; cur = ""
    for w in text.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur); cur = w
        else:
            cur = cur + " " + w if cur else w
    if cur: lines.append(cur)
    return lines
para = "The quick brown fox jumps over the lazy dog and keeps running far beyond the hills until night falls."
for line in wrap(para, 24):
    print("|" + line.ljust(24) + "|")
print("|" + "|\n|".join(l.center(30) for l in wrap(para, 30)) + "|")
