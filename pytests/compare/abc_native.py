# abc on the _abc accelerator: abstract methods, register, the cached instance and subclass
# checks with __subclasshook__, the cache token, _get_dump, resets, and the errors.
import abc, _abc, collections.abc as cabc, sys

print(abc.ABCMeta.__module__, abc.ABCMeta.register.__qualname__, type(abc.ABC._abc_impl).__name__)

class Base(abc.ABC):
    @abc.abstractmethod
    def run(self): ...
    @property
    @abc.abstractmethod
    def name(self): ...
    def concrete(self): return 1

class Half(Base):
    def run(self): return "ran"

class Full(Half):
    name = "full"

print(sorted(Base.__abstractmethods__), sorted(Half.__abstractmethods__), sorted(Full.__abstractmethods__))
for cls in (Base, Half):
    try:
        cls()
    except TypeError as e:
        print(e)
print(Full().run(), Full().name)

class Plain:
    pass

token = abc.get_cache_token()
print(issubclass(Plain, Base), isinstance(Plain(), Base))
print(Base.register(Plain) is Plain, abc.get_cache_token() - token)
print(issubclass(Plain, Base), isinstance(Plain(), Base), issubclass(Plain, Half))
print(Base.register(Plain) is Plain, Base.register(Full) is Full, abc.get_cache_token() - token)
try:
    Plain.__class__  # plain class: register the ABC into a registered class makes a cycle
    class Meta(abc.ABC):
        pass
    Meta.register(Plain)
    Plain2 = type("Plain2", (Plain,), {})
    print(issubclass(Plain2, Meta), issubclass(Plain2, Base))
except Exception as e:
    print(type(e).__name__, e)
try:
    Half.register(Base)
except RuntimeError as e:
    print(e)
for bad in (1, "x", Plain()):
    try:
        Base.register(bad)
    except TypeError as e:
        print(e)
    try:
        issubclass(bad, Base)
    except TypeError as e:
        print(e)

registry, cache, negative, version = _abc._get_dump(Base)
print(sorted(r().__name__ for r in registry), sorted(r().__name__ for r in cache), type(version).__name__)
print(all(type(r).__name__ == "ReferenceType" for r in registry | cache | negative))
Base._abc_caches_clear()
print(_abc._get_dump(Base)[1:3])
Base._abc_registry_clear()
print(_abc._get_dump(Base)[0], issubclass(Plain, Base), isinstance(Plain(), Base))

# __subclasshook__ decides first; its answers are cached both ways.
class Sized(abc.ABC):
    calls = 0
    @classmethod
    def __subclasshook__(cls, C):
        Sized.calls += 1
        if cls is Sized:
            return True if hasattr(C, "__len__") else NotImplemented
        return NotImplemented

print(isinstance([], Sized), isinstance(1, Sized), isinstance([], Sized), isinstance(1, Sized), Sized.calls)
class BadHook(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 42
try:
    issubclass(int, BadHook)
except AssertionError as e:
    print("AssertionError", e)

# instance whose __class__ lies
class Liar:
    __class__ = list
print(isinstance(Liar(), cabc.Sequence), isinstance(Liar(), cabc.Hashable))

# collections.abc on builtins and registered types
for obj in ({}, [], (), "s", b"b", set(), frozenset(), range(3), iter([]), (x for x in ()), 1, 1.5, None, memoryview(b"x")):
    print(type(obj).__name__, [name for name in ("Mapping", "MutableMapping", "Sequence", "MutableSequence", "Set",
                                                  "Hashable", "Iterable", "Iterator", "Generator", "Sized", "Container",
                                                  "Collection", "Reversible", "ByteString")
                                if isinstance(obj, getattr(cabc, name))])
print("__abc_tpflags__" in cabc.Sequence.__dict__, "__abc_tpflags__" in cabc.Mapping.__dict__)

class MyMap(cabc.Mapping):
    def __getitem__(self, k): return k
    def __len__(self): return 0
    def __iter__(self): return iter(())
match MyMap():
    case {}:
        print("matched as mapping")
match [1, 2]:
    case [a, b]:
        print("sequence", a, b)

class Cls(metaclass=abc.ABCMeta):
    __abstractmethods__ = frozenset()
print(Cls.__abstractmethods__, abc.ABCMeta.__instancecheck__(Base, Full()), abc.ABCMeta.__subclasscheck__(Base, Full))
try:
    _abc._abc_instancecheck(int, 1)
except Exception as e:
    print(type(e).__name__, e)
class WrongImpl(abc.ABC):
    pass
WrongImpl._abc_impl = 5
try:
    isinstance(1, WrongImpl)
except TypeError as e:
    print(e)
