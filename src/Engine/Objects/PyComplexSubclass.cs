#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>An instance of a user subclass of complex, with an instance dict.</summary>
public sealed class PyComplexSubclass : PyComplex
{
    PyDict? _dict;
    public PyComplexSubclass(PyType type, double real, double imag) : base(type, real, imag) { if (type.InstanceHasDict) _dict = new PyDict(); }
    public override PyDict? Dict { get => _dict; set => _dict = value; }
}
