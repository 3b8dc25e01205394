#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>A small `range` used only until the containers work provides PyRange (Builtins
/// prefers PyRange when present): int bounds, iteration, len, indexing, containment, repr.</summary>
[PyType("range")]
public sealed class RangeFallback : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("range", typeof(RangeFallback), subclassable: false);
    readonly long _start, _stop, _step;

    RangeFallback(long start, long stop, long step) : base(TypeObject) { _start = start; _stop = stop; _step = step; }

    long Length => _step > 0 ? (_stop > _start ? (_stop - _start + _step - 1) / _step : 0) : (_start > _stop ? (_start - _stop - _step - 1) / -_step : 0);

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null) throw PyExc.TypeError("range() takes no keyword arguments");
        long L(PyObject o) => Ops.Index(ts, o).ToLongChecked();
        return args.Length switch
        {
            1 => new RangeFallback(0, L(args[0]), 1),
            2 => new RangeFallback(L(args[0]), L(args[1]), 1),
            3 => L(args[2]) == 0 ? throw PyExc.ValueError("range() arg 3 must not be zero") : new RangeFallback(L(args[0]), L(args[1]), L(args[2])),
            0 => throw PyExc.TypeError("range expected at least 1 argument, got 0"),
            _ => throw PyExc.TypeError($"range expected at most 3 arguments, got {args.Length}"),
        };
    }

    [PySlot("__len__")] static long Len(ThreadState ts, PyObject self) => ((RangeFallback)self).Length;
    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) { var r = (RangeFallback)self; return new RangeFallbackIterator(r._start, r._step, r.Length); }
    [PySlot("__getitem__")]
    static PyObject GetItem(ThreadState ts, PyObject self, PyObject key)
    {
        var r = (RangeFallback)self;
        long i = Ops.Index(ts, key).ToLongChecked();
        if (i < 0) i += r.Length;
        if (i < 0 || i >= r.Length) throw PyExc.IndexError("range object index out of range");
        return PyInt.From(r._start + i * r._step);
    }
    [PySlot("__contains__")]
    static bool Contains(ThreadState ts, PyObject self, PyObject item)
    {
        var r = (RangeFallback)self;
        if (item is not PyInt i || !i.FitsLong) return false;
        long v = i.Small;
        if (r._step > 0 ? v < r._start || v >= r._stop : v > r._start || v <= r._stop) return false;
        return (v - r._start) % r._step == 0;
    }
    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var r = (RangeFallback)self;
        return new PyStr(r._step == 1 ? $"range({r._start}, {r._stop})" : $"range({r._start}, {r._stop}, {r._step})");
    }
}

[PyType("range_iterator")]
public sealed class RangeFallbackIterator : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("range_iterator", typeof(RangeFallbackIterator), subclassable: false);
    long _next, _left;
    readonly long _step;
    public RangeFallbackIterator(long start, long step, long len) : base(TypeObject) { _next = start; _step = step; _left = len; }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;
    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var it = (RangeFallbackIterator)self;
        if (it._left <= 0) return null;
        it._left--;
        var v = it._next;
        it._next += it._step;
        return PyInt.From(v);
    }
}
