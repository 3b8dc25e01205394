#nullable enable
using StacklessIron.Objects.Formatting;
using System;
using System.Collections.Generic;
namespace StacklessIron.Objects;

/// <summary>`str_ascii_iterator` / `str_iterator`: yields one-code-point strs (CPython 3.11
/// names the iterator of an ASCII-only str differently; both behave the same).</summary>
[PyType("str_iterator")]
public sealed class PyStrIterator : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("str_iterator", typeof(PyStrIterator), subclassable: false);
    public static readonly PyType AsciiTypeObject = PyType.Builtin("str_ascii_iterator", typeof(PyStrIterator), subclassable: false);
    PyStr? _str;
    int _pos;    // UTF-16 index of the next code point
    int _index;  // code point index of the next code point (for __reduce__ / __setstate__)

    public PyStrIterator(PyStr s) : base(IsAscii(s.Value) ? AsciiTypeObject : TypeObject) { _str = s; }

    static bool IsAscii(string s) => !s.AsSpan().ContainsAnyExceptInRange('\0', '\x7f');

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;

    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var it = (PyStrIterator)self;
        var s = it._str;
        if (s == null) return null;
        var text = s.Value;
        if (it._pos < text.Length)
        {
            it._index++;
            return PyStr.CodePointAt(text, ref it._pos);
        }
        it._str = null;
        return null;
    }

    [PyMethod]
    static long __length_hint__(ThreadState ts, PyStrIterator self)
        => self._str == null ? 0 : self._str.CpLength - self._index;

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyStrIterator self)
    {
        var iter = ts.Engine.Modules.GetStr("builtins") is PyObject b ? Ops.GetAttr(ts, b, "iter") : PyNone.Value;
        if (self._str == null) return PyTuple.Of(iter, PyTuple.Of(PyStr.Empty));
        return PyTuple.Of(iter, PyTuple.Of(self._str), PyInt.From(self._index));
    }

    [PyMethod]
    static void __setstate__(ThreadState ts, PyStrIterator self, PyObject state)
    {
        long n = Ops.Index(ts, state).ToLongChecked();
        if (self._str == null) return;
        int len = self._str.CpLength;
        if (n < 0) n = 0;
        if (n > len) n = len;
        self._index = (int)n;
        self._pos = self._str.CharIndex((int)n);
    }
}
