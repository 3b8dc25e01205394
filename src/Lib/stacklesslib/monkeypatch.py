"""Makes blocking standard-library calls block only the calling tasklet.

patch_all() patches time.sleep, select.select/poll (and the selectors that use them),
socket (stacklesssocket.install()) and threading (locks, and threads that run as
tasklets). unpatch_all() undoes it.
"""

import sys

_saved = {}     # (object, attribute) -> original value
_patched = {}   # (object, attribute) -> the value put in its place


def _set(obj, name, value):
    key = (obj, name)
    if key not in _saved:
        _saved[key] = getattr(obj, name)
    _patched[key] = value
    setattr(obj, name, value)


def patch_all():
    patch_misc()
    patch_select()
    patch_socket()
    patch_threading()


def patch_misc():
    """time.sleep blocks the tasklet (time.real_sleep keeps the original); it checks its
    argument as time.sleep does (a negative time is a ValueError, where main.sleep takes it
    as 0)."""
    import time
    import _stacklessio
    if not hasattr(time, "real_sleep"):
        time.real_sleep = time.sleep
    _set(time, "sleep", _stacklessio.sleep)


def patch_select():
    """select.select and select.poll wait in the scheduler; so do the selectors built on
    them (socketserver, subprocess ...)."""
    import select
    import selectors
    from .replacements import select as coselect
    _set(select, "select", coselect.select)
    _set(select, "poll", coselect.poll)
    # these classes took the real poll/select when selectors was imported
    _set(selectors.PollSelector, "_selector_cls", staticmethod(coselect.poll))
    _set(selectors, "select", select)


def patch_socket(will_be_pumped=True):
    """socket.socket becomes stacklesssocket.socket for every importer."""
    import stacklesssocket
    stacklesssocket.install()


def patch_thread():
    patch_threading()


def patch_threading():
    """threading's locks block tasklets, and threading.Thread runs as a tasklet of this
    thread (start() makes a tasklet; join() waits for it)."""
    import threading
    import _thread
    import stackless
    from . import locks
    _set(threading, "Lock", locks.Lock)
    _set(threading, "_allocate_lock", locks.Lock)
    _set(threading, "RLock", locks.RLock)

    sentinels = {}

    def set_sentinel():
        # a thread's "still running" lock (threading acquires it): released when its tasklet ends
        lock = locks.Lock()
        sentinels[stackless.getcurrent()] = lock
        return lock

    main_ident = _thread.get_ident()

    def get_ident():
        cur = stackless.getcurrent()
        return main_ident if cur is stackless.getmain() else id(cur)

    def run_as_thread(function, args, kwargs):
        try:
            function(*args, **kwargs)
        finally:
            lock = sentinels.pop(stackless.getcurrent(), None)
            if lock is not None and lock.locked():
                lock.release()

    def start_new_thread(function, args, kwargs={}):
        t = stackless.tasklet(run_as_thread)(function, args, kwargs)
        return id(t)

    _set(threading, "_set_sentinel", set_sentinel)
    _set(threading, "get_ident", get_ident)
    _set(threading, "_start_new_thread", start_new_thread)
    # queue.SimpleQueue is _queue's native class, whose get() blocks the OS thread
    # (concurrent.futures' pool waits on one): queue's own Python version waits on a
    # threading.Semaphore, so on tasklets
    import queue
    if hasattr(queue, "_PySimpleQueue"):
        _set(queue, "SimpleQueue", queue._PySimpleQueue)
    # threading.local is _thread's, one per OS thread: every tasklet-thread would share it.
    # _threading_local's keeps the values per current_thread(), so per tasklet-thread
    import _threading_local
    _set(threading, "local", _threading_local.local)


def unpatch_all():
    """Puts back everything patch_* replaced."""
    for (obj, name), value in reversed(list(_saved.items())):
        setattr(obj, name, value)
    _saved.clear()
    _patched.clear()
    import stacklesssocket
    stacklesssocket.uninstall()


class Unpatched:
    """with Unpatched(): ... runs with the original functions back in place."""

    def __enter__(self):
        import stacklesssocket
        self._socket = stacklesssocket.installed()
        for (obj, name), value in _saved.items():
            setattr(obj, name, value)
        stacklesssocket.uninstall()
        return self

    def __exit__(self, *exc):
        import stacklesssocket
        for (obj, name), value in _patched.items():
            setattr(obj, name, value)
        if self._socket:
            stacklesssocket.install()
        return False
