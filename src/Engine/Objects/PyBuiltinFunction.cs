#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`builtin_function_or_method`: a native function, possibly bound to a self
/// (a method of an instance, or the module for module-level functions).</summary>
[PyType("builtin_function_or_method")]
public sealed class PyBuiltinFunction : PyObject
{
    public readonly NativeFunction Func;
    public readonly PyObject? Self;
    public string? ModuleName;

    public PyBuiltinFunction(NativeFunction func, PyObject? self) : base(TypeObjects.BuiltinFunction)
    {
        Func = func; Self = self;
    }

    public string Name => Func.Name;

    [PySlot("__call__")]
    static PyObject CallImpl(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var f = (PyBuiltinFunction)self;
        return f.Func.Call(ts, f.Self, args, kwnames);
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var f = (PyBuiltinFunction)self;
        if (f.Self == null || f.Self is PyModule) return new PyStr($"<built-in function {f.Name}>");
        return new PyStr($"<built-in method {f.Name} of {f.Self.Type.Name} object at 0x{Ops.Id(f.Self):x}>");
    }

    [PyGetter("__name__")] static PyObject GetName(ThreadState ts, PyObject self) => new PyStr(((PyBuiltinFunction)self).Name);
    [PyGetter("__qualname__")]
    static PyObject GetQualName(ThreadState ts, PyObject self)
    {
        var f = (PyBuiltinFunction)self;
        if (f.Self == null || f.Self is PyModule) return new PyStr(f.Name);
        var t = f.Self as PyType ?? f.Self.Type;
        return new PyStr(t.QualName + "." + f.Name);
    }
    [PyGetter("__self__")] static PyObject GetSelf(ThreadState ts, PyObject self) => ((PyBuiltinFunction)self).Self ?? PyNone.Value;
    [PyGetter("__module__")]
    static PyObject GetModule(ThreadState ts, PyObject self)
    {
        var f = (PyBuiltinFunction)self;
        return f.ModuleName != null ? new PyStr(f.ModuleName) : f.Self is PyModule m ? m.GetName() : PyNone.Value;
    }
    [PyGetter("__doc__")] static PyObject GetDoc(ThreadState ts, PyObject self) => PyNone.Value;
    /// <summary>Pickled by name: a module function as its qualified name, a bound method as
    /// getattr(self, name), as CPython's builtin methods.</summary>
    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyBuiltinFunction self)
    {
        if (self.Self == null || self.Self is PyModule) return GetQualName(ts, self);
        return PyTuple.Of(ts.Engine.BuiltinsDict.GetStr("getattr")!, PyTuple.Of(self.Self, new PyStr(self.Name)));
    }
    [PyGetter("__text_signature__")] static PyObject GetTextSig(ThreadState ts, PyObject self) => PyNone.Value;
}
