#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>Exception classes that native modules define (struct.error, binascii.Error ...),
/// like CPython's PyErr_NewException: a subclassable, mutable class in the given module.</summary>
public static class NativeErrors
{
    public static PyType Define(string module, string name, params PyType[] bases)
    {
        var t = new PyType(TypeObjects.Type, name, bases.Length == 0 ? new[] { ExceptionTypes.Exception } : bases,
            typeof(PyBaseException), TypeFlags.BaseType);
        t.FinishBuiltin(module, null);
        return t;
    }
}
