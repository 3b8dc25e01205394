# Resuming a generator (for, next, send, sum, yield from) exactly at the recursion limit: the
# resumer gets RecursionError and the generator ends there without running its finally block,
# as CPython's frame fails on entry; the recursion below stays usable.
def g():
    try:
        for i in range(100000):
            yield i
    finally:
        print("finally ran")

def probe(how):
    G = g(); next(G)
    def f(n):
        if n == 0:
            return how(G)
        return f(n - 1)
    for depth in range(0, 3000):
        try:
            f(depth)
        except RecursionError:
            print(how.__name__, "RecursionError", depth > 900, G.gi_running, G.gi_suspended, G.gi_frame is None)
            break
    try:
        print(next(G))
    except Exception as e:
        print(type(e).__name__, e)

def viafor(G):
    for x in G: return x
def vianext(G): return next(G)
def viasend(G): return G.send(None)
def viamethod(G): return G.__next__()
for h in [viafor, vianext, viasend, viamethod]:
    probe(h)
