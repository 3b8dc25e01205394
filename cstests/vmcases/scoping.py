x = "global"
class C:
    x = "class"
    def m(self):
        return x
    y = [x for _ in range(1)]
print(C().m(), C.y)
def f():
    x = "local"
    class D:
        print(x)
        x = "dclass"
        print(x)
    def g():
        return x
    return g()
print(f())
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter(); c(); c()
print(c(), c.__closure__[0].cell_contents)
def uses_del():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return str(e)
print(uses_del())
print(__name__, __doc__)
