#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`filter(function or None, iterable)`: the items for which function(item) (or the item itself) is true.</summary>
[PyType("filter")]
public sealed class PyFilter : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("filter", typeof(PyFilter));
    readonly PyObject _func;
    readonly PyObject _it;
    PyDict? _dict;

    PyFilter(PyType type, PyObject func, PyObject it) : base(type)
    {
        _func = func; _it = it;
        if (type.IsHeapType && type.InstanceHasDict) _dict = new PyDict();
    }

    public override PyDict? Dict { get => _dict; set => _dict = value; }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        int nkw = kwnames?.Items.Length ?? 0, npos = args.Length - nkw;
        if (cls == TypeObject && nkw > 0) throw PyExc.TypeError("filter() takes no keyword arguments");
        if (npos != 2) throw PyExc.TypeError($"filter expected 2 arguments, got {npos}");
        return new PyFilter(cls, args[0], Ops.GetIter(ts, args[1]));
    }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;

    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var f = (PyFilter)self;
        bool truth = f._func == PyNone.Value || f._func == PyBool.TypeObject;
        while (Ops.Next(ts, f._it) is PyObject x)
        {
            bool ok = truth ? Ops.IsTrue(ts, x) : Ops.IsTrue(ts, Ops.Call(ts, f._func, x));
            if (ok) return x;
        }
        return null;
    }

    [PyMethod] static PyObject __reduce__(ThreadState ts, PyFilter self) => PyTuple.Of(self.Type, PyTuple.Of(self._func, self._it));
}
