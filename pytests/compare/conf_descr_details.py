# Object-model details CPython's test_descr checks: classmethod/staticmethod carry the wrapped
# function's attributes in their __dict__, del obj.__dict__, __classcell__/__qualname__ as slot
# names, and dir(cls) taking the metaclass's __dir__.
import types
def f(x):
    "f docstring"
    return x
cm = classmethod(f)
print(sorted(cm.__dict__.items()) == sorted({'__annotations__': {}, '__doc__': "f docstring", '__module__': __name__, '__name__': 'f', '__qualname__': 'f'}.items()))
cm.x = 42
print(cm.x, sorted(cm.__dict__))
sm = staticmethod(None)
print(sm.__dict__)
print(staticmethod(f).__name__, classmethod(f).__doc__, staticmethod(f).__wrapped__ is f)
class C: pass
a = C(); a.__dict__ = {'b': 1}; print(a.b)
del a.__dict__
print(a.__dict__)
a.z = 3; print(a.__dict__)
class Meta(type):
    def __new__(cls, name, bases, namespace, attr):
        print(attr in namespace)
        return super().__new__(cls, name, bases, namespace)
class C1:
    def __init__(self):
        self.b = 42
class C2(C1, metaclass=Meta, attr="__classcell__"):
    __slots__ = ["__classcell__"]
    def __init__(self):
        super().__init__()
print(type(C2.__dict__["__classcell__"]).__name__, C2().b)
class C3(C1, metaclass=Meta, attr="__qualname__"):
    __slots__ = ["__qualname__"]
print(C3.__qualname__, type(C3.__dict__["__qualname__"]).__name__)
class MetaDir(type):
    def __dir__(cls): return ["b", "a"]
class WithMeta(metaclass=MetaDir): pass
print(dir(WithMeta), len(dir(type)) > 20, "mro" in dir(type), "__dict__" in dir(C))
