#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>
/// Iterator over a dict's keys, values or items, forwards or reversed (six Python types, as in
/// CPython, made from this one class). Detects a change of size, and of keys at the same size
/// (more entries found than the dict had), as CPython does.
/// </summary>
[PyType("dict_keyiterator")]
public sealed class PyDictIterator : PyObject
{
    public enum Kind { Keys, Values, Items }
    public static readonly PyType KeyIteratorType = PyType.Builtin("dict_keyiterator", typeof(PyDictIterator), subclassable: false);
    public static readonly PyType ValueIteratorType = PyType.Builtin("dict_valueiterator", typeof(PyDictIterator), subclassable: false);
    public static readonly PyType ItemIteratorType = PyType.Builtin("dict_itemiterator", typeof(PyDictIterator), subclassable: false);
    public static readonly PyType ReverseKeyIteratorType = PyType.Builtin("dict_reversekeyiterator", typeof(PyDictIterator), subclassable: false);
    public static readonly PyType ReverseValueIteratorType = PyType.Builtin("dict_reversevalueiterator", typeof(PyDictIterator), subclassable: false);
    public static readonly PyType ReverseItemIteratorType = PyType.Builtin("dict_reverseitemiterator", typeof(PyDictIterator), subclassable: false);

    PyDict? _dict;
    readonly Kind _kind;
    readonly bool _reversed;
    readonly int _startCount;
    int _remaining;
    int _pos;
    bool _sizeChanged;

    static PyType TypeFor(Kind kind, bool reversed) => (kind, reversed) switch
    {
        (Kind.Keys, false) => KeyIteratorType,
        (Kind.Values, false) => ValueIteratorType,
        (Kind.Items, false) => ItemIteratorType,
        (Kind.Keys, true) => ReverseKeyIteratorType,
        (Kind.Values, true) => ReverseValueIteratorType,
        _ => ReverseItemIteratorType,
    };

    public PyDictIterator(PyDict d, Kind kind, bool reversed) : base(TypeFor(kind, reversed))
    {
        _dict = d; _kind = kind; _reversed = reversed;
        _startCount = _remaining = d.Count;
        _pos = reversed ? d.EntryEnd - 1 : 0;
    }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;

    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var it = (PyDictIterator)self;
        if (!it.NextEntry(out var k, out var v)) return null;
        return it._kind switch { Kind.Keys => k, Kind.Values => v, _ => PyTuple.Of(k, v) };
    }

    /// <summary>An items iterator (the VM's `for k, v in d.items()`).</summary>
    public bool IsItems => _kind == Kind.Items;

    /// <summary>__next__'s step without the item built: the next entry's key and value, false
    /// when exhausted; raises as __next__ does when the dict changed.</summary>
    public bool NextEntry(out PyObject key, out PyObject value)
    {
        var d = _dict;
        key = value = null!;
        if (d == null) return false;
        if (_sizeChanged || d.Count != _startCount)
        {
            _sizeChanged = true;   // every later next() fails too, as in CPython
            throw PyExc.RuntimeError("dictionary changed size during iteration");
        }
        bool found = _reversed ? d.PrevEntry(ref _pos, out var k, out var v) : d.NextEntry(ref _pos, out k, out v);
        if (!found) { _dict = null; return false; }
        if (_remaining == 0)
        {
            _dict = null;
            throw PyExc.RuntimeError("dictionary keys changed during iteration");
        }
        _remaining--;
        key = k!; value = v!;
        return true;
    }

    [PyMethod]
    static long __length_hint__(ThreadState ts, PyDictIterator self)
        => self._dict != null && !self._sizeChanged && self._dict.Count == self._startCount ? self._remaining : 0;

    /// <summary>(iter, (list of what is left,)), as CPython pickles dict iterators.</summary>
    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyDictIterator self)
    {
        var copy = new PyDictIterator(self._dict ?? new PyDict(), self._kind, self._reversed)
            { _pos = self._pos, _remaining = self._remaining };
        if (self._dict == null) copy._dict = null;
        var rest = new PyList();
        try { while (Next(ts, copy) is PyObject x) rest.Append(x); }
        catch (PyException e) when (e.Matches(ExceptionTypes.RuntimeError)) { }
        return PyTuple.Of(PySeqIterator.Builtin(ts, "iter"), PyTuple.Of(rest));
    }
}
