#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>The `_io` module: the class hierarchy io.py builds on (_IOBase, _RawIOBase,
/// _BufferedIOBase, _TextIOBase and the concrete FileIO, BytesIO, StringIO, Buffered*,
/// TextIOWrapper, IncrementalNewlineDecoder), open(), open_code(), text_encoding(), and the
/// helpers the classes share (UnsupportedOperation, closed-file errors, size arguments).
/// _pyio.py is the specification of the semantics; names and messages follow the C module.</summary>
public static class IoModule
{
    public const int DefaultBufferSize = 8192;

    /// <summary>io.UnsupportedOperation: both an OSError and a ValueError.</summary>
    public static readonly PyType UnsupportedOperation = MakeUnsupported();

    static PyType MakeUnsupported()
    {
        var t = new PyType(TypeObjects.Type, "UnsupportedOperation", new[] { ExceptionTypes.OSError, ExceptionTypes.ValueError },
                           typeof(PyBaseException), TypeFlags.BaseType | TypeFlags.HeapType);
        t.FinishBuiltin("io", null);
        return t;
    }

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_io", "The io module provides the Python interfaces to stream handling.");
        NativeMembers.FillModule(m, typeof(IoModule));
        m.Set("DEFAULT_BUFFER_SIZE", PyInt.From(DefaultBufferSize));
        m.Set("UnsupportedOperation", UnsupportedOperation);
        m.Set("BlockingIOError", ExceptionTypes.BlockingIOError);
        m.Set("_IOBase", PyIOBase.TypeObject);
        m.Set("_RawIOBase", PyRawIOBase.TypeObject);
        m.Set("_BufferedIOBase", PyBufferedIOBase.TypeObject);
        m.Set("_TextIOBase", PyTextIOBase.TypeObject);
        m.Set("FileIO", PyFileIO.TypeObject);
        m.Set("BytesIO", PyBytesIO.TypeObject);
        m.Set("StringIO", PyStringIO.TypeObject);
        m.Set("BufferedReader", PyBuffered.ReaderType);
        m.Set("BufferedWriter", PyBuffered.WriterType);
        m.Set("BufferedRandom", PyBuffered.RandomType);
        m.Set("BufferedRWPair", PyBufferedRWPair.TypeObject);
        m.Set("TextIOWrapper", PyTextIOWrapper.TypeObject);
        m.Set("IncrementalNewlineDecoder", PyIncrementalNewlineDecoder.TypeObject);
        return m;
    }

    public static void Register() => Importer.NativeModules["_io"] = Create;

    // ---------------- shared helpers ----------------

    public static PyException Unsupported(string message) => PyExc.New(UnsupportedOperation, message);
    public static PyException ClosedFile() => PyExc.ValueError("I/O operation on closed file.");

    /// <summary>A size argument that may be None (= -1), as the C module's optional ssize_t.</summary>
    public static long SizeArg(ThreadState ts, PyObject? o)
    {
        if (o == null || o == PyNone.Value) return -1;
        if (o is PyInt i) return i.FitsLong ? i.Small : throw PyExc.OverflowError("Python int too large to convert to C ssize_t");
        if (o.Type.Index == null) throw PyExc.TypeError($"argument should be integer or None, not '{o.Type.Name}'");
        var v = Ops.Index(ts, o);
        return v.FitsLong ? v.Small : throw PyExc.OverflowError("Python int too large to convert to C ssize_t");
    }

    /// <summary>An index argument that must be an integer (seek offsets, truncate sizes).</summary>
    public static long IntArg(ThreadState ts, PyObject o)
    {
        if (o is PyInt i) return i.FitsLong ? i.Small : throw PyExc.OverflowError("Python int too large to convert to C long");
        if (o.Type.Index == null) throw PyExc.TypeError($"'{o.Type.Name}' object cannot be interpreted as an integer");
        var v = Ops.Index(ts, o);
        return v.FitsLong ? v.Small : throw PyExc.OverflowError("Python int too large to convert to C long");
    }

    /// <summary>obj.readable()/writable()/seekable(), answered natively for the builtin
    /// classes (the first call of a native method through Python compiles its invoker, which
    /// would cost start-up time for the standard streams).</summary>
    public static bool Ask(ThreadState ts, PyObject obj, string what)
    {
        if (!obj.Type.IsHeapType)
        {
            switch (obj)
            {
                case PyFileIO f when !f.IsClosedFd:
                    return what == "readable" ? f.Readable : what == "writable" ? f.Writable : f.Seekable();
                case PyHostConsoleRaw h:
                    return h.Can(what);
                case PyBuffered b when b.Raw != null && !b.IsClosedOrDetached:
                    return Ask(ts, b.Raw, what);
            }
        }
        return Ops.IsTrue(ts, Ops.CallMethod(ts, obj, what));
    }

    /// <summary>`self.closed` as Python sees it (a subclass may override the property).</summary>
    public static bool IsClosed(ThreadState ts, PyObject self) => Ops.IsTrue(ts, Ops.GetAttr(ts, self, "closed"));

    public static void CheckClosed(ThreadState ts, PyObject self)
    {
        if (IsClosed(ts, self)) throw ClosedFile();
    }

    /// <summary>A writable view of a readinto() target: bytearray or a writable memoryview.</summary>
    public static Span<byte> WritableBuffer(PyObject b)
    {
        switch (b)
        {
            case PyByteArray ba: return ba.WritableSpan;
            case PyMemoryView mv:
                if (mv.ReadOnly) throw PyExc.TypeError("readinto() argument must be read-write bytes-like object, not memoryview");
                return mv.WritableSpan;
        }
        throw PyExc.TypeError($"readinto() argument must be read-write bytes-like object, not {b.Type.Name}");
    }

    /// <summary>The bytes of a write() argument (bytes-like), copied so Python code cannot
    /// change them while they are in flight.</summary>
    public static ReadOnlySpan<byte> BytesArg(PyObject b)
    {
        if (b is PyBytes pb) return pb.Data;
        if (PyBytes.TryGetBuffer(b, out var m)) return m.Span;
        throw PyExc.TypeError($"a bytes-like object is required, not '{b.Type.Name}'");
    }

    // ---------------- open() ----------------

    [PyMethod]
    static PyObject open(ThreadState ts, [PyKeyword] PyObject file, PyObject? mode = null, PyObject? buffering = null, PyObject? encoding = null,
                         PyObject? errors = null, PyObject? newline = null, PyObject? closefd = null, PyObject? opener = null)
        => Open(ts, file, mode == null ? "r" : mode is PyStr ms ? ms.Value : throw PyExc.TypeError($"open() argument 'mode' must be str, not {mode.Type.Name}"),
                buffering == null ? -1 : (int)IntArg(ts, buffering), OptStr(encoding, "encoding"), OptStr(errors, "errors"), newline,
                closefd == null || Ops.IsTrue(ts, closefd), opener == null || opener == PyNone.Value ? null : opener);

    static string? OptStr(PyObject? o, string what)
    {
        if (o == null || o == PyNone.Value) return null;
        return o is PyStr s ? s.Value : throw PyExc.TypeError($"open() argument '{what}' must be str or None, not {o.Type.Name}");
    }

    public static PyObject Open(ThreadState ts, PyObject file, string mode, int buffering = -1, string? encoding = null, string? errors = null,
                                PyObject? newline = null, bool closefd = true, PyObject? opener = null)
    {
        if (file is not PyStr && file is not PyBytes && file is not PyInt && file.Type.Lookup("__fspath__") == null && file.Type.Index == null)
            throw PyExc.TypeError($"expected str, bytes or os.PathLike object, not {file.Type.Name}");
        bool creating = false, reading = false, writing = false, appending = false, updating = false, text = false, binary = false;
        var seen = new HashSet<char>();
        foreach (char c in mode)
        {
            if ("axrwb+t".IndexOf(c) < 0 || !seen.Add(c)) throw PyExc.ValueError($"invalid mode: '{mode}'");
            switch (c)
            {
                case 'x': creating = true; break;
                case 'r': reading = true; break;
                case 'w': writing = true; break;
                case 'a': appending = true; break;
                case '+': updating = true; break;
                case 't': text = true; break;
                case 'b': binary = true; break;
            }
        }
        string rawMode = (creating ? "x" : "") + (reading ? "r" : "") + (writing ? "w" : "") + (appending ? "a" : "") + (updating ? "+" : "");
        if (text && binary) throw PyExc.ValueError("can't have text and binary mode at once");
        if ((creating ? 1 : 0) + (reading ? 1 : 0) + (writing ? 1 : 0) + (appending ? 1 : 0) > 1)
            throw PyExc.ValueError("must have exactly one of create/read/write/append mode");
        if (!(creating || reading || writing || appending))
            throw PyExc.ValueError("Must have exactly one of create/read/write/append mode and at most one plus");
        if (binary && encoding != null) throw PyExc.ValueError("binary mode doesn't take an encoding argument");
        if (binary && errors != null) throw PyExc.ValueError("binary mode doesn't take an errors argument");
        if (binary && newline != null && newline != PyNone.Value) throw PyExc.ValueError("binary mode doesn't take a newline argument");
        if (binary && buffering == 1)
            Warn(ts, "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used", ExceptionTypes.RuntimeWarning);

        var raw = PyFileIO.Open(ts, PyFileIO.TypeObject, file, rawMode, closefd, opener);
        PyObject result = raw;
        try
        {
            bool lineBuffering = false;
            if (buffering == 1 || buffering < 0 && raw.IsATty()) { buffering = -1; lineBuffering = true; }
            if (buffering < 0) buffering = raw.BlockSize;
            if (buffering < 0) throw PyExc.ValueError("invalid buffering size");
            if (buffering == 0)
            {
                if (binary) return result;
                throw PyExc.ValueError("can't have unbuffered text I/O");
            }
            PyBuffered buffer;
            if (updating) buffer = new PyBuffered(PyBuffered.RandomType);
            else if (creating || writing || appending) buffer = new PyBuffered(PyBuffered.WriterType);
            else buffer = new PyBuffered(PyBuffered.ReaderType);
            buffer.Init(ts, raw, buffering);
            result = buffer;
            if (binary) return result;
            var textIo = new PyTextIOWrapper(PyTextIOWrapper.TypeObject);
            textIo.Init(ts, buffer, encoding, errors, newline, lineBuffering, false);
            result = textIo;
            textIo.Dict!.SetStr("mode", new PyStr(mode));
            return result;
        }
        catch
        {
            try { Ops.CallMethod(ts, result, "close"); } catch (PyException) { }
            throw;
        }
    }

    [PyMethod]
    static PyObject open_code(ThreadState ts, [PyKeyword] PyObject path)
    {
        if (path is not PyStr) throw PyExc.TypeError($"open_code() argument 'path' must be str, not {path.Type.Name}");
        return Open(ts, path, "rb");
    }

    [PyMethod]
    static PyObject text_encoding(ThreadState ts, PyObject encoding, int stacklevel = 2)
        => encoding == PyNone.Value ? PyStr.Intern("utf-8") : encoding;

    /// <summary>warnings.warn(message, category), when the warnings module can be imported.</summary>
    public static void Warn(ThreadState ts, string message, PyType category)
    {
        try
        {
            var warnings = Importer.ImportModuleLevel(ts, "warnings", null, PyNone.Value, 0);
            Ops.CallMethod(ts, warnings, "warn", new PyStr(message), category);
        }
        catch (PyException e) when (e.Matches(ExceptionTypes.ImportError)) { }
    }

    // ---------------- the standard streams ----------------

    /// <summary>sys.stdin/stdout/stderr as CPython sets them up on POSIX: a TextIOWrapper
    /// (utf-8; stderr with backslashreplace; newline "\n"; line-buffered when a tty, stderr
    /// always) over a BufferedReader/BufferedWriter over FileIO(fd, closefd=False), or over
    /// the host's reader/writer when it gave one.</summary>
    public static PyTextIOWrapper StandardStream(ThreadState ts, int fd, System.IO.TextReader? reader, System.IO.TextWriter? writer)
    {
        bool write = fd != 0;
        PyObject raw;
        bool tty = false;
        if (reader != null) raw = new PyHostConsoleRaw(reader, fd);
        else if (writer != null) raw = new PyHostConsoleRaw(writer, fd);
        else
        {
            var f = PyFileIO.Open(ts, PyFileIO.TypeObject, PyInt.From(fd), write ? "wb" : "rb", false, null);
            tty = IoSyscalls.IsATty(fd);
            raw = f;
        }
        string name = fd == 0 ? "<stdin>" : fd == 1 ? "<stdout>" : "<stderr>";
        raw.Dict!.SetStr("name", new PyStr(name));
        var buffer = new PyBuffered(write ? PyBuffered.WriterType : PyBuffered.ReaderType);
        buffer.Init(ts, raw, DefaultBufferSize);
        buffer.IsStandardStream = true;
        // the engine closes no standard stream when it is dropped (sys.stdout replaced), nor
        // its buffer when sys.stdout.detach() gives that back
        Finalization.Untrack(buffer);
        var text = new PyTextIOWrapper(PyTextIOWrapper.TypeObject);
        text.Init(ts, buffer, "utf-8", fd == 2 ? "backslashreplace" : StdioErrors(), PyStr.Intern("\n"), tty || fd == 2, false);
        text.Dict!.SetStr("mode", PyStr.Intern(write ? "w" : "r"));
        text.OwnerThread = ts;
        Finalization.Untrack(text);
        return text;
    }

    /// <summary>CPython's error handler for stdin/stdout: surrogateescape under the C/POSIX
    /// locale, the UTF-8 locales it coerces to, and UTF-8 mode; strict otherwise.</summary>
    static string StdioErrors()
    {
        static string? Env(string n) => Environment.GetEnvironmentVariable(n) is { Length: > 0 } v ? v : null;
        if (Env("PYTHONUTF8") == "1") return "surrogateescape";
        var loc = Env("LC_ALL") ?? Env("LC_CTYPE") ?? Env("LANG") ?? "C";
        return loc is "C" or "POSIX" or "C.UTF-8" or "C.utf8" or "UTF-8" ? "surrogateescape" : "strict";
    }

    // ---------------- files still open at exit ----------------

    static readonly List<WeakReference<PyObject>> s_openWriters = new();

    /// <summary>Remembers a buffered writer or text wrapper so its data reaches the file even
    /// if the program never closes it: CPython flushes such objects when their last reference
    /// goes away; here they are flushed at exit and before another file is opened.</summary>
    public static void TrackWriter(PyObject o)
    {
        lock (s_openWriters)
        {
            if (s_openWriters.Count > 64) s_openWriters.RemoveAll(w => !w.TryGetTarget(out var t) || IsDone(t));
            s_openWriters.Add(new WeakReference<PyObject>(o));
        }
    }

    static bool IsDone(PyObject o) => o is PyBuffered b ? b.IsClosedOrDetached : o is PyTextIOWrapper t && t.IsClosedOrDetached;

    /// <summary>Flushes every tracked writer that is still open (text wrappers first, so their
    /// pending text reaches the buffer before the buffer reaches the file).</summary>
    public static void FlushOpenWriters(ThreadState ts, bool includeStandardStreams = true)
    {
        List<PyObject> live = new();
        lock (s_openWriters)
        {
            s_openWriters.RemoveAll(w => !w.TryGetTarget(out var t) || IsDone(t));
            foreach (var w in s_openWriters) if (w.TryGetTarget(out var t)) live.Add(t);
        }
        foreach (var o in live)
            if (o is PyTextIOWrapper t && (includeStandardStreams || t.OwnerThread == null)) { try { t.FlushNative(ts); } catch (PyException) { } }
        foreach (var o in live)
            if (o is PyBuffered b && (includeStandardStreams || !b.IsStandardStream)) { try { b.FlushNative(ts); } catch (PyException) { } }
    }
}
