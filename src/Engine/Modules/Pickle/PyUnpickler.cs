#nullable enable
using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using System.Text.Unicode;
namespace StacklessIron.Modules.Pickle;

/// <summary>
/// `_pickle.Unpickler`: runs the opcodes of protocols 0-5 on a stack, as CPython 3.11's C
/// unpickler does (same checks, same exception types and messages). Input is a bytes-like
/// object (loads) or a file read in pieces: with peek(), ahead in chunks; else exactly what
/// each opcode needs, so that the file is left right after the pickle.
/// </summary>
[PyType("Unpickler")]
public sealed class PyUnpickler : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("Unpickler", typeof(PyUnpickler), module: "_pickle");

    const int Prefetch = 8192 * 16;
    static readonly PyStr s_read = PyStr.Intern("read"), s_readline = PyStr.Intern("readline"), s_readinto = PyStr.Intern("readinto"),
        s_peek = PyStr.Intern("peek"), s_persistentLoad = PyStr.Intern("persistent_load"), s_findClass = PyStr.Intern("find_class"),
        s_getinitargs = PyStr.Intern("__getinitargs__"), s_new = PyStr.Intern("__new__"), s_setstate = PyStr.Intern("__setstate__"),
        s_dict = PyStr.Intern("__dict__"), s_extend = PyStr.Intern("extend"), s_append = PyStr.Intern("append"), s_add = PyStr.Intern("add");

    // input
    ReadOnlyMemory<byte> _input;
    int _inputLen, _next, _prefetched;
    PyObject? _read, _readline, _readinto, _peek, _buffers;

    // stack and marks
    PyObject[] _stack = new PyObject[16];
    int _sp, _fence;
    bool _markSet;
    int[] _marks = new int[16];
    int _nmarks;

    internal PyObject?[] Memo = new PyObject?[32];
    int _memoLen;

    string _encoding = "ASCII", _errors = "strict";
    int _proto;
    bool _fixImports;
    PyObject? _persFunc, _persSelf;
    PickleState? _state;
    PyDict? _dict;

    public PyUnpickler(PyType t) : base(t) { }

    public override PyDict? Dict { get => Type == TypeObject ? null : _dict ??= new PyDict(); set => _dict = value; }

    // ---------------- construction ----------------

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyUnpickler(cls);

    static readonly Signature s_initSig = new("Unpickler", new[] { "file", "fix_imports", "encoding", "errors", "buffers" }, 0, 1, 4, false, false);

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var u = (PyUnpickler)self;
        var a = new PyObject?[5];
        s_initSig.Bind(ts, args, kwnames, a, optional: new[] { false, true, true, true, true });
        if (a[0] == null) throw PyExc.TypeError("Unpickler() missing required argument 'file' (pos 1)");
        string enc = a[2] == null ? "ASCII" : a[2] is PyStr es ? es.Value : throw PyExc.TypeError($"Unpickler() argument 'encoding' must be str, not {a[2]!.Type.Name}");
        string err = a[3] == null ? "strict" : a[3] is PyStr rs ? rs.Value : throw PyExc.TypeError($"Unpickler() argument 'errors' must be str, not {a[3]!.Type.Name}");
        u.SetInputStream(ts, a[0]!);
        u.Setup(ts, a[1] == null || Ops.IsTrue(ts, a[1]!), enc, err, a[4]);
        u._persFunc = null; u._persSelf = null;
        if (u.Type != TypeObject)
        {
            var pf = Ops.GetAttrOrNull(ts, u, s_persistentLoad);
            if (pf is PyMethod m && m.Self == u) { u._persFunc = m.Func; u._persSelf = u; }
            else u._persFunc = pf;
        }
        u.Memo = new PyObject?[32];
        u._memoLen = 0;
        u._sp = 0;
        u._proto = 0;
    }

    internal void Setup(ThreadState ts, bool fixImports, string encoding, string errors, PyObject? buffers)
    {
        _fixImports = fixImports;
        _encoding = encoding;
        _errors = errors;
        _buffers = buffers == null || buffers == PyNone.Value ? null : Ops.GetIter(ts, buffers);
        _state = PickleModule.State(ts);
    }

    internal void SetInputStream(ThreadState ts, PyObject file)
    {
        _peek = Ops.GetAttrOrNull(ts, file, s_peek);
        _readinto = Ops.GetAttrOrNull(ts, file, s_readinto);
        _read = Ops.GetAttrOrNull(ts, file, s_read);
        _readline = Ops.GetAttrOrNull(ts, file, s_readline);
        if (_readline == null || _read == null)
        {
            _read = _readinto = _readline = _peek = null;
            throw PyExc.TypeError("file must have 'read' and 'readline' attributes");
        }
    }

    internal int SetStringInput(ThreadState ts, PyObject data)
    {
        if (!PyBytes.TryGetBuffer(data, out var m))
            throw PyExc.TypeError($"a bytes-like object is required, not '{data.Type.Name}'");
        // a bytearray's buffer may change under Python code the loads runs: keep a copy
        _input = data is PyBytes ? m : m.ToArray();
        _inputLen = _input.Length;
        _next = 0;
        _prefetched = _inputLen;
        return _inputLen;
    }

    // ---------------- reading ----------------

    static PyException Truncated() => PickleModule.Unpickling("pickle data was truncated");

    void SkipConsumed(ThreadState ts)
    {
        int consumed = _next - _prefetched;
        if (consumed <= 0) return;
        Ops.Call(ts, _read!, PyInt.From(consumed));
        _prefetched = _next;
    }

    /// <summary>Refills the input from the file: a line (n = -1) or at least n bytes (with
    /// peek(), a prefetch). Returns how many bytes the new input holds.</summary>
    int ReadFromFile(ThreadState ts, int n)
    {
        SkipConsumed(ts);
        PyObject data;
        if (n == -1) data = Ops.Call(ts, _readline!);
        else
        {
            if (_peek != null && n < Prefetch)
            {
                PyObject? peeked = null;
                try { peeked = Ops.Call(ts, _peek, PyInt.From(Prefetch)); }
                catch (PyException e) when (e.Matches(ExceptionTypes.NotImplementedError)) { _peek = null; }
                if (peeked != null)
                {
                    int got = SetStringInput(ts, peeked);
                    _prefetched = 0;
                    if (n <= got) return n;
                }
            }
            data = Ops.Call(ts, _read!, PyInt.From(n));
        }
        return SetStringInput(ts, data);
    }

    /// <summary>The index in the input of the next n bytes (consumed).</summary>
    int Read(ThreadState ts, int n)
    {
        if (n <= _inputLen - _next)
        {
            int at = _next;
            _next += n;
            return at;
        }
        if ((long)_next + n > int.MaxValue) throw PickleModule.Unpickling("read would overflow (invalid bytecode)");
        if (_read == null) throw Truncated();
        int num = ReadFromFile(ts, n);
        if (num < n) throw Truncated();
        _next = n;
        return 0;
    }

    ReadOnlySpan<byte> ReadSpan(ThreadState ts, int n)
    {
        int at = Read(ts, n);
        return _input.Span.Slice(at, n);
    }

    /// <summary>A line with its newline; truncated data raises.</summary>
    ReadOnlySpan<byte> ReadLine(ThreadState ts)
    {
        var span = _input.Span;
        for (int i = _next; i < _inputLen; i++)
            if (span[i] == (byte)'\n')
            {
                int start = _next;
                _next = i + 1;
                return span.Slice(start, i + 1 - start);
            }
        if (_read == null) throw Truncated();
        int num = ReadFromFile(ts, -1);
        if (num == 0 || _input.Span[num - 1] != (byte)'\n') throw Truncated();
        _next = num;
        return _input.Span.Slice(0, num);
    }

    /// <summary>n bytes into a new array (large payloads: straight from the file).</summary>
    byte[] ReadInto(ThreadState ts, long size)
    {
        if (size > Array.MaxLength) throw PyExc.MemoryError();
        int n = (int)size;
        var buf = new byte[n];
        int inBuffer = _inputLen - _next;
        if (inBuffer > 0)
        {
            int take = Math.Min(inBuffer, n);
            _input.Span.Slice(_next, take).CopyTo(buf);
            _next += take;
            if (take == n) return buf;
            int done = take;
            return ReadRest(ts, buf, done);
        }
        if (n == 0) return buf;
        return ReadRest(ts, buf, 0);
    }

    byte[] ReadRest(ThreadState ts, byte[] buf, int done)
    {
        int n = buf.Length - done;
        if (_read == null) throw Truncated();
        SkipConsumed(ts);
        if (_readinto == null)
        {
            var data = Ops.Call(ts, _read, PyInt.From(n));
            if (data is not PyBytes b) throw PyExc.ValueError($"read() returned non-bytes object ({Ops.ReprString(ts, data.Type)})");
            if (b.Data.Length < n) throw Truncated();
            b.Data.AsSpan(0, n).CopyTo(buf.AsSpan(done));
            return buf;
        }
        var target = new PyByteArray(new byte[n]);
        var view = Ops.Call(ts, PyMemoryView.TypeObject, target);
        var r = Ops.Index(ts, Ops.Call(ts, _readinto, view));
        if (r.Sign < 0) throw PyExc.ValueError("readinto() returned negative size");
        if (!r.FitsLong || r.Small < n) throw Truncated();
        target.Span.CopyTo(buf.AsSpan(done));
        return buf;
    }

    // ---------------- stack ----------------

    PyException Underflow() => PickleModule.Unpickling(_markSet ? "unexpected MARK found" : "unpickling stack underflow");

    void Push(PyObject o)
    {
        if (_sp == _stack.Length) Array.Resize(ref _stack, _stack.Length * 2);
        _stack[_sp++] = o;
    }

    PyObject Pop()
    {
        if (_sp <= _fence) throw Underflow();
        var o = _stack[--_sp];
        _stack[_sp] = null!;
        return o;
    }

    PyObject Top()
    {
        if (_sp <= _fence) throw Underflow();
        return _stack[_sp - 1];
    }

    PyObject[] PopSlice(int start)
    {
        var r = new PyObject[_sp - start];
        Array.Copy(_stack, start, r, 0, r.Length);
        Array.Clear(_stack, start, r.Length);
        _sp = start;
        return r;
    }

    PyTuple PopTuple(int start)
    {
        if (start < _fence) throw Underflow();
        var items = PopSlice(start);
        return items.Length == 0 ? PyTuple.Empty : new PyTuple(items);
    }

    void ClearTo(int to)
    {
        if (to >= _sp) return;
        Array.Clear(_stack, to, _sp - to);
        _sp = to;
    }

    int Marker()
    {
        if (_nmarks < 1) throw PickleModule.Unpickling("could not find MARK");
        int mark = _marks[--_nmarks];
        _markSet = _nmarks != 0;
        _fence = _nmarks != 0 ? _marks[_nmarks - 1] : 0;
        return mark;
    }

    // ---------------- memo ----------------

    void MemoPut(long idx, PyObject value)
    {
        if (idx >= Memo.Length)
        {
            if (idx * 2 > Array.MaxLength) throw PyExc.MemoryError();
            Array.Resize(ref Memo, (int)Math.Max(idx * 2, 32));
        }
        if (Memo[idx] == null) _memoLen++;
        Memo[idx] = value;
    }

    PyObject MemoGet(long idx) =>
        (idx >= 0 && idx < Memo.Length ? Memo[idx] : null) ?? throw PickleModule.Unpickling($"Memo value not found at index {idx}");

    internal void ClearMemo()
    {
        Memo = new PyObject?[Memo.Length];
        _memoLen = 0;
    }

    // ---------------- load ----------------

    internal PyObject Load(ThreadState ts)
    {
        _nmarks = 0;
        _markSet = false;
        _fence = 0;
        _proto = 0;
        ClearTo(0);
        while (true)
        {
            byte op;
            try { op = ReadSpan(ts, 1)[0]; }
            catch (PyException e) when (e.Matches(PickleModule.UnpicklingError)) { throw PyExc.EOFError("Ran out of input"); }
            if (op == (byte)'.') break;
            Dispatch(ts, op);
        }
        SkipConsumed(ts);
        return Pop();
    }

    void Dispatch(ThreadState ts, byte op)
    {
        switch (op)
        {
            case (byte)'N': Push(PyNone.Value); break;
            case (byte)'J': Push(PyInt.From(BinaryPrimitives.ReadInt32LittleEndian(ReadSpan(ts, 4)))); break;
            case (byte)'K': Push(PyInt.From(ReadSpan(ts, 1)[0])); break;
            case (byte)'M': Push(PyInt.From(BinaryPrimitives.ReadUInt16LittleEndian(ReadSpan(ts, 2)))); break;
            case (byte)'I': LoadInt(ts); break;
            case (byte)'L': LoadLong(ts); break;
            case 0x8a: LoadCountedLong(ts, 1); break;
            case 0x8b: LoadCountedLong(ts, 4); break;
            case (byte)'F': LoadFloat(ts); break;
            case (byte)'G': Push(new PyFloat(BinaryPrimitives.ReadDoubleBigEndian(ReadSpan(ts, 8)))); break;
            case (byte)'C': LoadCountedBytes(ts, 1); break;
            case (byte)'B': LoadCountedBytes(ts, 4); break;
            case 0x8e: LoadCountedBytes(ts, 8); break;
            case 0x96: LoadByteArray(ts); break;
            case 0x97: LoadNextBuffer(ts); break;
            case 0x98: LoadReadonlyBuffer(ts); break;
            case (byte)'U': LoadCountedBinString(ts, 1); break;
            case (byte)'T': LoadCountedBinString(ts, 4); break;
            case (byte)'S': LoadString(ts); break;
            case (byte)'V': LoadUnicode(ts); break;
            case 0x8c: LoadCountedUnicode(ts, 1); break;
            case (byte)'X': LoadCountedUnicode(ts, 4); break;
            case 0x8d: LoadCountedUnicode(ts, 8); break;
            case (byte)')': LoadCountedTuple(0); break;
            case 0x85: LoadCountedTuple(1); break;
            case 0x86: LoadCountedTuple(2); break;
            case 0x87: LoadCountedTuple(3); break;
            case (byte)'t': { int i = Marker(); LoadCountedTuple(_sp - i); break; }
            case (byte)']': Push(new PyList()); break;
            case (byte)'l': { int i = Marker(); Push(new PyList(PopSlice(i))); break; }
            case (byte)'}': Push(new PyDict()); break;
            case (byte)'d': LoadDict(ts); break;
            case 0x8f: Push(new PySet()); break;
            case 0x90: LoadAddItems(ts); break;
            case 0x91: LoadFrozenSet(ts); break;
            case (byte)'o': LoadObj(ts); break;
            case (byte)'i': LoadInst(ts); break;
            case 0x81: LoadNewObj(ts, false); break;
            case 0x92: LoadNewObj(ts, true); break;
            case (byte)'c': LoadGlobal(ts); break;
            case 0x93: LoadStackGlobal(ts); break;
            case (byte)'a':
                if (_sp - 1 <= _fence) throw Underflow();
                DoAppend(ts, _sp - 1);
                break;
            case (byte)'e': DoAppend(ts, Marker()); break;
            case (byte)'b': LoadBuild(ts); break;
            case (byte)'2': Push(Top()); break;
            case (byte)'h': Push(MemoGet(ReadSpan(ts, 1)[0])); break;
            case (byte)'j': Push(MemoGet(BinaryPrimitives.ReadUInt32LittleEndian(ReadSpan(ts, 4)))); break;
            case (byte)'g': LoadGet(ts); break;
            case (byte)'(': LoadMark(); break;
            case (byte)'q': { var idx = ReadSpan(ts, 1)[0]; MemoPut(idx, Top()); break; }
            case (byte)'r':
            {
                long idx = BinaryPrimitives.ReadUInt32LittleEndian(ReadSpan(ts, 4));
                MemoPut(idx, Top());
                break;
            }
            case (byte)'p': LoadPut(ts); break;
            case 0x94: MemoPut(_memoLen, Top()); break;
            case (byte)'0': LoadPop(); break;
            case (byte)'1': ClearTo(Marker()); break;
            case (byte)'s': DoSetItems(ts, _sp - 2); break;
            case (byte)'u': DoSetItems(ts, Marker()); break;
            case (byte)'P': LoadPersId(ts); break;
            case (byte)'Q': LoadBinPersId(ts); break;
            case (byte)'R': LoadReduce(ts); break;
            case 0x80:
            {
                int p = ReadSpan(ts, 1)[0];
                if (p > PickleModule.HighestProtocol) throw PyExc.ValueError($"unsupported pickle protocol: {p}");
                _proto = p;
                break;
            }
            case 0x95: LoadFrame(ts); break;
            case 0x82: LoadExtension(ts, 1); break;
            case 0x83: LoadExtension(ts, 2); break;
            case 0x84: LoadExtension(ts, 4); break;
            case 0x88: Push(PyBool.True); break;
            case 0x89: Push(PyBool.False); break;
            default:
                if (op >= 0x20 && op <= 0x7e && op != '\'' && op != '\\')
                    throw PickleModule.Unpickling($"invalid load key, '{(char)op}'.");
                throw PickleModule.Unpickling($"invalid load key, '\\x{op:x2}'.");
        }
    }

    static string Latin1(ReadOnlySpan<byte> s) => Encoding.Latin1.GetString(s);

    /// <summary>The text of a line opcode's argument, without the newline.</summary>
    static string LineText(ReadOnlySpan<byte> line) => Latin1(line.Slice(0, line.Length - 1));

    void LoadInt(ThreadState ts)
    {
        var line = ReadLine(ts);
        if (line.Length < 2) throw Truncated();
        string s = LineText(line);
        if (TryStrtol(s, out long x))
        {
            if (line.Length == 3 && (x == 0 || x == 1)) Push(PyBool.From(x == 1));
            else Push(PyInt.From(x));
            return;
        }
        try { Push(Ops.Call(ts, PyInt.TypeObject, new PyStr(s), PyInt.From(0))); }
        catch (PyException e) when (e.Matches(ExceptionTypes.ValueError)) { throw PyExc.ValueError("could not convert string to int"); }
    }

    /// <summary>C's strtol(s, &end, 0) over the whole text (leading blanks, a sign, 0x hex or
    /// 0 octal or decimal); false when it stops early or overflows.</summary>
    static bool TryStrtol(string s, out long value)
    {
        value = 0;
        int i = 0;
        while (i < s.Length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\f' || s[i] == '\v')) i++;
        bool neg = false;
        if (i < s.Length && (s[i] == '+' || s[i] == '-')) { neg = s[i] == '-'; i++; }
        int radix = 10;
        if (i + 1 < s.Length && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) { radix = 16; i += 2; }
        else if (i < s.Length && s[i] == '0') radix = 8;
        int start = i;
        BigInteger v = 0;
        for (; i < s.Length; i++)
        {
            int d = s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : s[i] >= 'a' && s[i] <= 'z' ? s[i] - 'a' + 10 : s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 10 : 99;
            if (d >= radix) break;
            v = v * radix + d;
            if (v > (BigInteger)long.MaxValue + 1) return false;
        }
        if (i == start || i != s.Length && s[i] != '\0') return false;
        if (neg) v = -v;
        if (v > long.MaxValue || v < long.MinValue) return false;
        value = (long)v;
        return true;
    }

    void LoadLong(ThreadState ts)
    {
        var line = ReadLine(ts);
        if (line.Length < 2) throw Truncated();
        string s = LineText(line);
        if (s.EndsWith('L')) s = s.Substring(0, s.Length - 1);
        Push(Ops.Call(ts, PyInt.TypeObject, new PyStr(s), PyInt.From(0)));
    }

    void LoadCountedLong(ThreadState ts, int size)
    {
        var nb = ReadSpan(ts, size);
        long n = size == 1 ? nb[0] : BinaryPrimitives.ReadInt32LittleEndian(nb);
        if (n < 0) throw PickleModule.Unpickling("LONG pickle has negative byte count");
        if (n == 0) { Push(PyInt.From(0)); return; }
        var data = ReadSpan(ts, (int)n);
        Push(PyInt.From(new BigInteger(data, isUnsigned: false, isBigEndian: false)));
    }

    void LoadFloat(ThreadState ts)
    {
        var line = ReadLine(ts);
        if (line.Length < 2) throw Truncated();
        string s = LineText(line);
        int end = s.IndexOf('\0');
        if (end >= 0) s = s.Substring(0, end);
        try { Push(Ops.Call(ts, PyFloat.TypeObject, new PyStr(s))); }
        catch (PyException e) when (e.Matches(ExceptionTypes.ValueError)) { throw PyExc.ValueError("could not convert string to float"); }
    }

    long CalcBinSize(ReadOnlySpan<byte> s) => s.Length switch
    {
        1 => s[0],
        4 => BinaryPrimitives.ReadUInt32LittleEndian(s),
        _ => BinaryPrimitives.ReadUInt64LittleEndian(s) > long.MaxValue ? -1 : (long)BinaryPrimitives.ReadUInt64LittleEndian(s),
    };

    void LoadCountedBytes(ThreadState ts, int nbytes)
    {
        long size = CalcBinSize(ReadSpan(ts, nbytes));
        if (size < 0) throw PyExc.OverflowError($"BINBYTES exceeds system's maximum size of {long.MaxValue} bytes");
        Push(PyBytes.From(ReadInto(ts, size)));
    }

    void LoadByteArray(ThreadState ts)
    {
        long size = CalcBinSize(ReadSpan(ts, 8));
        if (size < 0) throw PyExc.OverflowError($"BYTEARRAY8 exceeds system's maximum size of {long.MaxValue} bytes");
        Push(new PyByteArray(ReadInto(ts, size)));
    }

    void LoadNextBuffer(ThreadState ts)
    {
        if (_buffers == null) throw PickleModule.Unpickling("pickle stream refers to out-of-band data but no *buffers* argument was given");
        var buf = Ops.Next(ts, _buffers) ?? throw PickleModule.Unpickling("not enough out-of-band buffers");
        Push(buf);
    }

    void LoadReadonlyBuffer(ThreadState ts)
    {
        if (_sp <= _fence) throw Underflow();
        var obj = _stack[_sp - 1];
        if (obj is PyPickleBuffer pb) obj = Ops.Call(ts, Ops.GetAttr(ts, pb, "raw"));
        var view = obj is PyMemoryView mv0 ? mv0 : (PyMemoryView)Ops.Call(ts, PyMemoryView.TypeObject, obj);
        if (!view.ReadOnly) _stack[_sp - 1] = Ops.Call(ts, Ops.GetAttr(ts, view, "toreadonly"));
    }

    PyObject DecodePy2String(ThreadState ts, byte[] data)
    {
        if (_encoding == "bytes") return PyBytes.From(data);
        var input = PyBytes.From(data);
        return new PyStr(PyStrCodecs.Decode(ts, data, _encoding, _errors, input));
    }

    void LoadCountedBinString(ThreadState ts, int nbytes)
    {
        long size = CalcBinSize(ReadSpan(ts, nbytes));
        if (size < 0) throw PickleModule.Unpickling($"BINSTRING exceeds system's maximum size of {long.MaxValue} bytes");
        var data = ReadSpan(ts, (int)size).ToArray();
        Push(DecodePy2String(ts, data));
    }

    void LoadString(ThreadState ts)
    {
        var line = ReadLine(ts);
        int len = line.Length - 1;
        if (!(len >= 2 && line[0] == line[len - 1] && (line[0] == '\'' || line[0] == '"')))
            throw PickleModule.Unpickling("the STRING opcode argument must be quoted");
        var inner = PyBytes.From(line.Slice(1, len - 2).ToArray());
        var decoded = Ops.Call(ts, Ops.GetAttr(ts, Importer.ImportModule(ts, "_codecs"), "escape_decode"), inner);
        var bytes = (PyBytes)((PyTuple)decoded).Items[0];
        Push(DecodePy2String(ts, bytes.Data));
    }

    void LoadUnicode(ThreadState ts)
    {
        var line = ReadLine(ts);
        if (line.Length < 1) throw Truncated();
        var raw = PyBytes.From(line.Slice(0, line.Length - 1).ToArray());
        var decoded = Ops.Call(ts, Ops.GetAttr(ts, Importer.ImportModule(ts, "_codecs"), "raw_unicode_escape_decode"), raw);
        Push(((PyTuple)decoded).Items[0]);
    }

    void LoadCountedUnicode(ThreadState ts, int nbytes)
    {
        long size = CalcBinSize(ReadSpan(ts, nbytes));
        if (size < 0) throw PyExc.OverflowError($"BINUNICODE exceeds system's maximum size of {long.MaxValue} bytes");
        if (size > int.MaxValue) throw PyExc.MemoryError();
        var data = ReadSpan(ts, (int)size);
        Push(DecodeUtf8(ts, data));
    }

    static PyStr DecodeUtf8(ThreadState ts, ReadOnlySpan<byte> data)
    {
        bool ascii = true;
        foreach (byte b in data) if (b >= 0x80) { ascii = false; break; }
        if (ascii) return data.Length == 0 ? PyStr.Empty : new PyStr(Encoding.Latin1.GetString(data));
        var chars = new char[data.Length];
        if (Utf8.ToUtf16(data, chars, out _, out int written, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done)
            return new PyStr(new string(chars, 0, written));
        var bytes = data.ToArray();
        return new PyStr(PyStrCodecs.Decode(ts, bytes, "utf-8", "surrogatepass", PyBytes.From(bytes)));
    }

    void LoadCountedTuple(int len)
    {
        if (_sp < len) throw Underflow();
        Push(PopTuple(_sp - len));
    }

    void LoadDict(ThreadState ts)
    {
        int i = Marker();
        int j = _sp;
        var d = new PyDict();
        if ((j - i) % 2 != 0) throw PickleModule.Unpickling("odd number of items for DICT");
        for (int k = i + 1; k < j; k += 2) d.SetItem(ts, _stack[k - 1], _stack[k]);
        ClearTo(i);
        Push(d);
    }

    void LoadFrozenSet(ThreadState ts)
    {
        int i = Marker();
        var items = PopTuple(i);
        Push(Ops.Call(ts, PyFrozenSet.TypeObject, items));
    }

    void LoadAddItems(ThreadState ts)
    {
        int mark = Marker();
        int len = _sp;
        if (mark > len || mark <= _fence) throw Underflow();
        if (len == mark) return;
        var set = _stack[mark - 1];
        if (set is PySet ps)
        {
            var items = PopSlice(mark);
            foreach (var it in items) ps.AddKey(ts, it);
            return;
        }
        var add = Ops.GetAttr(ts, set, s_add);
        for (int i = mark; i < len; i++) Ops.Call(ts, add, _stack[i]);
        ClearTo(mark);
    }

    PyObject Instantiate(ThreadState ts, PyObject cls, PyTuple args)
    {
        if (args.Items.Length == 0 && cls is PyType)
        {
            if (Ops.GetAttrOrNull(ts, cls, s_getinitargs) == null)
                return Ops.Call(ts, Ops.GetAttr(ts, cls, s_new), cls);
        }
        return Ops.Call(ts, cls, args.Items);
    }

    void LoadObj(ThreadState ts)
    {
        int i = Marker();
        if (_sp - i < 1) throw Underflow();
        var args = PopTuple(i + 1);
        var cls = Pop();
        Push(Instantiate(ts, cls, args));
    }

    void LoadInst(ThreadState ts)
    {
        int i = Marker();
        var line = ReadLine(ts);
        if (line.Length < 2) throw Truncated();
        var module = DecodeAscii(line.Slice(0, line.Length - 1));
        line = ReadLine(ts);
        if (line.Length < 2) throw Truncated();
        var name = DecodeAscii(line.Slice(0, line.Length - 1));
        var cls = FindClass(ts, module, name);
        var args = PopTuple(i);
        Push(Instantiate(ts, cls, args));
    }

    static PyStr DecodeAscii(ReadOnlySpan<byte> s)
    {
        for (int i = 0; i < s.Length; i++)
            if (s[i] >= 0x80)
                throw PyExc.New(ExceptionTypes.UnicodeDecodeError, new PyStr("ascii"), PyBytes.From(s.ToArray()), PyInt.From(i), PyInt.From(i + 1), new PyStr("ordinal not in range(128)"));
        return new PyStr(Encoding.ASCII.GetString(s));
    }

    void LoadNewObj(ThreadState ts, bool useKwargs)
    {
        PyObject? kwargs = useKwargs ? Pop() : null;
        var args = Pop();
        var cls = Pop();
        string op = useKwargs ? "NEWOBJ_EX" : "NEWOBJ";
        if (cls is not PyType t) throw PickleModule.Unpickling($"{op} class argument must be a type, not {cls.Type.Name}");
        if (t.New == null) throw PickleModule.Unpickling($"{op} class argument '{t.Name}' doesn't have __new__");
        if (args is not PyTuple at) throw PickleModule.Unpickling($"{op} args argument must be a tuple, not {args.Type.Name}");
        if (useKwargs && kwargs is not PyDict) throw PickleModule.Unpickling($"{op} kwargs argument must be a dict, not {kwargs!.Type.Name}");
        PyObject obj;
        if (kwargs is PyDict kd && kd.Count > 0)
        {
            var names = Ops.FlattenKwargs(at.Items, kd, out var all);
            obj = t.New(ts, t, all, names);
        }
        else obj = t.New(ts, t, at.Items, null);
        Push(obj);
    }

    void LoadGlobal(ThreadState ts)
    {
        var line = ReadLine(ts);
        if (line.Length < 2) throw Truncated();
        var module = new PyStr(StrictUtf8(line.Slice(0, line.Length - 1)));
        line = ReadLine(ts);
        if (line.Length < 2) throw Truncated();
        var name = new PyStr(StrictUtf8(line.Slice(0, line.Length - 1)));
        Push(FindClass(ts, module, name));
    }

    static readonly UTF8Encoding s_strictUtf8 = new(false, true);

    static string StrictUtf8(ReadOnlySpan<byte> s)
    {
        try { return s_strictUtf8.GetString(s); }
        catch (DecoderFallbackException) { throw PyExc.New(ExceptionTypes.UnicodeDecodeError, new PyStr("utf-8"), PyBytes.From(s.ToArray()), PyInt.From(0), PyInt.From(1), new PyStr("invalid start byte")); }
    }

    void LoadStackGlobal(ThreadState ts)
    {
        var name = Pop();
        var module = Pop();
        if (module.Type != TypeObjects.Str || name.Type != TypeObjects.Str) throw PickleModule.Unpickling("STACK_GLOBAL requires str");
        Push(FindClass(ts, (PyStr)module, (PyStr)name));
    }

    PyObject FindClass(ThreadState ts, PyStr module, PyStr name)
    {
        if (Type == TypeObject) return FindClassImpl(ts, module, name);
        return Ops.Call(ts, Ops.GetAttr(ts, this, s_findClass), module, name);
    }

    void LoadPersId(ThreadState ts)
    {
        if (_persFunc == null)
            throw PickleModule.Unpickling("A load persistent id instruction was encountered,\nbut no persistent_load function was specified.");
        var line = ReadLine(ts);
        if (line.Length < 1) throw Truncated();
        PyStr pid;
        try { pid = DecodeAscii(line.Slice(0, line.Length - 1)); }
        catch (PyException e) when (e.Matches(ExceptionTypes.UnicodeDecodeError))
        {
            throw PickleModule.Unpickling("persistent IDs in protocol 0 must be ASCII strings");
        }
        Push(CallPers(ts, pid));
    }

    void LoadBinPersId(ThreadState ts)
    {
        if (_persFunc == null)
            throw PickleModule.Unpickling("A load persistent id instruction was encountered,\nbut no persistent_load function was specified.");
        var pid = Pop();
        Push(CallPers(ts, pid));
    }

    PyObject CallPers(ThreadState ts, PyObject pid) =>
        _persSelf != null ? Ops.Call(ts, _persFunc!, _persSelf, pid) : Ops.Call(ts, _persFunc!, pid);

    void LoadPop()
    {
        if (_nmarks > 0 && _marks[_nmarks - 1] == _sp)
        {
            _nmarks--;
            _markSet = _nmarks != 0;
            _fence = _nmarks != 0 ? _marks[_nmarks - 1] : 0;
        }
        else if (_sp <= _fence) throw Underflow();
        else _stack[--_sp] = null!;
    }

    void LoadGet(ThreadState ts)
    {
        var line = ReadLine(ts);
        if (line.Length < 2) throw Truncated();
        var key = Ops.Call(ts, PyInt.TypeObject, new PyStr(LineText(line)), PyInt.From(10));
        var k = (PyInt)key;
        if (!k.FitsLong) throw PyExc.OverflowError("Python int too large to convert to C ssize_t");
        Push(MemoGet(k.Small));
    }

    void LoadPut(ThreadState ts)
    {
        var line = ReadLine(ts);
        if (line.Length < 2) throw Truncated();
        var value = Top();
        var key = (PyInt)Ops.Call(ts, PyInt.TypeObject, new PyStr(LineText(line)), PyInt.From(10));
        if (!key.FitsLong) throw PyExc.OverflowError("Python int too large to convert to C ssize_t");
        if (key.Small < 0) throw PyExc.ValueError("negative PUT argument");
        MemoPut(key.Small, value);
    }

    void LoadMark()
    {
        if (_nmarks == _marks.Length) Array.Resize(ref _marks, _marks.Length * 2 + 20);
        _markSet = true;
        _marks[_nmarks++] = _fence = _sp;
    }

    void DoAppend(ThreadState ts, int x)
    {
        int len = _sp;
        if (x > len || x <= _fence) throw Underflow();
        if (len == x) return;
        var list = _stack[x - 1];
        if (list.Type == PyList.TypeObject)
        {
            var l = (PyList)list;
            for (int i = x; i < len; i++) l.Append(_stack[i]);
            ClearTo(x);
            return;
        }
        var extend = Ops.GetAttrOrNull(ts, list, s_extend);
        if (extend != null)
        {
            var slice = new PyList(PopSlice(x));
            Ops.Call(ts, extend, slice);
            return;
        }
        var append = Ops.GetAttr(ts, list, s_append);
        for (int i = x; i < len; i++)
        {
            try { Ops.Call(ts, append, _stack[i]); }
            catch (PyException) { ClearTo(x); throw; }
        }
        ClearTo(x);
    }

    void DoSetItems(ThreadState ts, int x)
    {
        int len = _sp;
        if (x > len || x <= _fence) throw Underflow();
        if (len == x) return;
        if ((len - x) % 2 != 0) throw PickleModule.Unpickling("odd number of items for SETITEMS");
        var dict = _stack[x - 1];
        try
        {
            if (dict.Type == TypeObjects.Dict)
            {
                var d = (PyDict)dict;
                for (int i = x + 1; i < len; i += 2) d.SetItem(ts, _stack[i - 1], _stack[i]);
            }
            else
                for (int i = x + 1; i < len; i += 2) Ops.SetItem(ts, dict, _stack[i - 1], _stack[i]);
        }
        finally { ClearTo(x); }
    }

    void LoadBuild(ThreadState ts)
    {
        if (_sp - 2 < _fence) throw Underflow();
        var state = Pop();
        var inst = _stack[_sp - 1];
        var setstate = Ops.GetAttrOrNull(ts, inst, s_setstate);
        if (setstate != null)
        {
            Ops.Call(ts, setstate, state);
            return;
        }
        PyObject? slotstate = null;
        if (state is PyTuple { Items.Length: 2 } st)
        {
            state = st.Items[0];
            slotstate = st.Items[1];
        }
        if (state != PyNone.Value)
        {
            if (state is not PyDict sd) throw PickleModule.Unpickling("state is not a dictionary");
            var dict = Ops.GetAttr(ts, inst, s_dict);
            int pos = 0;
            while (sd.NextEntry(ref pos, out var k, out var v))
            {
                if (k.Type == TypeObjects.Str) k = PyStr.Intern(((PyStr)k).Value);
                if (dict is PyDict dd) dd.SetItem(ts, k, v);
                else Ops.SetItem(ts, dict, k, v);
            }
        }
        if (slotstate != null)
        {
            if (slotstate is not PyDict ss) throw PickleModule.Unpickling("slot state is not a dictionary");
            int pos = 0;
            while (ss.NextEntry(ref pos, out var k, out var v))
            {
                if (k is not PyStr ks) throw PyExc.TypeError($"attribute name must be string, not '{k.Type.Name}'");
                Ops.SetAttr(ts, inst, ks, v);
            }
        }
    }

    void LoadReduce(ThreadState ts)
    {
        var argtup = Pop();
        var callable = Pop();
        if (argtup is PyTuple t) Push(Ops.Call(ts, callable, t.Items));
        else Push(Ops.CallWithDict(ts, callable, Ops.ToArray(ts, argtup), null));
    }

    void LoadFrame(ThreadState ts)
    {
        long frameLen = CalcBinSize(ReadSpan(ts, 8));
        if (frameLen < 0 || frameLen > int.MaxValue) throw PyExc.OverflowError($"FRAME length exceeds system's maximum of {long.MaxValue} bytes");
        Read(ts, (int)frameLen);
        _next -= (int)frameLen;
    }

    void LoadExtension(ThreadState ts, int nbytes)
    {
        var b = ReadSpan(ts, nbytes);
        long code = nbytes == 1 ? b[0] : nbytes == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(b) : BinaryPrimitives.ReadInt32LittleEndian(b);
        if (code <= 0) throw PickleModule.Unpickling("EXT specifies code <= 0");
        var pyCode = PyInt.From(code);
        var cached = _state!.ExtensionCache.GetItem(ts, pyCode);
        if (cached != null) { Push(cached); return; }
        var pair = _state.InvertedRegistry.GetItem(ts, pyCode) ?? throw PyExc.ValueError($"unregistered extension code {code}");
        if (pair is not PyTuple { Items.Length: 2 } pt || pt.Items[0] is not PyStr m || pt.Items[1] is not PyStr n)
            throw PyExc.ValueError($"_inverted_registry[{code}] isn't a 2-tuple of strings");
        var obj = FindClass(ts, m, n);
        _state.ExtensionCache.SetItem(ts, pyCode, obj);
        Push(obj);
    }

    // ---------------- find_class ----------------

    PyObject FindClassImpl(ThreadState ts, PyObject moduleName, PyObject globalName)
    {
        if (_proto < 3 && _fixImports)
        {
            var item = _state!.NameMapping2to3.GetItem(ts, new PyTuple(new[] { moduleName, globalName }));
            if (item != null)
            {
                if (item is not PyTuple { Items.Length: 2 } t)
                    throw PyExc.RuntimeError($"_compat_pickle.NAME_MAPPING values should be 2-tuples, not {item.Type.Name}");
                if (t.Items[0] is not PyStr || t.Items[1] is not PyStr)
                    throw PyExc.RuntimeError($"_compat_pickle.NAME_MAPPING values should be pairs of str, not ({t.Items[0].Type.Name}, {t.Items[1].Type.Name})");
                moduleName = t.Items[0];
                globalName = t.Items[1];
            }
            else if (_state.ImportMapping2to3.GetItem(ts, moduleName) is PyObject mapped)
            {
                if (mapped is not PyStr)
                    throw PyExc.RuntimeError($"_compat_pickle.IMPORT_MAPPING values should be strings, not {mapped.Type.Name}");
                moduleName = mapped;
            }
        }
        if (moduleName is not PyStr ms) throw PyExc.TypeError($"module name must be str, not {moduleName.Type.Name}");
        var module = Importer.ImportModule(ts, ms.Value);
        return GetAttribute(ts, module, globalName, _proto >= 4);
    }

    static PyObject GetAttribute(ThreadState ts, PyObject obj, PyObject name, bool allowQualname)
    {
        PyObject? attr;
        if (allowQualname && name is PyStr ns)
        {
            var path = new System.Collections.Generic.List<string>(ns.Value.Split('.'));
            foreach (var p in path)
                if (p == "<locals>")
                    throw PyExc.AttributeError($"Can't pickle local attribute {Ops.ReprString(ts, name)} on {Ops.ReprString(ts, obj)}");
            attr = PyPickler.DeepAttribute(ts, obj, path, out _);
        }
        else attr = name is PyStr n ? Ops.GetAttrOrNull(ts, obj, n) : throw PyExc.TypeError($"attribute name must be string, not '{name.Type.Name}'");
        return attr ?? throw PyExc.AttributeError($"Can't get attribute {Ops.ReprString(ts, name)} on {Ops.ReprString(ts, obj)}");
    }

    // ---------------- Python-visible members ----------------

    [PyMethod]
    static PyObject load(ThreadState ts, PyUnpickler self)
    {
        if (self._read == null)
            throw PickleModule.Unpickling($"Unpickler.__init__() was not called by {self.Type.Name}.__init__()");
        return self.Load(ts);
    }

    [PyMethod]
    static PyObject find_class(ThreadState ts, PyUnpickler self, PyObject module_name, PyObject global_name)
    {
        self._state ??= PickleModule.State(ts);
        return self.FindClassImpl(ts, module_name, global_name);
    }

    [PyMethod]
    static long __sizeof__(ThreadState ts, PyUnpickler self) => 200 + 8L * self.Memo.Length + 8L * self._marks.Length;

    [PyGetter("memo")] static PyObject GetMemo(ThreadState ts, PyObject self) => new PyUnpicklerMemoProxy((PyUnpickler)self);

    [PySetter("memo")]
    static void SetMemo(ThreadState ts, PyObject self, PyObject? value)
    {
        var u = (PyUnpickler)self;
        if (value == null) throw PyExc.TypeError("attribute deletion is not supported");
        if (value is PyUnpicklerMemoProxy proxy)
        {
            u.Memo = (PyObject?[])proxy.Unpickler.Memo.Clone();
            u._memoLen = proxy.Unpickler._memoLen;
            return;
        }
        if (value is PyDict d)
        {
            var old = u.Memo;
            int oldLen = u._memoLen;
            u.Memo = new PyObject?[Math.Max(d.Count, 1)];
            u._memoLen = 0;
            int pos = 0;
            try
            {
                while (d.NextEntry(ref pos, out var k, out var v))
                {
                    if (k is not PyInt ki) throw PyExc.TypeError("memo key must be integers");
                    if (!ki.FitsLong) throw PyExc.OverflowError("Python int too large to convert to C ssize_t");
                    if (ki.Small < 0) throw PyExc.ValueError("memo key must be positive integers.");
                    u.MemoPut(ki.Small, v);
                }
            }
            catch { u.Memo = old; u._memoLen = oldLen; throw; }
            return;
        }
        throw PyExc.TypeError($"'memo' attribute must be an UnpicklerMemoProxy object or dict, not {value.Type.Name}");
    }

    [PyGetter("persistent_load")]
    static PyObject GetPersistentLoad(ThreadState ts, PyObject self)
    {
        var u = (PyUnpickler)self;
        if (u._persFunc == null) throw PyExc.AttributeError("persistent_load");
        return u._persSelf != null ? new PyMethod(u._persFunc, u._persSelf) : u._persFunc;
    }

    [PySetter("persistent_load")]
    static void SetPersistentLoad(ThreadState ts, PyObject self, PyObject? value)
    {
        var u = (PyUnpickler)self;
        if (value == null) throw PyExc.TypeError("attribute deletion is not supported");
        if (!Ops.IsCallable(value)) throw PyExc.TypeError("persistent_load must be a callable taking one argument");
        u._persSelf = null;
        u._persFunc = value;
    }
}
