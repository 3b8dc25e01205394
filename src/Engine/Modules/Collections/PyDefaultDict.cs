#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>`collections.defaultdict`: a dict whose __missing__ inserts default_factory().
/// dict's __getitem__ already calls __missing__ for dict subclasses.</summary>
[PyType("defaultdict")]
public sealed class PyDefaultDict : PyDict
{
    public static readonly PyType TypeObject = PyType.Builtin("defaultdict", typeof(PyDefaultDict), TypeObjects.Dict, module: "collections");

    /// <summary>null = None.</summary>
    public PyObject? DefaultFactory;

    public PyDefaultDict(PyType type) : base(type) { }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyDefaultDict(cls);

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var d = (PyDefaultDict)self;
        int nkw = kwnames?.Items.Length ?? 0, npos = args.Length - nkw;
        PyObject? factory = null;
        if (npos > 0)
        {
            factory = args[0];
            if (factory == PyNone.Value) factory = null;
            else if (!Ops.IsCallable(factory)) throw PyExc.TypeError("first argument must be callable or None");
            args = args.Slice(1);
        }
        d.DefaultFactory = factory;
        TypeObjects.Dict.Init!(ts, self, args, kwnames);
    }

    [PyMethod]
    static PyObject __missing__(ThreadState ts, PyDefaultDict self, PyObject key)
    {
        if (self.DefaultFactory == null) throw PyExc.KeyError(key);
        var value = Ops.Call(ts, self.DefaultFactory);
        Ops.SetItem(ts, self, key, value);
        return value;
    }

    static PyObject NewLike(ThreadState ts, PyDefaultDict self, PyObject arg)
        => Ops.Call(ts, self.Type, self.DefaultFactory ?? PyNone.Value, arg);

    [PyMethod] static PyObject copy(ThreadState ts, PyDefaultDict self) => NewLike(ts, self, self);
    [PyMethod] static PyObject __copy__(ThreadState ts, PyDefaultDict self) => NewLike(ts, self, self);

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyDefaultDict self)
    {
        var args = self.DefaultFactory == null ? PyTuple.Empty : PyTuple.Of(self.DefaultFactory);
        var items = Ops.GetIter(ts, Ops.CallMethod(ts, self, "items"));
        return PyTuple.Of(self.Type, args, PyNone.Value, PyNone.Value, items);
    }

    [PyGetter("default_factory")]
    static PyObject GetFactory(ThreadState ts, PyObject self) => ((PyDefaultDict)self).DefaultFactory ?? PyNone.Value;

    [PySetter("default_factory")]
    static void SetFactory(ThreadState ts, PyObject self, PyObject? value)
        => ((PyDefaultDict)self).DefaultFactory = value == PyNone.Value ? null : value;

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var d = (PyDefaultDict)self;
        string factory;
        if (d.DefaultFactory == null) factory = "None";
        else if (!ts.EnterRepr(d.DefaultFactory)) factory = "...";
        else
        {
            try { factory = Ops.ReprString(ts, d.DefaultFactory); }
            finally { ts.LeaveRepr(d.DefaultFactory); }
        }
        var baseRepr = Ops.StrValue(TypeObjects.Dict.Repr!(ts, d));
        return new PyStr($"{d.Type.Name}({factory}, {baseRepr})");
    }

    [PySlot("__or__", "__ror__")]
    static PyObject Or(ThreadState ts, PyObject a, PyObject b)
    {
        var (self, other) = a is PyDefaultDict x ? (x, b) : ((PyDefaultDict)b, a);
        if (other is not PyDict) return PyNotImplemented.Value;
        var r = NewLike(ts, self, a);
        Ops.CallMethod(ts, r, "update", b);
        return r;
    }
}
