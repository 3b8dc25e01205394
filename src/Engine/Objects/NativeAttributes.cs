#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>Marks a C# class as the implementation of a builtin Python type. The type object
/// itself is created in TypeObjects (or by PyType.Builtin) and filled from the members below.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PyTypeAttribute : Attribute
{
    public readonly string Name;
    public PyTypeAttribute(string name) { Name = name; }
}

/// <summary>A Python-visible method: `static R name(ThreadState ts, SelfType self, params...)`.
/// Parameters are positional-only unless marked [PyKeyword] / [PyKwOnly]. The Python name is
/// the C# name unless given.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PyMethodAttribute : Attribute
{
    public readonly string? Name;
    public PyMethodAttribute(string? name = null) { Name = name; }
}

/// <summary>A classmethod: `static R name(ThreadState ts, PyType cls, params...)`.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PyClassMethodAttribute : Attribute
{
    public readonly string? Name;
    public PyClassMethodAttribute(string? name = null) { Name = name; }
}

/// <summary>A staticmethod: `static R name(ThreadState ts, params...)`.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PyStaticMethodAttribute : Attribute
{
    public readonly string? Name;
    public PyStaticMethodAttribute(string? name = null) { Name = name; }
}

/// <summary>A C# method with the exact delegate signature of a type slot (see SlotDefs); it
/// becomes the slot and the dunder wrappers named (all names of the slot when none given).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PySlotAttribute : Attribute
{
    public readonly string[] Names;
    public PySlotAttribute(params string[] names) { Names = names; }
}

/// <summary>A getter `static PyObject name(ThreadState ts, Self self)` of an attribute.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PyGetterAttribute : Attribute
{
    public readonly string Name;
    public PyGetterAttribute(string name) { Name = name; }
}

/// <summary>A setter `static void name(ThreadState ts, Self self, PyObject? value)` (null = delete).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PySetterAttribute : Attribute
{
    public readonly string Name;
    public PySetterAttribute(string name) { Name = name; }
}

/// <summary>On a parameter: from here on, parameters may also be passed by keyword.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PyKeywordAttribute : Attribute { }

/// <summary>On a parameter: from here on, parameters are keyword-only.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PyKwOnlyAttribute : Attribute { }

/// <summary>On a PyDict parameter: receives **kwargs.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PyKwArgsAttribute : Attribute { }
