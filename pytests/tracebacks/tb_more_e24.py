try:
    raise ValueError("a")
except ValueError as e:
    e.__notes__ = "not a list"
    raise
