#nullable enable
using System.Text;
using System;
namespace StacklessIron.Objects;

/// <summary>`list`: a growable array. (Minimal core version: the containers work adds the rest.)</summary>
[PyType("list")]
public class PyList : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("list", typeof(PyList));
    public PyObject[] Items;
    public int Count;
    PyDict? _dict;

    public PyList() : base(TypeObject) { Items = Array.Empty<PyObject>(); }
    public PyList(PyObject[] items) : base(TypeObject) { Items = items; Count = items.Length; }
    public PyList(PyType type) : base(type)
    {
        Items = Array.Empty<PyObject>();
        if (type != TypeObject && type.InstanceHasDict) _dict = new PyDict();
    }

    public override PyDict? Dict { get => _dict; set => _dict = value; }

    public void Append(PyObject item)
    {
        if (Count == Items.Length) Array.Resize(ref Items, Math.Max(4, Count * 2));
        Items[Count++] = item;
    }

    public PyObject[] ToArray() => Items.AsSpan(0, Count).ToArray();
    public ReadOnlySpan<PyObject> AsSpan() => Items.AsSpan(0, Count);

    public void Extend(ThreadState ts, PyObject iterable)
    {
        if (iterable is PyList l) { foreach (var x in l.ToArray()) Append(x); return; }
        if (iterable is PyTuple t) { foreach (var x in t.Items) Append(x); return; }
        foreach (var x in Ops.Iterate(ts, iterable)) Append(x);
    }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyList(cls);

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null) throw PyExc.TypeError("list() takes no keyword arguments");
        if (args.Length > 1) throw PyExc.TypeError($"list expected at most 1 argument, got {args.Length}");
        var l = (PyList)self;
        l.Count = 0;
        if (args.Length == 1) l.Extend(ts, args[0]);
    }

    [PySlot("__len__")] static long Len(ThreadState ts, PyObject self) => ((PyList)self).Count;

    long NormIndex(PyObject key)
    {
        if (key is not PyInt i) throw PyExc.TypeError($"list indices must be integers or slices, not {key.Type.Name}");
        long k = i.ToLongChecked();
        if (k < 0) k += Count;
        if (k < 0 || k >= Count) throw PyExc.IndexError("list index out of range");
        return k;
    }

    [PySlot("__getitem__")] static PyObject GetItem(ThreadState ts, PyObject self, PyObject key) { var l = (PyList)self; return l.Items[l.NormIndex(key)]; }

    [PySlot("__setitem__", "__delitem__")]
    static void SetItem(ThreadState ts, PyObject self, PyObject key, PyObject? value)
    {
        var l = (PyList)self;
        if (key is not PyInt) throw PyExc.TypeError($"list indices must be integers or slices, not {key.Type.Name}");
        long k = ((PyInt)key).ToLongChecked();
        if (k < 0) k += l.Count;
        if (k < 0 || k >= l.Count) throw PyExc.IndexError(value == null ? "list assignment index out of range" : "list assignment index out of range");
        if (value != null) l.Items[k] = value;
        else { Array.Copy(l.Items, k + 1, l.Items, k, l.Count - k - 1); l.Items[--l.Count] = null!; }
    }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => new PyListIterator((PyList)self);

    [PySlot("__contains__")]
    static bool Contains(ThreadState ts, PyObject self, PyObject item)
    {
        var l = (PyList)self;
        for (int i = 0; i < l.Count; i++) if (Ops.Equal(ts, l.Items[i], item)) return true;
        return false;
    }

    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if (a is not PyList x || b is not PyList y) return PyNotImplemented.Value;
        return Ops.CompareSequences(ts, x.Items, x.Count, y.Items, y.Count, op);
    }

    [PySlot("__add__")]
    static PyObject Add(ThreadState ts, PyObject a, PyObject b)
    {
        if (a is PyList x && b is PyList y)
        {
            var r = new PyObject[x.Count + y.Count];
            Array.Copy(x.Items, r, x.Count); Array.Copy(y.Items, 0, r, x.Count, y.Count);
            return new PyList(r);
        }
        if (a is PyList) throw PyExc.TypeError($"can only concatenate list (not \"{b.Type.Name}\") to list");
        return PyNotImplemented.Value;
    }

    [PySlot("__iadd__")]
    static PyObject IAdd(ThreadState ts, PyObject a, PyObject b) { ((PyList)a).Extend(ts, b); return a; }

    [PySlot("__mul__", "__rmul__")]
    static PyObject Mul(ThreadState ts, PyObject a, PyObject b)
    {
        var (l, n) = a is PyList x ? (x, b) : ((PyList)b, a);
        if (n is not PyInt count) return PyNotImplemented.Value;
        long k = Math.Max(0, count.ToLongChecked());
        var r = new PyObject[checked(l.Count * (int)k)];
        for (int i = 0; i < k; i++) Array.Copy(l.Items, 0, r, i * l.Count, l.Count);
        return new PyList(r);
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var l = (PyList)self;
        if (l.Count == 0) return PyStr.Intern("[]");
        if (!ts.EnterRepr(l)) return PyStr.Intern("[...]");
        try
        {
            var sb = new StringBuilder("[");
            for (int i = 0; i < l.Count; i++)
            {
                if (i > 0) sb.Append(", ");
                sb.Append(Ops.ReprString(ts, l.Items[i]));
            }
            return new PyStr(sb.Append(']').ToString());
        }
        finally { ts.LeaveRepr(l); }
    }

    public static void InitType(PyType t) => t.Namespace.SetStr("__hash__", PyNone.Value);

    [PyMethod] static void append(ThreadState ts, PyList self, PyObject @object) => self.Append(@object);
    [PyMethod] static void extend(ThreadState ts, PyList self, PyObject iterable) => self.Extend(ts, iterable);

    [PyMethod]
    static PyObject pop(ThreadState ts, PyList self, long index = -1)
    {
        if (self.Count == 0) throw PyExc.IndexError("pop from empty list");
        if (index < 0) index += self.Count;
        if (index < 0 || index >= self.Count) throw PyExc.IndexError("pop index out of range");
        var v = self.Items[index];
        Array.Copy(self.Items, index + 1, self.Items, index, self.Count - index - 1);
        self.Items[--self.Count] = null!;
        return v;
    }

    [PyMethod]
    static void insert(ThreadState ts, PyList self, long index, PyObject @object)
    {
        if (index < 0) index = Math.Max(0, index + self.Count);
        if (index > self.Count) index = self.Count;
        self.Append(@object);
        Array.Copy(self.Items, index, self.Items, index + 1, self.Count - 1 - index);
        self.Items[index] = @object;
    }
}
