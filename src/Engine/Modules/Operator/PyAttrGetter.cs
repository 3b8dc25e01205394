#nullable enable
using System;
using System.Text;
namespace StacklessIron.Modules;

/// <summary>`operator.attrgetter(attr, /, *attrs)`: obj.attr (dotted names walk a chain), or the
/// tuple of them for several names. Names are split and interned once, at construction.</summary>
[PyType("attrgetter")]
public sealed class PyAttrGetter : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("attrgetter", typeof(PyAttrGetter), subclassable: false, module: "operator");

    PyStr[][] _chains = Array.Empty<PyStr[]>();

    PyAttrGetter(PyType t) : base(t) { }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null && kwnames.Items.Length > 0) throw PyExc.TypeError("attrgetter() takes no keyword arguments");
        if (args.Length == 0) throw PyExc.TypeError("attrgetter expected 1 argument, got 0");
        var chains = new PyStr[args.Length][];
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] is not PyStr name) throw PyExc.TypeError("attribute name must be a string");
            var parts = name.Value.Split('.');
            chains[i] = Array.ConvertAll(parts, p => PyStr.Intern(p));
        }
        return new PyAttrGetter(cls) { _chains = chains };
    }

    static PyObject Get(ThreadState ts, PyObject obj, PyStr[] chain)
    {
        foreach (var name in chain) obj = Ops.GetAttr(ts, obj, name);
        return obj;
    }

    [PySlot("__call__")]
    static PyObject Call(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var g = (PyAttrGetter)self;
        OperatorModule.CheckOneArgument("attrgetter", args, kwnames);
        var obj = args[0];
        if (g._chains.Length == 1) return Get(ts, obj, g._chains[0]);
        var result = new PyObject[g._chains.Length];
        for (int i = 0; i < result.Length; i++) result[i] = Get(ts, obj, g._chains[i]);
        return new PyTuple(result);
    }

    PyObject[] DottedNames() => Array.ConvertAll(_chains, c => (PyObject)new PyStr(string.Join(".", Array.ConvertAll(c, p => p.Value))));

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var g = (PyAttrGetter)self;
        var sb = new StringBuilder("operator.attrgetter(");
        var names = g.DottedNames();
        for (int i = 0; i < names.Length; i++) sb.Append(i > 0 ? ", " : "").Append(Ops.ReprString(ts, names[i]));
        return new PyStr(sb.Append(')').ToString());
    }

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyAttrGetter self) => PyTuple.Of(self.Type, new PyTuple(self.DottedNames()));
}
