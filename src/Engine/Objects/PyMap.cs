#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`map(function, *iterables)`: function applied to items taken in step; stops at the shortest.</summary>
[PyType("map")]
public sealed class PyMap : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("map", typeof(PyMap));
    readonly PyObject _func;
    readonly PyObject[] _iters;
    PyDict? _dict;

    PyMap(PyType type, PyObject func, PyObject[] iters) : base(type)
    {
        _func = func; _iters = iters;
        if (type.IsHeapType && type.InstanceHasDict) _dict = new PyDict();
    }

    public override PyDict? Dict { get => _dict; set => _dict = value; }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        int nkw = kwnames?.Items.Length ?? 0, npos = args.Length - nkw;
        if (cls == TypeObject && nkw > 0) throw PyExc.TypeError("map() takes no keyword arguments");
        if (npos < 2) throw PyExc.TypeError("map() must have at least two arguments.");
        var iters = new PyObject[npos - 1];
        for (int i = 1; i < npos; i++) iters[i - 1] = Ops.GetIter(ts, args[i]);
        return new PyMap(cls, args[0], iters);
    }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;

    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var m = (PyMap)self;
        var items = new PyObject[m._iters.Length];
        for (int i = 0; i < items.Length; i++)
        {
            var x = Ops.Next(ts, m._iters[i]);
            if (x == null) return null;
            items[i] = x;
        }
        return Ops.Call(ts, m._func, items);
    }

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyMap self)
    {
        var args = new PyObject[self._iters.Length + 1];
        args[0] = self._func;
        self._iters.CopyTo(args, 1);
        return PyTuple.Of(self.Type, new PyTuple(args));
    }
}
