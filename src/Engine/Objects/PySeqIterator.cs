#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`iterator`: iterates anything with __getitem__ by index until IndexError/StopIteration.</summary>
[PyType("iterator")]
public sealed class PySeqIterator : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("iterator", typeof(PySeqIterator), subclassable: false);
    PyObject? _seq;
    long _index;

    public PySeqIterator(PyObject seq) : base(TypeObject) { _seq = seq; }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;
    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var it = (PySeqIterator)self;
        if (it._seq == null) return null;
        try
        {
            var r = Ops.GetItem(ts, it._seq, PyInt.From(it._index));
            it._index++;
            return r;
        }
        catch (PyException e) when (e.Matches(ExceptionTypes.IndexError) || e.Matches(ExceptionTypes.StopIteration))
        {
            it._seq = null;
            return null;
        }
    }

    [PyMethod]
    static PyObject __length_hint__(ThreadState ts, PySeqIterator self)
    {
        if (self._seq == null) return PyInt.From(0);
        if (self._seq.Type.Len == null) return PyNotImplemented.Value;
        return PyInt.From(Math.Max(0, Ops.Len(ts, self._seq) - self._index));
    }

    [PyMethod] static PyObject __reduce__(ThreadState ts, PySeqIterator self) => ReduceIter(ts, self._seq, self._index);

    [PyMethod]
    static void __setstate__(ThreadState ts, PySeqIterator self, PyObject state)
    {
        if (self._seq != null) self._index = Math.Max(0, StateIndex(ts, state));
    }

    // ---------------- helpers shared by the iterator types (pickling support) ----------------

    /// <summary>A builtin by name (iter, reversed ...) for __reduce__ results.</summary>
    public static PyObject Builtin(ThreadState ts, string name)
    {
        var b = ts.Engine.Modules.GetStr("builtins") ?? throw PyExc.RuntimeError("builtins module is not available");
        return Ops.GetAttr(ts, b, name);
    }

    /// <summary>`(iter, (seq,), pos)`, or `(iter, ((),))` for an exhausted iterator (as CPython).</summary>
    public static PyObject ReduceIter(ThreadState ts, PyObject? seq, long pos)
        => seq == null
            ? PyTuple.Of(Builtin(ts, "iter"), PyTuple.Of(PyTuple.Empty))
            : PyTuple.Of(Builtin(ts, "iter"), PyTuple.Of(seq), PyInt.From(pos));

    /// <summary>The position given to __setstate__ (an int, clamped to the long range).</summary>
    public static long StateIndex(ThreadState ts, PyObject state)
    {
        if (state is not PyInt && state.Type.Index == null)
            throw PyExc.TypeError($"'{state.Type.Name}' object cannot be interpreted as an integer");
        var i = Ops.Index(ts, state);
        if (!i.FitsLong) throw PyExc.OverflowError("Python int too large to convert to C ssize_t");
        return i.Small;
    }
}
