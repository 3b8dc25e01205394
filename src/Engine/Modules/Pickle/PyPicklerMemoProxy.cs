#nullable enable
using System;
namespace StacklessIron.Modules.Pickle;

/// <summary>`Pickler.memo`: a view of the pickler's memo ({id(obj): (index, obj)} as a dict
/// through copy(); clear() empties it), so that `p.memo = q.memo` and `p.memo.clear()` work.</summary>
[PyType("PicklerMemoProxy")]
public sealed class PyPicklerMemoProxy : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("PicklerMemoProxy", typeof(PyPicklerMemoProxy), module: "_pickle");

    internal readonly PyPickler Pickler;

    internal PyPicklerMemoProxy(PyPickler p) : base(TypeObject) { Pickler = p; }

    public static void InitType(PyType t) => t.Namespace.SetStr("__hash__", PyNone.Value);

    [PyMethod] static void clear(ThreadState ts, PyPicklerMemoProxy self) => self.Pickler.Memo.Clear();

    [PyMethod]
    static PyObject copy(ThreadState ts, PyPicklerMemoProxy self)
    {
        var d = new PyDict();
        foreach (var (obj, idx) in self.Pickler.Memo.Entries)
            d.SetItem(ts, PyInt.From(Ops.Id(obj)), new PyTuple(new PyObject[] { PyInt.From(idx), obj }));
        return d;
    }

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyPicklerMemoProxy self) =>
        new PyTuple(new PyObject[] { TypeObjects.Dict, new PyTuple(new[] { copy(ts, self) }) });
}
