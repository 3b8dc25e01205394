#nullable enable
using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;
using System.Text.Unicode;
namespace StacklessIron.Modules.Pickle;

/// <summary>
/// `_pickle.Pickler`: writes the pickle of an object the way CPython 3.11's C pickler does,
/// opcode for opcode (so the bytes are the same): atoms and the builtin containers directly,
/// everything else through reducer_override, the dispatch tables, __reduce_ex__/__reduce__.
/// Output goes to a growing buffer with protocol 4 framing; with a file, finished frames are
/// written as they fill.
/// </summary>
[PyType("Pickler")]
public sealed class PyPickler : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("Pickler", typeof(PyPickler), module: "_pickle");

    const int BatchSize = 1000, FastNestingLimit = 50, WriteBufSize = 4096;
    const int FrameSizeMin = 4, FrameSizeTarget = 64 * 1024, FrameHeaderSize = 9;

    // the opcodes (pickletools documents them)
    const byte MARK = (byte)'(', STOP = (byte)'.', POP = (byte)'0', POP_MARK = (byte)'1', FLOAT = (byte)'F',
        INT = (byte)'I', BININT = (byte)'J', BININT1 = (byte)'K', LONG = (byte)'L', BININT2 = (byte)'M',
        NONE = (byte)'N', PERSID = (byte)'P', BINPERSID = (byte)'Q', REDUCE = (byte)'R', UNICODE = (byte)'V',
        BINUNICODE = (byte)'X', APPEND = (byte)'a', BUILD = (byte)'b', GLOBAL = (byte)'c', DICT = (byte)'d',
        EMPTY_DICT = (byte)'}', APPENDS = (byte)'e', GET = (byte)'g', BINGET = (byte)'h', LONG_BINGET = (byte)'j',
        LIST = (byte)'l', EMPTY_LIST = (byte)']', PUT = (byte)'p', BINPUT = (byte)'q', LONG_BINPUT = (byte)'r',
        SETITEM = (byte)'s', TUPLE = (byte)'t', EMPTY_TUPLE = (byte)')', SETITEMS = (byte)'u', BINFLOAT = (byte)'G',
        PROTO = 0x80, NEWOBJ = 0x81, EXT1 = 0x82, EXT2 = 0x83, EXT4 = 0x84, TUPLE1 = 0x85, TUPLE2 = 0x86,
        TUPLE3 = 0x87, NEWTRUE = 0x88, NEWFALSE = 0x89, LONG1 = 0x8a, LONG4 = 0x8b,
        BINBYTES = (byte)'B', SHORT_BINBYTES = (byte)'C',
        SHORT_BINUNICODE = 0x8c, BINUNICODE8 = 0x8d, BINBYTES8 = 0x8e, EMPTY_SET = 0x8f, ADDITEMS = 0x90,
        FROZENSET = 0x91, NEWOBJ_EX = 0x92, STACK_GLOBAL = 0x93, MEMOIZE = 0x94, FRAME = 0x95,
        BYTEARRAY8 = 0x96, NEXT_BUFFER = 0x97, READONLY_BUFFER = 0x98;

    static readonly PyStr s_write = PyStr.Intern("write"), s_persistentId = PyStr.Intern("persistent_id"),
        s_dispatchTable = PyStr.Intern("dispatch_table"), s_reducerOverride = PyStr.Intern("reducer_override"),
        s_reduceEx = PyStr.Intern("__reduce_ex__"), s_reduce = PyStr.Intern("__reduce__"),
        s_qualname = PyStr.Intern("__qualname__"), s_name = PyStr.Intern("__name__"),
        s_module = PyStr.Intern("__module__"), s_class = PyStr.Intern("__class__"), s_new = PyStr.Intern("__new__"),
        s_latin1 = PyStr.Intern("latin1"), s_dict = PyStr.Intern("__dict__"), s_items = PyStr.Intern("items");

    // output
    byte[] _buf = new byte[WriteBufSize];
    int _len;
    int _frameStart = -1;
    bool _framing;
    PyObject? _write;

    // settings
    internal PicklerMemo Memo = new();
    int _proto;
    internal int Bin;
    bool _fixImports;
    internal int Fast;
    int _fastNesting;
    HashSet<PyObject>? _fastMemo;
    PyObject? _persFunc, _persSelf;
    internal PyObject? DispatchTable;
    PyObject? _reducerOverride, _bufferCallback;
    PickleState? _state;
    bool _stackless;
    Dictionary<PyObject, PyObject>? _moduleDicts;
    PyDict? _dict;

    public PyPickler(PyType t) : base(t) { }

    public override PyDict? Dict { get => Type == TypeObject ? null : _dict ??= new PyDict(); set => _dict = value; }

    // ---------------- construction ----------------

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyPickler(cls);

    static readonly Signature s_initSig = new("Pickler", new[] { "file", "protocol", "fix_imports", "buffer_callback" }, 0, 4, 0, false, false);

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var p = (PyPickler)self;
        var a = new PyObject?[4];
        s_initSig.Bind(ts, args, kwnames, a, optional: new[] { false, true, true, true });
        if (a[0] == null) throw PyExc.TypeError("Pickler() missing required argument 'file' (pos 1)");
        bool fix = a[2] == null || Ops.IsTrue(ts, a[2]!);
        p.Memo.Clear();
        p.Setup(ts, a[1], fix, a[3]);
        p.SetOutput(ts, a[0]!);
        p._len = 0;
        p._frameStart = -1;
        p.Fast = 0; p._fastNesting = 0; p._fastMemo = null;
        // a subclass may define persistent_id and dispatch_table (as methods/class attributes)
        p._persFunc = null; p._persSelf = null;
        if (p.Type != TypeObject)
        {
            var pf = Ops.GetAttrOrNull(ts, p, s_persistentId);
            if (pf is PyMethod m && m.Self == p) { p._persFunc = m.Func; p._persSelf = p; }
            else p._persFunc = pf;
            if (p.DispatchTable == null) p.DispatchTable = Ops.GetAttrOrNull(ts, p, s_dispatchTable);
        }
    }

    /// <summary>Protocol, fix_imports and buffer_callback, as _Pickler_SetProtocol does.</summary>
    internal void Setup(ThreadState ts, PyObject? protocol, bool fixImports, PyObject? bufferCallback)
    {
        long proto;
        if (protocol == null || protocol == PyNone.Value) proto = PickleModule.DefaultProtocol;
        else
        {
            if (protocol is PyFloat || (protocol is not PyInt && protocol.Type.Index == null))
                throw PyExc.TypeError($"'{protocol.Type.Name}' object cannot be interpreted as an integer");
            var pi = Ops.Index(ts, protocol);
            if (!pi.FitsLong) throw PyExc.OverflowError("Python int too large to convert to C long");
            proto = pi.Small;
            if (proto < 0) proto = PickleModule.HighestProtocol;
            else if (proto > PickleModule.HighestProtocol)
                throw PyExc.ValueError($"pickle protocol must be <= {PickleModule.HighestProtocol}");
        }
        _proto = (int)proto;
        Bin = proto > 0 ? 1 : 0;
        _fixImports = fixImports && proto < 3;
        if (bufferCallback == PyNone.Value) bufferCallback = null;
        if (bufferCallback != null && _proto < 5) throw PyExc.ValueError("buffer_callback needs protocol >= 5");
        _bufferCallback = bufferCallback;
        _state = PickleModule.State(ts);
        _stackless = PickleModule.StacklessRules(ts);
    }

    internal void SetOutput(ThreadState ts, PyObject file)
    {
        _write = Ops.GetAttrOrNull(ts, file, s_write) ?? throw PyExc.TypeError("file must have a 'write' attribute");
    }

    // ---------------- output buffer and framing ----------------

    void Grow(int extra)
    {
        int want = _len + extra;
        if (want <= _buf.Length) return;
        Array.Resize(ref _buf, Math.Max(want / 2 * 3, 16));
    }

    void Write(byte b)
    {
        if (_framing && _frameStart == -1) StartFrame();
        if (_len == _buf.Length) Grow(1);
        _buf[_len++] = b;
    }

    void Write(byte a, byte b)
    {
        if (_framing && _frameStart == -1) StartFrame();
        if (_len + 2 > _buf.Length) Grow(2);
        _buf[_len] = a; _buf[_len + 1] = b;
        _len += 2;
    }

    void Write(ReadOnlySpan<byte> s)
    {
        if (_framing && _frameStart == -1) StartFrame();
        if (_len + s.Length > _buf.Length) Grow(s.Length);
        s.CopyTo(_buf.AsSpan(_len));
        _len += s.Length;
    }

    void WriteAscii(string s)
    {
        if (_framing && _frameStart == -1) StartFrame();
        if (_len + s.Length > _buf.Length) Grow(s.Length);
        for (int i = 0; i < s.Length; i++) _buf[_len + i] = (byte)s[i];
        _len += s.Length;
    }

    void StartFrame()
    {
        Grow(FrameHeaderSize);
        _frameStart = _len;
        _buf.AsSpan(_len, FrameHeaderSize).Fill(0xFE);
        _len += FrameHeaderSize;
    }

    void CommitFrame()
    {
        if (!_framing || _frameStart == -1) return;
        int frameLen = _len - _frameStart - FrameHeaderSize;
        if (frameLen >= FrameSizeMin)
        {
            _buf[_frameStart] = FRAME;
            BinaryPrimitives.WriteUInt64LittleEndian(_buf.AsSpan(_frameStart + 1), (ulong)frameLen);
        }
        else
        {
            Array.Copy(_buf, _frameStart + FrameHeaderSize, _buf, _frameStart, frameLen);
            _len -= FrameHeaderSize;
        }
        _frameStart = -1;
    }

    void ClearBuffer()
    {
        _buf = new byte[WriteBufSize];
        _len = 0;
        _frameStart = -1;
    }

    /// <summary>The pickle written so far (dumps), its frame committed.</summary>
    internal PyBytes TakeOutput()
    {
        CommitFrame();
        var r = _buf.AsSpan(0, _len).ToArray();
        ClearBuffer();
        return PyBytes.From(r);
    }

    internal void FlushToFile(ThreadState ts)
    {
        var output = TakeOutput();
        Ops.Call(ts, _write!, output);
    }

    /// <summary>Before each object: a frame that reached the target size is closed (and, with
    /// a file, written out).</summary>
    void OpcodeBoundary(ThreadState ts)
    {
        if (!_framing || _frameStart == -1) return;
        if (_len - _frameStart - FrameHeaderSize < FrameSizeTarget) return;
        CommitFrame();
        if (_write != null)
        {
            FlushToFile(ts);
            ClearBuffer();
        }
    }

    /// <summary>A header and a payload; a payload of a frame's target size or more goes outside
    /// any frame, straight to the file when there is one.</summary>
    void WriteBytes(ThreadState ts, ReadOnlySpan<byte> header, ReadOnlySpan<byte> data, PyObject? payload)
    {
        bool bypass = data.Length >= FrameSizeTarget;
        bool framing = _framing;
        if (bypass)
        {
            CommitFrame();
            _framing = false;
        }
        Write(header);
        if (bypass && _write != null)
        {
            FlushToFile(ts);
            Ops.Call(ts, _write, payload ?? PyBytes.From(data.ToArray()));
            ClearBuffer();
        }
        else Write(data);
        _framing = framing;
    }

    // ---------------- dump ----------------

    internal void Dump(ThreadState ts, PyObject obj)
    {
        _reducerOverride = Type == TypeObject ? null : Ops.GetAttrOrNull(ts, this, s_reducerOverride);
        try
        {
            if (_proto >= 2)
            {
                Write(PROTO, (byte)_proto);
                if (_proto >= 4) _framing = true;
            }
            Save(ts, obj, false);
            Write(STOP);
            CommitFrame();
        }
        finally
        {
            _framing = false;
            _reducerOverride = null;
            _moduleDicts = null;
        }
    }

    /// <summary>RecursionError when pickling nests too deep (the Python limit, and the .NET
    /// stack's); every Enter has its Leave in a finally.</summary>
    static void Enter(ThreadState ts)
    {
        if (ts.RecursionDepth >= ts.Engine.RecursionLimit || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw PyExc.RecursionError("maximum recursion depth exceeded while pickling an object");
        ts.RecursionDepth++;
    }

    // ---------------- memo ----------------

    void MemoPut(PyObject obj)
    {
        if (Fast != 0) return;
        int idx = Memo.Count;
        Memo.Set(obj, idx);
        if (_proto >= 4) Write(MEMOIZE);
        else if (Bin == 0) WriteAscii("p" + idx + "\n");
        else if (idx < 256) Write(BINPUT, (byte)idx);
        else
        {
            Span<byte> b = stackalloc byte[5];
            b[0] = LONG_BINPUT;
            BinaryPrimitives.WriteInt32LittleEndian(b.Slice(1), idx);
            Write(b);
        }
    }

    void MemoGet(int idx)
    {
        if (Bin == 0) WriteAscii("g" + idx + "\n");
        else if (idx < 256) Write(BINGET, (byte)idx);
        else
        {
            Span<byte> b = stackalloc byte[5];
            b[0] = LONG_BINGET;
            BinaryPrimitives.WriteInt32LittleEndian(b.Slice(1), idx);
            Write(b);
        }
    }

    void MemoGet(PyObject obj)
    {
        if (!Memo.TryGet(obj, out int idx)) throw PyExc.KeyError(obj);
        MemoGet(idx);
    }

    bool FastEnter(ThreadState ts, PyObject obj)
    {
        if (++_fastNesting >= FastNestingLimit)
        {
            _fastMemo ??= new HashSet<PyObject>(ReferenceEqualityComparer.Instance);
            if (!_fastMemo.Add(obj))
            {
                _fastNesting = -1;
                throw PyExc.ValueError($"fast mode: can't pickle cyclic objects including object type {obj.Type.Name} at 0x{Ops.Id(obj):x}");
            }
        }
        return true;
    }

    void FastLeave(PyObject obj)
    {
        if (_fastNesting-- >= FastNestingLimit) _fastMemo?.Remove(obj);
    }

    // ---------------- save ----------------

    void Save(ThreadState ts, PyObject obj, bool persSave)
    {
        if (_framing) OpcodeBoundary(ts);
        if (!persSave && _persFunc != null && SavePers(ts, obj)) return;

        var type = obj.Type;
        if (obj == PyNone.Value) { Write(NONE); return; }
        if (obj is PyBool bo) { SaveBool(bo == PyBool.True); return; }
        if (type == PyInt.TypeObject) { SaveLong(ts, (PyInt)obj); return; }
        if (type == PyFloat.TypeObject) { SaveFloat(((PyFloat)obj).Value); return; }

        if (Memo.TryGet(obj, out int idx)) { MemoGet(idx); return; }

        if (type == PyBytes.TypeObject) { SaveBytes(ts, (PyBytes)obj); return; }
        if (type == TypeObjects.Str) { SaveStr(ts, (PyStr)obj); return; }

        Enter(ts);
        try { SaveComplex(ts, obj, type); }
        finally { ts.RecursionDepth--; }
    }

    void SaveComplex(ThreadState ts, PyObject obj, PyType type)
    {
        if (type == TypeObjects.Dict)
        {
            if (_stackless && ModuleOfDict(ts, (PyDict)obj) is PyObject module)
            {
                SaveReduce(ts, new PyTuple(new PyObject[] { _state!.Getattr, new PyTuple(new PyObject[] { module, s_dict }) }), obj);
                return;
            }
            SaveDict(ts, (PyDict)obj);
            return;
        }
        if (type == PySet.TypeObject) { SaveSet(ts, (PyAnySet)obj); return; }
        if (type == PyFrozenSet.TypeObject) { SaveFrozenSet(ts, (PyAnySet)obj); return; }
        if (type == PyList.TypeObject) { SaveList(ts, (PyList)obj); return; }
        if (type == TypeObjects.Tuple) { SaveTuple(ts, (PyTuple)obj); return; }
        if (type == PyByteArray.TypeObject) { SaveByteArray(ts, (PyByteArray)obj); return; }
        if (type == PyPickleBuffer.TypeObject) { SavePickleBuffer(ts, (PyPickleBuffer)obj); return; }

        PyObject? reduceValue = null;
        if (_reducerOverride != null)
        {
            reduceValue = Ops.Call(ts, _reducerOverride, obj);
            if (reduceValue == PyNotImplemented.Value) reduceValue = null;
        }
        if (reduceValue == null)
        {
            if (type == TypeObjects.Type) { SaveType(ts, (PyType)obj); return; }
            if (type == PyFunction.TypeObject)
            {
                if (!_stackless) { SaveGlobal(ts, obj, null); return; }
                // Stackless: a function that cannot be found by name is saved by its reduction
                try { SaveGlobal(ts, obj, null); return; }
                catch (PyException e) when (e.Matches(PickleModule.PickleError) || e.Matches(ExceptionTypes.AttributeError)) { }
            }
            reduceValue = CallReduce(ts, obj, type, out bool savedGlobal);
            if (savedGlobal) return;
        }
        if (reduceValue is PyStr name) { SaveGlobal(ts, obj, name); return; }
        if (reduceValue is not PyTuple rt) throw PickleModule.Pickling("__reduce__ must return a string or tuple");
        SaveReduce(ts, rt, obj);
    }

    /// <summary>The reduction of `obj`: the pickler's dispatch_table or copyreg's, else (a class
    /// of a metaclass) by name, else __reduce_ex__(protocol) or __reduce__().</summary>
    PyObject CallReduce(ThreadState ts, PyObject obj, PyType type, out bool savedGlobal)
    {
        savedGlobal = false;
        PyObject? reduceFunc;
        if (DispatchTable == null) reduceFunc = _state!.DispatchTable.GetItem(ts, type);
        else
        {
            try { reduceFunc = Ops.GetItem(ts, DispatchTable, type); }
            catch (PyException e) when (e.Matches(ExceptionTypes.KeyError)) { reduceFunc = null; }
        }
        if (reduceFunc != null) return Ops.Call(ts, reduceFunc, obj);
        if (type.IsSubtypeOf(TypeObjects.Type))
        {
            SaveGlobal(ts, obj, null);
            savedGlobal = true;
            return PyNone.Value;
        }
        var rex = Ops.GetAttrOrNull(ts, obj, s_reduceEx);
        if (rex != null) return Ops.Call(ts, rex, PyInt.From(_proto));
        var r = Ops.GetAttrOrNull(ts, obj, s_reduce);
        if (r != null) return Ops.Call(ts, r);
        throw PickleModule.Pickling($"can't pickle '{type.Name}' object: {Ops.ReprString(ts, obj)}");
    }

    bool SavePers(ThreadState ts, PyObject obj)
    {
        var pid = _persSelf != null ? Ops.Call(ts, _persFunc!, _persSelf, obj) : Ops.Call(ts, _persFunc!, obj);
        if (pid == PyNone.Value) return false;
        if (Bin != 0)
        {
            Save(ts, pid, true);
            Write(BINPERSID);
        }
        else
        {
            string s = Ops.StrString(ts, pid);
            foreach (char c in s)
                if (c > 0x7f) throw PickleModule.Pickling("persistent IDs in protocol 0 must be ASCII strings");
            Write(PERSID);
            WriteAscii(s);
            Write((byte)'\n');
        }
        return true;
    }

    void SaveBool(bool v)
    {
        if (_proto >= 2) Write(v ? NEWTRUE : NEWFALSE);
        else WriteAscii(v ? "I01\n" : "I00\n");
    }

    void SaveLong(ThreadState ts, PyInt v)
    {
        if (v.FitsLong && v.Small >= int.MinValue && v.Small <= int.MaxValue)
        {
            long x = v.Small;
            if (Bin != 0)
            {
                uint u = (uint)(int)x;
                if ((u & 0xffff0000) != 0)
                {
                    Span<byte> b = stackalloc byte[5];
                    b[0] = BININT;
                    BinaryPrimitives.WriteUInt32LittleEndian(b.Slice(1), u);
                    Write(b);
                }
                else if ((u & 0xff00) != 0)
                {
                    Span<byte> b = stackalloc byte[3];
                    b[0] = BININT2; b[1] = (byte)u; b[2] = (byte)(u >> 8);
                    Write(b);
                }
                else Write(BININT1, (byte)u);
            }
            else WriteAscii("I" + x.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n");
            return;
        }
        if (_proto >= 2)
        {
            if (v.Sign == 0) { Write(LONG1, 0); return; }
            var data = v.Big.ToByteArray();
            if (data.Length < 256) Write(LONG1, (byte)data.Length);
            else
            {
                Span<byte> h = stackalloc byte[5];
                h[0] = LONG4;
                BinaryPrimitives.WriteInt32LittleEndian(h.Slice(1), data.Length);
                Write(h);
            }
            Write(data);
        }
        else
        {
            Write(LONG);
            WriteAscii(Ops.ReprString(ts, v));
            WriteAscii("L\n");
        }
    }

    void SaveFloat(double x)
    {
        if (Bin != 0)
        {
            Span<byte> b = stackalloc byte[9];
            b[0] = BINFLOAT;
            BinaryPrimitives.WriteDoubleBigEndian(b.Slice(1), x);
            Write(b);
        }
        else
        {
            Write(FLOAT);
            WriteAscii(PyFloat.ReprOf(x));
            Write((byte)'\n');
        }
    }

    void SaveBytes(ThreadState ts, PyBytes b)
    {
        if (_proto < 3)
        {
            // the old protocols have no bytes opcode: codecs.encode(latin-1 text, 'latin1')
            // rebuilds it, as a str on Python 2 and bytes on Python 3
            PyTuple rv;
            if (b.Data.Length == 0) rv = new PyTuple(new PyObject[] { PyBytes.TypeObject, PyTuple.Empty });
            else
            {
                var text = new PyStr(Encoding.Latin1.GetString(b.Data));
                rv = new PyTuple(new PyObject[] { _state!.CodecsEncode, new PyTuple(new PyObject[] { text, s_latin1 }) });
            }
            SaveReduce(ts, rv, b);
            return;
        }
        SaveBytesData(ts, b, b.Data, b);
    }

    void SaveBytesData(ThreadState ts, PyObject obj, ReadOnlySpan<byte> data, PyObject? payload)
    {
        long size = data.Length;
        Span<byte> h = stackalloc byte[9];
        int hl;
        if (size <= 0xff) { h[0] = SHORT_BINBYTES; h[1] = (byte)size; hl = 2; }
        else if (size <= 0xffffffffL) { h[0] = BINBYTES; BinaryPrimitives.WriteUInt32LittleEndian(h.Slice(1), (uint)size); hl = 5; }
        else if (_proto >= 4) { h[0] = BINBYTES8; BinaryPrimitives.WriteUInt64LittleEndian(h.Slice(1), (ulong)size); hl = 9; }
        else throw PyExc.OverflowError("serializing a bytes object larger than 4 GiB requires pickle protocol 4 or higher");
        WriteBytes(ts, h.Slice(0, hl), data, payload);
        MemoPut(obj);
    }

    void SaveByteArrayData(ThreadState ts, PyObject obj, ReadOnlySpan<byte> data)
    {
        Span<byte> h = stackalloc byte[9];
        h[0] = BYTEARRAY8;
        BinaryPrimitives.WriteUInt64LittleEndian(h.Slice(1), (ulong)data.Length);
        WriteBytes(ts, h, data, null);
        MemoPut(obj);
    }

    void SaveByteArray(ThreadState ts, PyByteArray b)
    {
        if (_proto < 5)
        {
            var args = b.Count == 0 ? PyTuple.Empty : new PyTuple(new PyObject[] { PyBytes.From(b.Span.ToArray()) });
            SaveReduce(ts, new PyTuple(new PyObject[] { PyByteArray.TypeObject, args }), b);
            return;
        }
        SaveByteArrayData(ts, b, b.Span);
    }

    void SavePickleBuffer(ThreadState ts, PyPickleBuffer pb)
    {
        if (_proto < 5) throw PickleModule.Pickling("PickleBuffer can only pickled with protocol >= 5");
        var view = pb.View(ts);
        bool inBand = true;
        if (_bufferCallback != null) inBand = Ops.IsTrue(ts, Ops.Call(ts, _bufferCallback, pb));
        if (inBand)
        {
            if (pb.ReadOnly(ts)) SaveBytesData(ts, pb, view.Span, null);
            else SaveByteArrayData(ts, pb, view.Span);
        }
        else
        {
            Write(NEXT_BUFFER);
            if (pb.ReadOnly(ts)) Write(READONLY_BUFFER);
        }
    }

    void SaveStr(ThreadState ts, PyStr s)
    {
        if (Bin != 0) WriteStrBinary(ts, s);
        else
        {
            Write(UNICODE);
            WriteRawUnicodeEscape(s.Value);
            Write((byte)'\n');
        }
        MemoPut(s);
    }

    void WriteStrBinary(ThreadState ts, PyStr s)
    {
        string v = s.Value;
        byte[]? encoded = null;
        int size;
        bool ascii = true;
        foreach (char c in v) if (c >= 0x80) { ascii = false; break; }
        if (ascii) size = v.Length;
        else
        {
            encoded = new byte[Encoding.UTF8.GetMaxByteCount(v.Length)];
            if (Utf8.FromUtf16(v, encoded, out _, out size, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
            {
                // lone surrogates: written as they are ("surrogatepass"), as CPython does
                encoded = PyStrCodecs.Encode(ts, s, "utf-8", "surrogatepass");
                size = encoded.Length;
            }
        }
        Span<byte> h = stackalloc byte[9];
        int hl;
        if (size <= 0xff && _proto >= 4) { h[0] = SHORT_BINUNICODE; h[1] = (byte)size; hl = 2; }
        else { h[0] = BINUNICODE; BinaryPrimitives.WriteUInt32LittleEndian(h.Slice(1), (uint)size); hl = 5; }
        if (encoded != null) { WriteBytes(ts, h.Slice(0, hl), encoded.AsSpan(0, size), null); return; }
        if (size >= FrameSizeTarget)
        {
            var bytes = new byte[size];
            for (int i = 0; i < size; i++) bytes[i] = (byte)v[i];
            WriteBytes(ts, h.Slice(0, hl), bytes, null);
            return;
        }
        Write(h.Slice(0, hl));
        WriteAscii(v);
    }

    /// <summary>Protocol 0's text form: raw-unicode-escape, plus \uXXXX for the backslash,
    /// NUL, newline, carriage return and ^Z (so the line stays one line).</summary>
    void WriteRawUnicodeEscape(string v)
    {
        var sb = new StringBuilder(v.Length + 8);
        for (int i = 0; i < v.Length; i++)
        {
            int ch = v[i];
            if (char.IsHighSurrogate(v[i]) && i + 1 < v.Length && char.IsLowSurrogate(v[i + 1]))
            {
                ch = char.ConvertToUtf32(v[i], v[i + 1]);
                i++;
            }
            if (ch >= 0x10000) sb.Append("\\U").Append(ch.ToString("x8"));
            else if (ch >= 256 || ch == '\\' || ch == 0 || ch == '\n' || ch == '\r' || ch == 0x1a) sb.Append("\\u").Append(ch.ToString("x4"));
            else sb.Append((char)ch);
        }
        var s = sb.ToString();
        if (_framing && _frameStart == -1) StartFrame();
        Grow(s.Length);
        for (int i = 0; i < s.Length; i++) _buf[_len + i] = (byte)s[i];
        _len += s.Length;
    }

    void SaveTuple(ThreadState ts, PyTuple t)
    {
        var items = t.Items;
        int len = items.Length;
        if (len == 0)
        {
            if (_proto != 0) Write(EMPTY_TUPLE);
            else Write(MARK, TUPLE);
            return;
        }
        if (len <= 3 && _proto >= 2)
        {
            for (int i = 0; i < len; i++) Save(ts, items[i], false);
            if (Memo.TryGet(t, out int idx))
            {
                for (int i = 0; i < len; i++) Write(POP);
                MemoGet(idx);
                return;
            }
            Write(len == 1 ? TUPLE1 : len == 2 ? TUPLE2 : TUPLE3);
            MemoPut(t);
            return;
        }
        Write(MARK);
        for (int i = 0; i < len; i++) Save(ts, items[i], false);
        if (Memo.TryGet(t, out int idx2))
        {
            if (Bin != 0) Write(POP_MARK);
            else for (int i = 0; i <= len; i++) Write(POP);
            MemoGet(idx2);
            return;
        }
        Write(TUPLE);
        MemoPut(t);
    }

    void SaveList(ThreadState ts, PyList list)
    {
        if (Fast != 0) FastEnter(ts, list);
        try
        {
            if (Bin != 0) Write(EMPTY_LIST);
            else Write(MARK, LIST);
            MemoPut(list);
            if (list.Count == 0) return;
            Enter(ts);
            try
            {
                if (list.Type == PyList.TypeObject && _proto > 0) BatchListExact(ts, list);
                else BatchList(ts, Ops.GetIter(ts, list));
            }
            finally { ts.RecursionDepth--; }
        }
        finally { if (Fast != 0) FastLeave(list); }
    }

    void BatchListExact(ThreadState ts, PyList list)
    {
        if (list.Count == 1)
        {
            Save(ts, list.Items[0]!, false);
            Write(APPEND);
            return;
        }
        int total = 0;
        do
        {
            int thisBatch = 0;
            Write(MARK);
            while (total < list.Count)
            {
                Save(ts, list.Items[total]!, false);
                total++;
                if (++thisBatch == BatchSize) break;
            }
            Write(APPENDS);
        } while (total < list.Count);
    }

    void BatchList(ThreadState ts, PyObject iter)
    {
        if (_proto == 0)
        {
            while (Ops.Next(ts, iter) is PyObject x)
            {
                Save(ts, x, false);
                Write(APPEND);
            }
            return;
        }
        int n;
        do
        {
            var first = Ops.Next(ts, iter);
            if (first == null) break;
            var obj = Ops.Next(ts, iter);
            if (obj == null)
            {
                Save(ts, first, false);
                Write(APPEND);
                break;
            }
            Write(MARK);
            Save(ts, first, false);
            n = 1;
            while (obj != null)
            {
                Save(ts, obj, false);
                n++;
                if (n == BatchSize) break;
                obj = Ops.Next(ts, iter);
            }
            Write(APPENDS);
        } while (n == BatchSize);
    }

    void SaveDict(ThreadState ts, PyDict d)
    {
        if (Fast != 0) FastEnter(ts, d);
        try
        {
            if (Bin != 0) Write(EMPTY_DICT);
            else Write(MARK, DICT);
            MemoPut(d);
            if (d.Count == 0) return;
            if (d.Type == TypeObjects.Dict && _proto > 0)
            {
                Enter(ts);
                try { BatchDictExact(ts, d); }
                finally { ts.RecursionDepth--; }
            }
            else
            {
                var items = Ops.CallMethod(ts, d, "items");
                var iter = Ops.GetIter(ts, items);
                Enter(ts);
                try { BatchDict(ts, iter); }
                finally { ts.RecursionDepth--; }
            }
        }
        finally { if (Fast != 0) FastLeave(d); }
    }

    void BatchDictExact(ThreadState ts, PyDict d)
    {
        int size = d.Count, pos = 0;
        if (size == 1)
        {
            d.NextEntry(ref pos, out var k, out var v);
            Save(ts, k, false);
            Save(ts, v, false);
            Write(SETITEM);
            return;
        }
        int i;
        do
        {
            i = 0;
            Write(MARK);
            while (d.NextEntry(ref pos, out var k, out var v))
            {
                Save(ts, k, false);
                Save(ts, v, false);
                if (++i == BatchSize) break;
            }
            Write(SETITEMS);
            if (d.Count != size) throw PyExc.RuntimeError("dictionary changed size during iteration");
        } while (i == BatchSize);
    }

    static PyTuple ItemPair(PyObject o) =>
        o is PyTuple { Items.Length: 2 } t ? t : throw PyExc.TypeError("dict items iterator must return 2-tuples");

    void BatchDict(ThreadState ts, PyObject iter)
    {
        if (_proto == 0)
        {
            while (Ops.Next(ts, iter) is PyObject o)
            {
                var t = ItemPair(o);
                Save(ts, t.Items[0], false);
                Save(ts, t.Items[1], false);
                Write(SETITEM);
            }
            return;
        }
        int n;
        do
        {
            var firstObj = Ops.Next(ts, iter);
            if (firstObj == null) break;
            var first = ItemPair(firstObj);
            var obj = Ops.Next(ts, iter);
            if (obj == null)
            {
                Save(ts, first.Items[0], false);
                Save(ts, first.Items[1], false);
                Write(SETITEM);
                break;
            }
            Write(MARK);
            Save(ts, first.Items[0], false);
            Save(ts, first.Items[1], false);
            n = 1;
            while (obj != null)
            {
                var t = ItemPair(obj);
                Save(ts, t.Items[0], false);
                Save(ts, t.Items[1], false);
                n++;
                if (n == BatchSize) break;
                obj = Ops.Next(ts, iter);
            }
            Write(SETITEMS);
        } while (n == BatchSize);
    }

    void SaveSet(ThreadState ts, PyAnySet set)
    {
        if (_proto < 4)
        {
            var items = new PyList(set.ToArray());
            SaveReduce(ts, new PyTuple(new PyObject[] { PySet.TypeObject, new PyTuple(new PyObject[] { items }) }), set);
            return;
        }
        Write(EMPTY_SET);
        MemoPut(set);
        int size = set.Count;
        if (size == 0) return;
        int pos = 0, i;
        do
        {
            i = 0;
            Write(MARK);
            while (set.NextEntry(ref pos, out var item, out _))
            {
                Save(ts, item, false);
                if (++i == BatchSize) break;
            }
            Write(ADDITEMS);
            if (set.Count != size) throw PyExc.RuntimeError("set changed size during iteration");
        } while (i == BatchSize);
    }

    void SaveFrozenSet(ThreadState ts, PyAnySet set)
    {
        if (Fast != 0) FastEnter(ts, set);
        if (_proto < 4)
        {
            var items = new PyList(set.ToArray());
            SaveReduce(ts, new PyTuple(new PyObject[] { PyFrozenSet.TypeObject, new PyTuple(new PyObject[] { items }) }), set);
            return;
        }
        Write(MARK);
        foreach (var item in set.ToArray()) Save(ts, item, false);
        if (Memo.TryGet(set, out int idx))
        {
            Write(POP_MARK);
            MemoGet(idx);
            return;
        }
        Write(FROZENSET);
        MemoPut(set);
    }

    void SaveType(ThreadState ts, PyType t)
    {
        PyObject? singleton = t == TypeObjects.NoneType ? PyNone.Value
            : t == TypeObjects.Ellipsis ? PyEllipsis.Value
            : t == TypeObjects.NotImplementedType ? PyNotImplemented.Value : null;
        if (singleton != null)
        {
            SaveReduce(ts, new PyTuple(new PyObject[] { TypeObjects.Type, new PyTuple(new PyObject[] { singleton }) }), t);
            return;
        }
        SaveGlobal(ts, t, null);
    }

    // ---------------- globals ----------------

    static List<string> DottedPath(ThreadState ts, string name, PyObject? obj)
    {
        var parts = new List<string>(name.Split('.'));
        foreach (var p in parts)
            if (p == "<locals>")
                throw PyExc.AttributeError(obj == null ? $"Can't pickle local object {PyStr.ReprOf(name)}"
                    : $"Can't pickle local attribute {PyStr.ReprOf(name)} on {Ops.ReprString(ts, obj)}");
        return parts;
    }

    /// <summary>obj.a.b.c for a dotted path; null (and the parent) when an attribute is missing.</summary>
    internal static PyObject? DeepAttribute(ThreadState ts, PyObject obj, List<string> path, out PyObject? parent)
    {
        parent = null;
        foreach (var name in path)
        {
            parent = obj;
            var next = Ops.GetAttrOrNull(ts, obj, new PyStr(name));
            if (next == null) return null;
            obj = next;
        }
        return obj;
    }

    /// <summary>The module a global lives in: its __module__, else the first module of
    /// sys.modules (not __main__) that has it under its name, else __main__.</summary>
    static PyObject WhichModule(ThreadState ts, PyObject global, List<string> path)
    {
        // a class's own __module__ entry (type.__module__ is a descriptor on `type` itself)
        PyObject? moduleName = global is PyFunction f ? f.Module
            : global is PyType gt && gt.Namespace.GetStr(s_module) is not PyStr ? PyStr.Intern(gt.ModuleName)
            : Ops.GetAttrOrNull(ts, global, s_module);
        if (moduleName != null && moduleName != PyNone.Value) return moduleName;
        var modules = ts.Engine.Modules;
        int pos = 0;
        while (modules.NextEntry(ref pos, out var name, out var module))
        {
            if (name is PyStr { Value: "__main__" } || module == PyNone.Value) continue;
            var candidate = DeepAttribute(ts, module, path, out _);
            if (candidate == global) return name;
        }
        return PyStr.Intern("__main__");
    }

    void SaveGlobal(ThreadState ts, PyObject obj, PyStr? name)
    {
        PyObject globalName;
        if (name != null) globalName = name;
        else if (obj is PyFunction fn) globalName = new PyStr(fn.QualName);
        else globalName = Ops.GetAttrOrNull(ts, obj, s_qualname) ?? Ops.GetAttr(ts, obj, s_name);
        string gname = globalName is PyStr gs ? gs.Value : Ops.StrString(ts, globalName);
        var path = DottedPath(ts, gname, null);
        var moduleName = WhichModule(ts, obj, path);
        string mname = moduleName is PyStr ms ? ms.Value : Ops.StrString(ts, moduleName);
        PyObject module;
        try { module = Importer.ImportModule(ts, mname); }
        catch (PyException)
        {
            throw PickleModule.Pickling($"Can't pickle {Ops.ReprString(ts, obj)}: import of module {Ops.ReprString(ts, moduleName)} failed");
        }
        string lastname = path[^1];
        var cls = DeepAttribute(ts, module, path, out var parent);
        if (cls == null)
            throw PickleModule.Pickling($"Can't pickle {Ops.ReprString(ts, obj)}: attribute lookup {gname} on {mname} failed");
        if (cls != obj)
            throw PickleModule.Pickling($"Can't pickle {Ops.ReprString(ts, obj)}: it's not the same object as {mname}.{gname}");

        if (_proto >= 2)
        {
            var code = _state!.ExtensionRegistry.Count == 0 ? null
                : _state.ExtensionRegistry.GetItem(ts, new PyTuple(new PyObject[] { moduleName, globalName }));
            if (code != null)
            {
                if (code is not PyInt ci)
                    throw PickleModule.Pickling($"Can't pickle {Ops.ReprString(ts, obj)}: extension code {Ops.ReprString(ts, code)} isn't an integer");
                if (!ci.FitsLong) throw PyExc.OverflowError("Python int too large to convert to C long");
                long c = ci.Small;
                if (c <= 0 || c > 0x7fffffffL)
                    throw PickleModule.Pickling($"Can't pickle {Ops.ReprString(ts, obj)}: extension code {c} is out of range");
                if (c <= 0xff) Write(EXT1, (byte)c);
                else if (c <= 0xffff)
                {
                    Span<byte> b = stackalloc byte[3];
                    b[0] = EXT2; b[1] = (byte)c; b[2] = (byte)(c >> 8);
                    Write(b);
                }
                else
                {
                    Span<byte> b = stackalloc byte[5];
                    b[0] = EXT4;
                    BinaryPrimitives.WriteInt32LittleEndian(b.Slice(1), (int)c);
                    Write(b);
                }
                return;
            }
        }
        if (parent == module) { globalName = new PyStr(lastname); gname = lastname; }
        if (_proto >= 4)
        {
            Save(ts, moduleName, false);
            Save(ts, globalName, false);
            Write(STACK_GLOBAL);
        }
        else if (parent != module)
        {
            SaveReduce(ts, new PyTuple(new PyObject[] { _state!.Getattr, new PyTuple(new PyObject[] { parent!, new PyStr(lastname) }) }), null);
        }
        else
        {
            Write(GLOBAL);
            if (_proto < 3 && _fixImports) FixImports(ts, ref mname, ref gname);
            WriteIdentifier(ts, mname, "module");
            WriteIdentifier(ts, gname, "global");
        }
        MemoPut(obj);
    }

    void WriteIdentifier(ThreadState ts, string s, string what)
    {
        byte[] bytes;
        if (_proto == 3)
        {
            bool ok = true;
            for (int i = 0; i < s.Length; i++)
                if (char.IsSurrogate(s[i]) && !(char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[++i]))) { ok = false; break; }
            if (!ok) throw PickleModule.Pickling($"can't pickle {what} identifier '{s}' using pickle protocol {_proto}");
            bytes = Encoding.UTF8.GetBytes(s);
        }
        else
        {
            foreach (char c in s)
                if (c > 0x7f) throw PickleModule.Pickling($"can't pickle {what} identifier '{s}' using pickle protocol {_proto}");
            bytes = Encoding.ASCII.GetBytes(s);
        }
        Write(bytes);
        Write((byte)'\n');
    }

    /// <summary>Python 3 names back to Python 2's (_compat_pickle's reverse maps).</summary>
    void FixImports(ThreadState ts, ref string module, ref string name)
    {
        var key = new PyTuple(new PyObject[] { new PyStr(module), new PyStr(name) });
        var item = _state!.NameMapping3to2.GetItem(ts, key);
        if (item != null)
        {
            if (item is not PyTuple { Items.Length: 2 } t)
                throw PyExc.RuntimeError($"_compat_pickle.REVERSE_NAME_MAPPING values should be 2-tuples, not {item.Type.Name}");
            if (t.Items[0] is not PyStr m || t.Items[1] is not PyStr n)
                throw PyExc.RuntimeError($"_compat_pickle.REVERSE_NAME_MAPPING values should be pairs of str, not ({t.Items[0].Type.Name}, {t.Items[1].Type.Name})");
            module = m.Value; name = n.Value;
            return;
        }
        var mod = _state.ImportMapping3to2.GetItem(ts, new PyStr(module));
        if (mod != null)
        {
            if (mod is not PyStr ms)
                throw PyExc.RuntimeError($"_compat_pickle.REVERSE_IMPORT_MAPPING values should be strings, not {mod.Type.Name}");
            module = ms.Value;
        }
    }

    /// <summary>Stackless: the module whose __dict__ `d` is, if any (looked up in sys.modules
    /// once per dump; only dicts with a str __name__ can be a module's).</summary>
    PyObject? ModuleOfDict(ThreadState ts, PyDict d)
    {
        if (d.GetStr("__name__") is not PyStr) return null;
        if (_moduleDicts == null)
        {
            _moduleDicts = new Dictionary<PyObject, PyObject>(ReferenceEqualityComparer.Instance);
            int pos = 0;
            while (ts.Engine.Modules.NextEntry(ref pos, out _, out var m))
                if (m is PyModule pm) _moduleDicts[pm.Namespace] = pm;
        }
        return _moduleDicts.TryGetValue(d, out var module) ? module : null;
    }

    // ---------------- reduce ----------------

    static bool IsIterator(PyObject o) => o.Type.IterNext != null;

    void SaveReduce(ThreadState ts, PyTuple args, PyObject? obj)
    {
        var a = args.Items;
        if (a.Length < 2 || a.Length > 6)
            throw PickleModule.Pickling("tuple returned by __reduce__ must contain 2 through 6 elements");
        var callable = a[0];
        var argtup = a[1];
        PyObject? state = a.Length > 2 ? a[2] : null;
        PyObject? listitems = a.Length > 3 ? a[3] : null;
        PyObject? dictitems = a.Length > 4 ? a[4] : null;
        PyObject? stateSetter = a.Length > 5 ? a[5] : null;
        if (!Ops.IsCallable(callable)) throw PickleModule.Pickling("first item of the tuple returned by __reduce__ must be callable");
        if (argtup is not PyTuple argt) throw PickleModule.Pickling("second item of the tuple returned by __reduce__ must be a tuple");
        if (state == PyNone.Value) state = null;
        if (listitems == PyNone.Value) listitems = null;
        else if (listitems != null && !IsIterator(listitems))
            throw PickleModule.Pickling($"fourth element of the tuple returned by __reduce__ must be an iterator, not {listitems.Type.Name}");
        if (dictitems == PyNone.Value) dictitems = null;
        else if (dictitems != null && !IsIterator(dictitems))
            throw PickleModule.Pickling($"fifth element of the tuple returned by __reduce__ must be an iterator, not {dictitems.Type.Name}");
        if (stateSetter == PyNone.Value) stateSetter = null;
        else if (stateSetter != null && !Ops.IsCallable(stateSetter))
            throw PickleModule.Pickling($"sixth element of the tuple returned by __reduce__ must be a function, not {stateSetter.Type.Name}");

        bool useNewobj = false, useNewobjEx = false;
        if (_proto >= 2)
        {
            PyObject? nameObj = callable is PyFunction cf ? new PyStr(cf.Name) : Ops.GetAttrOrNull(ts, callable, s_name);
            if (nameObj is PyStr cn)
            {
                useNewobjEx = cn.Value == "__newobj_ex__";
                if (!useNewobjEx) useNewobj = cn.Value == "__newobj__";
            }
        }

        if (useNewobjEx)
        {
            var t = argt.Items;
            if (t.Length != 3) throw PickleModule.Pickling($"length of the NEWOBJ_EX argument tuple must be exactly 3, not {t.Length}");
            if (t[0] is not PyType cls) throw PickleModule.Pickling($"first item from NEWOBJ_EX argument tuple must be a class, not {t[0].Type.Name}");
            if (t[1] is not PyTuple nargs) throw PickleModule.Pickling($"second item from NEWOBJ_EX argument tuple must be a tuple, not {t[1].Type.Name}");
            if (t[2] is not PyDict kwargs) throw PickleModule.Pickling($"third item from NEWOBJ_EX argument tuple must be a dict, not {t[2].Type.Name}");
            if (_proto >= 4)
            {
                Save(ts, cls, false);
                Save(ts, nargs, false);
                Save(ts, kwargs, false);
                Write(NEWOBJ_EX);
            }
            else
            {
                var newargs = new PyObject[nargs.Items.Length + 2];
                newargs[0] = Ops.GetAttr(ts, cls, s_new);
                newargs[1] = cls;
                nargs.Items.CopyTo(newargs, 2);
                var partial = Ops.CallWithDict(ts, _state!.Partial, newargs, kwargs);
                Save(ts, partial, false);
                Save(ts, PyTuple.Empty, false);
                Write(REDUCE);
            }
        }
        else if (useNewobj)
        {
            var t = argt.Items;
            if (t.Length < 1) throw PickleModule.Pickling("__newobj__ arglist is empty");
            if (t[0] is not PyType cls) throw PickleModule.Pickling("args[0] from __newobj__ args is not a type");
            if (obj != null)
            {
                var objClass = Ops.GetAttrOrNull(ts, obj, s_class) ?? obj.Type;
                if (objClass != cls) throw PickleModule.Pickling("args[0] from __newobj__ args has the wrong class");
            }
            Save(ts, cls, false);
            var rest = new PyObject[t.Length - 1];
            Array.Copy(t, 1, rest, 0, rest.Length);
            Save(ts, rest.Length == 0 ? PyTuple.Empty : new PyTuple(rest), false);
            Write(NEWOBJ);
        }
        else
        {
            Save(ts, callable, false);
            Save(ts, argt, false);
            Write(REDUCE);
        }

        if (obj != null)
        {
            if (Memo.TryGet(obj, out int idx))
            {
                Write(POP);
                MemoGet(idx);
                return;
            }
            MemoPut(obj);
        }
        if (listitems != null) BatchList(ts, listitems);
        if (dictitems != null) BatchDict(ts, dictitems);
        if (state != null)
        {
            if (stateSetter == null)
            {
                Save(ts, state, false);
                Write(BUILD);
            }
            else
            {
                Save(ts, stateSetter, false);
                Save(ts, obj!, false);
                Save(ts, state, false);
                Write(TUPLE2);
                Write(REDUCE);
                Write(POP);
            }
        }
    }

    // ---------------- Python-visible members ----------------

    [PyMethod]
    static void dump(ThreadState ts, PyPickler self, PyObject obj)
    {
        if (self._write == null)
            throw PickleModule.Pickling($"Pickler.__init__() was not called by {self.Type.Name}.__init__()");
        self.ClearBuffer();
        self.Dump(ts, obj);
        self.FlushToFile(ts);
    }

    [PyMethod]
    static void clear_memo(ThreadState ts, PyPickler self) => self.Memo.Clear();

    [PyMethod]
    static long __sizeof__(ThreadState ts, PyPickler self) => 120 + 16L * self.Memo.Count + self._buf.Length;

    [PyGetter("memo")] static PyObject GetMemo(ThreadState ts, PyObject self) => new PyPicklerMemoProxy((PyPickler)self);

    [PySetter("memo")]
    static void SetMemo(ThreadState ts, PyObject self, PyObject? value)
    {
        var p = (PyPickler)self;
        if (value == null) throw PyExc.TypeError("attribute deletion is not supported");
        if (value is PyPicklerMemoProxy proxy) { p.Memo = proxy.Pickler.Memo.Copy(); return; }
        if (value is PyDict d)
        {
            var memo = new PicklerMemo();
            int pos = 0;
            while (d.NextEntry(ref pos, out _, out var v))
            {
                if (v is not PyTuple { Items.Length: 2 } t) throw PyExc.TypeError("'memo' values must be 2-item tuples");
                var id = Ops.Index(ts, t.Items[0]);
                if (!id.FitsLong) throw PyExc.OverflowError("Python int too large to convert to C ssize_t");
                memo.Set(t.Items[1], (int)id.Small);
            }
            p.Memo = memo;
            return;
        }
        throw PyExc.TypeError($"'memo' attribute must be a PicklerMemoProxy object or dict, not {value.Type.Name}");
    }

    [PyGetter("persistent_id")]
    static PyObject GetPersistentId(ThreadState ts, PyObject self)
    {
        var p = (PyPickler)self;
        if (p._persFunc == null) throw PyExc.AttributeError("persistent_id");
        return p._persSelf != null ? new PyMethod(p._persFunc, p._persSelf) : p._persFunc;
    }

    [PySetter("persistent_id")]
    static void SetPersistentId(ThreadState ts, PyObject self, PyObject? value)
    {
        var p = (PyPickler)self;
        if (value == null) throw PyExc.TypeError("attribute deletion is not supported");
        if (!Ops.IsCallable(value)) throw PyExc.TypeError("persistent_id must be a callable taking one argument");
        p._persSelf = null;
        p._persFunc = value;
    }

    [PyGetter("bin")] static PyObject GetBin(ThreadState ts, PyObject self) => PyInt.From(((PyPickler)self).Bin);
    [PySetter("bin")] static void SetBin(ThreadState ts, PyObject self, PyObject? value) => ((PyPickler)self).Bin = IntMember(ts, value);
    [PyGetter("fast")] static PyObject GetFast(ThreadState ts, PyObject self) => PyInt.From(((PyPickler)self).Fast);
    [PySetter("fast")] static void SetFast(ThreadState ts, PyObject self, PyObject? value) => ((PyPickler)self).Fast = IntMember(ts, value);

    static int IntMember(ThreadState ts, PyObject? value)
    {
        if (value == null) throw PyExc.TypeError("can't delete numeric/char attribute");
        if (value is not PyInt i) throw PyExc.TypeError("an integer is required");
        if (!i.FitsLong || i.Small > int.MaxValue || i.Small < int.MinValue) throw PyExc.OverflowError("Python int too large to convert to C long");
        return (int)i.Small;
    }

    [PyGetter("dispatch_table")]
    static PyObject GetDispatchTable(ThreadState ts, PyObject self) =>
        ((PyPickler)self).DispatchTable ?? throw PyExc.AttributeError("'_pickle.Pickler' object has no attribute 'dispatch_table'");

    [PySetter("dispatch_table")]
    static void SetDispatchTable(ThreadState ts, PyObject self, PyObject? value)
    {
        var p = (PyPickler)self;
        if (value == null && p.DispatchTable == null) throw PyExc.AttributeError("dispatch_table");
        p.DispatchTable = value;
    }
}
