# Frame objects: sys._getframe, f_back, f_locals, f_lineno; exposed frames stay intact even
# though the VM recycles the frames of calls that returned unobserved.
import sys

def test_getframe_and_back():
    def inner():
        return sys._getframe()
    def outer():
        return inner()
    fr = outer()
    assert fr.f_code.co_name == "inner"
    assert fr.f_back is None or fr.f_back.f_code.co_name == "outer"
    def again():
        return 1
    for _ in range(3):
        again()
    assert fr.f_code.co_name == "inner"
    assert outer() is not fr

def test_frame_locals_and_lineno():
    def f(a):
        b = a + 1
        frame = sys._getframe()
        return frame.f_locals, frame.f_lineno, frame.f_code.co_firstlineno
    loc, line, first = f(1)
    assert loc["a"] == 1 and loc["b"] == 2
    assert line == first + 3

def test_traceback_frames_survive_later_calls():
    def boom(x):
        raise ValueError(x)
    try:
        boom(7)
    except ValueError as e:
        saved = e
    def filler(y):
        return y
    for i in range(5):
        filler(i)
        try:
            boom(i)
        except ValueError:
            pass
    tb = saved.__traceback__
    while tb.tb_next is not None:
        tb = tb.tb_next
    assert tb.tb_frame.f_code.co_name == "boom"
    assert tb.tb_frame.f_locals["x"] == 7

def test_recursion_reuses_nothing_wrongly():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    assert [fact(i) for i in range(8)] == [1, 1, 2, 6, 24, 120, 720, 5040]
    def walk(n, acc):
        if n == 0:
            return acc
        acc.append(sys._getframe().f_code.co_name)
        return walk(n - 1, acc)
    assert walk(3, []) == ["walk", "walk", "walk"]

for _name, _fn in list(globals().items()):
    if "test_" in _name:
        _fn()
