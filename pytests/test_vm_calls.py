# Calls, argument binding, closures and scoping on the VM.

def expect_type_error(fn, message):
    try:
        fn()
    except TypeError as e:
        assert str(e) == message, (str(e), message)
    else:
        raise AssertionError("no TypeError: " + message)

def test_positional_keyword_defaults():
    def f(a, b=2, *args, c, d=4, **kw):
        return a, b, args, c, d, kw
    assert f(1, c=3) == (1, 2, (), 3, 4, {})
    assert f(1, 5, 6, 7, c=3, e=8) == (1, 5, (6, 7), 3, 4, {'e': 8})
    assert f(*[1, 2, 3], **{'c': 0, 'z': 1}) == (1, 2, (3,), 0, 4, {'z': 1})

def test_binding_errors_match_cpython():
    def f(a, b): pass
    def g(a, /, b, *, c): pass
    expect_type_error(lambda: f(1), "test_binding_errors_match_cpython.<locals>.f() missing 1 required positional argument: 'b'")
    expect_type_error(lambda: f(1, 2, 3), "test_binding_errors_match_cpython.<locals>.f() takes 2 positional arguments but 3 were given")
    expect_type_error(lambda: f(1, b=2, x=3), "test_binding_errors_match_cpython.<locals>.f() got an unexpected keyword argument 'x'")
    expect_type_error(lambda: f(1, a=2), "test_binding_errors_match_cpython.<locals>.f() got multiple values for argument 'a'")
    expect_type_error(lambda: g(a=1, b=2, c=3), "test_binding_errors_match_cpython.<locals>.g() got some positional-only arguments passed as keyword arguments: 'a'")
    expect_type_error(lambda: g(1, 2), "test_binding_errors_match_cpython.<locals>.g() missing 1 required keyword-only argument: 'c'")

def test_closures_and_nonlocal():
    def make():
        count = 0
        def inc(step=1):
            nonlocal count
            count += step
            return count
        return inc
    inc = make()
    inc(); inc(5)
    assert inc() == 7
    assert inc.__closure__[0].cell_contents == 7
    fs = [lambda i=i: i * i for i in range(4)]
    assert [f() for f in fs] == [0, 1, 4, 9]

def test_cell_argument():
    def outer(x):
        def get():
            return x
        x += 1
        return get
    assert outer(41)() == 42

def test_recursion_and_mutual_recursion():
    def fib(n):
        return n if n < 2 else fib(n - 1) + fib(n - 2)
    assert fib(20) == 6765
    def even(n): return True if n == 0 else odd(n - 1)
    def odd(n): return False if n == 0 else even(n - 1)
    assert even(100) and not odd(100)

def test_bound_methods_and_builtin_methods():
    class A:
        def m(self, x):
            return (self, x)
    a = A()
    m = a.m
    assert m(1) == (a, 1)
    assert A.m(a, 2) == (a, 2)
    assert m.__self__ is a and m.__func__ is A.m
    l = []
    app = l.append
    app(3)
    assert l == [3]

def test_function_attributes():
    def f(a, b=1, *, c=2):
        "doc"
    f.extra = 5
    assert f.__name__ == "f" and f.__doc__ == "doc" and f.__defaults__ == (1,)
    assert f.__kwdefaults__ == {'c': 2} and f.extra == 5 and f.__dict__ == {'extra': 5}
    assert f.__code__.co_argcount == 2 and f.__code__.co_varnames == ('a', 'b', 'c')

def test_star_args_errors():
    def f(*a, **k): pass
    try:
        f(*1)
    except TypeError as e:
        assert "argument after * must be an iterable, not int" in str(e)
    try:
        f(**1)
    except TypeError as e:
        assert "argument after ** must be a mapping, not int" in str(e)

for _name, _fn in list(globals().items()):
    if "test_" in _name:  # (str methods arrive with the strings work)
        _fn()
