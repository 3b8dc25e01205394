#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`zip(*iterables, strict=False)`: tuples until the shortest ends; with strict, unequal lengths are a ValueError.</summary>
[PyType("zip")]
public sealed class PyZip : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("zip", typeof(PyZip));
    readonly PyObject[] _iters;
    bool _strict;
    PyDict? _dict;

    PyZip(PyType type, PyObject[] iters, bool strict) : base(type)
    {
        _iters = iters; _strict = strict;
        if (type.IsHeapType && type.InstanceHasDict) _dict = new PyDict();
    }

    public override PyDict? Dict { get => _dict; set => _dict = value; }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        int nkw = kwnames?.Items.Length ?? 0, npos = args.Length - nkw;
        bool strict = false;
        for (int k = 0; k < nkw; k++)
        {
            string name = Ops.StrValue(kwnames!.Items[k]);
            if (name != "strict") throw PyExc.TypeError($"'{name}' is an invalid keyword argument for zip()");
            strict = Ops.IsTrue(ts, args[npos + k]);
        }
        var iters = new PyObject[npos];
        for (int i = 0; i < npos; i++) iters[i] = Ops.GetIter(ts, args[i]);
        return new PyZip(cls, iters, strict);
    }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;

    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var z = (PyZip)self;
        int n = z._iters.Length;
        if (n == 0) return null;
        var items = new PyObject[n];
        for (int i = 0; i < n; i++)
        {
            var x = Ops.Next(ts, z._iters[i]);
            if (x == null)
            {
                if (z._strict) CheckStrict(ts, z, i);
                return null;
            }
            items[i] = x;
        }
        return new PyTuple(items);
    }

    /// <summary>Iterator `i` ended: all others must end now too (CPython's messages).</summary>
    static void CheckStrict(ThreadState ts, PyZip z, int i)
    {
        if (i > 0)
        {
            string plural = i == 1 ? " " : "s 1-";
            throw PyExc.ValueError($"zip() argument {i + 1} is shorter than argument{plural}{i}");
        }
        for (int j = 1; j < z._iters.Length; j++)
        {
            if (Ops.Next(ts, z._iters[j]) != null)
            {
                string plural = j == 1 ? " " : "s 1-";
                throw PyExc.ValueError($"zip() argument {j + 1} is longer than argument{plural}{j}");
            }
        }
    }

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyZip self)
        => self._strict
            ? PyTuple.Of(self.Type, new PyTuple((PyObject[])self._iters.Clone()), PyBool.True)
            : PyTuple.Of(self.Type, new PyTuple((PyObject[])self._iters.Clone()));

    [PyMethod] static void __setstate__(ThreadState ts, PyZip self, PyObject state) => self._strict = Ops.IsTrue(ts, state);
}
