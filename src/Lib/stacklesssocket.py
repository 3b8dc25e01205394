"""A drop-in `socket` module whose blocking calls block only the calling tasklet.

    import stacklesssocket as socket        # use it directly, or
    stacklesssocket.install()               # make socket.socket this module's class for everyone

Each socket is non-blocking at the OS level; the timeout the program sets (None, 0 or
seconds) is kept here. A call that would block waits in the scheduler's reactor
(_stacklessio.wait) for its descriptor, so other tasklets run meanwhile; with no other
tasklet it simply waits, like the plain call. Timeouts raise socket.timeout ("timed out")
as CPython does.
"""

import socket as _std
import _socket
import _pyio
import errno as _errno
import os as _os
from time import monotonic as _monotonic
from _stacklessio import wait as _wait, READ as _READ, WRITE as _WRITE

# Everything the standard module offers (constants, functions, exception types, and the
# private helpers its functions use), so that this module can stand in for it.
globals().update({k: v for k, v in vars(_std).items() if k not in ('__name__', '__doc__', '__file__', '__spec__',
                                                                      '__loader__', '__package__', '__cached__', '__all__', '__builtins__')})

_ss = _socket.socket
_RealSocket = _std.socket
_CONNECTING = {_errno.EINPROGRESS, _errno.EAGAIN, _errno.EALREADY, _errno.EINTR}
_NOT_GIVEN = object()


def _timed_out():
    return _std.timeout('timed out')


class socket(_RealSocket):
    """socket.socket whose accept, connect, recv*, send* and makefile'd reads and writes
    wait in the tasklet scheduler instead of blocking the thread."""

    __slots__ = ('_co_timeout',)

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        super().__init__(family, type, proto, fileno)
        # the timeout _socket chose (the default timeout, or 0.0 for SOCK_NONBLOCK)
        self._co_timeout = _ss.gettimeout(self)
        _ss.setblocking(self, False)

    # -- the timeout the program sees; the OS descriptor stays non-blocking --

    def settimeout(self, value):
        _ss.settimeout(self, value)         # checks the value as the real call does
        self._co_timeout = _ss.gettimeout(self)
        _ss.setblocking(self, False)

    def gettimeout(self):
        return self._co_timeout

    def setblocking(self, flag):
        _ss.setblocking(self, flag)
        self._co_timeout = None if flag else 0.0
        _ss.setblocking(self, False)

    def getblocking(self):
        return self._co_timeout != 0.0

    @property
    def timeout(self):
        return self._co_timeout

    def detach(self):
        # hand over a descriptor that behaves as the program set it
        if self._co_timeout is None and self.fileno() >= 0:
            _ss.setblocking(self, True)
        return super().detach()

    # -- waiting --

    def _deadline(self):
        t = self._co_timeout
        return None if t is None else _monotonic() + t

    def _wait_ready(self, events, deadline):
        fd = self.fileno()
        if fd < 0:
            return      # the operation itself reports the closed socket
        if deadline is None:
            _wait(fd, events)
        else:
            left = deadline - _monotonic()
            if not _wait(fd, events, left if left > 0 else 0):
                raise _timed_out()

    def _io(self, events, op, args, deadline=_NOT_GIVEN):
        """Runs op(self, *args), waiting in the reactor while it would block. A send is
        tried first (a socket is mostly writable); a receive waits first (its data has
        mostly not arrived yet, and the wait answers at once when it has)."""
        if self._co_timeout == 0.0:
            return op(self, *args)
        if events == _WRITE:
            try:
                return op(self, *args)
            except (BlockingIOError, InterruptedError):
                pass
        if deadline is _NOT_GIVEN:
            deadline = self._deadline()
        while True:
            self._wait_ready(events, deadline)
            try:
                return op(self, *args)
            except (BlockingIOError, InterruptedError):
                pass

    # -- the blocking calls --

    def accept(self):
        fd, addr = self._io(_READ, _ss._accept, ())
        sock = socket(self.family, self.type, self.proto, fileno=fd)
        if _std.getdefaulttimeout() is None and self.gettimeout():
            sock.setblocking(True)
        return sock, addr

    def connect(self, address):
        if self._co_timeout == 0.0:
            return _ss.connect(self, address)
        deadline = self._deadline()
        err = _ss.connect_ex(self, address)
        if err == 0 or err == _errno.EISCONN:
            return
        if err not in _CONNECTING:
            raise OSError(err, _os.strerror(err))
        self._wait_ready(_WRITE, deadline)
        err = self.getsockopt(SOL_SOCKET, SO_ERROR)
        if err:
            raise OSError(err, _os.strerror(err))

    def connect_ex(self, address):
        try:
            self.connect(address)
        except _std.timeout:
            return _errno.EWOULDBLOCK
        except _std.gaierror:
            raise
        except OSError as e:
            if e.errno:
                return e.errno
            raise
        return 0

    def recv(self, bufsize, flags=0):
        if self._co_timeout is None:
            # the common case, without the general path's overhead
            fd = self.fileno()
            if fd >= 0:
                _wait(fd, _READ)
                try:
                    return _ss.recv(self, bufsize, flags)
                except (BlockingIOError, InterruptedError):
                    pass
        return self._io(_READ, _ss.recv, (bufsize, flags))

    def recv_into(self, buffer, nbytes=0, flags=0):
        return self._io(_READ, _ss.recv_into, (buffer, nbytes, flags))

    def recvfrom(self, bufsize, flags=0):
        return self._io(_READ, _ss.recvfrom, (bufsize, flags))

    def recvfrom_into(self, buffer, nbytes=0, flags=0):
        return self._io(_READ, _ss.recvfrom_into, (buffer, nbytes, flags))

    def send(self, data, flags=0):
        return self._io(_WRITE, _ss.send, (data, flags))

    def sendto(self, *args):
        return self._io(_WRITE, _ss.sendto, args)

    def sendall(self, data, flags=0):
        if self._co_timeout == 0.0:
            return _ss.sendall(self, data, flags)
        deadline = self._deadline()
        sent = 0
        if type(data) is bytes:
            # mostly all of it goes at once
            sent = self._io(_WRITE, _ss.send, (data, flags), deadline)
            if sent == len(data):
                return
        with memoryview(data) as view, view.cast('B') as flat:
            total = len(flat)
            while sent < total:
                sent += self._io(_WRITE, _ss.send, (flat[sent:], flags), deadline)

    def sendfile(self, file, offset=0, count=None):
        # the plain-send path: every send waits in the scheduler
        return self._sendfile_use_send(file, offset, count)


def _rebind(f, namespace):
    """The standard module's function `f` with its global names looked up in `namespace`
    (so that `socket(...)` inside it makes this module's socket)."""
    # a function defined in `namespace` gets f's code (function() cannot be called here)
    exec('def _rebound(): pass', namespace)
    g = namespace.pop('_rebound')
    g.__code__ = f.__code__
    g.__defaults__ = f.__defaults__
    g.__kwdefaults__ = f.__kwdefaults__
    g.__name__ = f.__name__
    g.__doc__ = f.__doc__
    g.__qualname__ = f.__qualname__
    return g


# makefile: the standard logic over the pure-Python buffered and text layers (_pyio), so that
# a read or write that waits switches the tasklet softly instead of under native io code.
_makefile_globals = dict(vars(_std))
_makefile_globals['io'] = _pyio
socket.makefile = _rebind(_RealSocket.makefile, _makefile_globals)

for _name in ('socketpair', 'fromfd', 'create_connection', 'create_server', 'has_dualstack_ipv6'):
    if hasattr(_std, _name):
        globals()[_name] = _rebind(getattr(_std, _name), globals())
del _name

SocketType = _std.SocketType

_saved = None


def install():
    """Makes the standard socket module's `socket` this module's class, for every importer
    (socket.create_connection, socketpair, fromfd, socketserver, http.client ... then make
    cooperative sockets). Installing twice is harmless."""
    global _saved
    if _saved is None:
        _saved = {'socket': _std.socket}
        _std.socket = socket


def uninstall():
    """Puts the standard socket class back."""
    global _saved
    if _saved is not None:
        for k, v in _saved.items():
            setattr(_std, k, v)
        _saved = None


def installed():
    return _saved is not None
