# ExceptionGroup and except*.
def raiser():
    raise ExceptionGroup("batch", [ValueError("v1"), TypeError("t1"), ValueError("v2"), KeyError("k")])
try:
    raiser()
except* ValueError as eg:
    print("values:", [str(e) for e in eg.exceptions], eg.message)
except* TypeError as eg:
    print("types:", [str(e) for e in eg.exceptions])
except* KeyError as eg:
    print("keys:", [repr(e) for e in eg.exceptions])
try:
    try:
        raise ExceptionGroup("g", [ValueError("a"), OSError("b")])
    except* ValueError:
        print("handled value")
except ExceptionGroup as rest:
    print("rest:", rest.message, [type(e).__name__ for e in rest.exceptions])
eg = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
match, rest = eg.split(ValueError)
print(repr(match.message), len(match.exceptions), rest.message)
print([type(e).__name__ for e in eg.subgroup(TypeError).exceptions])
try:
    raise ValueError("plain")
except* ValueError as g:
    print("wrapped:", type(g).__name__, [str(e) for e in g.exceptions])
print(issubclass(ExceptionGroup, Exception), str(eg))
