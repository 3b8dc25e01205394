# groupby (with its groupers) and tee (with the buffer its copies share) pickle at their
# position, as in CPython 3.11: every protocol, before the first item, inside a group, after a
# grouper was read or left behind, and tee copies at different places over one buffer, also
# across a full buffer block (57 values). A tasklet looping over either pickles with it.
import copy
import itertools as it
import pickle


def show(label, value):
    print(label, value)


def parity(x):
    return x % 2


def groups(g):
    return [(k, list(v)) for k, v in g]


for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    def rt(o):
        return pickle.loads(pickle.dumps(o, proto))

    # groupby before use, after a group, while its grouper is half read
    g = it.groupby("aaabbcddddd")
    show(f"p{proto} fresh", groups(rt(g)))
    k, grp = next(g)
    show(f"p{proto} after first", groups(rt(g)))
    show(f"p{proto} grouper", list(rt(grp)))
    next(grp)
    g2, grp2 = rt((g, grp))
    show(f"p{proto} half read grouper", (list(grp2), groups(g2)))
    # alone, a groupby whose grouper took the current value starts a group at the next item
    show(f"p{proto} half read groupby alone", groups(rt(g)))
    for bad in [1, (1, 2)]:
        try:
            it.groupby("ab").__setstate__(bad)
        except TypeError as e:
            show(f"p{proto} bad state", e)
    # a grouper left behind by its groupby pickles as an empty iterator
    k2, grp_b = next(g)
    show(f"p{proto} stale grouper", (list(rt(grp)), list(rt(grp_b))))
    # with a key function, and when used up
    g = it.groupby([1, 3, 5, 2, 4, 7, 9], key=parity)
    next(g)
    show(f"p{proto} keyed", groups(rt(g)))
    show(f"p{proto} used up", groups(rt(g)))

    # tee: copies at different positions share one buffer after loading
    a, b = it.tee(iter(range(130)))
    for _ in range(60):
        next(a)
    next(b)
    a2, b2 = rt((a, b))
    show(f"p{proto} tee pair", (next(a2), next(b2), len(list(a2)), len(list(b2))))
    c = copy.copy(a)
    show(f"p{proto} tee copy", (list(rt(c))[:3], next(a)))
    a, = it.tee("xyz", 1)
    show(f"p{proto} tee fresh", list(rt(a)))
    next(a), next(a), next(a)
    show(f"p{proto} tee used up", list(rt(a)))

# the pieces CPython shows and checks
a, b = it.tee(range(3))
next(a)
r = a.__reduce__()
show("tee reduce", (r[0] is it._tee, r[1], type(r[2][0]) is it._tee_dataobject, r[2][1]))
d = r[2][0].__reduce__()
show("dataobject reduce", (d[0] is it._tee_dataobject, d[1][1], d[1][2]))
for bad in [(1, [1], 2), (iter([]), list(range(58)), None), (iter([]), [1], d[1][2] or r[2][0])]:
    try:
        it._tee_dataobject(*bad)
    except (TypeError, ValueError) as e:
        show("bad dataobject", type(e).__name__)
try:
    a.__setstate__((r[2][0], 99))
except ValueError as e:
    show("bad index", e)
g = it.groupby("aab")
k, grp = next(g)
show("grouper reduce", (grp.__reduce__()[0] is it._grouper, grp.__reduce__()[1][1]))
try:
    it._grouper(1, 2)
except TypeError as e:
    show("bad grouper", e)
