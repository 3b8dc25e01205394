"""Cooperative sleep and sockets for the example programs, on any Stackless.

StacklessIron ships them (stacklesslib.main.sleep, stacklesssocket.install()); Stackless 3.7
has none built in, so users there carried a module like this one: a hub tasklet that runs
select() over the sockets tasklets wait for and keeps a heap of sleepers, waking each
through a channel. The programs import `sleep`, `install_sockets` and `NATIVE` from here
and run the same code on both. `SLPCOMPAT_SHIM=1` in the environment forces the shim.
"""
import errno
import heapq
import os
import select
import socket
import time

import stackless

NATIVE = False
if not os.environ.get("SLPCOMPAT_SHIM"):
    try:
        import stacklesssocket
        import stacklesslib.main
        NATIVE = True
    except ImportError:
        pass


class _Hub(object):
    """One tasklet that waits for descriptors and deadlines while anyone waits."""

    def __init__(self):
        self.readers = {}      # fd -> [entry]
        self.writers = {}
        self.timers = []       # (deadline, seq, entry)
        self.seq = 0
        self.task = None

    def _entry(self):
        ch = stackless.channel()
        ch.preference = 1      # the waker goes on; the woken tasklet is only scheduled
        return [ch, False]     # [channel, done]

    def _start(self):
        if self.task is None or not self.task.alive:
            self.task = stackless.tasklet(self._loop)()

    def _wake(self, entry, value):
        if not entry[1]:
            entry[1] = True
            entry[0].send(value)

    def sleep(self, seconds):
        if seconds <= 0:
            stackless.schedule()
            return
        entry = self._entry()
        self.seq += 1
        heapq.heappush(self.timers, (time.monotonic() + seconds, self.seq, entry))
        self._start()
        entry[0].receive()

    def wait(self, fd, for_write, timeout):
        """True when fd is ready, False when `timeout` seconds passed first."""
        entry = self._entry()
        table = self.writers if for_write else self.readers
        table.setdefault(fd, []).append(entry)
        if timeout is not None:
            self.seq += 1
            heapq.heappush(self.timers, (time.monotonic() + timeout, self.seq, entry))
        self._start()
        try:
            return entry[0].receive()
        finally:
            # timed out, or killed while waiting: nobody may wake this entry any more
            entry[1] = True
            waiting = table.get(fd, [])
            if entry in waiting:
                waiting.remove(entry)
                if not waiting:
                    del table[fd]

    def _loop(self):
        while self.readers or self.writers or self.timers:
            now = time.monotonic()
            while self.timers and (self.timers[0][0] <= now or self.timers[0][2][1]):
                _, _, entry = heapq.heappop(self.timers)
                self._wake(entry, False)
            if stackless.getruncount() > 1:
                timeout = 0
            elif self.timers:
                timeout = max(0.0, self.timers[0][0] - time.monotonic())
            else:
                timeout = None
            if self.readers or self.writers:
                r, w, _ = select.select(list(self.readers), list(self.writers), [], timeout)
                for fd, table in [(fd, self.readers) for fd in r] + [(fd, self.writers) for fd in w]:
                    for entry in table.pop(fd, []):
                        self._wake(entry, True)
            elif timeout:
                _real_sleep(timeout)
            stackless.schedule()


_real_sleep = time.sleep    # the hub's own wait, whatever a program does to time.sleep
_hub = _Hub()
_Socket = socket.socket      # the standard class, before install_sockets() replaces it


class _CoSocket(_Socket):
    """socket.socket whose blocking calls wait in the hub; the OS descriptor is non-blocking
    and the program's timeout is kept here."""
    __slots__ = ("_co_timeout",)

    def __init__(self, *args, **kwargs):
        _Socket.__init__(self, *args, **kwargs)
        self._co_timeout = socket.getdefaulttimeout()
        _Socket.settimeout(self, 0.0)

    def settimeout(self, value):
        self._co_timeout = value

    def gettimeout(self):
        return self._co_timeout

    def setblocking(self, flag):
        self._co_timeout = None if flag else 0.0

    def _io(self, op, for_write, *args):
        deadline = None if self._co_timeout is None else time.monotonic() + self._co_timeout
        while True:
            try:
                return op(self, *args)
            except (BlockingIOError, InterruptedError):
                if self._co_timeout == 0.0:
                    raise
            left = None if deadline is None else deadline - time.monotonic()
            if (left is not None and left <= 0) or not _hub.wait(self.fileno(), for_write, left):
                raise socket.timeout("timed out")

    def accept(self):
        return self._io(_Socket.accept, False)

    def recv(self, *args):
        return self._io(_Socket.recv, False, *args)

    def recv_into(self, *args):
        return self._io(_Socket.recv_into, False, *args)

    def send(self, *args):
        return self._io(_Socket.send, True, *args)

    def sendall(self, data, flags=0):
        view = memoryview(data).cast("B")
        while len(view):
            view = view[self.send(view, flags):]

    def connect(self, address):
        try:
            return _Socket.connect(self, address)
        except (BlockingIOError, InterruptedError):
            pass
        if not _hub.wait(self.fileno(), True, self._co_timeout):
            raise socket.timeout("timed out")
        err = self.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if err:
            raise OSError(err, os.strerror(err))

    def connect_ex(self, address):
        try:
            self.connect(address)
            return 0
        except OSError as e:
            return e.errno or errno.EIO


def sleep(seconds):
    """Blocks the calling tasklet for `seconds`; the others run meanwhile."""
    if NATIVE:
        stacklesslib.main.sleep(seconds)
    else:
        _hub.sleep(seconds)


def install_sockets():
    """socket.socket becomes a class whose blocking calls block only the tasklet."""
    if NATIVE:
        stacklesssocket.install()
    else:
        socket.socket = _CoSocket


def free_port():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port
