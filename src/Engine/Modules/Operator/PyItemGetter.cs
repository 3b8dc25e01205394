#nullable enable
using System;
using System.Text;
namespace StacklessIron.Modules;

/// <summary>`operator.itemgetter(item, /, *items)`: obj[item], or the tuple of obj[i] for each item.</summary>
[PyType("itemgetter")]
public sealed class PyItemGetter : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("itemgetter", typeof(PyItemGetter), subclassable: false, module: "operator");

    PyObject[] _items = Array.Empty<PyObject>();

    PyItemGetter(PyType t) : base(t) { }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null && kwnames.Items.Length > 0) throw PyExc.TypeError("itemgetter() takes no keyword arguments");
        if (args.Length == 0) throw PyExc.TypeError("itemgetter expected 1 argument, got 0");
        return new PyItemGetter(cls) { _items = args.ToArray() };
    }

    [PySlot("__call__")]
    static PyObject Call(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var g = (PyItemGetter)self;
        OperatorModule.CheckOneArgument("itemgetter", args, kwnames);
        var obj = args[0];
        if (g._items.Length == 1) return Ops.GetItem(ts, obj, g._items[0]);
        var result = new PyObject[g._items.Length];
        for (int i = 0; i < result.Length; i++) result[i] = Ops.GetItem(ts, obj, g._items[i]);
        return new PyTuple(result);
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var g = (PyItemGetter)self;
        if (!ts.EnterRepr(g)) return new PyStr("operator.itemgetter(...)");
        try
        {
            var sb = new StringBuilder("operator.itemgetter(");
            for (int i = 0; i < g._items.Length; i++)
                sb.Append(i > 0 ? ", " : "").Append(Ops.ReprString(ts, g._items[i]));
            return new PyStr(sb.Append(')').ToString());
        }
        finally { ts.LeaveRepr(g); }
    }

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyItemGetter self) => PyTuple.Of(self.Type, new PyTuple(self._items));
}
