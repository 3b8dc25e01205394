def check(x):
    try:
        raise KeyError(x)
    except KeyError as e:
        raise ValueError(f"bad {x}") from e

errors = []
for x in (1, 2):
    try:
        check(x)
    except ValueError as e:
        e.add_note(f"note for {x}")
        errors.append(e)
try:
    raise ExceptionGroup("checks failed", errors)
except* ValueError as eg:
    raise RuntimeError("handler failed")
