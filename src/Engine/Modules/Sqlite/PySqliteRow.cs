#nullable enable
using System;
namespace StacklessIron.Modules.Sqlite;

/// <summary>`sqlite3.Row`, the row_factory that gives rows access by index, by slice and by
/// column name (ASCII case-insensitive), with keys().</summary>
[PyType("Row")]
public sealed class PySqliteRow : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("Row", typeof(PySqliteRow), module: SqliteModule.ModuleName);

    readonly PyTuple _data;
    readonly PyObject _description;

    PySqliteRow(PyType type, PyTuple data, PyObject description) : base(type) { _data = data; _description = description; }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null && kwnames.Items.Length > 0) throw PyExc.TypeError("Row() takes no keyword arguments");
        if (args.Length != 2) throw PyExc.TypeError($"Row expected 2 arguments, got {args.Length}");
        if (args[0] is not PySqliteCursor cursor) throw PyExc.TypeError($"Row() argument 1 must be sqlite3.Cursor, not {args[0].Type.Name}");
        if (args[1] is not PyTuple data) throw PyExc.TypeError($"Row() argument 2 must be tuple, not {args[1].Type.Name}");
        return new PySqliteRow(cls, data, Ops.GetAttr(ts, cursor, PyStr.Intern("description")));
    }

    [PySlot("__len__")] static long Len(ThreadState ts, PyObject self) => ((PySqliteRow)self)._data.Items.Length;

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => Ops.GetIter(ts, ((PySqliteRow)self)._data);

    [PySlot("__getitem__")]
    static PyObject GetItem(ThreadState ts, PyObject self, PyObject key)
    {
        var row = (PySqliteRow)self;
        var items = row._data.Items;
        if (key is PyStr name)
        {
            if (row._description is PyTuple cols)
                for (int i = 0; i < cols.Items.Length && i < items.Length; i++)
                    if (((PyTuple)cols.Items[i]).Items[0] is PyStr col && AsciiEqualsIgnoreCase(col.Value, name.Value)) return items[i];
            throw PyExc.IndexError("No item with that key");
        }
        if (key is PyInt || key is PySlice || key.Type.Index != null) return Ops.GetItem(ts, row._data, key);
        throw PyExc.IndexError("Index must be int or string");
    }

    static bool AsciiEqualsIgnoreCase(string a, string b)
    {
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
        {
            char x = a[i], y = b[i];
            if (x < 128) x = char.ToLowerInvariant(x);
            if (y < 128) y = char.ToLowerInvariant(y);
            if (x != y) return false;
        }
        return true;
    }

    [PyMethod]
    static PyObject keys(ThreadState ts, PySqliteRow self)
    {
        var list = new PyList();
        if (self._description is PyTuple cols)
            foreach (var c in cols.Items) list.Append(((PyTuple)c).Items[0]);
        return list;
    }

    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if (a is not PySqliteRow x || b is not PySqliteRow y || (op != CompareOp.Eq && op != CompareOp.Ne)) return PyNotImplemented.Value;
        bool eq = Ops.Equal(ts, x._description, y._description) && Ops.Equal(ts, x._data, y._data);
        return PyBool.From(op == CompareOp.Eq ? eq : !eq);
    }

    [PySlot("__hash__")]
    static long Hash(ThreadState ts, PyObject self)
    {
        var row = (PySqliteRow)self;
        long h = Ops.Hash(ts, row._description) ^ Ops.Hash(ts, row._data);
        return h == -1 ? -2 : h;
    }
}
