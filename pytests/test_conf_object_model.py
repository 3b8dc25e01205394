# Object-model rules that the standard library depends on (found by importing it).

def test_slots_listed_twice_and_inherited():
    class Date:
        __slots__ = ("_year", "_hashcode")
    class Time:
        __slots__ = ("_hour", "_hashcode")
    class DateTime(Date):
        # datetime.py does exactly this: the name comes twice and is also inherited
        __slots__ = Date.__slots__ + Time.__slots__
    d = DateTime()
    d._year = 2020; d._hashcode = -1; d._hour = 3
    assert (d._year, d._hashcode, d._hour) == (2020, -1, 3)
    assert not hasattr(d, "__dict__")

def test_slot_conflicting_with_class_body_name():
    try:
        class K:
            __slots__ = ("x",)
            x = 1
    except ValueError as e:
        assert str(e) == "'x' in __slots__ conflicts with class variable"
    else:
        raise AssertionError("conflict not detected")

def test_exception_bases_without_extra_layout_mix():
    # _pydecimal: class FloatOperation(DecimalException, TypeError)
    class DecimalException(ArithmeticError): pass
    class FloatOperation(DecimalException, TypeError): pass
    assert issubclass(FloatOperation, TypeError) and issubclass(FloatOperation, ArithmeticError)
    try:
        raise FloatOperation("x")
    except TypeError as e:
        assert e.args == ("x",)

def test_builtin_layout_conflict_still_detected():
    try:
        class D(int, str): pass
    except TypeError as e:
        assert str(e) == "multiple bases have instance lay-out conflict"
    else:
        raise AssertionError("lay-out conflict not detected")

def test_type_is_generic():
    alias = type[int]
    assert alias.__origin__ is type and alias.__args__ == (int,)
    assert repr(type[int]) == "type[int]"
    class C: pass
    try:
        C[int]
    except TypeError as e:
        assert str(e) == "type 'C' is not subscriptable"
    else:
        raise AssertionError("a plain class became generic")

def test_assign_bases():
    class A:
        def who(self): return "A"
    class B:
        def who(self): return "B"
    class C(A): pass
    class D(C): pass
    assert D().who() == "A"
    C.__bases__ = (B,)
    assert C.__bases__ == (B,) and D().who() == "B"
    assert [k.__name__ for k in D.__mro__] == ["D", "C", "B", "object"]
    for bad, msg in (([B], "can only assign tuple to C.__bases__, not list"), ((), "can only assign non-empty tuple to C.__bases__, not ()"),
                     ((D,), "a __bases__ item causes an inheritance cycle")):
        try:
            C.__bases__ = bad
        except TypeError as e:
            assert str(e) == msg, str(e)
        else:
            raise AssertionError("accepted " + repr(bad))
    from typing import NamedTuple
    class P(NamedTuple):
        x: int
        y: int = 2
    assert P(1) == (1, 2) and P(1).y == 2
