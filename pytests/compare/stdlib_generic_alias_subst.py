# types.GenericAlias substitution (list[T][int]): generic type aliases evaluated at import
# time, as typed code writes them; errors for wrong argument counts and non-generic aliases.
from typing import TypeVar, List, Dict
T = TypeVar('T'); K = TypeVar('K')
Vector = list[T]
Pair = tuple[T, T]
Table = dict[K, list[T]]
print(Vector[float], Pair[int], Table[str, bytes])
print(Vector[float] == list[float], hash(Pair[int]) == hash(tuple[int, int]))
print(list[List[T]].__parameters__, list[List[T]][int], dict[K, Dict[K, T]][str, int])
print(tuple[T, ...][int], list[dict[K, T]][str, bytes].__args__)
print(Table.__parameters__, Table[str, T].__parameters__)
for bad in (lambda: list[T][int, str], lambda: dict[K, T][int], lambda: list[int][int]):
    try: bad()
    except TypeError as e: print("TypeError:", e)
def f(v: Vector[float]) -> Pair[str]: pass
print(f.__annotations__)
# Iterating an alias gives it starred once (PEP 646); TypeVarTuple substitution
from typing import TypeVarTuple
Ts = TypeVarTuple('Ts')
star, = [*tuple[int, str]]
print(star, star.__unpacked__, star.__typing_unpacked_tuple_args__, list[int].__unpacked__, star == tuple[int, str])
print(list(iter(list[T])), tuple[*Ts][int], tuple[*Ts][()], tuple[T, *Ts][int, str, bytes], tuple[*Ts][*tuple[int, str]])
print(list[T][*tuple[int]], tuple[*Ts].__parameters__)
