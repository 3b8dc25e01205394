# Scopes: globals, nonlocal, class scopes, comprehension scopes, del, builtins shadowing.
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)

x = "global"
class C:
    x = "class"
    y = [x for _ in range(1)]
    def m(self):
        return x
print(C.y, C().m())

def f():
    a = 1
    def g():
        return a
    a = 2
    return g()
print(f())

def unbound():
    try:
        print(q)
        q = 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
unbound()

def shadow():
    len = lambda s: 42
    return len("abc")
print(shadow(), len("abc"))

y = 1
del y
try:
    y
except NameError as e:
    print("NameError:", e)

def gen_scope():
    vals = [lambda: i for i in range(3)]
    return [v() for v in vals]
print(gen_scope())
print(sorted(k for k in vars(C) if not k.startswith("__")))
