#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`method`: a callable bound to an instance; calling it prepends Self.</summary>
[PyType("method")]
public sealed class PyMethod : PyObject
{
    public readonly PyObject Func;
    public readonly PyObject Self;

    public PyMethod(PyObject func, PyObject self) : base(TypeObjects.Method) { Func = func; Self = self; }

    [PySlot("__call__")]
    static PyObject CallImpl(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var m = (PyMethod)self;
        var all = new PyObject[args.Length + 1];
        all[0] = m.Self;
        args.CopyTo(all.AsSpan(1));
        // a native target called straight from the loop may still soft-switch (stackless:
        // `with stackless.atomic()` calls its bound __exit__ this way)
        if (ts.UnwindAllowed && m.Func is not PyFunction && m.Func.Type.Call is { } call) return call(ts, m.Func, all, kwnames);
        return Ops.Call(ts, m.Func, all, kwnames);
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var m = (PyMethod)self;
        var name = Ops.GetAttrOrNull(ts, m.Func, PyStr.Intern("__qualname__")) ?? Ops.GetAttrOrNull(ts, m.Func, PyStr.Intern("__name__"));
        return new PyStr($"<bound method {(name is PyStr s ? s.Value : "?")} of {Ops.ReprString(ts, m.Self)}>");
    }

    [PySlot("__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if ((op != CompareOp.Eq && op != CompareOp.Ne) || a is not PyMethod x || b is not PyMethod y) return PyNotImplemented.Value;
        bool eq = x.Self == y.Self && Ops.Equal(ts, x.Func, y.Func);
        return PyBool.From(op == CompareOp.Eq ? eq : !eq);
    }

    [PySlot("__hash__")]
    static long Hash(ThreadState ts, PyObject self)
    {
        var m = (PyMethod)self;
        return Ops.Id(m.Self) ^ Ops.Hash(ts, m.Func);
    }

    [PySlot("__getattribute__")]
    static PyObject? GetAttr(ThreadState ts, PyObject self, PyStr name)
    {
        var r = Ops.GenericGetAttr(ts, self, name);
        if (r != null) return r;
        return Ops.GetAttrOrNull(ts, ((PyMethod)self).Func, name);
    }

    [PyGetter("__func__")] static PyObject GetFunc(ThreadState ts, PyObject self) => ((PyMethod)self).Func;
    [PyGetter("__self__")] static PyObject GetSelf(ThreadState ts, PyObject self) => ((PyMethod)self).Self;

    /// <summary>As CPython: a bound method pickles as getattr(self, name of the function).</summary>
    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyMethod self) => new PyTuple(new PyObject[]
    {
        ts.Engine.BuiltinsDict.GetStr("getattr")!,
        new PyTuple(new PyObject[] { self.Self, Ops.GetAttr(ts, self.Func, PyStr.Intern("__name__")) }),
    });

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (args.Length != 2 || kwnames != null) throw PyExc.TypeError("method expected 2 arguments");
        if (!Ops.IsCallable(args[0])) throw PyExc.TypeError("first argument must be callable");
        return new PyMethod(args[0], args[1]);
    }
}
