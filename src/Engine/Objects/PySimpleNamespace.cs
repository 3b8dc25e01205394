#nullable enable
using System;
using System.Text;
namespace StacklessIron.Objects;

/// <summary>`types.SimpleNamespace`: attributes from keyword arguments (also sys.implementation).</summary>
[PyType("SimpleNamespace")]
public sealed class PySimpleNamespace : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("SimpleNamespace", typeof(PySimpleNamespace), module: "types");
    PyDict? _dict = new();

    public PySimpleNamespace(PyType type) : base(type) { }
    public PySimpleNamespace() : base(TypeObject) { }

    public override PyDict? Dict { get => _dict; set => _dict = value; }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PySimpleNamespace(cls);

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        int nkw = kwnames?.Items.Length ?? 0;
        int npos = args.Length - nkw;
        var d = self.Dict!;
        if (npos > 1) throw PyExc.TypeError($"SimpleNamespace expected at most 1 argument, got {npos}");
        if (npos == 1) PyDict.UpdateFrom(ts, d, args[0]);
        for (int i = 0; i < nkw; i++) d.SetItem(ts, kwnames!.Items[i], args[npos + i]);
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var name = self.Type == TypeObject ? "namespace" : self.Type.Name;
        if (!ts.EnterRepr(self)) return new PyStr(name + "(...)");
        try
        {
            var sb = new StringBuilder(name).Append('(');
            bool first = true;
            foreach (var (k, v) in self.Dict!.Items())
            {
                if (!first) sb.Append(", ");
                first = false;
                sb.Append(Ops.StrString(ts, k)).Append('=').Append(Ops.ReprString(ts, v));
            }
            return new PyStr(sb.Append(')').ToString());
        }
        finally { ts.LeaveRepr(self); }
    }

    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if (a is not PySimpleNamespace x || b is not PySimpleNamespace y || (op != CompareOp.Eq && op != CompareOp.Ne)) return PyNotImplemented.Value;
        var r = Ops.RichCompare(ts, x.Dict!, y.Dict!, op);
        return r;
    }

    public static void InitType(PyType t) => t.Namespace.SetStr("__hash__", PyNone.Value);
}
