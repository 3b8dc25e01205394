#nullable enable
using System;
using System.Text;
namespace StacklessIron.Objects;

/// <summary>`types.UnionType`: the result of `int | str` on types; isinstance/issubclass accept it.</summary>
[PyType("UnionType")]
public sealed class PyUnionType : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("UnionType", typeof(PyUnionType), subclassable: false, module: "types");
    public readonly PyTuple Args;

    PyUnionType(PyTuple args) : base(TypeObject) { Args = args; }

    static bool IsUnionable(PyObject o) => o == PyNone.Value || o is PyType || o is PyUnionType || o.Type.Name == "GenericAlias";

    /// <summary>a | b for types (NotImplemented when either operand cannot be in a union).</summary>
    public static PyObject Or(ThreadState ts, PyObject a, PyObject b)
    {
        if (!IsUnionable(a) || !IsUnionable(b)) return PyNotImplemented.Value;
        var items = new List<PyObject>();
        void Add(PyObject o)
        {
            if (o is PyUnionType u) { foreach (var x in u.Args.Items) Add(x); return; }
            if (o == PyNone.Value) o = TypeObjects.NoneType;
            foreach (var x in items) if (x == o) return;
            items.Add(o);
        }
        Add(a); Add(b);
        if (items.Count == 1) return items[0];
        return new PyUnionType(new PyTuple(items.ToArray()));
    }

    [PySlot("__or__", "__ror__")] static PyObject OrSlot(ThreadState ts, PyObject a, PyObject b) => Or(ts, a, b);

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var sb = new StringBuilder();
        foreach (var x in ((PyUnionType)self).Args.Items)
        {
            if (sb.Length > 0) sb.Append(" | ");
            sb.Append(x == TypeObjects.NoneType ? "None" : x is PyType t ? (t.ModuleName == "builtins" ? t.QualName : t.ModuleName + "." + t.QualName) : Ops.ReprString(ts, x));
        }
        return new PyStr(sb.ToString());
    }

    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if (a is not PyUnionType x || b is not PyUnionType y || (op != CompareOp.Eq && op != CompareOp.Ne)) return PyNotImplemented.Value;
        bool eq = x.Args.Items.Length == y.Args.Items.Length && Array.TrueForAll(x.Args.Items, i => Array.IndexOf(y.Args.Items, i) >= 0);
        return PyBool.From(op == CompareOp.Eq ? eq : !eq);
    }

    [PySlot("__hash__")]
    static long Hash(ThreadState ts, PyObject self)
    {
        long h = 0x345678;
        foreach (var x in ((PyUnionType)self).Args.Items) h ^= Ops.Hash(ts, x);
        return h == -1 ? -2 : h;
    }

    [PyMethod] static bool __instancecheck__(ThreadState ts, PyUnionType self, PyObject inst) => Ops.IsInstance(ts, inst, self.Args);
    [PyMethod] static bool __subclasscheck__(ThreadState ts, PyUnionType self, PyObject cls) => Ops.IsSubclass(ts, cls, self.Args);
    [PyGetter("__args__")] static PyObject GetArgs(ThreadState ts, PyObject self) => ((PyUnionType)self).Args;
}
