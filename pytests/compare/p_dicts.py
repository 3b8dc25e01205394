# Dicts: insertion order, views, mutation during iteration, methods.
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
del d["a"]
d["a"] = 100
print(d)
ks = d.keys()
d["z"] = 0
print(ks, len(ks), "z" in ks, list(ks)[-1])
print(d.get("q"), d.get("q", -1), d.setdefault("b", 9), d.setdefault("n", 9), d)
print(d.pop("n"), d.pop("missing", "dflt"), d.popitem(), d)
try:
    d["nope"]
except KeyError as e:
    print("KE", e)
try:
    for k in d:
        d[k + "x"] = 1
except RuntimeError as e:
    print("RE", e)
e = dict(a=1, b=2)
e.update({"c": 3}, d=4)
e.update([("e", 5)])
print(e, dict.fromkeys("xy", 0), {k: v * v for k, v in e.items() if v % 2})
m1 = {"a": 1, "b": 2}; m2 = {"b": 3, "c": 4}
print(m1 | m2, {**m1, **m2}, m1 == {"b": 2, "a": 1})
m1 |= m2
print(m1)
counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, sorted(counts, key=lambda k: (-counts[k], k)))
print(max(counts, key=counts.get), list(reversed(counts)))
inv = {v: k for k, v in {"x": 1, "y": 2}.items()}
print(inv, len({}), bool({}), {(1, 2): "t"}[(1, 2)])
try:
    {[1]: 2}
except TypeError as e:
    print("TE", e)
nested = {"a": {"b": {"c": 1}}}
nested["a"]["b"]["d"] = 2
print(nested, nested["a"]["b"].items())
c = e.copy(); c.clear(); print(c, len(e))
print(list(e.items())[1:3], ("a", 1) in e.items(), 3 in e.values())
