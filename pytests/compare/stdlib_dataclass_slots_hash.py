import types, weakref, dataclasses, inspect
from dataclasses import dataclass
print(type(types.FunctionType.__globals__) is types.MemberDescriptorType)
def f(): pass
print(f.__globals__ is globals(), f.__closure__)
try: f.__globals__ = {}
except AttributeError as e: print("AttributeError", e)
class C:
    def __hash__(self): return hash(())
print(hash(C()) == hash(()))
class Big:
    def __hash__(self): return 2**70
print(hash(Big()) == hash(2**70))
class A:
    __iter__ = None
    def __getitem__(self, i): return i
try: iter(A())
except TypeError as e: print(e)
@dataclass
class S:
    __slots__ = ('x',)
    x: int
try: S()
except TypeError as e: print(e)
@dataclass(slots=True)
class Base:
    x: int = 0
@dataclass(slots=True)
class Derived(Base):
    y: int = 1
print(Derived(3, 4))
class NoWeak:
    __slots__ = ()
class Weak:
    __slots__ = ('__weakref__',)
class Plain: pass
class SubNoWeak(Plain):
    __slots__ = ()
class ListNoWeak(list):
    __slots__ = ()
class ListSub(list): pass
for cls in (NoWeak, Weak, Plain, SubNoWeak, ListNoWeak, ListSub):
    try: weakref.ref(cls()); print(cls.__name__, "weakref ok")
    except TypeError as e: print(cls.__name__, e)
print(inspect.signature(object), inspect.signature(Plain))
import abc
class Ab(abc.ABC):
    @abc.abstractmethod
    def m(self): pass
print(inspect.isabstract(Ab), inspect.isabstract(Plain))
print(bool(Plain.__flags__ & (1 << 9)), bool(int.__flags__ & (1 << 9)), bool(int.__flags__ & (1<<24)), bool(Plain.__flags__ & (1<<10)))
print(object.__text_signature__, list.__text_signature__, Plain.__text_signature__, int.__text_signature__)
import copyreg, pickle
class P:
    def __init__(self): self.a = 1
print(pickle.loads(pickle.dumps(P(), 0)).a, pickle.loads(pickle.dumps(P(), 1)).a)
