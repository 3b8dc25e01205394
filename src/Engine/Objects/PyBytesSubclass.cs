#nullable enable
using System;
using System.Collections.Generic;
namespace StacklessIron.Objects;

/// <summary>An instance of a user subclass of bytes (needs an instance dict).</summary>
public sealed class PyBytesSubclass : PyBytes
{
    PyDict? _dict;
    public PyBytesSubclass(PyType type, byte[] data) : base(type, data) { if (type.InstanceHasDict) _dict = new PyDict(); }
    public override PyDict? Dict { get => _dict; set => _dict = value; }
}
