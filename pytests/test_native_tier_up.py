# A native function first runs through prebuilt adapters and, after some hundred calls,
# through a compiled invoker (Runtime/NativeTier0.cs): both must convert arguments, apply
# defaults, return values and word errors the same way. Each case runs 1200 times and every
# round's outcome must equal the first one's.

def outcome(f):
    try:
        r = f()
        return ("ok", type(r).__name__, repr(r))
    except Exception as e:
        return ("raised", type(e).__name__, str(e))

class Sub(list):
    pass

CASES = [
    lambda: [3, 1, 2].pop(),                 # self cast, optional long default
    lambda: [3, 1, 2].pop(0),
    lambda: [3, 1, 2].pop("x"),               # long conversion error
    lambda: [3, 1, 2].pop(10 ** 30),          # overflow
    lambda: list.pop("notalist"),             # self of the wrong type
    lambda: list.append(Sub(), 5),            # a subclass is a valid self
    lambda: "abc".startswith("a"),            # bool result
    lambda: "abc".startswith(5),
    lambda: "abc".find("c"),                  # long result
    lambda: "a-b".replace("-", "+"),
    lambda: "ab".center(6, "*"),
    lambda: "ab".center(6, "**"),
    lambda: "ab".center("6"),
    lambda: len([1, 2]),
    lambda: len(5),
    lambda: isinstance(1, int),
    lambda: isinstance(1, 5),
    lambda: getattr(1, "real"),
    lambda: getattr(1, "nope", None),
    lambda: getattr(1, "nope"),
    lambda: abs(-2.5),
    lambda: divmod(7, 2),
    lambda: round(2.675, 2),
    lambda: {}.get("k"),                      # optional object default
    lambda: {}.get("k", 1),
    lambda: {"k": 2}.setdefault("k", 3),
    lambda: (1).to_bytes(2, "big"),
    lambda: b"abc".hex(),
    lambda: [].clear(),                       # None result
]

def test_same_outcome_before_and_after_tier_up():
    for i, case in enumerate(CASES):
        first = outcome(case)
        for n in range(1200):
            now = outcome(case)
            assert now == first, (i, n, first, now)

test_same_outcome_before_and_after_tier_up()
