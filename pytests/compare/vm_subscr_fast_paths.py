# lst[i] = v and tup[i] run in the loop for an exact list/tuple and an exact int index in range;
# everything else goes through the type's slot: negative indices, out of range (messages), bool
# and int-subclass indices, huge indices, slices, subclasses with their own __getitem__/__setitem__.


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


lst = [0, 1, 2, 3]
t = (10, 11, 12)


def sets():
    lst[0] = 'a'
    lst[-1] = 'z'
    lst[True] = 'bool'
    lst[1:2] = ['s1', 's2']
    return lst


class I(int):
    pass


print(sets())
show(lambda: lst.__setitem__(10, 0))
for idx in (4, -6, 10 ** 30, I(2), 'x', 1.0):
    def f(idx=idx):
        lst[idx] = 'v'
        return lst
    show(f)
print([t[0], t[-1], t[True], t[I(1)], t[1:]])
for idx in (3, -4, 10 ** 30, 'x'):
    show(lambda idx=idx: t[idx])


class L(list):
    def __setitem__(self, k, v):
        list.__setitem__(self, k, ('L', v))


class T(tuple):
    def __getitem__(self, k):
        return ('T', tuple.__getitem__(self, k))


sub = L([1, 2])
sub[0] = 5
print(sub, T((1, 2))[1])

acc = [0] * 10
for i in range(1000):
    acc[i % 10] = acc[i % 10] + t[i % 3]
print(acc)
