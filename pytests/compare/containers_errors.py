# Errors and edge results of container operations, one line each, compared with CPython 3.11.
cases = [
 lambda: [1,2,3][1:2:0], lambda: [1].pop("a"), lambda: [1].insert(10**30, 1), lambda: [1].index(1, 10**30), lambda: [][::10**30],
 lambda: (1,)[::0], lambda: (1,) * "a", lambda: "a" * [1] if False else [1] * None, lambda: [1] + None,
 lambda: {}.fromkeys(1), lambda: dict({1: 2}, **{"a": 1}), lambda: {}[[]], lambda: {}.get([]), lambda: [] in {},
 lambda: {1: 2} < {1: 3}, lambda: set([[]]), lambda: {1} < [1], lambda: {1}.issubset(1), lambda: frozenset(1),
 lambda: {1} - [1], lambda: {1} ^ 1, lambda: {1}.update(1), lambda: set().remove([]), lambda: [] in set(),
 lambda: range(1)["a"], lambda: range(1, "a"), lambda: range(1).index("a"), lambda: range(5)[::0], lambda: range(3)[10**30],
 lambda: slice(1,2,3).indices("a"), lambda: slice(1, 2, 3).indices(10**30), lambda: next(enumerate([])), lambda: list(zip(1, [])),
 lambda: list(map(1, [1])), lambda: list(filter(1, [1])), lambda: reversed(1), lambda: iter(1, 2), lambda: list(iter(lambda: 1/0, 1)),
 lambda: {}.keys() & 1, lambda: {}.keys() | 1, lambda: {}.items() - 1, lambda: {}.keys() < 1, lambda: {}.values() == {}.values(),
 lambda: [1, 2].sort(key=1), lambda: sorted([3, 1], key=lambda x: 1/0), lambda: [1] == [1.0], lambda: (1, 2) == [1, 2],
 lambda: list(reversed(range(10**20, 10**20+3))), lambda: range(10**20)[-1], lambda: range(-10, 10**20, 3)[10**19],
 lambda: [0] * -5, lambda: list(range(5))[-2::-2], lambda: tuple(range(5))[3:-8:-1], lambda: repr(range(0, -10, -3)[1:]),
 lambda: dict.fromkeys([1, 2], []).__repr__(), lambda: {1: 2}.items() ^ {(1, 2), (3, 4)}, lambda: set("abc") == frozenset("abc"),
]
for i, c in enumerate(cases):
    try:
        r = c()
        print(i, "->", repr(r))
    except BaseException as e:
        print(i, type(e).__name__ + ":", e)
