"""Times each str operation the benchmarks use, one line per operation (ns of process CPU time
per operation: steadier than wall time on a shared machine).
Run under both engines and compare: bench/str_ops.sh prints the ratios side by side."""
import time, sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 200000

def bench(name, fn):
    fn(N // 10)              # warm-up
    best = None
    for _ in range(3):
        t0 = time.process_time()
        fn(N)
        dt = time.process_time() - t0
        best = dt if best is None or dt < best else best
    print("%-14s %8.1f" % (name, best * 1e9 / N))

def b_pct(n):
    s = "abc"
    for i in range(n): "%d:%s" % (i, s)
def b_pct_hex(n):
    for i in range(n): "%d-%s" % (i, hex(i))
def b_fstr(n):
    for i in range(n): f"{i:>8}|{i * 0.5:.2f}"
def b_fstr_plain(n):
    s = "x"
    for i in range(n): f"{s}-{i}"
def b_hex(n):
    for i in range(n): hex(i)
def b_str_int(n):
    for i in range(n): str(i)
def b_str_int_rev(n):
    for i in range(n): str(i * 7)[::-1]
def b_concat(n):
    for i in range(n): "item" + "abc"
def b_join(n):
    parts = ["abc"] * 100
    for i in range(n // 10): ",".join(parts)
def b_upper(n):
    s = "hello world, some text"
    for i in range(n): s.upper()
def b_split(n):
    s = "a,bb,ccc,dddd,e"
    for i in range(n): s.split(",")
def b_count(n):
    s = "a1b2c1d1" * 8
    for i in range(n): s.count("1")
def b_slice(n):
    s = "abcdefghij"
    for i in range(n): s[2:7]
def b_rev(n):
    s = "abcdef"
    for i in range(n): s[::-1]
def b_index(n):
    s = "abcdefghij"
    for i in range(n): s[3]
def b_iter(n):
    s = "abcdefghij"
    for i in range(n // 10):
        for c in s: pass
def b_in(n):
    s = "abcdefghij"
    for i in range(n): "def" in s
def b_eq(n):
    a = "abcdefghij"; b = "abcdefghi" + "j"
    for i in range(n): a == b
def b_hash(n):
    s = "abcdefghij"
    for i in range(n): hash(s)
def b_dict(n):
    d = {"alpha": 1, "beta": 2, "gamma": 3}
    k = "beta"
    for i in range(n): d[k]
def b_encode(n):
    s = "hello wörld"
    for i in range(n): s.encode()
def b_decode(n):
    b = "hello wörld".encode()
    for i in range(n): b.decode()
def b_format(n):
    for i in range(n): "{}-{}".format(i, "x")
def b_repr(n):
    s = "abc"
    for i in range(n): repr(s)
def b_strip(n):
    s = "  abc  "
    for i in range(n): s.strip()
def b_len(n):
    s = "abcdef"
    for i in range(n): len(s)
def b_startswith(n):
    s = "abcdef"
    for i in range(n): s.startswith("ab")
def b_replace(n):
    s = "a-b-c-d"
    for i in range(n): s.replace("-", "+")
def b_empty(n):
    for i in range(n): pass

for name, fn in list(globals().items()):
    if name.startswith("b_"):
        bench(name[2:], fn)
