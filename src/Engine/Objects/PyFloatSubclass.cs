#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>An instance of a user subclass of float, with an instance dict.</summary>
public sealed class PyFloatSubclass : PyFloat
{
    PyDict? _dict;
    public PyFloatSubclass(PyType type, double v) : base(type, v) { if (type.InstanceHasDict) _dict = new PyDict(); }
    public override PyDict? Dict { get => _dict; set => _dict = value; }
}
