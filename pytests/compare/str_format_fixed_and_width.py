# Fixed-point float formatting ('.Nf' through format(), %-format and f-strings: a 64-bit fast path
# and the general one) and ints with an alignment and a width, against CPython digit for digit.
import random
random.seed(5)
vals = [0.0, -0.0, 0.5, 0.005, 0.015, 0.025, 1.005, 2.675, 1e15, 1e16, 123456789.125, 9.995, 0.0049999, 1e-300, 5e-324,
        float(2**53), float(2**63), float(2**64), 1e22, 1e23, -1.5, -2.5, 0.125, 0.375, 1/3, 2/3, 1e-5, 99.995]
for i in range(120):
    vals.append(random.uniform(-1e6, 1e6)); vals.append(random.random() * 10 ** random.randint(-8, 20)); vals.append(i * 0.5)
    vals.append(random.randint(0, 10**6) / 1000)
out = []
for v in vals:
    for p in (0, 1, 2, 3, 5, 9, 15, 19, 20):
        out.append(format(v, ".%df" % p)); out.append("%.*f" % (p, v)); out.append(f"{v:.{p}f}")
    out.append(f"{v:+.2f}"); out.append(f"{v:10.3f}"); out.append(f"{v:.2f}")
for i in list(range(-120, 120)) + [10**k for k in range(19)] + [-10**k for k in range(19)] + [2**63 - 1, -2**63, 2**64]:
    for sp in ("", ">8", "<8", "^8", "8", "3", "1", ">20", "^21", "<1"):
        out.append("[" + format(i, sp) + "]"); out.append(f"[{i:{sp}}]")
print(len(out)); print("\n".join(out))
