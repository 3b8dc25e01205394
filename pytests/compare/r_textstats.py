# Text statistics: word frequencies, line lengths, a histogram.
TEXT = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair."""
lines = TEXT.splitlines()
print("lines:", len(lines), "chars:", len(TEXT))
words = []
for line in lines:
    for raw in line.split():
        w = raw.strip(".,;:!?").lower()
        if w:
            words.append(w)
print("words:", len(words), "unique:", len(set(words)))
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
for w, n in top[:6]:
    print("%-8s %2d %s" % (w, n, "#" * n))
by_len = {}
for w in set(words):
    by_len.setdefault(len(w), []).append(w)
for n in sorted(by_len):
    print(n, sorted(by_len[n]))
longest = max(words, key=len)
print("longest:", longest, "avg len x100:", sum(map(len, words)) * 100 // len(words))
for i, line in enumerate(lines, 1):
    print("%d: %3d chars, %2d words, first=%r" % (i, len(line), len(line.split()), line.split()[0]))
letters = {}
for ch in TEXT.lower():
    if "a" <= ch <= "z":
        letters[ch] = letters.get(ch, 0) + 1
print("".join(sorted(letters, key=lambda c: (-letters[c], c))[:10]))
caps = [w.strip(",.") for w in TEXT.split() if w[0].isupper()]
print(caps)
pairs = {}
for a, b in zip(words, words[1:]):
    pairs[(a, b)] = pairs.get((a, b), 0) + 1
print(sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:4])
