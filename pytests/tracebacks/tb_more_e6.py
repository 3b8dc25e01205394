def g():
    yield from h()
def h():
    yield 1
    raise KeyError("in h")
list(g())
