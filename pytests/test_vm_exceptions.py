# Exceptions: handlers, finally, chaining, tracebacks, groups.
import sys

def test_finally_runs_on_return_break_continue():
    log = []
    def f():
        for i in range(3):
            try:
                if i == 0: continue
                if i == 1: break
            finally:
                log.append(i)
        try:
            return "r"
        finally:
            log.append("ret")
    assert f() == "r" and log == [0, 1, "ret"]

def test_chaining():
    try:
        try:
            raise KeyError("k")
        except KeyError as e:
            raise ValueError("v") from e
    except ValueError as e:
        assert isinstance(e.__cause__, KeyError) and e.__suppress_context__
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise TypeError("t")
    except TypeError as e:
        assert isinstance(e.__context__, ZeroDivisionError) and not e.__suppress_context__
    try:
        try:
            raise KeyError
        except KeyError:
            raise TypeError from None
    except TypeError as e:
        assert e.__cause__ is None and e.__suppress_context__

def test_traceback_objects():
    def inner():
        raise IndexError("deep")
    try:
        inner()
    except IndexError as e:
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        assert names == ["test_traceback_objects", "inner"], names
        assert e.__traceback__.tb_next.tb_lineno == inner.__code__.co_firstlineno + 1

def test_bare_raise_and_exc_info():
    try:
        try:
            raise OSError(2, "No such file or directory", "x.txt")
        except OSError:
            assert sys.exc_info()[0] is FileNotFoundError or sys.exc_info()[0] is OSError
            raise
    except OSError as e:
        assert e.errno == 2 and e.filename == "x.txt"
        assert str(e) == "[Errno 2] No such file or directory: 'x.txt'"
    try:
        raise
    except RuntimeError as e:
        assert str(e) == "No active exception to reraise"

def test_exception_attributes():
    e = StopIteration(5)
    assert e.value == 5 and e.args == (5,)
    assert repr(KeyError("a")) == "KeyError('a')" and str(KeyError("a")) == "'a'"
    assert str(SystemExit(3).code) == "3"
    class MyErr(Exception):
        def __init__(self, a, b):
            super().__init__(a)
            self.b = b
    m = MyErr(1, 2)
    assert m.args == (1,) and m.b == 2
    e = ValueError("x")
    e.add_note("note one")
    assert e.__notes__ == ["note one"]
    try:
        raise 5
    except TypeError as te:
        assert str(te) == "exceptions must derive from BaseException"

def test_except_star():
    caught = []
    try:
        raise ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as g:
        caught.append(("V", len(g.exceptions)))
    except* TypeError as g:
        caught.append(("T", len(g.exceptions)))
    assert caught == [("V", 2), ("T", 1)]
    try:
        try:
            raise ExceptionGroup("eg", [KeyError(1), OSError(2)])
        except* KeyError:
            pass
    except ExceptionGroup as rest:
        assert [type(x) for x in rest.exceptions] == [OSError]

def test_with_statement():
    log = []
    class CM:
        def __init__(self, swallow): self.swallow = swallow
        def __enter__(self): log.append("in"); return "val"
        def __exit__(self, t, v, tb):
            log.append(t.__name__ if t else None)
            return self.swallow
    with CM(True) as v:
        assert v == "val"
        raise KeyError
    try:
        with CM(False):
            raise ValueError
    except ValueError:
        log.append("propagated")
    with CM(False), CM(False):
        pass
    assert log == ["in", "KeyError", "in", "ValueError", "propagated", "in", "in", None, None], log

def test_unbound_and_name_errors():
    def f():
        print(v)
        v = 1
    try:
        f()
    except UnboundLocalError as e:
        assert str(e) == "cannot access local variable 'v' where it is not associated with a value"
    try:
        undefined_thing
    except NameError as e:
        assert str(e) == "name 'undefined_thing' is not defined"

for _name, _fn in list(globals().items()):
    if "test_" in _name:  # (str methods arrive with the strings work)
        _fn()
