#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`mappingproxy`: the read-only view of a class namespace (`cls.__dict__`).</summary>
[PyType("mappingproxy")]
public sealed class PyMappingProxy : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("mappingproxy", typeof(PyMappingProxy), subclassable: false);
    public readonly PyObject Mapping;

    public PyMappingProxy(PyObject mapping) : base(TypeObject) { Mapping = mapping; }

    /// <summary>mappingproxy(mapping) (types.MappingProxyType; enum's __members__ uses it).</summary>
    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        int nkw = kwnames?.Items.Length ?? 0;
        if (args.Length != 1 || (nkw == 1 && ((PyStr)kwnames!.Items[0]).Value != "mapping"))
            throw PyExc.TypeError($"mappingproxy() takes exactly one argument ({args.Length} given)");
        var m = args[0];
        if (m.Type.GetItem == null || m is PyList || m is PyTuple)
            throw PyExc.TypeError($"mappingproxy() argument must be a mapping, not {m.Type.Name}");
        return new PyMappingProxy(m);
    }

    /// <summary>Comparisons go to the underlying mapping (a proxy equals an equal dict).</summary>
    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
        => a is PyMappingProxy p ? Ops.RichCompare(ts, p.Mapping, b, op) : PyNotImplemented.Value;

    [PySlot("__getitem__")] static PyObject GetItem(ThreadState ts, PyObject self, PyObject key) => Ops.GetItem(ts, ((PyMappingProxy)self).Mapping, key);
    [PySlot("__len__")] static long Len(ThreadState ts, PyObject self) => Ops.Len(ts, ((PyMappingProxy)self).Mapping);
    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => Ops.GetIter(ts, ((PyMappingProxy)self).Mapping);
    [PySlot("__contains__")] static bool Contains(ThreadState ts, PyObject self, PyObject key) => Ops.Contains(ts, ((PyMappingProxy)self).Mapping, key);
    [PySlot("__repr__")] static PyObject Repr(ThreadState ts, PyObject self) => new PyStr("mappingproxy(" + Ops.ReprString(ts, ((PyMappingProxy)self).Mapping) + ")");
    [PyMethod] static PyObject get(ThreadState ts, PyMappingProxy self, PyObject key, PyObject? @default = null)
        => self.Mapping is PyDict d ? d.GetItem(ts, key) ?? @default ?? PyNone.Value : Ops.CallMethod(ts, self.Mapping, "get", key, @default ?? PyNone.Value);
    [PyMethod] static PyObject keys(ThreadState ts, PyMappingProxy self) => Ops.CallMethod(ts, self.Mapping, "keys");
    [PyMethod] static PyObject values(ThreadState ts, PyMappingProxy self) => Ops.CallMethod(ts, self.Mapping, "values");
    [PyMethod] static PyObject items(ThreadState ts, PyMappingProxy self) => Ops.CallMethod(ts, self.Mapping, "items");
    [PyMethod] static PyObject copy(ThreadState ts, PyMappingProxy self) => Ops.CallMethod(ts, self.Mapping, "copy");
}
