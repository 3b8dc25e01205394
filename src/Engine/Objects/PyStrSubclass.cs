#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>An instance of a user subclass of str (needs an instance dict).</summary>
public sealed class PyStrSubclass : PyStr
{
    PyDict? _dict;
    public PyStrSubclass(PyType type, string value) : base(type, value) { if (type.InstanceHasDict) _dict = new PyDict(); }
    public override PyDict? Dict { get => _dict; set => _dict = value; }
}

