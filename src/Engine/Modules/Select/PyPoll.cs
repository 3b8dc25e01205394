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

    /// <summary>Only select.poll() makes one.</summary>
    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
        => throw PyExc.TypeError("cannot create 'select.poll' instances");

    /// <summary>An unsigned short as CPython's converter takes it.</summary>
    static short Mask(ThreadState ts, PyObject eventmask)
    {
        if (eventmask is PyFloat) throw PyExc.TypeError("'float' object cannot be interpreted as an integer");
        var v = Ops.Index(ts, eventmask);
        if (v.Sign < 0) throw PyExc.ValueError("value must be positive");
        if (!v.FitsLong || v.Small > uint.MaxValue) throw PyExc.OverflowError("Python int too large to convert to C unsigned long");
        if (v.Small > ushort.MaxValue) throw PyExc.OverflowError("Python int too large for C unsigned short");
        return unchecked((short)(ushort)v.Small);
    }

    [PyMethod]
    static void register(ThreadState ts, PyPoll self, PyObject fd, PyObject? eventmask = null)
        => self._registered[FdArg.FromObject(ts, fd)] = eventmask == null ? (short)(SelectModule.POLLIN | SelectModule.POLLPRI | SelectModule.POLLOUT) : Mask(ts, eventmask);

    [PyMethod]
    static void modify(ThreadState ts, PyPoll self, PyObject fd, PyObject eventmask)
    {
        int f = FdArg.FromObject(ts, fd);
        if (!self._registered.ContainsKey(f)) throw PosixErrors.FromErrno(LibC.ENOENT);
        self._registered[f] = Mask(ts, eventmask);
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
                throw PyExc.TypeError("timeout must be an integer or None");
            double t = Ops.ToDouble(ts, timeout);
            if (t > 9.2e15) throw PyExc.OverflowError("timestamp too large to convert to C _PyTime_t");
            t = Math.Ceiling(t);
            if (t > int.MaxValue) throw PyExc.OverflowError("timeout is too large");
            // any negative time (even -1e-100) waits forever
            ms = t < 0 || Ops.ToDouble(ts, timeout) < 0 ? -1 : (int)t;
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
