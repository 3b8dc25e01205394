# _operator natives: functions, itemgetter/attrgetter/methodcaller (calls, reprs, errors, pickling).
import operator as o
print(type(o.index(True)), o.itemgetter, o.add)
for f in [lambda: o.attrgetter(1), lambda: o.attrgetter(), lambda: o.itemgetter(), lambda: o.methodcaller(), lambda: o.methodcaller(1), lambda: o.itemgetter(1)(), lambda: o.itemgetter(1)(1,2), lambda: o.itemgetter(1)(a=1), lambda: o.attrgetter('a')(), lambda: o.concat(1,2), lambda: o.iconcat(1,2), lambda: o.indexOf([1],2), lambda: o.length_hint(1, 'a'), lambda: o.methodcaller('a')(1,2), lambda: o.countOf(1,1), lambda: o.index(1.5), lambda: o.add(1, 'a'), lambda: o.neg('a'), lambda: o.call(dict, 1, a=2), lambda: o.call(dict, obj=3)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(o.itemgetter(1), o.itemgetter(1,2), o.attrgetter('a.b','c'), o.methodcaller('m', 1, k=2), o.itemgetter(1).__reduce__(), o.attrgetter('a.b','c').__reduce__(), o.methodcaller('m',1,k=2).__reduce__(), o.methodcaller('m',1).__reduce__())
print(sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=o.itemgetter(1)), o.itemgetter(0, 2)('abc'))
class P: pass
p = P(); p.a = P(); p.a.b = 5; p.c = 'x'
print(o.attrgetter('a.b', 'c')(p), o.attrgetter('c')(p), o.methodcaller('split', ',', maxsplit=1)('a,b,c'))
print(o.length_hint([1, 2]), o.length_hint(iter(range(5))), o.length_hint(x for x in []), o.length_hint(3, 7))
print(o.countOf([1, 2, 1.0, True], 1), o.indexOf('abc', 'c'), o.not_(0), o.truth([]), o.is_(None, None), o.is_not(1, None))
l = [1]; print(o.iadd(l, [2]) is l, l, o.iconcat([1], (2,)), o.concat('a', 'b'), o.pow(2, 10), o.ipow(2, 3), o.matmul.__name__)
import pickle, copy
for g in (o.itemgetter(1, 2), o.attrgetter('a.b'), o.methodcaller('m', 1, k=2)):
    print(repr(pickle.loads(pickle.dumps(g))), repr(copy.copy(g)))
try:
    class X(o.itemgetter): pass
except TypeError as e: print(e)
for t in (bool, type(range(0)), type(x for x in []), memoryview, slice, o.attrgetter, o.methodcaller):
    try:
        class X(t): pass
    except TypeError as e:
        print(e)
# None has no | of its own: None | None is a TypeError, None | int a union through type's __ror__
print(None | int, int | None, o.or_(None, int))
for a, b in ((None, None), (None, 1), (1, None)):
    try:
        print(o.or_(a, b))
    except TypeError as e:
        print(e)
