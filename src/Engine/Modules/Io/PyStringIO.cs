#nullable enable
using System;
using System.Text;
using StacklessIron.Objects.Formatting;
namespace StacklessIron.Modules;

/// <summary>`_io.StringIO`: a text stream over an in-memory string. Newline handling as
/// CPython's: newline=None translates \r and \r\n to \n on write, '' keeps them but splits
/// lines at all three, '\r' and '\r\n' turn written \n into themselves. Positions are code
/// points; the text is kept as UTF-16 and positions are converted only when it holds
/// characters outside the BMP.</summary>
[PyType("StringIO")]
public sealed class PyStringIO : PyTextIOBase
{
    public static new readonly PyType TypeObject = PyType.Builtin("StringIO", typeof(PyStringIO), PyTextIOBase.TypeObject, module: "_io");

    readonly StringBuilder _buf = new();
    int _pos;                    // UTF-16 index, or past the end after a seek (code points beyond)
    int _padBeyond;              // code points past the end a seek went
    bool _closed, _initialized, _astral;
    PyObject _newlineArg = PyStr.Intern("\n");
    string? _readnl;             // null = universal
    string? _writenl;            // "\r" or "\r\n" translate written \n
    PyIncrementalNewlineDecoder? _decoder;

    public PyStringIO(PyType type) : base(type) { }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyStringIO(cls);

    static readonly Signature s_initSig = new("StringIO", new[] { "initial_value", "newline" }, 0, 2, 0, false, false);

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var bound = new PyObject?[2];
        s_initSig.Bind(ts, args, kwnames, bound, optional: new[] { true, true });
        var s = (PyStringIO)self;
        var nl = bound[1] ?? PyStr.Intern("\n");
        string? newline;
        if (nl == PyNone.Value) newline = null;
        else if (nl is PyStr ns) newline = ns.Value;
        else throw PyExc.TypeError($"newline must be str or None, not {nl.Type.Name}");
        if (newline != null && newline != "" && newline != "\n" && newline != "\r" && newline != "\r\n")
            throw PyExc.ValueError($"illegal newline value: {Ops.ReprString(ts, nl)}");
        var initial = bound[0];
        if (initial != null && initial != PyNone.Value && initial is not PyStr)
            throw PyExc.TypeError($"initial_value must be str or None, not {initial.Type.Name}");
        s._newlineArg = nl;
        s._readnl = string.IsNullOrEmpty(newline) ? null : newline;
        s._writenl = newline is "\r" or "\r\n" ? newline : null;
        s._decoder = newline == null || newline == "" ? PyIncrementalNewlineDecoder.Create(null, newline == null) : null;
        s._buf.Clear();
        s._text = null;
        s._pos = 0;
        s._padBeyond = 0;
        s._astral = false;
        s._closed = false;
        s._initialized = true;
        if (initial is PyStr init && init.Value.Length > 0)
        {
            s.WriteText(init.Value);
            s._pos = 0;
        }
    }

    void CheckInit()
    {
        if (!_initialized) throw PyExc.ValueError("I/O operation on uninitialized object");
    }

    void CheckOpen()
    {
        CheckInit();
        if (_closed) throw PyExc.ValueError("I/O operation on closed file");
    }

    // The buffer as one string, kept between writes: line reads would otherwise copy the
    // whole buffer for every line.
    string? _text;
    string Text => _text ??= _buf.ToString();

    int CpIndex(int utf16) => _astral ? CodePoints.Length(_buf.ToString(0, utf16).AsSpan()) : utf16;

    int Utf16Index(long cp)
    {
        if (!_astral) return (int)Math.Min(cp, _buf.Length);
        var s = Text;
        int i = 0;
        for (long k = 0; k < cp && i < s.Length; k++) i += char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
        return i;
    }

    /// <summary>Advances `n` code points from UTF-16 index `from` (clamped to the end).</summary>
    int Advance(int from, long n)
    {
        if (!_astral) return (int)Math.Min(_buf.Length, from + n);
        int i = from;
        for (long k = 0; k < n && i < _buf.Length; k++)
            i += char.IsHighSurrogate(_buf[i]) && i + 1 < _buf.Length && char.IsLowSurrogate(_buf[i + 1]) ? 2 : 1;
        return i;
    }

    void WriteText(string s)
    {
        if (_decoder != null) s = _decoder.Translate(s, true);
        if (_writenl != null) s = s.Replace("\n", _writenl);
        if (s.Length == 0) return;
        _text = null;
        if (!_astral && CodePoints.HasSurrogates(s)) _astral = true;
        if ((long)_buf.Length + _padBeyond + s.Length > Array.MaxLength) throw PyExc.MemoryError();
        if (_padBeyond > 0)
        {
            try { _buf.Append('\0', _padBeyond); }
            catch (OutOfMemoryException) { throw PyExc.MemoryError(); }
            _pos = _buf.Length;
            _padBeyond = 0;
        }
        if (_pos == _buf.Length) _buf.Append(s);
        else
        {
            int overlap = Math.Min(s.Length, _buf.Length - _pos);
            _buf.Remove(_pos, overlap);
            _buf.Insert(_pos, s);
        }
        _pos += s.Length;
    }

    /// <summary>The next line from the current position, at most `limit` code points.</summary>
    string ReadLine(long limit)
    {
        if (_padBeyond > 0 || _pos >= _buf.Length) return "";
        var s = Text;
        int end;
        if (_readnl == null)
        {
            int i = s.IndexOfAny(new[] { '\r', '\n' }, _pos);
            end = i < 0 ? s.Length : s[i] == '\r' && i + 1 < s.Length && s[i + 1] == '\n' ? i + 2 : i + 1;
        }
        else
        {
            int i = s.IndexOf(_readnl, _pos, StringComparison.Ordinal);
            end = i < 0 ? s.Length : i + _readnl.Length;
        }
        if (limit >= 0)
        {
            int lim = Advance(_pos, limit);
            if (lim < end) end = lim;
        }
        var r = s[_pos..end];
        _pos = end;
        return r;
    }

    // ---------------- Python methods ----------------

    [PyMethod]
    static PyObject getvalue(ThreadState ts, PyStringIO self)
    {
        self.CheckOpen();
        return new PyStr(self.Text);
    }

    [PyMethod]
    static PyObject read(ThreadState ts, PyStringIO self, PyObject? size = null)
    {
        self.CheckOpen();
        long n = IoModule.SizeArg(ts, size);
        if (self._padBeyond > 0 || self._pos >= self._buf.Length) return PyStr.Empty;
        int end = n < 0 ? self._buf.Length : self.Advance(self._pos, n);
        var r = self._buf.ToString(self._pos, end - self._pos);
        self._pos = end;
        return new PyStr(r);
    }

    [PyMethod]
    static PyObject readline(ThreadState ts, PyStringIO self, PyObject? size = null)
    {
        self.CheckOpen();
        if (size != null && size != PyNone.Value && size is not PyInt && size.Type.Index == null)
            throw PyExc.TypeError($"integer argument expected, got '{size.Type.Name}'");
        return new PyStr(self.ReadLine(IoModule.SizeArg(ts, size)));
    }

    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var s = (PyStringIO)self;
        if (s.Type.IsHeapType && s.Type.Lookup("readline") is not PyMethodDescriptor)
        {
            var l = Ops.CallMethod(ts, self, "readline");
            if (l is not PyStr) throw PyExc.OSError($"readline() should have returned a str object, not '{l.Type.Name}'");
            return Ops.Len(ts, l) == 0 ? null : l;
        }
        s.CheckOpen();
        var line = s.ReadLine(-1);
        return line.Length == 0 ? null : new PyStr(line);
    }

    [PyMethod]
    static long write(ThreadState ts, PyStringIO self, PyObject s)
    {
        self.CheckOpen();
        if (s is not PyStr str) throw PyExc.TypeError($"string argument expected, got '{s.Type.Name}'");
        self.WriteText(str.Value);
        return str.CpLength;
    }

    [PyMethod]
    static long seek(ThreadState ts, PyStringIO self, PyObject pos, int whence = 0)
    {
        self.CheckOpen();
        long p = IoModule.IntArg(ts, pos);
        if (whence != 0 && whence != 1 && whence != 2) throw PyExc.ValueError($"Invalid whence ({whence}, should be 0, 1 or 2)");
        if (p < 0 && whence == 0) throw PyExc.ValueError($"Negative seek position {p}");
        if (whence != 0 && p != 0) throw PyExc.OSError("Can't do nonzero cur-relative seeks");
        if (whence == 1) return tell(ts, self);
        if (whence == 2) { self._pos = self._buf.Length; self._padBeyond = 0; return self.CpIndex(self._pos); }
        int len = self.CpIndex(self._buf.Length);
        if (p > len) { self._pos = self._buf.Length; self._padBeyond = (int)Math.Min(int.MaxValue, p - len); }
        else { self._pos = self.Utf16Index(p); self._padBeyond = 0; }
        return p;
    }

    [PyMethod]
    static long tell(ThreadState ts, PyStringIO self)
    {
        self.CheckOpen();
        return self.CpIndex(self._pos) + self._padBeyond;
    }

    [PyMethod]
    static long truncate(ThreadState ts, PyStringIO self, PyObject? pos = null)
    {
        self.CheckOpen();
        long size = pos == null || pos == PyNone.Value ? tell(ts, self) : IoModule.IntArg(ts, pos);
        if (size < 0) throw PyExc.ValueError($"Negative size value {size}");
        int len = self.CpIndex(self._buf.Length);
        if (size < len)
        {
            int at = self.Utf16Index(size);
            self._buf.Length = at;
            self._text = null;
        }
        return size;
    }

    [PyMethod] static bool readable(ThreadState ts, PyStringIO self) { self.CheckOpen(); return true; }
    [PyMethod] static bool writable(ThreadState ts, PyStringIO self) { self.CheckOpen(); return true; }
    [PyMethod] static bool seekable(ThreadState ts, PyStringIO self) { self.CheckOpen(); return true; }
    [PyMethod] static void close(ThreadState ts, PyStringIO self) { self._closed = true; self.IOBaseClosed = true; }
    [PyGetter("closed")] static PyObject GetClosed(ThreadState ts, PyObject self) { var s = (PyStringIO)self; s.CheckInit(); return PyBool.From(s._closed); }
    [PyGetter("line_buffering")] static PyObject GetLineBuffering(ThreadState ts, PyObject self) { ((PyStringIO)self).CheckOpen(); return PyBool.False; }

    [PyGetter("newlines")]
    static PyObject GetNewlines(ThreadState ts, PyObject self)
    {
        var s = (PyStringIO)self;
        s.CheckOpen();
        return s._decoder == null ? PyNone.Value : s._decoder.Newlines;
    }

    [PyMethod]
    static PyObject __getstate__(ThreadState ts, PyStringIO self)
    {
        self.CheckOpen();
        var d = self.Dict!;
        return PyTuple.Of(new PyStr(self.Text), self._newlineArg, PyInt.From(tell(ts, self)), d.Count == 0 ? PyNone.Value : d.Copy());
    }

    [PyMethod]
    static void __setstate__(ThreadState ts, PyStringIO self, PyObject state)
    {
        if (state is not PyTuple t || t.Items.Length < 4)
            throw PyExc.TypeError($"{self.Type.Name}.__setstate__ argument should be 4-tuple, got {state.Type.Name}");
        self.CheckOpen();
        Init(ts, self, new[] { PyNone.Value, t.Items[1] }, null);
        if (t.Items[0] is not PyStr v) throw PyExc.TypeError("initial_value must be str");
        // The saved text is already translated: store it as it is.
        self._buf.Append(v.Value);
        self._text = null;
        self._astral = CodePoints.HasSurrogates(v.Value);
        if (t.Items[2] is not PyInt p) throw PyExc.TypeError($"third item of state must be an integer, got {t.Items[2].Type.Name}");
        if (p.Small < 0) throw PyExc.ValueError("position value cannot be negative");
        seek(ts, self, p);
        if (t.Items[3] is PyDict d) foreach (var kv in d.Items()) self.Dict!.SetItem(ts, kv.Key, kv.Value);
        else if (t.Items[3] != PyNone.Value) throw PyExc.TypeError($"fourth item of state should be a dict, got a {t.Items[3].Type.Name}");
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self) => new PyStr($"<{(self.Type.IsHeapType ? self.Type.FullName : "_io.StringIO")} object at 0x{Ops.Id(self):x}>");
}
