# sys.setprofile events (c_call/c_return/c_exception for builtins), a trace function that raises
# (tracing is unset), a local trace function of None, f_trace_lines, f_trace on a running frame.
import sys

def show(a):
    if a is None or isinstance(a, (int, str, bool)):
        return a
    if type(a).__name__ == 'builtin_function_or_method':
        return 'builtin:' + a.__name__
    return type(a).__name__

def prof(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return
    print(event, frame.f_code.co_name, frame.f_lineno, show(arg))

def f(x):
    l = []
    l.append(x)
    len(l)
    sorted([3, 1], key=lambda v: -v)
    try:
        int('x')
    except ValueError:
        pass
    return l

def g():
    yield 1
    yield 2

def main():
    f(1)
    for v in g():
        pass
    return list(g())

sys.setprofile(prof)
main()
sys.setprofile(None)
print(sys.getprofile())

# errors in the trace function unset it
def bad(frame, event, arg):
    if event == 'line':
        raise ZeroDivisionError('in tracer')
    return bad

def victim():
    x = 1
    return x

sys.settrace(bad)
try:
    victim()
except ZeroDivisionError as e:
    print('caught', e, sys.gettrace())

def local_none(frame, event, arg):
    if frame.f_code.co_name == 'victim':
        print('call seen', event)
        return None
    return local_none
sys.settrace(local_none)
victim()
sys.settrace(None)

def lines_off(frame, event, arg):
    if frame.f_code.co_name == 'victim':
        frame.f_trace_lines = False
        print(event, frame.f_lineno)
        return lines_off
    return None
sys.settrace(lines_off)
victim()
sys.settrace(None)

def outer():
    def tr(frame, event, arg):
        print('tr', event, frame.f_code.co_name, frame.f_lineno)
        return tr
    sys._getframe().f_trace = tr
    sys.settrace(tr)
    victim()
    y = 2
    sys.settrace(None)
    return y
outer()
