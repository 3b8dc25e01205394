# gc introspection as leak hunters use it (objgraph-style): get_objects finds live container
# objects, get_referrers finds who holds an object, get_referents what it holds; is_tracked
# follows CPython's rule for atoms.
import gc
import sys


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []


root = Node("root")
leaf = Node("leaf")
root.children.append(leaf)
cache = {"key": leaf}
holder = [leaf]


def find(objs, target):
    return any(o is target for o in objs)


objs = gc.get_objects()
print("get_objects finds root, leaf, cache, holder:",
      find(objs, root), find(objs, leaf), find(objs, cache), find(objs, holder))
print("no atoms in get_objects:", not any(isinstance(o, (int, str, float)) and type(o) in (int, str, float) for o in objs))
print("count of Node instances:", sum(1 for o in objs if type(o) is Node))
print("get_objects() == get_objects(generation=None) in size:",
      abs(len(gc.get_objects()) - len(gc.get_objects(generation=None))) < 50)
for bad in (1000, -1000, "1", 1.5):
    try:
        gc.get_objects(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__)

referrers = gc.get_referrers(leaf)
print("referrers of leaf include children list, cache, holder:",
      find(referrers, root.children), find(referrers, cache), find(referrers, holder))
print("get_referrers() of nothing:", gc.get_referrers())

print("referents of a list:", gc.get_referents([1, "a", None]) == [None, "a", 1] or sorted(map(repr, gc.get_referents([1, "a", None]))))
print("referents of a tuple:", gc.get_referents((1, 2)))
print("referents of a dict:", sorted(map(repr, gc.get_referents({"a": 1, "b": 2}))))
print("referents of atoms:", gc.get_referents(1, "a", 4j))
ref = gc.get_referents(root)
print("instance referents hold its attribute values and class:", "root" in ref, find(ref, root.children), find(ref, Node))


def outer():
    captured = leaf

    def inner():
        return captured
    return inner


fn = outer()
fref = gc.get_referents(fn)
print("function referents hold its code and globals:", find(fref, fn.__code__), find(fref, fn.__globals__))
print("and its closure:", any(isinstance(x, tuple) and x and type(x[0]).__name__ == "cell" for x in fref))
m = root.__init__
print("bound method referents:", find(gc.get_referents(m), root), find(gc.get_referents(m), Node.__init__))
print("module referents are its dict:", find(gc.get_referents(sys.modules[__name__]), globals()))
print("class referents hold its namespace:", any(isinstance(x, dict) and "__init__" in x for x in gc.get_referents(Node)) or
      any(type(x).__name__ == "mappingproxy" for x in gc.get_referents(Node)))


class UserClass:
    pass


class UserInt(int):
    pass


class Slots:
    __slots__ = ()


for i, value in enumerate((None, 1, 1.0, 1.0 + 5j, True, b"a", "a", bytearray(b"a"), type, int, object, object(),
                           (1, []), {"a": []})):
    print("is_tracked", i, type(value).__name__, gc.is_tracked(value))
for value in (gc, UserClass, UserClass(), UserInt(), [], set(), Slots()):
    print("is_tracked", type(value).__name__, gc.is_tracked(value))
print("garbage:", gc.garbage)
gc.freeze()
print("freeze count > 0:", gc.get_freeze_count() > 0)
gc.unfreeze()
print("after unfreeze:", gc.get_freeze_count())
