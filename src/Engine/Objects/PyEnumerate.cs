#nullable enable
using System.Numerics;
using System;
namespace StacklessIron.Objects;

/// <summary>`enumerate(iterable, start=0)`: (count, item) pairs; the count goes on past a long as a big int.</summary>
[PyType("enumerate")]
public sealed class PyEnumerate : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("enumerate", typeof(PyEnumerate));
    readonly PyObject _it;
    long _index;
    BigInteger? _bigIndex;   // once the count leaves the long range
    PyDict? _dict;

    PyEnumerate(PyType type, PyObject it, PyInt start) : base(type)
    {
        _it = it;
        if (start.FitsLong) _index = start.Small; else _bigIndex = start.Big;
        if (type.IsHeapType && type.InstanceHasDict) _dict = new PyDict();
    }

    public override PyDict? Dict { get => _dict; set => _dict = value; }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        int nkw = kwnames?.Items.Length ?? 0, npos = args.Length - nkw;
        PyObject? iterable = npos > 0 ? args[0] : null, start = npos > 1 ? args[1] : null;
        if (npos > 2) throw PyExc.TypeError($"enumerate() takes at most 2 arguments ({args.Length} given)");
        for (int k = 0; k < nkw; k++)
        {
            string name = Ops.StrValue(kwnames!.Items[k]);
            var v = args[npos + k];
            if (name == "iterable" && iterable == null) iterable = v;
            else if (name == "start" && start == null) start = v;
            else if (name == "iterable" || name == "start")
                throw PyExc.TypeError($"argument for enumerate() given by name ('{name}') and position ({(name == "iterable" ? 1 : 2)})");
            else throw PyExc.TypeError($"'{name}' is an invalid keyword argument for enumerate()");
        }
        if (iterable == null) throw PyExc.TypeError("enumerate() missing required argument 'iterable'");
        PyInt s = PyInt.From(0);
        if (start != null)
        {
            if (start is not PyInt && start.Type.Index == null)
                throw PyExc.TypeError($"'{start.Type.Name}' object cannot be interpreted as an integer");
            s = Ops.Index(ts, start);
        }
        return new PyEnumerate(cls, Ops.GetIter(ts, iterable), s);
    }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;

    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var e = (PyEnumerate)self;
        return e.NextPair(ts, out var count, out var item) ? PyTuple.Of(count, item) : null;
    }

    /// <summary>The iterator enumerated (the VM's `for i, x in enumerate(...)` looks at its kind).</summary>
    public PyObject Inner => _it;

    /// <summary>__next__'s step without the pair built: false when exhausted.</summary>
    public bool NextPair(ThreadState ts, out PyObject count, out PyObject item)
    {
        count = null!;
        var next = Ops.Next(ts, _it);
        item = next!;
        if (next == null) return false;
        if (_bigIndex is BigInteger b) { count = PyInt.From(b); _bigIndex = b + 1; }
        else
        {
            count = PyInt.From(_index);
            if (_index == long.MaxValue) _bigIndex = (BigInteger)long.MaxValue + 1; else _index++;
        }
        return true;
    }

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyEnumerate self)
        => PyTuple.Of(self.Type, PyTuple.Of(self._it, self._bigIndex is BigInteger b ? PyInt.From(b) : PyInt.From(self._index)));

    [PyClassMethod] static PyObject __class_getitem__(ThreadState ts, PyType cls, PyObject item) => PyList.GenericAlias(ts, cls, item);
}
