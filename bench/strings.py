"""String building and formatting. Prints: strings seconds=<s> check=<v>"""
import time
def work():
    parts = []
    for i in range(300000):
        parts.append("%d-%s" % (i, hex(i)))
        parts.append(f"{i:>8}|{i * 0.5:.2f}")
        parts.append("item" + str(i))
    s = ",".join(parts)
    return len(s) + s.count("1") + len(s.upper().split(","))
t0 = time.perf_counter()
v = work()
print("strings seconds=%.4f check=%d" % (time.perf_counter() - t0, v))
