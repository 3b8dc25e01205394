# frame.f_lineno assignment from a line trace function: jumps forward, backward, out of range
# and into a for loop body (refused with CPython's message).
import sys
def tracer(target, first=None):
    done = []
    def tr(frame, event, arg):
        if frame.f_code.co_name != 'f':
            return None
        if event == 'line' and frame.f_lineno == first and not done:
            done.append(1)
            try:
                frame.f_lineno = target
            except ValueError as e:
                print('ValueError:', e)
        return tr
    return tr

def f():
    out = []
    out.append(1)
    out.append(2)
    for i in range(2):
        out.append(3)
    out.append(4)
    return out

for first, target in [(16, 18), (18, 16), (16, 20), (16, 19), (15, 100), (15, 1), (19, 21)]:
    sys.settrace(tracer(target, first))
    try:
        print(first, target, f())
    except Exception as e:
        print('error', type(e).__name__, e)
    sys.settrace(None)
