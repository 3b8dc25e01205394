#nullable enable
using System;
using System.Numerics;
using StacklessIron.Objects.Formatting;
namespace StacklessIron.Modules;

/// <summary>`_io.TextIOWrapper`: text over a buffered binary stream. Encoded text collects in
/// a pending byte buffer (as CPython's pending_bytes) that goes to the buffer when it reaches
/// the chunk size, on flush, and before any read or seek; so print() to a file or pipe costs
/// an encode into that buffer. Reading decodes chunk by chunk through the newline decoder;
/// tell()/seek() use CPython's opaque cookie (byte position, decoder flags, bytes to feed,
/// characters to skip) so a position can be restored in the middle of a decoded chunk.</summary>
[PyType("TextIOWrapper")]
public sealed class PyTextIOWrapper : PyTextIOBase
{
    public static new readonly PyType TypeObject = PyType.Builtin("TextIOWrapper", typeof(PyTextIOWrapper), PyTextIOBase.TypeObject, module: "_io");

    PyObject? _buffer;
    PyBuffered? _nativeBuffer;             // _buffer when it is exactly one of the Buffered* classes
    string _encoding = "utf-8", _errors = "strict";
    PyObject _encodingObj = PyStr.Intern("utf-8");
    bool _readUniversal, _readTranslate, _writeTranslate;
    string? _readnl;                       // null = universal
    string _writenl = "\n";
    bool _lineBuffering, _writeThrough, _initialized, _detached;
    /// <summary>The buffer closed itself when dropped before this wrapper took it (IoFinalization.Adopt).</summary>
    bool _bufferTracked;
    PyIncrementalNewlineDecoder? _decoder;
    TextEncoder? _encoder;
    bool _encoderChecked;
    bool _seekable, _telling, _hasRead1;
    int _chunkSize = 8192;
    string _decoded = "";
    int _decodedUsed;                      // UTF-16 index into _decoded
    (long Flags, byte[] Input)? _snapshot;
    double _b2cRatio;
    byte[] _pending = new byte[256];
    byte[]? _spare;                        // the previous pending array, reused by the next flush
    int _pendingCount;
    // UTF-8 text without surrogates waits as chars and is encoded in bulk (one encoder call
    // per chunk, not per write). The chars always come after the pending bytes: bytes are
    // appended only after the chars were moved over.
    char[] _pendingChars = new char[256];
    int _pendingCharCount;

    public PyTextIOWrapper(PyType type) : base(type) { }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyTextIOWrapper(cls);

    static readonly Signature s_initSig = new("TextIOWrapper", new[] { "buffer", "encoding", "errors", "newline", "line_buffering", "write_through" }, 0, 6, 0, false, false);

    [PySlot("__init__")]
    static void InitSlot(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var b = new PyObject?[6];
        s_initSig.Bind(ts, args, kwnames, b, optional: new[] { false, true, true, true, true, true });
        string? enc = b[1] == null || b[1] == PyNone.Value ? null : b[1] is PyStr es ? es.Value
            : throw PyExc.TypeError($"TextIOWrapper() argument 'encoding' must be str or None, not {b[1]!.Type.Name}");
        string? err = b[2] == null || b[2] == PyNone.Value ? null : b[2] is PyStr rs ? rs.Value
            : throw PyExc.TypeError($"TextIOWrapper() argument 'errors' must be str or None, not {b[2]!.Type.Name}");
        ((PyTextIOWrapper)self).Init(ts, b[0]!, enc, err, b[3], b[4] != null && Ops.IsTrue(ts, b[4]!), b[5] != null && Ops.IsTrue(ts, b[5]!));
    }

    static string? CheckNewline(ThreadState ts, PyObject? newline, out bool isNone)
    {
        isNone = newline == null || newline == PyNone.Value;
        if (isNone) return null;
        if (newline is not PyStr s) throw PyExc.TypeError($"TextIOWrapper() argument 'newline' must be str or None, not {newline!.Type.Name}");
        if (s.Value.Contains('\0')) throw PyExc.ValueError("embedded null character");
        if (s.Value != "" && s.Value != "\n" && s.Value != "\r" && s.Value != "\r\n")
            throw PyExc.ValueError($"illegal newline value: {s.Value}");
        return s.Value;
    }

    public void Init(ThreadState ts, PyObject buffer, string? encoding, string? errors, PyObject? newline, bool lineBuffering, bool writeThrough)
    {
        _initialized = false;
        string? nl = CheckNewline(ts, newline, out bool nlNone);
        if (encoding != null && encoding.Contains('\0')) throw PyExc.ValueError("embedded null character");
        if (encoding == "locale") encoding = null;   // 3.11's explicit "the locale's encoding"
        _encodingObj = encoding == null ? PyStr.Intern("UTF-8") : new PyStr(encoding);
        _encoding = encoding ?? "UTF-8";
        _errors = errors ?? "strict";
        _buffer = buffer;
        _nativeBuffer = buffer is PyBuffered pb && !pb.Type.IsHeapType ? pb : null;
        _detached = false;
        SetNewline(nl, nlNone);
        _lineBuffering = lineBuffering;
        _writeThrough = writeThrough;
        _decoded = ""; _decodedUsed = 0; _snapshot = null; _pendingCount = 0; _pendingCharCount = 0;
        _encoder = null; _decoder = null; _encoderChecked = false;
        _chunkSize = 8192;
        // Look the codec up now, so a bad encoding fails at construction as in CPython.
        if (TextEncoder.Native(_encoding, _errors) == null || TextDecoder.Native(_encoding, _errors) == null) LookupCodec(ts);
        if (IoModule.Ask(ts, buffer, "readable")) GetDecoder(ts);
        bool writable = IoModule.Ask(ts, buffer, "writable");
        if (writable) GetEncoder(ts);
        _seekable = _telling = IoModule.Ask(ts, buffer, "seekable");
        _hasRead1 = _nativeBuffer != null ? _nativeBuffer.Type != PyBuffered.WriterType : Ops.GetAttrOrNull(ts, buffer, PyStr.Intern("read1")) != null;
        _initialized = true;
        if (_seekable && _encoder != null && writable && _encoder.PythonObject != null)
        {
            // Continuing a non-empty stream: the encoder must not write a BOM again.
            try
            {
                var pos = Ops.CallMethod(ts, buffer, "tell");
                if (!(pos is PyInt pi && pi.FitsLong && pi.Small == 0)) _encoder.SetStateZero(ts);
            }
            catch (PyException e) when (e.Matches(ExceptionTypes.OSError)) { }
        }
        if (_encoder != null) IoModule.TrackWriter(this);
        _bufferTracked = IoFinalization.Adopt(buffer);
        IoFinalization.Track(ts, this, IoFinalization.TextOrder);
    }

    void SetNewline(string? nl, bool isNone)
    {
        _readUniversal = isNone || nl == "";
        _readTranslate = isNone;
        _readnl = isNone ? null : nl == "" ? null : nl;
        _writeTranslate = !(nl == "");
        _writenl = isNone ? "\n" : nl == "" ? "\n" : nl!;
    }

    PyObject? _codecInfo;

    PyObject LookupCodec(ThreadState ts)
    {
        if (_codecInfo != null) return _codecInfo;
        var codecs = Importer.ImportModuleLevel(ts, "codecs", null, PyNone.Value, 0);
        var info = Ops.CallMethod(ts, codecs, "lookup", _encodingObj);
        var isText = Ops.GetAttrOrNull(ts, info, PyStr.Intern("_is_text_encoding"));
        if (isText != null && !Ops.IsTrue(ts, isText))
            throw PyExc.LookupError($"'{_encoding}' is not a text encoding; use codecs.open() to handle arbitrary codecs");
        return _codecInfo = info;
    }

    PyIncrementalNewlineDecoder GetDecoder(ThreadState ts)
    {
        if (_decoder != null) return _decoder;
        var inner = TextDecoder.Native(_encoding, _errors)
            ?? TextDecoder.Python(Ops.Call(ts, Ops.GetAttr(ts, LookupCodec(ts), "incrementaldecoder"), new PyStr(_errors)));
        return _decoder = PyIncrementalNewlineDecoder.Create(inner, _readTranslate);
    }

    TextEncoder GetEncoder(ThreadState ts)
    {
        if (_encoder != null) return _encoder;
        _encoder = TextEncoder.Native(_encoding, _errors)
            ?? TextEncoder.Python(Ops.Call(ts, Ops.GetAttr(ts, LookupCodec(ts), "incrementalencoder"), new PyStr(_errors)));
        return _encoder;
    }

    // ---------------- checks ----------------

    PyObject CheckAttached()
    {
        if (_detached) throw PyExc.ValueError("underlying buffer has been detached");
        if (!_initialized || _buffer == null) throw PyExc.ValueError("I/O operation on uninitialized object");
        return _buffer;
    }

    bool BufferClosed(ThreadState ts)
    {
        var b = CheckAttached();
        // As CPython: the exact type asks the buffer (a FileIO underneath answers directly),
        // a subclass asks its own `closed`.
        if (Type.IsHeapType) return IoModule.IsClosed(ts, this);
        if (_nativeBuffer != null && _nativeBuffer.HasFileRaw) return _nativeBuffer.IsClosedOrDetached;
        return IoModule.IsClosed(ts, b);
    }

    /// <summary>Surely open, without asking Python code (the print() fast path).</summary>
    bool FastOpen => _nativeBuffer != null && _nativeBuffer.HasFileRaw && !_nativeBuffer.IsClosedOrDetached && !Type.IsHeapType;

    void CheckClosed(ThreadState ts)
    {
        if (FastOpen) return;
        if (BufferClosed(ts)) throw IoModule.ClosedFile();
    }

    public bool IsClosedOrDetached => _detached || _buffer == null || _nativeBuffer != null && _nativeBuffer.IsClosedOrDetached;

    // ---------------- writing ----------------

    /// <summary>Sends the pending encoded text to the buffer.</summary>
    /// <summary>Encodes the waiting chars onto the end of the pending bytes.</summary>
    void MoveCharsToBytes()
    {
        if (_pendingCharCount == 0) return;
        var chars = _pendingChars.AsSpan(0, _pendingCharCount);
        int need = System.Text.Encoding.UTF8.GetMaxByteCount(chars.Length);
        if (_pendingCount + need > _pending.Length) Array.Resize(ref _pending, Math.Max(_pending.Length * 2, _pendingCount + need));
        _pendingCount += System.Text.Encoding.UTF8.GetBytes(chars, _pending.AsSpan(_pendingCount));
        _pendingCharCount = 0;
        if (_pendingChars.Length > 65536) _pendingChars = new char[8192];
    }

    /// <summary>Adds encoded text to the pending output.</summary>
    void AppendText(ThreadState ts, TextEncoder enc, string s)
    {
        if (enc.IsUtf8 && !CodePoints.HasSurrogates(s))
        {
            if (_pendingCharCount + s.Length > _pendingChars.Length)
                Array.Resize(ref _pendingChars, Math.Max(_pendingChars.Length * 2, _pendingCharCount + s.Length));
            s.CopyTo(0, _pendingChars, _pendingCharCount, s.Length);
            _pendingCharCount += s.Length;
            return;
        }
        MoveCharsToBytes();
        _pendingCount = enc.Encode(ts, s, ref _pending, _pendingCount);
    }

    int PendingSize => _pendingCount + _pendingCharCount;

    void FlushPending(ThreadState ts)
    {
        MoveCharsToBytes();
        if (_pendingCount == 0) return;
        // Take the pending bytes out before writing them: the buffer's raw write releases the
        // interpreter lock, and another thread's write must not refill this array meanwhile.
        var data = _pending;
        int n = _pendingCount;
        _pending = _spare ?? new byte[Math.Min(data.Length, 8192)];
        _spare = null;
        _pendingCount = 0;
        if (_nativeBuffer != null) _nativeBuffer.WriteNative(ts, data.AsSpan(0, n));
        else Ops.CallMethod(ts, _buffer!, "write", PyBytes.From(data.AsSpan(0, n).ToArray()));
        if (data.Length <= 65536) _spare = data;
    }

    /// <summary>write(s) for print() and the engine: no Python method lookup.</summary>
    public int Write(ThreadState ts, string s)
    {
        CheckAttached();
        CheckClosed(ts);
        var enc = _encoder ?? (_encoderChecked ? null : GetEncoderChecked(ts)) ?? throw IoModule.Unsupported("not writable");
        // Only line buffering and a translated newline need to look for "\n".
        bool translate = _writeTranslate && _writenl != "\n";
        bool hasLf = (translate || _lineBuffering) && s.Contains('\n');
        if (hasLf && translate) s = s.Replace("\n", _writenl);
        AppendText(ts, enc, s);
        bool needFlush = _lineBuffering && (hasLf || s.Contains('\r'));
        if (PendingSize >= _chunkSize || needFlush || _writeThrough) FlushPending(ts);
        if (needFlush)
        {
            if (_nativeBuffer != null) _nativeBuffer.FlushNative(ts);
            else Ops.CallMethod(ts, _buffer!, "flush");
        }
        if (_decoded.Length > 0) { _decoded = ""; _decodedUsed = 0; }
        _snapshot = null;
        _decoder?.Reset(ts);
        return s.Length;
    }

    /// <summary>print()'s path: the checks once per call, then each piece encoded straight into
    /// the pending buffer (as separate writes would, when no newline needs translating or
    /// line buffering needs a flush).</summary>
    public void WritePrint(ThreadState ts, PyObject[] args, string sep, string end)
    {
        CheckAttached();
        CheckClosed(ts);
        var enc = _encoder;
        if (enc == null || _lineBuffering || _writeTranslate && _writenl != "\n")
        {
            for (int i = 0; i < args.Length; i++)
            {
                if (i > 0) Write(ts, sep);
                Write(ts, StrOf(ts, args[i]));
            }
            Write(ts, end);
            return;
        }
        for (int i = 0; i < args.Length; i++)
        {
            if (i > 0) AppendText(ts, enc, sep);
            AppendText(ts, enc, StrOf(ts, args[i]));
            if (PendingSize >= _chunkSize) FlushPending(ts);
        }
        AppendText(ts, enc, end);
        if (PendingSize >= _chunkSize || _writeThrough) FlushPending(ts);
        if (_decoded.Length > 0) { _decoded = ""; _decodedUsed = 0; }
        _snapshot = null;
        _decoder?.Reset(ts);
    }

    static string StrOf(ThreadState ts, PyObject o) => o is PyStr ps && ps.Type == TypeObjects.Str ? ps.Value : Ops.StrString(ts, o);

    TextEncoder? GetEncoderChecked(ThreadState ts)
    {
        _encoderChecked = true;
        return IoModule.Ask(ts, _buffer!, "writable") ? GetEncoder(ts) : null;
    }

    /// <summary>The thread the engine's own standard streams belong to (for Write/Flush below).</summary>
    public ThreadState? OwnerThread;

    /// <summary>The engine writing to its own stream (tracebacks, warnings): errors of a closed
    /// or broken stream are dropped, as there is nowhere left to report them.</summary>
    public void Write(string s)
    {
        try { Write(OwnerThread!, s); }
        catch (PyException) { }
    }

    public void Flush()
    {
        try { if (!BufferClosed(OwnerThread!)) FlushNative(OwnerThread!); }
        catch (PyException) { }
    }

    public void FlushNative(ThreadState ts)
    {
        if (_detached || _buffer == null) return;
        FlushPending(ts);
        if (_nativeBuffer != null) _nativeBuffer.FlushNative(ts);
        else Ops.CallMethod(ts, _buffer, "flush");
    }

    // ---------------- reading ----------------

    string TakeDecoded(long n)
    {
        int start = _decodedUsed;
        int end = n < 0 ? _decoded.Length : AdvanceCp(_decoded, start, n);
        _decodedUsed = end;
        return _decoded[start..end];
    }

    static int AdvanceCp(string s, int from, long n)
    {
        int i = from;
        for (long k = 0; k < n && i < s.Length; k++)
            i += char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
        return i;
    }

    void SetDecoded(string s) { _decoded = s; _decodedUsed = 0; }

    /// <summary>Reads and decodes one chunk; false at end of file.</summary>
    bool ReadChunk(ThreadState ts)
    {
        var dec = _decoder ?? throw IoModule.Unsupported("not readable");
        (byte[] Buffer, long Flags) state = default;
        if (_telling) state = dec.GetState(ts);
        byte[] input;
        if (_nativeBuffer != null)
            input = (_hasRead1 ? _nativeBuffer.Read1Native(ts, _chunkSize) : _nativeBuffer.ReadNative(ts, _chunkSize)) ?? Array.Empty<byte>();
        else
        {
            var r = Ops.CallMethod(ts, _buffer!, _hasRead1 ? "read1" : "read", PyInt.From(_chunkSize));
            if (r == PyNone.Value) input = Array.Empty<byte>();
            else if (r is PyBytes rb) input = rb.Data;
            else if (PyBytes.TryGetBuffer(r, out var m)) input = m.ToArray();
            else throw PyExc.TypeError($"underlying {(_hasRead1 ? "read1" : "read")}() should have returned a bytes-like object, not '{r.Type.Name}'");
        }
        bool eof = input.Length == 0;
        var text = dec.Decode(ts, input, eof);
        SetDecoded(text);
        _b2cRatio = text.Length > 0 ? (double)input.Length / text.Length : 0;
        if (_telling)
        {
            var joined = new byte[state.Buffer.Length + input.Length];
            state.Buffer.CopyTo(joined, 0);
            input.CopyTo(joined, state.Buffer.Length);
            _snapshot = (state.Flags, joined);
        }
        return !eof;
    }

    public string Read(ThreadState ts, long size)
    {
        CheckClosed(ts);
        if (_decoder == null) throw IoModule.Unsupported("not readable");
        FlushPending(ts);
        if (size < 0)
        {
            byte[] all;
            if (_nativeBuffer != null) all = _nativeBuffer.ReadNative(ts, -1) ?? Array.Empty<byte>();
            else
            {
                var r = Ops.CallMethod(ts, _buffer!, "read");
                all = r == PyNone.Value ? Array.Empty<byte>() : r is PyBytes rb ? rb.Data
                    : throw PyExc.TypeError($"underlying read() should have returned a bytes object, not '{r.Type.Name}'");
            }
            var result = TakeDecoded(-1) + _decoder.Decode(ts, all, true);
            SetDecoded("");
            _snapshot = null;
            return result;
        }
        var sb = new System.Text.StringBuilder(TakeDecoded(size));
        long have = CodePoints.Length(sb.ToString());
        while (have < size)
        {
            bool more = ReadChunk(ts);
            var part = TakeDecoded(size - have);
            sb.Append(part);
            have += CodePoints.Length(part);
            if (!more && _decodedUsed >= _decoded.Length) break;
        }
        return sb.ToString();
    }

    public string ReadLine(ThreadState ts, long size)
    {
        CheckClosed(ts);
        if (_decoder == null) throw IoModule.Unsupported("not readable");
        FlushPending(ts);
        if (size < 0 && _decodedUsed < _decoded.Length)
        {
            // The usual case: the whole line is in the decoded chunk already.
            int end = LineEnd(_decoded, _decodedUsed);
            if (end > 0)
            {
                var r = _decoded.Substring(_decodedUsed, end - _decodedUsed);
                _decodedUsed = end;
                return r;
            }
        }
        string line = TakeDecoded(-1);
        int start = 0, endpos = -1;
        while (true)
        {
            if (_readTranslate)
            {
                int pos = line.IndexOf('\n', start);
                if (pos >= 0) { endpos = pos + 1; break; }
                start = line.Length;
            }
            else if (_readUniversal)
            {
                int nlpos = line.IndexOf('\n', start), crpos = line.IndexOf('\r', start);
                if (crpos < 0)
                {
                    if (nlpos < 0) start = line.Length;
                    else { endpos = nlpos + 1; break; }
                }
                else if (nlpos < 0)
                {
                    if (crpos == line.Length - 1) start = crpos;
                    else { endpos = crpos + 1; break; }
                }
                else if (nlpos < crpos) { endpos = nlpos + 1; break; }
                else if (nlpos == crpos + 1) { endpos = crpos + 2; break; }
                else { endpos = crpos + 1; break; }
            }
            else
            {
                int pos = line.IndexOf(_readnl!, start, StringComparison.Ordinal);
                if (pos >= 0) { endpos = pos + _readnl!.Length; break; }
                start = Math.Max(0, line.Length - _readnl!.Length + 1);
            }
            if (size >= 0 && CodePoints.Length(line) >= size) { endpos = AdvanceCp(line, 0, size); break; }
            bool got = false;
            while (ReadChunk(ts))
                if (_decoded.Length > 0) { got = true; break; }
            if (got || _decoded.Length > 0) line += TakeDecoded(-1);
            else
            {
                SetDecoded("");
                _snapshot = null;
                return line;
            }
        }
        if (size >= 0)
        {
            int lim = AdvanceCp(line, 0, size);
            if (endpos > lim) endpos = lim;
        }
        // Give back what follows the line.
        int rest = line.Length - endpos;
        if (rest > 0)
        {
            // The rest is the tail of _decoded (TakeDecoded consumed it all).
            _decodedUsed = _decoded.Length - rest;
            if (_decodedUsed < 0) { _decoded = line[endpos..]; _decodedUsed = 0; }
        }
        return line[..endpos];
    }

    /// <summary>Where the line starting at `from` ends (after its terminator), or -1 when the
    /// text so far holds no complete line (a \r at the very end may still be half of \r\n).</summary>
    int LineEnd(string s, int from)
    {
        if (_readTranslate)
        {
            int i = s.IndexOf('\n', from);
            return i < 0 ? -1 : i + 1;
        }
        if (_readUniversal)
        {
            int i = s.AsSpan(from).IndexOfAny('\r', '\n');
            if (i < 0) return -1;
            i += from;
            if (s[i] == '\n') return i + 1;
            if (i + 1 >= s.Length) return -1;
            return s[i + 1] == '\n' ? i + 2 : i + 1;
        }
        int k = s.IndexOf(_readnl!, from, StringComparison.Ordinal);
        return k < 0 ? -1 : k + _readnl!.Length;
    }

    // ---------------- positioning ----------------

    static BigInteger PackCookie(long position, long decFlags = 0, long bytesToFeed = 0, bool needEof = false, long charsToSkip = 0)
        => new BigInteger(position) | new BigInteger(decFlags) << 64 | new BigInteger(bytesToFeed) << 128
           | new BigInteger(charsToSkip) << 192 | (needEof ? BigInteger.One : BigInteger.Zero) << 256;

    static (long Position, long DecFlags, long BytesToFeed, bool NeedEof, long CharsToSkip) UnpackCookie(BigInteger c)
    {
        var mask = (BigInteger.One << 64) - 1;
        return ((long)(ulong)(c & mask), (long)(ulong)(c >> 64 & mask), (long)(ulong)(c >> 128 & mask), !(c >> 256).IsZero, (long)(ulong)(c >> 192 & mask));
    }

    long BufferTell(ThreadState ts) => _nativeBuffer != null ? _nativeBuffer.TellNative(ts) : IoModule.IntArg(ts, Ops.CallMethod(ts, _buffer!, "tell"));

    public PyObject Tell(ThreadState ts)
    {
        CheckClosed(ts);
        if (!_seekable) throw IoModule.Unsupported("underlying stream is not seekable");
        if (!_telling) throw PyExc.OSError("telling position disabled by next() call");
        FlushNative(ts);
        long position = BufferTell(ts);
        var decoder = _decoder;
        if (decoder == null || _snapshot == null) return PyInt.From(position);
        var (decFlags, nextInput) = _snapshot.Value;
        position -= nextInput.Length;
        long charsToSkip = CodePoints.Length(_decoded.AsSpan(0, _decodedUsed));
        if (charsToSkip == 0) return PyInt.From(PackCookie(position, decFlags));
        var saved = decoder.GetState(ts);
        try
        {
            long skipBytes = (long)(_b2cRatio * charsToSkip);
            long skipBack = 1;
            bool found = false;
            while (skipBytes > 0)
            {
                decoder.SetState(ts, Array.Empty<byte>(), decFlags);
                long n = CodePoints.Length(decoder.Decode(ts, nextInput.AsSpan(0, (int)Math.Min(skipBytes, nextInput.Length)), false));
                if (n <= charsToSkip)
                {
                    var (b, d) = decoder.GetState(ts);
                    if (b.Length == 0)
                    {
                        decFlags = d;
                        charsToSkip -= n;
                        found = true;
                        break;
                    }
                    skipBytes -= b.Length;
                    skipBack = 1;
                }
                else
                {
                    skipBytes -= skipBack;
                    skipBack *= 2;
                }
            }
            if (!found)
            {
                skipBytes = 0;
                decoder.SetState(ts, Array.Empty<byte>(), decFlags);
            }
            long startPos = position + skipBytes;
            long startFlags = decFlags;
            if (charsToSkip == 0) return PyInt.From(PackCookie(startPos, startFlags));
            long bytesFed = 0;
            bool needEof = false;
            long charsDecoded = 0;
            bool broke = false;
            for (long i = skipBytes; i < nextInput.Length; i++)
            {
                bytesFed++;
                charsDecoded += CodePoints.Length(decoder.Decode(ts, nextInput.AsSpan((int)i, 1), false));
                var (decBuffer, flags) = decoder.GetState(ts);
                if (decBuffer.Length == 0 && charsDecoded <= charsToSkip)
                {
                    startPos += bytesFed;
                    charsToSkip -= charsDecoded;
                    startFlags = flags;
                    bytesFed = 0;
                    charsDecoded = 0;
                }
                if (charsDecoded >= charsToSkip) { broke = true; break; }
            }
            if (!broke)
            {
                charsDecoded += CodePoints.Length(decoder.Decode(ts, ReadOnlySpan<byte>.Empty, true));
                needEof = true;
                if (charsDecoded < charsToSkip) throw PyExc.OSError("can't reconstruct logical file position");
            }
            return PyInt.From(PackCookie(startPos, startFlags, bytesFed, needEof, charsToSkip));
        }
        finally
        {
            decoder.SetState(ts, saved.Buffer, saved.Flags);
        }
    }

    public PyObject Seek(ThreadState ts, PyObject cookieObj, int whence)
    {
        CheckClosed(ts);
        if (!_seekable) throw IoModule.Unsupported("underlying stream is not seekable");
        var cookieInt = cookieObj is PyInt ci ? ci : Ops.Index(ts, cookieObj);
        BigInteger cookie = cookieInt.FitsLong ? new BigInteger(cookieInt.Small) : cookieInt.Big;
        switch (whence)
        {
            case 1:
                if (!cookie.IsZero) throw IoModule.Unsupported("can't do nonzero cur-relative seeks");
                cookieObj = Tell(ts);
                cookie = cookieObj is PyInt t1 ? (t1.FitsLong ? t1.Small : t1.Big) : BigInteger.Zero;
                break;
            case 2:
            {
                if (!cookie.IsZero) throw IoModule.Unsupported("can't do nonzero end-relative seeks");
                FlushNative(ts);
                SetDecoded("");
                _snapshot = null;
                _decoder?.Reset(ts);
                var res = _nativeBuffer != null ? PyInt.From(_nativeBuffer.SeekNative(ts, 0, 2)) : Ops.CallMethod(ts, _buffer!, "seek", PyInt.From(0), PyInt.From(2));
                // Appending continues the stream: no BOM.
                _encoder?.SetStateZero(ts);
                return res;
            }
            case 0:
                break;
            default:
                throw PyExc.ValueError($"invalid whence ({whence}, should be 0, 1 or 2)");
        }
        if (cookie.Sign < 0) throw PyExc.ValueError($"negative seek position {Ops.ReprString(ts, cookieObj)}");
        FlushNative(ts);
        var (startPos, decFlags, bytesToFeed, needEof, charsToSkip) = UnpackCookie(cookie);
        if (_nativeBuffer != null) _nativeBuffer.SeekNative(ts, startPos, 0);
        else Ops.CallMethod(ts, _buffer!, "seek", PyInt.From(startPos));
        SetDecoded("");
        _snapshot = null;
        if (cookie.IsZero) _decoder?.Reset(ts);
        else if (_decoder != null || decFlags != 0 || charsToSkip != 0)
        {
            var dec = GetDecoder(ts);
            dec.SetState(ts, Array.Empty<byte>(), decFlags);
            _snapshot = (decFlags, Array.Empty<byte>());
        }
        if (charsToSkip != 0)
        {
            byte[] input;
            if (_nativeBuffer != null) input = _nativeBuffer.ReadNative(ts, bytesToFeed) ?? Array.Empty<byte>();
            else input = Ops.CallMethod(ts, _buffer!, "read", PyInt.From(bytesToFeed)) is PyBytes rb ? rb.Data : Array.Empty<byte>();
            SetDecoded(_decoder!.Decode(ts, input, needEof));
            _snapshot = (decFlags, input);
            if (CodePoints.Length(_decoded) < charsToSkip) throw PyExc.OSError("can't restore logical file position");
            _decodedUsed = AdvanceCp(_decoded, 0, charsToSkip);
        }
        if (_encoder != null)
        {
            if (cookie.IsZero) _encoder.Reset(ts);
            else _encoder.SetStateZero(ts);
        }
        return cookieObj is PyInt ? cookieObj : PyInt.From(cookie);
    }

    // ---------------- Python methods ----------------

    [PyMethod]
    static long write(ThreadState ts, PyTextIOWrapper self, PyObject text)
    {
        self.CheckAttached();
        if (text is not PyStr s) throw PyExc.TypeError($"write() argument must be str, not {text.Type.Name}");
        self.CheckClosed(ts);
        self.Write(ts, s.Value);
        return s.CpLength;
    }

    [PyMethod]
    static PyObject read(ThreadState ts, PyTextIOWrapper self, PyObject? size = null)
    {
        self.CheckAttached();
        return new PyStr(self.Read(ts, IoModule.SizeArg(ts, size)));
    }

    [PyMethod]
    static PyObject readline(ThreadState ts, PyTextIOWrapper self, PyObject? size = null)
    {
        self.CheckAttached();
        return new PyStr(self.ReadLine(ts, IoModule.SizeArg(ts, size)));
    }

    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var t = (PyTextIOWrapper)self;
        t._telling = false;
        string line;
        if (t.Type.IsHeapType)
        {
            var l = Ops.CallMethod(ts, self, "readline");
            if (l is not PyStr ls) throw PyExc.OSError($"readline() should have returned a str object, not '{l.Type.Name}'");
            line = ls.Value;
        }
        else
        {
            t.CheckAttached();
            line = t.ReadLine(ts, -1);
        }
        if (line.Length == 0)
        {
            t._snapshot = null;
            t._telling = t._seekable;
            return null;
        }
        return new PyStr(line);
    }

    [PyMethod]
    static void flush(ThreadState ts, PyTextIOWrapper self)
    {
        self.CheckAttached();
        self.CheckClosed(ts);
        self._telling = self._seekable;
        self.FlushNative(ts);
    }

    [PyMethod]
    static void close(ThreadState ts, PyTextIOWrapper self)
    {
        var buffer = self.CheckAttached();
        if (self.BufferClosed(ts)) return;
        PyException? flushError = null;
        try { Ops.CallMethod(ts, self, "flush"); }
        catch (PyException e) { flushError = e; }
        try { Ops.CallMethod(ts, buffer, "close"); }
        catch (PyException e)
        {
            if (flushError != null) e.Value.Context = flushError.Value;
            throw;
        }
        if (flushError != null) throw flushError;
    }

    [PyMethod]
    static PyObject detach(ThreadState ts, PyTextIOWrapper self)
    {
        var buffer = self.CheckAttached();
        Ops.CallMethod(ts, self, "flush");
        self._detached = true;
        self._buffer = null;
        self._nativeBuffer = null;
        IoFinalization.Release(ts, buffer, self._bufferTracked);
        self._bufferTracked = false;
        return buffer;
    }

    [PyMethod] static PyObject tell(ThreadState ts, PyTextIOWrapper self) { self.CheckAttached(); return self.Tell(ts); }

    [PyMethod]
    static PyObject seek(ThreadState ts, PyTextIOWrapper self, PyObject cookie, int whence = 0)
    {
        self.CheckAttached();
        return self.Seek(ts, cookie, whence);
    }

    [PyMethod]
    static PyObject truncate(ThreadState ts, PyTextIOWrapper self, PyObject? pos = null)
    {
        var buffer = self.CheckAttached();
        Ops.CallMethod(ts, self, "flush");
        return Ops.CallMethod(ts, buffer, "truncate", pos == null || pos == PyNone.Value ? self.Tell(ts) : pos);
    }

    [PyMethod] static PyObject fileno(ThreadState ts, PyTextIOWrapper self) => Ops.CallMethod(ts, self.CheckAttached(), "fileno");
    [PyMethod] static PyObject isatty(ThreadState ts, PyTextIOWrapper self) => Ops.CallMethod(ts, self.CheckAttached(), "isatty");
    [PyMethod] static PyObject readable(ThreadState ts, PyTextIOWrapper self) => Ops.CallMethod(ts, self.CheckAttached(), "readable");
    [PyMethod] static PyObject writable(ThreadState ts, PyTextIOWrapper self) => Ops.CallMethod(ts, self.CheckAttached(), "writable");
    [PyMethod] static PyObject seekable(ThreadState ts, PyTextIOWrapper self) { self.CheckAttached(); return PyBool.From(self._seekable); }

    static readonly Signature s_reconfigureSig = new("reconfigure", new[] { "encoding", "errors", "newline", "line_buffering", "write_through" }, 0, 0, 5, false, false);

    [PyMethod]
    static void reconfigure(ThreadState ts, PyTextIOWrapper self, [PyKwArgs] PyDict? kw = null)
    {
        self.CheckAttached();
        PyObject? Get(string k) => kw?.GetStr(k);
        if (kw != null)
            foreach (var (k, _) in kw.Items())
            if (k is not PyStr ks || Array.IndexOf(s_reconfigureSig.Names, ks.Value) < 0)
                throw PyExc.TypeError($"'{Ops.StrString(ts, k)}' is an invalid keyword argument for reconfigure()");
        var encoding = Get("encoding"); var errors = Get("errors"); var newline = Get("newline");
        var lineBuffering = Get("line_buffering"); var writeThrough = Get("write_through");
        if (self._decoder != null && (encoding != null && encoding != PyNone.Value || errors != null && errors != PyNone.Value || newline != null))
            if (self._decodedUsed < self._decoded.Length || self._snapshot != null && self._snapshot.Value.Input.Length > 0)
                throw IoModule.Unsupported("It is not possible to set the encoding or newline of stream after the first read");
        string? nl = null; bool nlNone = false;
        if (newline != null) nl = CheckNewline(ts, newline, out nlNone);
        Ops.CallMethod(ts, self, "flush");
        if (encoding != null && encoding != PyNone.Value || errors != null && errors != PyNone.Value)
        {
            string enc = encoding is PyStr es ? es.Value : encoding == null || encoding == PyNone.Value ? self._encoding
                : throw PyExc.TypeError($"reconfigure() argument 'encoding' must be str or None, not {encoding.Type.Name}");
            string err = errors is PyStr rs ? rs.Value : errors == null || errors == PyNone.Value ? (encoding != null && encoding != PyNone.Value ? "strict" : self._errors)
                : throw PyExc.TypeError($"reconfigure() argument 'errors' must be str or None, not {errors.Type.Name}");
            self._encoding = enc;
            self._encodingObj = encoding is PyStr ? encoding : self._encodingObj;
            self._errors = err;
            self._codecInfo = null;
            if (TextEncoder.Native(enc, err) == null || TextDecoder.Native(enc, err) == null) self.LookupCodec(ts);
        }
        if (newline != null) self.SetNewline(nl, nlNone);
        if (encoding != null && encoding != PyNone.Value || errors != null && errors != PyNone.Value || newline != null)
        {
            self._decoder = null;
            self._encoder = null;
            self._encoderChecked = false;
            if (Ops.IsTrue(ts, Ops.CallMethod(ts, self._buffer!, "readable"))) self.GetDecoder(ts);
            if (Ops.IsTrue(ts, Ops.CallMethod(ts, self._buffer!, "writable"))) self.GetEncoder(ts);
        }
        if (lineBuffering != null && lineBuffering != PyNone.Value) self._lineBuffering = Ops.IsTrue(ts, lineBuffering);
        if (writeThrough != null && writeThrough != PyNone.Value) self._writeThrough = Ops.IsTrue(ts, writeThrough);
    }

    [PyGetter("encoding")] static PyObject GetEncoding(ThreadState ts, PyObject self) { var t = (PyTextIOWrapper)self; t.CheckInitOnly(); return t._encodingObj; }
    [PyGetter("errors")] static PyObject GetErrors(ThreadState ts, PyObject self) { var t = (PyTextIOWrapper)self; t.CheckInitOnly(); return new PyStr(t._errors); }
    [PyGetter("line_buffering")] static PyObject GetLineBuffering(ThreadState ts, PyObject self) { var t = (PyTextIOWrapper)self; t.CheckInitOnly(); return PyBool.From(t._lineBuffering); }
    [PyGetter("write_through")] static PyObject GetWriteThrough(ThreadState ts, PyObject self) { var t = (PyTextIOWrapper)self; t.CheckInitOnly(); return PyBool.From(t._writeThrough); }
    [PyGetter("buffer")] static PyObject GetBuffer(ThreadState ts, PyObject self) => ((PyTextIOWrapper)self).CheckAttached();
    [PyGetter("closed")] static PyObject GetClosed(ThreadState ts, PyObject self) => Ops.GetAttr(ts, ((PyTextIOWrapper)self).CheckAttached(), "closed");
    [PyGetter("name")] static PyObject GetName(ThreadState ts, PyObject self) => Ops.GetAttr(ts, ((PyTextIOWrapper)self).CheckAttached(), "name");
    [PyGetter("_finalizing")] static PyObject GetFinalizing(ThreadState ts, PyObject self) => PyBool.False;
    [PyGetter("_CHUNK_SIZE")] static PyObject GetChunkSize(ThreadState ts, PyObject self) { var t = (PyTextIOWrapper)self; t.CheckAttached(); return PyInt.From(t._chunkSize); }

    [PySetter("_CHUNK_SIZE")]
    static void SetChunkSize(ThreadState ts, PyObject self, PyObject? value)
    {
        var t = (PyTextIOWrapper)self;
        t.CheckAttached();
        if (value == null) throw PyExc.AttributeError("cannot delete attribute");
        long n = IoModule.IntArg(ts, value);
        if (n <= 0) throw PyExc.ValueError("a strictly positive integer is required");
        t._chunkSize = (int)Math.Min(n, int.MaxValue);
    }

    [PyGetter("newlines")]
    static PyObject GetNewlines(ThreadState ts, PyObject self)
    {
        var t = (PyTextIOWrapper)self;
        t.CheckAttached();
        return t._decoder == null || !t._readUniversal ? PyNone.Value : t._decoder.Newlines;
    }

    void CheckInitOnly()
    {
        if (!_initialized) throw PyExc.ValueError("I/O operation on uninitialized object");
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var t = (PyTextIOWrapper)self;
        string tn = t.Type.IsHeapType ? t.Type.FullName : "_io.TextIOWrapper";
        if (!t._initialized) return new PyStr($"<{tn}>");
        if (!ts.EnterRepr(self)) throw PyExc.RuntimeError($"reentrant call inside {tn}.__repr__");
        try
        {
            var sb = new System.Text.StringBuilder("<" + tn);
            try
            {
                var name = Ops.GetAttrOrNull(ts, self, PyStr.Intern("name"));
                if (name != null) sb.Append(" name=").Append(Ops.ReprString(ts, name));
            }
            catch (PyException e) when (e.Matches(ExceptionTypes.ValueError) || e.Matches(ExceptionTypes.AttributeError)) { }
            var mode = Ops.GetAttrOrNull(ts, self, PyStr.Intern("mode"));
            if (mode != null) sb.Append(" mode=").Append(Ops.ReprString(ts, mode));
            sb.Append(" encoding=").Append(Ops.ReprString(ts, t._encodingObj)).Append('>');
            return new PyStr(sb.ToString());
        }
        finally { ts.LeaveRepr(self); }
    }

    [PyMethod]
    static PyObject __getstate__(ThreadState ts, PyTextIOWrapper self) => throw PyExc.TypeError($"cannot pickle '{self.Type.Name}' instances");
}
