# Stackless: each tasklet has its own trace and profile functions (Stackless 3.7's
# tasklet.trace_function / profile_function); the running tasklet's are sys.gettrace() /
# sys.getprofile(); a switch installs the next tasklet's; the stackless module's own helper
# frames are never traced.
import stackless, sys

def test_per_tasklet_trace():
    events = []
    def tf(frame, event, arg):
        events.append((stackless.current.is_main, event, frame.f_code.co_name, frame.f_code.co_filename == __file__))
        return tf
    seen = {}
    def task(n):
        seen[n, 'before'] = sys.gettrace()
        stackless.schedule()
        seen[n, 'after'] = sys.gettrace()
        return n
    t1 = stackless.tasklet(task)(1)
    t2 = stackless.tasklet(task)(2)
    t1.trace_function = tf
    assert t1.trace_function is tf and t2.trace_function is None and sys.gettrace() is None
    stackless.run()
    assert seen == {(1, 'before'): tf, (1, 'after'): tf, (2, 'before'): None, (2, 'after'): None}, seen
    # only the traced tasklet's frames, only this file's code (no helper frames)
    assert set(events) == {(False, 'call', 'task', True), (False, 'line', 'task', True), (False, 'return', 'task', True)}, set(events)
    assert sys.gettrace() is None
    assert t1.trace_function is None   # dead

def test_current_tasklet_is_sys():
    def tf(frame, event, arg):
        return None
    stackless.current.trace_function = tf
    try:
        assert sys.gettrace() is tf
    finally:
        stackless.current.trace_function = None
    assert sys.gettrace() is None
    stackless.current.profile_function = tf
    try:
        assert sys.getprofile() is tf and stackless.current.profile_function is tf
    finally:
        sys.setprofile(None)
    assert stackless.current.profile_function is None

def test_dead_tasklet_refuses():
    t = stackless.tasklet()
    for attr in ('trace_function', 'profile_function'):
        try:
            setattr(t, attr, print)
        except RuntimeError as e:
            assert 'not alive' in str(e)
        else:
            raise AssertionError(attr)

def test_per_tasklet_profile():
    calls = []
    def pf(frame, event, arg):
        if event == 'call':
            calls.append(frame.f_code.co_name)
    def leaf():
        return 1
    def task():
        leaf()
        stackless.schedule()
        leaf()
    def other():
        leaf()
    t1 = stackless.tasklet(task)()
    t2 = stackless.tasklet(other)()
    t1.profile_function = pf
    stackless.run()
    assert calls == ['task', 'leaf', 'leaf'], calls
    assert sys.getprofile() is None

for name, f in list(globals().items()):
    if name.startswith('test_'):
        f()
print('ok')
