#nullable enable
using System;
using StacklessIron.Objects;
namespace StacklessIron.Modules;

/// <summary>`contextvars.Token`: what ContextVar.set() returns; remembers the variable, the
/// context and the value before (Token.MISSING when there was none) for one reset().</summary>
[PyType("Token")]
public sealed class PyContextToken : PyObject
{
    /// <summary>Token.MISSING, the old_value of a token whose variable had no value. (Declared first: InitType reads it.)</summary>
    static readonly PyObject s_missing = new PyTokenMissing();
    public static readonly PyType TypeObject = PyType.Builtin("Token", typeof(PyContextToken), subclassable: false, module: "_contextvars");

    internal readonly PyContext Context;
    internal readonly PyContextVar Var;
    /// <summary>null: the variable had no value in the context.</summary>
    internal readonly PyObject? OldValue;
    internal bool Used;

    internal PyContextToken(PyContext context, PyContextVar var, PyObject? oldValue) : base(TypeObject)
    {
        Context = context; Var = var; OldValue = oldValue;
    }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        throw PyExc.RuntimeError("Tokens can only be created by ContextVars");

    [PyGetter("var")] static PyObject GetVar(ThreadState ts, PyObject self) => ((PyContextToken)self).Var;
    [PyGetter("old_value")] static PyObject GetOldValue(ThreadState ts, PyObject self) => ((PyContextToken)self).OldValue ?? s_missing;

    [PyClassMethod] static PyObject __class_getitem__(ThreadState ts, PyType cls, PyObject item) => PyList.GenericAlias(ts, cls, item);

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var t = (PyContextToken)self;
        return new PyStr($"<Token{(t.Used ? " used" : "")} var={Ops.ReprString(ts, t.Var)} at 0x{Ops.Id(self):x}>");
    }

    public static void InitType(PyType t) => t.Namespace.SetStr("MISSING", s_missing);
}
