"""dict() from a list and from a generator (the consumer path): pairs of any sequence, and
CPython's messages for an element that is not a sequence or not of length 2."""
for src in ([(1, 2), "ab", [3, 4]], [(1, 2), 5], [(1, 2), (1, 2, 3)]):
    for make in (lambda s: dict(s), lambda s: dict(x for x in s)):
        try: print(make(src))
        except Exception as e: print(type(e).__name__, e)
