#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>`functools.KeyWrapper`: what cmp_to_key(mycmp) returns. Calling it wraps an object;
/// wrapped objects compare by mycmp(a, b) against 0.</summary>
[PyType("KeyWrapper")]
public sealed class PyKeyWrapper : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("KeyWrapper", typeof(PyKeyWrapper), subclassable: false, module: "functools");

    readonly PyObject _cmp;
    readonly PyObject? _obj;

    public PyKeyWrapper(PyObject cmp, PyObject? obj) : base(TypeObject) { _cmp = cmp; _obj = obj; }

    [PySlot("__call__")]
    static PyObject Call(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        int nkw = kwnames?.Items.Length ?? 0, npos = args.Length - nkw;
        PyObject? obj = npos >= 1 ? args[0] : null;
        for (int k = 0; k < nkw; k++)
        {
            string name = Ops.StrValue(kwnames!.Items[k]);
            if (name != "obj") throw PyExc.TypeError($"K() got an unexpected keyword argument '{name}'");
            if (obj != null) throw PyExc.TypeError("argument for K() given by name ('obj') and position (1)");
            obj = args[npos + k];
        }
        if (args.Length > 1) throw PyExc.TypeError($"K() takes at most 1 argument ({args.Length} given)");
        if (obj == null) throw PyExc.TypeError("K() missing required argument 'obj' (pos 1)");
        return new PyKeyWrapper(((PyKeyWrapper)self)._cmp, obj);
    }

    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if (a is not PyKeyWrapper x) return PyNotImplemented.Value;
        if (b is not PyKeyWrapper y) throw PyExc.TypeError("other argument must be K instance");
        var r = Ops.Call(ts, x._cmp, x._obj ?? PyNone.Value, y._obj ?? PyNone.Value);
        return Ops.RichCompare(ts, r, PyInt.From(0), op);
    }

    [PyGetter("obj")]
    static PyObject GetObj(ThreadState ts, PyObject self)
        => ((PyKeyWrapper)self)._obj ?? throw PyExc.AttributeError("obj");

    public static void InitType(PyType t) => t.Namespace.SetStr("__hash__", PyNone.Value);
}
