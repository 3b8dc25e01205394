#nullable enable
using System;
namespace StacklessIron.Runtime;

/// <summary>The one .NET exception that carries a Python exception across native code.
/// Inside the VM loop Python exceptions unwind through exception tables without it.</summary>
public sealed class PyException : Exception
{
    public PyBaseException Value { get; private set; }

    public PyException(PyBaseException value) : base(null) { Value = value; }

    static PyBaseException? s_released;

    /// <summary>The catcher took Value over for good (the loop unwinds it): the runtime keeps
    /// the last exception it threw on each thread, and through Value that would keep the
    /// Python exception's traceback, its frames and their locals alive until the next throw
    /// (objects whose finalizers then run late).</summary>
    internal void Release() => Value = s_released ??= ExceptionTypes.Create(ExceptionTypes.SystemError);

    public override string Message
    {
        get
        {
            try { return Value.Type.Name + ": " + PyBaseException.StrOf(Value); }
            catch (Exception) { return Value.Type.Name; }
        }
    }

    public bool Matches(PyType t) => Value.Type.IsSubtypeOf(t);
}
