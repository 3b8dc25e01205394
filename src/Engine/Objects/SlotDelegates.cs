#nullable enable
using System;
namespace StacklessIron.Objects;

// The C# signatures of the type slots. A builtin type implements a slot with a static method of
// exactly this signature (self typed as PyObject) marked [PySlot]; a user class gets a generic
// implementation that calls its Python dunder (SlotDefs).

/// <summary>Vectorcall: `args` holds the positional arguments then the values of the keyword
/// arguments named by `kwnames` (null when there are none).</summary>
public delegate PyObject CallSlot(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames);
public delegate PyObject NewSlot(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames);
public delegate void InitSlot(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames);
public delegate PyObject UnarySlot(ThreadState ts, PyObject self);
/// <summary>Returns null when the iterator is exhausted (no StopIteration on the native side).</summary>
public delegate PyObject? IterNextSlot(ThreadState ts, PyObject self);
public delegate long HashSlot(ThreadState ts, PyObject self);
public delegate bool BoolSlot(ThreadState ts, PyObject self);
public delegate long LenSlot(ThreadState ts, PyObject self);
/// <summary>Number operators get both operands in source order; either may be of the slot's
/// type. Return PyNotImplemented.Value to let the other operand try.</summary>
public delegate PyObject BinarySlot(ThreadState ts, PyObject a, PyObject b);
public delegate PyObject RichCompareSlot(ThreadState ts, PyObject a, PyObject b, CompareOp op);
/// <summary>Returns null when the attribute is missing (the caller raises AttributeError).</summary>
public delegate PyObject? GetAttrSlot(ThreadState ts, PyObject self, PyStr name);
/// <summary>value null = delete.</summary>
public delegate void SetAttrSlot(ThreadState ts, PyObject self, PyStr name, PyObject? value);
public delegate PyObject DescrGetSlot(ThreadState ts, PyObject descr, PyObject? obj, PyType? type);
/// <summary>value null = delete.</summary>
public delegate void DescrSetSlot(ThreadState ts, PyObject descr, PyObject obj, PyObject? value);
/// <summary>value null = delete.</summary>
public delegate void SetItemSlot(ThreadState ts, PyObject self, PyObject key, PyObject? value);
public delegate bool ContainsSlot(ThreadState ts, PyObject self, PyObject item);

/// <summary>Rich comparison operators (CPython's Py_LT ... Py_GE).</summary>
public enum CompareOp { Lt = 0, Le = 1, Eq = 2, Ne = 3, Gt = 4, Ge = 5 }
