# `for a, b in <pairs>` over dict items and enumerate (the loop takes the two values without
# building the tuple), next to every other iterable of pairs that goes the general way: values,
# order, reversed items, start values (big ones too), a dict changed during the loop (message and
# line), a list grown during enumerate, break/else, iterators resumed after a partial loop, dict
# subclasses with their own items(), and generators of pairs.
import sys
import traceback

d = {'a': 1, 'b': 2, 'c': 3}
print([(k, v) for k, v in d.items()])
out = []
for k, v in d.items():
    out.append(k * v)
print(out)
for k, v in reversed(d.items()):
    out.append((v, k))
print(out[-3:])
for i, x in enumerate(['p', 'q']):
    out.append((i, x))
for i, x in enumerate(range(10, 13), 5):
    out.append((i, x))
for i, x in enumerate(d):
    out.append((i, x))
for i, kv in enumerate(d.items()):
    out.append((i, kv))
for i, x in enumerate('xyz'):
    out.append((i, x))
for i, x in enumerate(x * 2 for x in range(3)):
    out.append((i, x))
for i, x in enumerate([7, 8], start=sys.maxsize - 1):
    out.append((i, x))
print(out[-17:])

lst = [1, 2]
for i, x in enumerate(lst):
    if i < 3:
        lst.append(x * 10)
print(lst)


def changes_size():
    e = {1: 1, 2: 2}
    for k, v in e.items():
        e[k + 10] = v


def changes_keys():
    e = {1: 1, 2: 2}
    for k, v in e.items():
        del e[k]
        e[k + 10] = v


for fn in (changes_size, changes_keys):
    try:
        fn()
    except RuntimeError as exc:
        tb = exc.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        print(fn.__name__, exc, tb.tb_lineno - fn.__code__.co_firstlineno)
        print(''.join(traceback.format_exception(exc)).replace(__file__, 'FILE').splitlines()[-3:])

it = iter({'x': 1, 'y': 2, 'z': 3}.items())
for k, v in it:
    if k == 'x':
        break
else:
    print('no break')
print('rest', list(it))
for k, v in it:
    print('never')
else:
    print('else after exhausted')

en = enumerate([5, 6, 7])
for i, x in en:
    break
print('rest', list(en))


class MyItems(dict):
    def items(self):
        return [('own', 0)]


print([(k, v) for k, v in MyItems(a=1).items()])
for k, v in MyItems(a=1).items():
    print('subclass', k, v)


class MyEnum(enumerate):
    pass


for i, x in MyEnum('ab', 3):
    print('enum subclass', i, x)


def pairs():
    yield 1, 2
    yield 3, 4


for a, b in pairs():
    print('gen', a, b)
for a, b in zip('ab', 'cd'):
    print('zip', a, b)
for a, b in [(1, 2), [3, 4]]:
    print('list', a, b)
try:
    for a, b in [(1, 2, 3)]:
        pass
except ValueError as exc:
    print('ValueError', exc)

total = 0
for j in range(200):
    for k, v in d.items():
        total += v * j
    for i, x in enumerate(d.values()):
        total -= i
print(total)
