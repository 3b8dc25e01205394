#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>`_collections._deque_iterator` and `_deque_reverse_iterator`: walk a deque by
/// position; any structural change of the deque makes the next step raise RuntimeError.</summary>
[PyType("_deque_iterator")]
public sealed class PyDequeIterator : PyObject
{
    public static readonly PyType ForwardType = PyType.Builtin("_deque_iterator", typeof(PyDequeIterator), module: "_collections");
    public static readonly PyType ReverseType = PyType.Builtin("_deque_reverse_iterator", typeof(PyDequeIterator), module: "_collections");

    readonly PyDeque _deque;
    readonly bool _reverse;
    int _index;      // elements already produced
    int _counter;    // elements left
    readonly int _state;

    public PyDequeIterator(PyDeque d, bool reverse) : this(reverse ? ReverseType : ForwardType, d, reverse) { }

    PyDequeIterator(PyType t, PyDeque d, bool reverse) : base(t)
    {
        _deque = d;
        _reverse = reverse;
        _counter = d.Count;
        _state = d.State;
    }

    /// <summary>_deque_iterator(deque, index=0): used by pickling to resume at a position.</summary>
    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null && kwnames.Items.Length > 0) throw PyExc.TypeError($"{cls.Name}() takes no keyword arguments");
        if (args.Length < 1 || args.Length > 2) throw PyExc.TypeError($"{cls.Name} expected at least 1 argument, got {args.Length}");
        if (args[0] is not PyDeque d)
            throw PyExc.TypeError($"{cls.Name}() argument 1 must be collections.deque, not {args[0].Type.Name}");
        bool reverse = cls.IsSubtypeOf(ReverseType);
        var it = new PyDequeIterator(cls, d, reverse);
        if (args.Length == 2)
        {
            long skip = Ops.Index(ts, args[1]).ToLongChecked();
            for (long i = 0; i < skip && it._counter > 0; i++) { it._index++; it._counter--; }
        }
        return it;
    }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;

    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var it = (PyDequeIterator)self;
        var d = it._deque;
        if (d.State != it._state)
        {
            it._counter = 0;
            throw PyExc.RuntimeError("deque mutated during iteration");
        }
        if (it._counter == 0) return null;
        var x = it._reverse ? d[d.Count - 1 - it._index] : d[it._index];
        it._index++;
        it._counter--;
        return x;
    }

    [PyMethod] static long __length_hint__(ThreadState ts, PyDequeIterator self) => self._counter;

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyDequeIterator self)
        => PyTuple.Of(self.Type, PyTuple.Of(self._deque, PyInt.From(self._deque.Count - self._counter)));
}
