#nullable enable
using System;
namespace StacklessIron.Modules.Pickle;

/// <summary>`Unpickler.memo`: a view of the unpickler's memo ({index: obj} through copy()).</summary>
[PyType("UnpicklerMemoProxy")]
public sealed class PyUnpicklerMemoProxy : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("UnpicklerMemoProxy", typeof(PyUnpicklerMemoProxy), module: "_pickle");

    internal readonly PyUnpickler Unpickler;

    internal PyUnpicklerMemoProxy(PyUnpickler u) : base(TypeObject) { Unpickler = u; }

    public static void InitType(PyType t) => t.Namespace.SetStr("__hash__", PyNone.Value);

    [PyMethod] static void clear(ThreadState ts, PyUnpicklerMemoProxy self) => self.Unpickler.ClearMemo();

    [PyMethod]
    static PyObject copy(ThreadState ts, PyUnpicklerMemoProxy self)
    {
        var d = new PyDict();
        var memo = self.Unpickler.Memo;
        for (int i = 0; i < memo.Length; i++)
            if (memo[i] is PyObject v) d.SetItem(ts, PyInt.From(i), v);
        return d;
    }

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyUnpicklerMemoProxy self) =>
        new PyTuple(new PyObject[] { TypeObjects.Dict, new PyTuple(new[] { copy(ts, self) }) });
}
