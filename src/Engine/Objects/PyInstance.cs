#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>An instance of a user class whose solid base is `object`: a dict and/or
/// `__slots__` storage.</summary>
public sealed class PyInstance : PyObject
{
    PyDict? _dict;
    /// <summary>Values of `__slots__` members (null = unset), indexed by PyMemberDescriptor.Index.</summary>
    public PyObject?[]? Slots;

    public PyInstance(PyType type) : base(type)
    {
        if (type.InstanceHasDict) _dict = new PyDict();
        if (type.SlotCount > 0) Slots = new PyObject?[type.SlotCount];
    }

    public override PyDict? Dict { get => _dict; set => _dict = value; }
}
