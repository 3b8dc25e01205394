def level(n):
    if n == 0:
        raise KeyError("bottom")
    try:
        level(n - 1)
    except Exception as e:
        raise RuntimeError(f"level {n}") from (e if n % 2 else None) if n == 3 else RuntimeError(f"level {n}")

level(4)
