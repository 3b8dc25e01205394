#nullable enable
using System;
using StacklessIron.Objects;
using StacklessIron.Runtime;
namespace StacklessIron.Stackless;

/// <summary>A bomb carries an exception as a value (through a channel or a tasklet's tempval):
/// the tasklet that receives it raises the exception instead.</summary>
[PyType("bomb")]
public sealed class PyBomb : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("bomb", typeof(PyBomb), module: "_stackless");
    public PyBaseException? Exception;

    public PyBomb(PyBaseException? e) : base(TypeObject) { Exception = e; }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (args.Length == 0) return new PyBomb(null);
        return new PyBomb(PyTasklet.MakeException(ts, args[0], args.Length > 1 ? args[1] : null, null));
    }

    [PyGetter("type")] static PyObject GetType(ThreadState ts, PyObject self) => (PyObject?)((PyBomb)self).Exception?.Type ?? PyNone.Value;
    [PyGetter("value")] static PyObject GetValue(ThreadState ts, PyObject self) => (PyObject?)((PyBomb)self).Exception ?? PyNone.Value;
    [PyGetter("traceback")] static PyObject GetTb(ThreadState ts, PyObject self) => (PyObject?)((PyBomb)self).Exception?.Traceback ?? PyNone.Value;

    /// <summary>A bomb in a pickled tasklet's tempval (a pending kill or throw): its exception
    /// type and instance (the traceback is not pickled).</summary>
    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyBomb self)
    {
        var e = self.Exception;
        var args = e == null ? PyTuple.Empty : new PyTuple(new PyObject[] { e.Type, e });
        return new PyTuple(new PyObject[] { self.Type, args });
    }

    [PyMethod]
    static PyObject raise_(ThreadState ts, PyBomb self) => throw new PyException(self.Exception ?? PyExc.New(ExceptionTypes.TypeError).Value);
}
