def f(a):
    return a.upper()  # the call fails on ints

f(3)
