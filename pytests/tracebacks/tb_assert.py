def check(v):
    assert v > 10, f"value {v} too small"

check(3)
