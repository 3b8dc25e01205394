#nullable enable
using System;
namespace StacklessIron.Objects;

[PyType("enumerate")]
public sealed class PyEnumerate : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("enumerate", typeof(PyEnumerate));
    PyObject _it = null!;
    PyObject _index = PyInt.From(0);

    PyEnumerate(PyType t) : base(t) { }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var bound = new PyObject?[2];
        new Signature("enumerate", new[] { "iterable", "start" }, 0, 2, 0, false, false).Bind(ts, args, kwnames, bound, new PyObject[] { PyInt.From(0) });
        var e = new PyEnumerate(cls) { _it = Ops.GetIter(ts, bound[0]!), _index = Ops.Index(ts, bound[1]!) };
        return e;
    }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;
    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var e = (PyEnumerate)self;
        var v = Ops.Next(ts, e._it);
        if (v == null) return null;
        var i = e._index;
        e._index = i is PyInt pi && pi.FitsLong && pi.Small < long.MaxValue ? PyInt.From(pi.Small + 1) : Ops.BinaryOp(ts, i, PyInt.From(1), 0);
        return new PyTuple(new[] { i, v });
    }
}
