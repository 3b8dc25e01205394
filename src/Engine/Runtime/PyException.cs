#nullable enable
using System;
namespace StacklessIron.Runtime;

/// <summary>The one .NET exception that carries a Python exception across native code.
/// Inside the VM loop Python exceptions unwind through exception tables without it.</summary>
public sealed class PyException : Exception
{
    public readonly PyBaseException Value;

    public PyException(PyBaseException value) : base(null) { Value = value; }

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
