# list(s), l.extend(s), l += s and iteration of strs: BMP, non-BMP, lone surrogates, a subclass with its own __iter__.
import pickle
for s in ["", "a", "abc", "h\u00e9llo", "\u20ac\u00ff\u0100x", "a\U0001F600b\U0001F601", "\ud800x\udc00", "\udc00\ud800", "x" * 1000 + "\U0001F600"]:
    l = list(s); print(len(l), [ord(c) for c in l][:12], l == [c for c in s])
    m = [1, 2]; m.extend(s); print(len(m), m[:4])
    m += s; print(len(m))
    it = iter(s); next(it, None); print(list(it)[:3], list(it))
    it = iter(s); next(it, None); print(pickle.loads(pickle.dumps(it)).__length_hint__() if s else None)
class S(str):
    def __iter__(self): return iter("zz")
print(list(S("abc")), [].__class__(S("q")))
u, v = "ab", "xab"
print(list(u) is not list(u), list(u)[0] is v[1])
