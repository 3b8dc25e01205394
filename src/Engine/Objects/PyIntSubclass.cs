#nullable enable
using System.Numerics;
using System;
namespace StacklessIron.Objects;

/// <summary>An instance of a user subclass of int, with an instance dict.</summary>
public sealed class PyIntSubclass : PyInt
{
    PyDict? _dict;
    /// <summary>The magnitude when the value does not fit a long (see PyInt.BigLimbs).</summary>
    internal readonly uint[]? Limbs;
    public PyIntSubclass(PyType type, BigInteger v) : base(type, Split(v, out var limbs))
    {
        Limbs = limbs;
        if (type.InstanceHasDict) _dict = new PyDict();
    }
    public override PyDict? Dict { get => _dict; set => _dict = value; }
}
