"""select() and poll() that block only the calling tasklet.

They ask the real module first with a zero timeout (which also checks the arguments as
it does), and when nothing is ready wait in the scheduler's reactor for the descriptors,
then ask again.
"""

import select as _real
from select import *            # error, the POLL* constants, PIPE_BUF
from time import monotonic as _monotonic
import _stacklessio

_POLLIN, _POLLOUT, _POLLPRI = _real.POLLIN, _real.POLLOUT, _real.POLLPRI
# the real calls, kept before monkey-patching puts ours in the select module
_real_select = _real.select
_real_poll = _real.poll


def _fileno(obj):
    if isinstance(obj, int):
        return obj
    return obj.fileno()


def _as_list(objs):
    try:
        return list(objs)
    except TypeError:
        raise TypeError("arguments 1-3 must be sequences") from None


def select(rlist, wlist, xlist, timeout=None):
    rlist, wlist, xlist = _as_list(rlist), _as_list(wlist), _as_list(xlist)
    if timeout is not None:
        if not isinstance(timeout, (int, float)) and not hasattr(timeout, "__float__"):
            raise TypeError("timeout must be a float or None")
        timeout = float(timeout)
        if timeout != timeout:
            raise ValueError("Invalid value NaN (not a number)")
        if timeout < 0:
            raise ValueError("timeout must be non-negative")
    ready = _real_select(rlist, wlist, xlist, 0)
    if ready[0] or ready[1] or ready[2] or timeout == 0:
        return ready
    interest = {}
    for objs, ev in ((rlist, _POLLIN), (wlist, _POLLOUT), (xlist, _POLLPRI)):
        for o in objs:
            fd = _fileno(o)
            interest[fd] = interest.get(fd, 0) | ev
    deadline = None if timeout is None else _monotonic() + timeout
    while True:
        left = None if deadline is None else max(0.0, deadline - _monotonic())
        if interest:
            _stacklessio.wait_many(interest.items(), left)
        else:
            _stacklessio.sleep(left if left is not None else 1e9)
        ready = _real_select(rlist, wlist, xlist, 0)
        if ready[0] or ready[1] or ready[2]:
            return ready
        if deadline is not None and _monotonic() >= deadline:
            return ready


class _Poll:
    """select.poll() whose poll() waits in the tasklet scheduler."""

    def __init__(self):
        self._real = _real_poll()
        self._masks = {}

    def register(self, fd, eventmask=_POLLIN | _POLLPRI | _POLLOUT):
        self._real.register(fd, eventmask)
        self._masks[_fileno(fd)] = eventmask

    def modify(self, fd, eventmask):
        self._real.modify(fd, eventmask)
        self._masks[_fileno(fd)] = eventmask

    def unregister(self, fd):
        self._real.unregister(fd)
        del self._masks[_fileno(fd)]

    def poll(self, timeout=None):
        ready = self._real.poll(0)      # checks the timeout argument too
        if timeout is not None:
            timeout = int(-(-float(timeout) // 1))   # milliseconds, rounded up
            if timeout < 0:
                timeout = None
        if ready or timeout == 0:
            return ready
        deadline = None if timeout is None else _monotonic() + timeout / 1000.0
        while True:
            left = None if deadline is None else max(0.0, deadline - _monotonic())
            interest = [(fd, m) for fd, m in self._masks.items() if m]
            if interest:
                _stacklessio.wait_many(interest, left)
            else:
                _stacklessio.sleep(left if left is not None else 1e9)
            ready = self._real.poll(0)
            if ready or (deadline is not None and _monotonic() >= deadline):
                return ready


def poll():
    return _Poll()
