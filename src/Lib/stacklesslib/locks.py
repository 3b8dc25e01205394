"""Locks that block the calling tasklet, not the thread (for tasklets of one thread).

A waiter blocks on a channel of its own; release() hands the lock straight to the first
waiter that still waits. threading's Condition, Event, Semaphore and Barrier are built on
Lock/RLock, so with these in place (stacklesslib.monkeypatch.patch_threading) they block
tasklets too. A wait nobody can end raises stackless's deadlock RuntimeError instead of
hanging the thread.
"""

from collections import deque

import stackless


def _check_args(blocking, timeout):
    if not blocking and timeout != -1:
        raise ValueError("can't specify a timeout for a non-blocking call")
    if timeout < 0 and timeout != -1:
        raise ValueError("timeout value must be a non-negative number")


def _wait_turn(waiters, timeout):
    """Blocks until a release hands the turn to this tasklet (True) or the timeout passes (False)."""
    ch = stackless.channel()
    ch.preference = 0       # the releaser goes on; the waiter runs at its turn
    waiters.append(ch)
    timer = None
    if timeout != -1:
        from .main import event_queue

        def expire():
            if ch.balance < 0:
                try:
                    waiters.remove(ch)
                except ValueError:
                    pass
                ch.send(False)
        timer = event_queue.call_later(timeout, expire)
    try:
        return ch.receive()
    finally:
        if timer is not None:
            timer.cancel()
        if ch in waiters:
            waiters.remove(ch)


def _hand_over(waiters):
    """Gives the turn to the first tasklet still waiting; False if there is none."""
    while waiters:
        ch = waiters.popleft()
        if ch.balance < 0:
            ch.send(True)
            return True
    return False


class Lock:
    """threading.Lock for tasklets."""

    def __init__(self):
        self._locked = False
        self._waiters = deque()

    def acquire(self, blocking=True, timeout=-1):
        _check_args(blocking, timeout)
        if not self._locked:
            self._locked = True
            return True
        if not blocking:
            return False
        return _wait_turn(self._waiters, timeout)

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        if not _hand_over(self._waiters):
            self._locked = False

    def locked(self):
        return self._locked

    __enter__ = acquire

    def __exit__(self, *exc):
        self.release()

    def _at_fork_reinit(self):
        self._locked = False
        self._waiters.clear()

    def __repr__(self):
        return "<%s %s.%s object at %s>" % ("locked" if self._locked else "unlocked",
                                            type(self).__module__, type(self).__qualname__, hex(id(self)))


class RLock:
    """threading.RLock for tasklets: the owner is a tasklet."""

    def __init__(self):
        self._owner = None
        self._count = 0
        self._waiters = deque()

    def acquire(self, blocking=True, timeout=-1):
        _check_args(blocking, timeout)
        me = stackless.getcurrent()
        if self._owner is me:
            self._count += 1
            return True
        if self._owner is None:
            self._owner, self._count = me, 1
            return True
        if not blocking:
            return False
        if _wait_turn(self._waiters, timeout):
            self._owner, self._count = me, 1
            return True
        return False

    __enter__ = acquire

    def release(self):
        if self._owner is not stackless.getcurrent():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if self._count == 0:
            self._owner = None
            if _hand_over(self._waiters):
                self._owner = True      # taken: the woken waiter names itself owner
            
    def __exit__(self, *exc):
        self.release()

    # what threading.Condition uses
    def _is_owned(self):
        return self._owner is stackless.getcurrent()

    def _release_save(self):
        if self._count == 0 or not self._is_owned():
            raise RuntimeError("cannot release un-acquired lock")
        state = self._count
        self._count = 1
        self.release()
        return state

    def _acquire_restore(self, state):
        self.acquire()
        self._count = state

    def _at_fork_reinit(self):
        self._owner, self._count = None, 0
        self._waiters.clear()

    def __repr__(self):
        return "<%s %s.%s object owner=%r count=%d at %s>" % (
            "locked" if self._owner is not None else "unlocked", type(self).__module__,
            type(self).__qualname__, self._owner, self._count, hex(id(self)))
