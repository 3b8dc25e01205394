def f():
    try:
        1/0
    except ZeroDivisionError as e:
        raise
    finally:
        pass
try:
    f()
except Exception as e:
    raise TypeError("again") from e
