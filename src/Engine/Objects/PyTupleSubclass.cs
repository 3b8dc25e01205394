#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>An instance of a user subclass of tuple (e.g. a namedtuple), with an instance dict.</summary>
public sealed class PyTupleSubclass : PyTuple
{
    PyDict? _dict;
    public PyTupleSubclass(PyType type, PyObject[] items) : base(type, items) { if (type.InstanceHasDict) _dict = new PyDict(); }
    public override PyDict? Dict { get => _dict; set => _dict = value; }
}
