#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`cell`: a variable shared between a function and the closures that refer to it.</summary>
[PyType("cell")]
public sealed class PyCell : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("cell", typeof(PyCell), subclassable: false);
    public PyObject? Value;

    public PyCell(PyObject? value = null) : base(TypeObject) { Value = value; }

    /// <summary>types.CellType([contents]): an empty cell, or one holding `contents`.</summary>
    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null && kwnames.Items.Length > 0) throw PyExc.TypeError("cell() takes no keyword arguments");
        if (args.Length > 1) throw PyExc.TypeError($"cell expected at most 1 argument, got {args.Length}");
        return new PyCell(args.Length == 1 ? args[0] : null);
    }

    [PyGetter("cell_contents")]
    static PyObject GetContents(ThreadState ts, PyObject self) => ((PyCell)self).Value ?? throw PyExc.ValueError("Cell is empty");
    [PySetter("cell_contents")]
    static void SetContents(ThreadState ts, PyObject self, PyObject? v) => ((PyCell)self).Value = v;

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var c = (PyCell)self;
        return new PyStr(c.Value == null ? $"<cell at 0x{Ops.Id(c):x}: empty>" : $"<cell at 0x{Ops.Id(c):x}: {c.Value.Type.Name} object at 0x{Ops.Id(c.Value):x}>");
    }

    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if (a is not PyCell x || b is not PyCell y) return PyNotImplemented.Value;
        if (x.Value == null || y.Value == null)
            return PyBool.From(Ops.CompareResult((x.Value == null ? 0 : 1).CompareTo(y.Value == null ? 0 : 1), op));
        return Ops.RichCompare(ts, x.Value, y.Value, op);
    }
}
