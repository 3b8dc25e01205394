#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`reversed(seq)`: the object's own __reversed__, else the sequence protocol from len-1 down.</summary>
[PyType("reversed")]
public sealed class PyReversed : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("reversed", typeof(PyReversed));
    PyObject? _seq;
    long _index;
    PyDict? _dict;

    PyReversed(PyType type, PyObject seq, long index) : base(type)
    {
        _seq = seq; _index = index;
        if (type.IsHeapType && type.InstanceHasDict) _dict = new PyDict();
    }

    public override PyDict? Dict { get => _dict; set => _dict = value; }

    static readonly PyStr s_reversed = PyStr.Intern("__reversed__");

    /// <summary>reversed(seq) for exact `reversed`: may return the object's own reverse iterator.</summary>
    public static PyObject Create(ThreadState ts, PyType cls, PyObject seq)
    {
        var meth = seq.Type.Lookup(s_reversed);
        if (meth == PyNone.Value) throw PyExc.TypeError($"'{seq.Type.Name}' object is not reversible");
        if (meth != null) return SlotDefs.CallBoundKw(ts, meth, seq, ReadOnlySpan<PyObject>.Empty, null);
        if (seq.Type.GetItem == null || seq is PyDict) throw PyExc.TypeError($"'{seq.Type.Name}' object is not reversible");
        long n = Ops.Len(ts, seq);
        return new PyReversed(cls, seq, n - 1);
    }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        int nkw = kwnames?.Items.Length ?? 0, npos = args.Length - nkw;
        if (cls == TypeObject && nkw > 0) throw PyExc.TypeError("reversed() takes no keyword arguments");
        if (npos != 1) throw PyExc.TypeError($"reversed expected 1 argument, got {npos}");
        return Create(ts, cls, args[0]);
    }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;

    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var r = (PyReversed)self;
        if (r._seq == null) return null;
        if (r._index >= 0)
        {
            try
            {
                var x = Ops.GetItem(ts, r._seq, PyInt.From(r._index));
                r._index--;
                return x;
            }
            catch (PyException e) when (e.Matches(ExceptionTypes.IndexError) || e.Matches(ExceptionTypes.StopIteration)) { }
        }
        r._index = -1;
        r._seq = null;
        return null;
    }

    [PyMethod]
    static long __length_hint__(ThreadState ts, PyReversed self)
    {
        if (self._seq == null) return 0;
        long position = self._index + 1;
        return Ops.Len(ts, self._seq) < position ? 0 : position;
    }

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyReversed self)
        => self._seq == null
            ? PyTuple.Of(self.Type, PyTuple.Of(PyTuple.Empty))
            : PyTuple.Of(self.Type, PyTuple.Of(self._seq), PyInt.From(self._index));

    [PyMethod]
    static void __setstate__(ThreadState ts, PyReversed self, PyObject state)
    {
        if (self._seq == null) return;
        long n = Ops.Len(ts, self._seq);
        long i = PySeqIterator.StateIndex(ts, state);
        self._index = i < -1 ? -1 : i > n - 1 ? n - 1 : i;
    }
}
