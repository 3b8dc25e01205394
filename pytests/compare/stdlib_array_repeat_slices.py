"""array: extended-slice deletion with huge steps (list too), repeat errors and overflow, MutableSequence registration, invalid u-array characters."""
import array, sys
for code in 'bq':
    a = array.array(code, [1,2,3,4,5,6,7,8,9,10])
    L = list(a)
    for start, stop, step in [(0, None, 3), (None, None, -1), (sys.maxsize, None, -2), (-1, 0, -3), (3, 100, 19), (None, 3, 100)]:
        b = array.array(code, a); M = list(L)
        data = M[start:stop:step]; data.reverse()
        M[start:stop:step] = data
        b[start:stop:step] = array.array(code, data)
        print(list(b) == M, end=' ')
        del M[start:stop:step]; del b[start:stop:step]
        print(list(b) == M, end=' ')
print()
try: array.array('i', [1]) * 'bad'
except TypeError as x: print(x)
try: array.array('i', [1]).__imul__('bad')
except TypeError as x: print(x)
try:
    a = array.array('d', [-1]*65536); a *= sys.maxsize//65536 + 1
except MemoryError: print('MemoryError')
print(3 * array.array('b', [1]))
import collections.abc
print(isinstance(array.array('B'), collections.abc.MutableSequence), isinstance(array.array('B'), collections.abc.Reversible))
a = array.array('u', b'\xff\xff\xff\xff')
for f in (a.tounicode, lambda: str(a)):
    try: f()
    except ValueError as e: print(e)
L = [-1, 0, 1, 42, 127]; del L[1::sys.maxsize]; print(L)
L = list(range(10)); del L[-1::-sys.maxsize]; print(L)
a = array.array('b', range(10)); del a[2::sys.maxsize]; print(a)
