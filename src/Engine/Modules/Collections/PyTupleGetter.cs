#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>`_collections._tuplegetter(index, doc)`: the read-only field descriptor that
/// collections.namedtuple puts on its classes.</summary>
[PyType("_tuplegetter")]
public sealed class PyTupleGetter : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("_tuplegetter", typeof(PyTupleGetter), module: "_collections");

    long _index;
    PyObject _doc = PyNone.Value;

    public PyTupleGetter(PyType t) : base(t) { }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null && kwnames.Items.Length > 0) throw PyExc.TypeError("_tuplegetter() takes no keyword arguments");
        if (args.Length != 2) throw PyExc.TypeError($"_tuplegetter expected 2 arguments, got {args.Length}");
        var i = Ops.Index(ts, args[0]);
        if (!i.FitsLong) throw PyExc.OverflowError("Python int too large to convert to C ssize_t");
        return new PyTupleGetter(cls) { _index = i.Small, _doc = args[1] };
    }

    [PySlot("__get__")]
    static PyObject Get(ThreadState ts, PyObject descr, PyObject? obj, PyType? type)
    {
        var g = (PyTupleGetter)descr;
        if (obj == null || obj == PyNone.Value) return g;
        if (obj is not PyTuple t)
            throw PyExc.TypeError($"descriptor for index '{g._index}' for tuple subclasses doesn't apply to '{obj.Type.Name}' object");
        if (g._index < 0 || g._index >= t.Items.Length) throw PyExc.IndexError("tuple index out of range");
        return t.Items[g._index];
    }

    [PySlot("__set__", "__delete__")]
    static void Set(ThreadState ts, PyObject descr, PyObject obj, PyObject? value)
        => throw PyExc.AttributeError(value == null ? "can't delete attribute" : "can't set attribute");

    [PyGetter("__doc__")] static PyObject GetDoc(ThreadState ts, PyObject self) => ((PyTupleGetter)self)._doc;
    [PySetter("__doc__")] static void SetDoc(ThreadState ts, PyObject self, PyObject? v) => ((PyTupleGetter)self)._doc = v ?? PyNone.Value;

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyTupleGetter self)
        => PyTuple.Of(self.Type, PyTuple.Of(PyInt.From(self._index), self._doc));
}
