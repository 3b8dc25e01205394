# The loop fuses a local's attribute access with the LOAD_FAST before it (LOAD_FAST+LOAD_ATTR,
# LOAD_FAST+LOAD_METHOD, LOAD_FAST+LOAD_FAST+STORE_ATTR) and `return <constant>`
# (LOAD_CONST+RETURN_VALUE): values through every kind of attribute, an unbound local in each
# half (message, line), errors of the lookup or the store (message, traceback position and
# carets), handlers around them, jumps into the second half, and tracing (which runs the
# instructions as compiled).
import sys
import traceback


class Plain:
    cls_attr = 'class'

    def __init__(self, x, y):
        self.x = x             # LOAD_FAST LOAD_FAST STORE_ATTR
        self.y = y

    def total(self):
        return self.x + self.y  # LOAD_FAST LOAD_ATTR

    def via_method(self):
        return self.total()    # LOAD_FAST LOAD_METHOD


class Slotted:
    __slots__ = ('a', 'b')

    def __init__(self, a, b):
        self.a = a
        self.b = b


class Props:
    def __init__(self):
        self._v = 1

    @property
    def v(self):
        return self._v * 10

    @v.setter
    def v(self, value):
        self._v = value + 1


class Hooks:
    def __getattr__(self, name):
        return 'missing:' + name

    def __setattr__(self, name, value):
        object.__setattr__(self, name, ('set', value))


class Shadow:
    def m(self):
        return 'method'


def reads(o):
    return o.x, o.y, o.cls_attr, o.total(), o.via_method()


def slotted(o):
    return o.a, o.b


def props(o):
    before = o.v
    o.v = 5
    return before, o.v, o._v


def hooks(o):
    o.z = 3
    return o.z, o.anything


def shadowed(o):
    return o.m()


p = Plain(2, 3)
print(reads(p))
print(slotted(Slotted('s', 't')))
print(props(Props()))
print(hooks(Hooks()))
s = Shadow()
print(shadowed(s))
s.m = lambda: 'instance attribute'
print(shadowed(s))


def other_objects(lst, d, mod, n, t):
    lst.append(n)              # LOAD_FAST LOAD_METHOD on a builtin type
    x = d.get('k')
    y = mod.path is sys.path
    z = n.real
    w = t.count(1)
    return lst, x, y, z, w, n.bit_length()


print(other_objects([], {'k': 'v'}, sys, 12, (1, 1, 2)))


def store_to_many(objs, v):
    for o in objs:
        o.val = v              # the same instruction on different types (its cache changes)
    return [o.val for o in objs]


class A:
    pass


class B:
    __slots__ = ('val',)


print(store_to_many([A(), B(), Props(), A()], 7))


def unbound_attr_load(flag):
    if flag:
        o = p
    return o.x


def unbound_method_load(flag):
    if flag:
        o = p
    return o.total()


def unbound_store_value(flag):
    o = Plain(0, 0)
    if flag:
        v = 1
    o.x = v
    return o.x


def unbound_store_object(flag):
    v = 1
    if flag:
        o = Plain(0, 0)
    o.x = v
    return o.x


def show(fn, *args):
    try:
        print(fn.__name__, fn(*args))
    except Exception as e:
        tb = e.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        print(fn.__name__, type(e).__name__ + ':', e, 'line', tb.tb_lineno - fn.__code__.co_firstlineno)
        print(''.join(traceback.format_exception(e)).replace(__file__, 'FILE').splitlines()[-4:])


for fn in (unbound_attr_load, unbound_method_load, unbound_store_value, unbound_store_object):
    show(fn, 1)
    show(fn, 0)


class ReadOnly:
    __slots__ = ()


def missing_attr(o):
    return 1 + o.nope + 2


def missing_method(o):
    return [o.nope2(1)]


def failing_store(o, v):
    o.x = v
    return 'stored'


def none_attr(o):
    return o.upper()


show(missing_attr, p)
show(missing_method, p)
show(failing_store, ReadOnly(), 1)
show(failing_store, 5, 1)
show(none_attr, None)


def handled(o):
    try:
        v = o.nope
    except AttributeError as e:
        v = 'handled ' + str(e)
    try:
        o.x = 1
    except AttributeError as e:
        v += ' / ' + str(e)
    return v


print(handled(object()))


def loop_into_second(objs):
    # a back edge onto instructions that also end a fused group
    total = 0
    i = 0
    while i < len(objs):
        o = objs[i]
        total = total + o.x
        i = i + 1
    return total


print(loop_into_second([Plain(i, 0) for i in range(5)]))


def returns_const(flag):
    if flag:
        return 'yes'
    return None


def returns_implicit():
    pass


def gen_returns_const():
    yield 1
    return 'done'


print(returns_const(1), returns_const(0), returns_implicit())
g = gen_returns_const()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration', e.value)


class WithInit:
    def __init__(self, v):
        self.v = v
        return None


print(WithInit(4).v)


def traced(o):
    a = o.x
    o.y = a
    return o.total()


events = []


def tracer(frame, event, arg):
    if frame.f_code is traced.__code__:
        events.append((event, frame.f_lineno - traced.__code__.co_firstlineno))
    return tracer


sys.settrace(tracer)
r = traced(Plain(4, 5))
sys.settrace(None)
print(r, events)
print(traced(Plain(6, 7)))


def lines(o):
    f = sys._getframe()
    a = o.x; f2 = f
    return f2.f_lineno - f2.f_code.co_firstlineno, a


print(lines(p))
