def f():
    raise ValueError("inner 1")

def g():
    excs = []
    for i, t in enumerate([TypeError, KeyError]):
        try:
            raise t(f"error {i}")
        except Exception as e:
            excs.append(e)
    try:
        f()
    except ValueError as e:
        excs.append(e)
    raise ExceptionGroup("outer", [ExceptionGroup("nested", excs[:2]), excs[2]])

g()
