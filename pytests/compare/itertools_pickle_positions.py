# itertools iterators (groupby and tee: itertools_pickle_groupby_tee.py; pairwise does not pickle in 3.11) pickle at their position (a tasklet looping over one pickles with it):
# every protocol, before the first item, in the middle, and when used up; the copy and the
# original then give the same items. examples/checkpoint.py found islice, chain and cycle
# refusing ("cannot pickle 'islice' object"). CPython 3.11 is the oracle.
import copy
import itertools as it
import operator
import pickle

cases = [
    ("count", lambda: it.count(3, 2)),
    ("repeat", lambda: it.repeat("r", 4)),
    ("islice", lambda: it.islice(it.count(), 2, 30, 3)),
    ("islice_stop_only", lambda: it.islice("abcdefgh", 5)),
    ("islice_open", lambda: it.islice(range(50), 4, None, 7)),
    ("cycle", lambda: it.cycle("abc")),
    ("cycle_empty", lambda: it.cycle([])),
    ("chain", lambda: it.chain([1, 2], (), (3, 4), "xy")),
    ("chain_from_iterable", lambda: it.chain.from_iterable(iter([[1], [2, 3], [], [4]]))),
    ("accumulate", lambda: it.accumulate([1, 2, 3, 4, 5])),
    ("accumulate_func_initial", lambda: it.accumulate([1, 2, 3], operator.mul, initial=5)),
    ("compress", lambda: it.compress("abcdef", [1, 0, 1, 0, 1, 1])),
    ("dropwhile", lambda: it.dropwhile(lambda x: x < 3, [1, 2, 3, 1, 5])),
    ("takewhile", lambda: it.takewhile(lambda x: x < 4, [1, 2, 3, 4, 1, 2])),
    ("filterfalse", lambda: it.filterfalse(None, [0, 1, 0, 2, 0, 3])),
    ("starmap", lambda: it.starmap(pow, [(2, 3), (3, 2), (10, 2)])),
    ("zip_longest", lambda: it.zip_longest("ab", "wxyz", fillvalue="-")),
    ("product", lambda: it.product("ab", range(3))),
    ("product_repeat", lambda: it.product([0, 1], repeat=3)),
    ("product_empty_pool", lambda: it.product("ab", [])),
    ("product_none", lambda: it.product()),
    ("permutations", lambda: it.permutations("abcd", 2)),
    ("permutations_full", lambda: it.permutations(range(3))),
    ("permutations_big_r", lambda: it.permutations("ab", 3)),
    ("combinations", lambda: it.combinations("abcde", 3)),
    ("combinations_big_r", lambda: it.combinations("ab", 3)),
    ("cwr", lambda: it.combinations_with_replacement("abc", 2)),
    ("cwr_empty", lambda: it.combinations_with_replacement("", 2)),
]

# lambdas do not pickle: the predicates pickled by name instead
def below3(x):
    return x < 3


def below4(x):
    return x < 4


cases[12] = ("dropwhile", lambda: it.dropwhile(below3, [1, 2, 3, 1, 5]))
cases[13] = ("takewhile", lambda: it.takewhile(below4, [1, 2, 3, 4, 1, 2]))

for name, make in cases:
    for advance in (0, 1, 3, 12):
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            orig = make()
            taken = list(it.islice(orig, advance))
            clone = pickle.loads(pickle.dumps(orig, proto))
            a = list(it.islice(clone, 8))
            b = list(it.islice(orig, 8))
            if a != b:
                print("MISMATCH", name, advance, proto, a, b)
        dc = copy.deepcopy(make())
        print(name, advance, taken, b, type(clone).__name__, list(it.islice(dc, 3)))
print("done")
