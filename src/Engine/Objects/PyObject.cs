#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>
/// Base of every Python object. The type is a plain field (not a virtual property) so the
/// hot paths read it with one load. Objects that can hold instance attributes override
/// <see cref="Dict"/> with a field-backed property (see RUNTIME.md).
/// </summary>
public abstract class PyObject
{
    public PyType Type;

    protected PyObject(PyType type) { Type = type; }

    /// <summary>The instance `__dict__`, or null when the object has none.</summary>
    public virtual PyDict? Dict { get => null; set => throw PyExc.AttributeError($"'{Type.Name}' object has no attribute '__dict__'"); }

    /// <summary>For debugging only; Python-level repr goes through Ops.Repr.</summary>
    public override string ToString() => $"<{Type.Name} object>";
}
