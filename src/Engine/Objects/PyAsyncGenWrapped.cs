#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>A value yielded by an async generator (ASYNC_GEN_WRAP), as opposed to a value
/// passed through from an inner await.</summary>
public sealed class PyAsyncGenWrapped : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("async_generator_wrapped_value", typeof(PyAsyncGenWrapped), subclassable: false);
    public readonly PyObject Value;
    public PyAsyncGenWrapped(PyObject value) : base(TypeObject) { Value = value; }
}
