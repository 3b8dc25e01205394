#nullable enable
using System;
namespace StacklessIron.Objects;

[PyType("reversed")]
public sealed class PyReversed : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("reversed", typeof(PyReversed));
    PyObject? _seq;
    long _index;

    PyReversed(PyType t) : base(t) { }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null && kwnames.Items.Length > 0) throw PyExc.TypeError("reversed() takes no keyword arguments");
        if (args.Length != 1) throw PyExc.TypeError($"reversed expected 1 argument, got {args.Length}");
        var seq = args[0];
        var rev = seq.Type.Lookup("__reversed__");
        if (rev == PyNone.Value) throw PyExc.TypeError($"'{seq.Type.Name}' object is not reversible");
        if (rev != null) return SlotDefs.CallBoundKw(ts, rev, seq, ReadOnlySpan<PyObject>.Empty, null);
        if (seq.Type.GetItem == null || seq.Type.Len == null || seq is PyDict) throw PyExc.TypeError($"'{seq.Type.Name}' object is not reversible");
        return new PyReversed(cls) { _seq = seq, _index = Ops.Len(ts, seq) - 1 };
    }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;
    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var r = (PyReversed)self;
        if (r._seq == null || r._index < 0) { r._seq = null; return null; }
        try { return Ops.GetItem(ts, r._seq, PyInt.From(r._index--)); }
        catch (PyException e) when (e.Matches(ExceptionTypes.IndexError) || e.Matches(ExceptionTypes.StopIteration)) { r._seq = null; return null; }
    }

    [PyMethod] static PyObject __length_hint__(ThreadState ts, PyReversed self) => PyInt.From(self._seq == null ? 0 : self._index + 1);
}
