#nullable enable
using System;
using System.Collections.Generic;
using StacklessIron.Modules.Posix;
namespace StacklessIron.Modules.Select;

/// <summary>`select.poll()`: a set of registered descriptors and event masks, polled together.</summary>
[PyType("poll")]
public sealed class PyPoll : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("poll", typeof(PyPoll), subclassable: false, module: "select");
    readonly Dictionary<int, short> _registered = new();
    bool _polling;

    public PyPoll() : base(TypeObject) { }

    static short Mask(long eventmask)
    {
        if (eventmask < 0) throw PyExc.OverflowError("unsigned short is less than minimum");
        if (eventmask > ushort.MaxValue) throw PyExc.OverflowError("unsigned short is greater than maximum");
        return unchecked((short)(ushort)eventmask);
    }

    [PyMethod]
    static void register(ThreadState ts, PyPoll self, PyObject fd, long eventmask = SelectModule.POLLIN | SelectModule.POLLPRI | SelectModule.POLLOUT)
        => self._registered[FdArg.FromObject(ts, fd)] = Mask(eventmask);

    [PyMethod]
    static void modify(ThreadState ts, PyPoll self, PyObject fd, long eventmask)
    {
        int f = FdArg.FromObject(ts, fd);
        if (!self._registered.ContainsKey(f)) throw PosixErrors.FromErrno(LibC.ENOENT);
        self._registered[f] = Mask(eventmask);
    }

    [PyMethod]
    static void unregister(ThreadState ts, PyPoll self, PyObject fd)
    {
        int f = FdArg.FromObject(ts, fd);
        if (!self._registered.Remove(f)) throw PyExc.KeyError(PyInt.From(f));
    }

    [PyMethod]
    static PyObject poll(ThreadState ts, PyPoll self, PyObject? timeout = null)
    {
        int ms = -1;
        if (timeout != null && timeout != PyNone.Value)
        {
            if (timeout is not PyInt && timeout is not PyFloat && timeout.Type.Lookup("__index__") == null)
                throw PyExc.TypeError($"'{timeout.Type.Name}' object cannot be interpreted as an integer");
            double t = Math.Ceiling(Ops.ToDouble(ts, timeout));
            if (t > int.MaxValue) throw PyExc.OverflowError("Python int too large to convert to C int");
            ms = t < 0 ? -1 : (int)t;
        }
        if (self._polling) throw PyExc.RuntimeError("concurrent poll() invocation");
        var fds = new SelectModule.PollFd[self._registered.Count];
        int i = 0;
        foreach (var (fd, ev) in self._registered) fds[i++] = new SelectModule.PollFd { Fd = fd, Events = ev };
        self._polling = true;
        try { SelectModule.Wait(ts, fds, ms); }
        finally { self._polling = false; }
        var result = new PyList();
        foreach (var e in fds)
            if (e.Revents != 0) result.Append(PyTuple.Of(PyInt.From(e.Fd), PyInt.From((ushort)e.Revents)));
        return result;
    }
}
