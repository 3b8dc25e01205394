#nullable enable
using System.Numerics;
using System;
namespace StacklessIron.Objects;

/// <summary>An instance of a user subclass of int, with an instance dict.</summary>
public sealed class PyIntSubclass : PyInt
{
    PyDict? _dict;
    public PyIntSubclass(PyType type, BigInteger v) : base(type, v) { if (type.InstanceHasDict) _dict = new PyDict(); }
    public override PyDict? Dict { get => _dict; set => _dict = value; }
}
