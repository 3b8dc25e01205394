# Argument errors of builtin functions and methods, worded by their CPython calling convention.
cases = [
 lambda: [].sort(1), lambda: [].sort(x=1), lambda: [].sort(key=None, x=1), lambda: [].append(), lambda: [].append(1, 2),
 lambda: [].clear(1), lambda: {}.keys(1), lambda: {}.get(), lambda: {}.get(1, 2, 3), lambda: {}.pop(), lambda: "a".upper(1),
 lambda: "a".split(x=1), lambda: "a".join(), lambda: "a".replace("a"), lambda: (1).bit_length(1), lambda: len(), lambda: len(1, 2),
 lambda: len(obj=1),    lambda: isinstance(1), lambda: abs(x=1),
 lambda: {}.update(1, 2), lambda: set().add(),  lambda: "abc".encode(1, 2, 3), lambda: dict(1, 2),
 lambda: list(1, 2), lambda: list(x=1), lambda: tuple(x=1),  lambda: int(x=1), 
 lambda: range(), lambda: range(1, 2, 3, 4), lambda: range(x=1), lambda: print(x=1), lambda: iter(), lambda: next(), lambda: getattr(1),
 lambda: object(1), lambda: object().__eq__(), lambda: [].__len__(1), lambda: (1).__add__(), lambda: min(), lambda: max(1),
 lambda: divmod(1), lambda: hash(1, 2), lambda: id(), lambda: repr(), lambda: chr(), lambda: ord(x=1), lambda: [].index(),
 lambda: [].count(), lambda: [].insert(1), lambda: [].pop(1, 2), lambda: [].remove(), lambda: [].reverse(1), lambda: [].copy(1),
 lambda: {}.setdefault(), lambda: {}.popitem(1), lambda: {}.fromkeys(), lambda: {}.items(1), lambda: {}.values(1), lambda: {}.copy(1),
 lambda: set().union(x=1), lambda: frozenset(1, 2), lambda: set(x=1),  lambda: "".format_map(), lambda: enumerate(),
 lambda: zip(x=1), lambda: map(), lambda: filter(), lambda: reversed(), lambda: slice(),  
 lambda: staticmethod(), lambda: classmethod(), lambda: type(1, 2), lambda: vars(1, 2), lambda: dir(1, 2), lambda: callable(), lambda: round(),
 lambda: sum(), lambda: any(), lambda: all(1, 2), lambda: format(), lambda: bin(), lambda: float(1, 2), lambda: complex(1, 2, 3),
 lambda: bool(1, 2), lambda: bool(x=1),   lambda: "a".center(), 
 lambda: "a".__getitem__(), lambda: (1).to_bytes(x=1), lambda: (1.0).hex(1), lambda: (1.0).is_integer(1), 
   lambda: object.__init__(),  lambda: "".__mod__(),
 lambda: (1, 2).index(), lambda: (1, 2).count(), lambda: "a".isdigit(1), lambda: "a".strip(1, 2),  
]
for i, c in enumerate(cases):
    try:
        print(i, repr(c()))
    except BaseException as e:
        print(i, type(e).__name__ + ":", e)
