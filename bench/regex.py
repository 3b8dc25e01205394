"""re on a 1 MB text: split, findall, sub (str and callable), finditer, search, IGNORECASE.
Prints one line per operation, then: regex seconds=<total> check=<v>"""
import re, time

words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
lines = []
n = 0
while sum(map(len, lines)) < 1_000_000:
    w = words[n % 8]
    lines.append("%s %d %s-%d, %s.%s@example.org; x=%d\n" % (w, n, w.upper(), n * 7, w, words[(n + 3) % 8], n % 97))
    n += 1
text = "".join(lines)

ops = [
    ("split_ws", lambda: len(re.split(r"\s+", text))),
    ("split_punct", lambda: len(re.split(r"[,;]\s*", text))),
    ("findall_words", lambda: len(re.findall(r"\w+", text))),
    ("findall_numbers", lambda: sum(map(int, re.findall(r"\d+", text))) % 1000003),
    ("findall_emails", lambda: len(re.findall(r"[\w.]+@[\w.]+\.\w+", text))),
    ("findall_groups", lambda: len(re.findall(r"(\w+)-(\d+)", text))),
    ("sub_str", lambda: len(re.sub(r"\d+", "#", text))),
    ("sub_template", lambda: len(re.sub(r"(\w+)@(\w+)", r"\2 at \1", text))),
    ("sub_callable", lambda: len(re.sub(r"[aeiou]", lambda m: m.group().upper(), text))),
    ("finditer_spans", lambda: sum(m.end() - m.start() for m in re.finditer(r"[A-Z]+", text))),
    ("search_literal_miss", lambda: re.search(r"notfound", text) is None),
    ("ignorecase", lambda: len(re.findall(r"(?i)theta\s+\d+", text))),
]

total = 0.0
check = 0
for name, f in ops:
    t0 = time.perf_counter()
    v = f()
    dt = time.perf_counter() - t0
    total += dt
    check = (check * 31 + int(v)) % 1000000007
    print("regex.%s seconds=%.4f check=%d" % (name, dt, int(v)))
print("regex seconds=%.4f check=%d" % (total, check))
