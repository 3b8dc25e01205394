#nullable enable
using System;
using System.IO;
using System.Runtime.InteropServices;
namespace StacklessIron.Modules.Lzma;

/// <summary>`_lzma.LZMADecompressor`: decompresses one stream (.xz, .lzma, raw, or either of
/// the first two with FORMAT_AUTO) incrementally, with max_length, needs_input, unused_data
/// and the stream's integrity check kind.</summary>
[PyType("LZMADecompressor")]
public sealed unsafe class PyLZMADecompressor : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("LZMADecompressor", typeof(PyLZMADecompressor), module: "_lzma");
    readonly LzmaStream* _lzs;
    bool _initialised, _eof, _needsInput = true;
    int _check = LzmaModule.CHECK_UNKNOWN;
    byte[] _pending = Array.Empty<byte>();
    PyBytes _unusedData = PyBytes.Empty;

    PyLZMADecompressor(PyType type) : base(type) { _lzs = (LzmaStream*)NativeMemory.AllocZeroed(LibLzma.StreamSize); }

    ~PyLZMADecompressor()
    {
        if (_initialised) LibLzma.lzma_end(_lzs);
        NativeMemory.Free(_lzs);
    }

    static readonly Signature s_sig = new("LZMADecompressor", new[] { "format", "memlimit", "filters" }, 0, 3, 0, false, false);
    static readonly bool[] s_optional = { true, true, true };

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var a = new PyObject?[3];
        s_sig.Bind(ts, args, kwnames, a, null, null, s_optional);
        int format = a[0] == null ? LzmaModule.FORMAT_AUTO : (int)Ops.Index(ts, a[0]!).Small;
        var memlimitObj = a[1] == null || a[1] == PyNone.Value ? null : a[1];
        var filters = a[2] == null || a[2] == PyNone.Value ? null : a[2];
        ulong memlimit = ulong.MaxValue;
        if (memlimitObj != null)
        {
            if (format == LzmaModule.FORMAT_RAW) throw PyExc.ValueError("Cannot specify memory limit with FORMAT_RAW");
            var m = Ops.Index(ts, memlimitObj);
            memlimit = m.FitsLong ? unchecked((ulong)m.Small) : (ulong)m.Big;
        }
        if (format == LzmaModule.FORMAT_RAW && filters == null) throw PyExc.ValueError("Must specify filters for FORMAT_RAW");
        if (format != LzmaModule.FORMAT_RAW && filters != null) throw PyExc.ValueError("Cannot specify filters except with FORMAT_RAW");
        var d = new PyLZMADecompressor(cls);
        const uint flags = LibLzma.LZMA_TELL_ANY_CHECK | LibLzma.LZMA_TELL_NO_CHECK;
        switch (format)
        {
            case LzmaModule.FORMAT_AUTO: LibLzma.Check(LibLzma.lzma_auto_decoder(d._lzs, memlimit, flags)); break;
            case LzmaModule.FORMAT_XZ: LibLzma.Check(LibLzma.lzma_stream_decoder(d._lzs, memlimit, flags)); break;
            case LzmaModule.FORMAT_ALONE:
                d._check = LzmaModule.CHECK_NONE;
                LibLzma.Check(LibLzma.lzma_alone_decoder(d._lzs, memlimit));
                break;
            case LzmaModule.FORMAT_RAW:
                d._check = LzmaModule.CHECK_NONE;
                using (var f = LzmaFilters.FromSpecs(ts, filters!)) LibLzma.Check(LibLzma.lzma_raw_decoder(d._lzs, f.Chain));
                break;
            default: throw PyExc.ValueError($"Invalid container format: {format}");
        }
        d._initialised = true;
        return d;
    }

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames) { }

    [PyGetter("eof")] static PyObject Eof(ThreadState ts, PyObject self) => PyBool.From(((PyLZMADecompressor)self)._eof);
    [PyGetter("unused_data")] static PyObject UnusedData(ThreadState ts, PyObject self) => ((PyLZMADecompressor)self)._unusedData;
    [PyGetter("needs_input")] static PyObject NeedsInput(ThreadState ts, PyObject self) => PyBool.From(((PyLZMADecompressor)self)._needsInput);
    [PyGetter("check")] static PyObject GetCheck(ThreadState ts, PyObject self) => PyInt.From(((PyLZMADecompressor)self)._check);

    [PyMethod]
    static PyObject decompress(ThreadState ts, PyLZMADecompressor self, [PyKeyword] PyObject data, long max_length = -1)
    {
        var fresh = PyBytes.Buffer(data);
        if (self._eof) throw PyExc.EOFError("Already at end of stream");
        byte[] input;
        if (self._pending.Length > 0)
        {
            input = new byte[self._pending.Length + fresh.Length];
            self._pending.CopyTo(input, 0);
            fresh.CopyTo(input.AsSpan(self._pending.Length));
        }
        else input = fresh.ToArray();
        var output = new MemoryStream();
        var chunk = new byte[max_length >= 0 ? (int)Math.Min(max_length, 1 << 20) : Math.Max(8192, Math.Min(input.Length * 4, 1 << 20))];
        bool outputFull = false;
        int left;
        fixed (byte* inp = input)
        fixed (byte* outp = chunk)
        {
            self._lzs->NextIn = inp;
            self._lzs->AvailIn = (nuint)input.Length;
            try
            {
                while (true)
                {
                    long room = max_length >= 0 ? Math.Min(chunk.Length, max_length - output.Length) : chunk.Length;
                    if (room == 0) { outputFull = true; break; }
                    self._lzs->NextOut = outp;
                    self._lzs->AvailOut = (nuint)room;
                    int r = LibLzma.Check(LibLzma.lzma_code(self._lzs, LibLzma.LZMA_RUN));
                    output.Write(chunk, 0, (int)room - (int)self._lzs->AvailOut);
                    if (r == LibLzma.LZMA_GET_CHECK || r == LibLzma.LZMA_NO_CHECK) self._check = LibLzma.lzma_get_check(self._lzs);
                    if (r == LibLzma.LZMA_STREAM_END) { self._eof = true; break; }
                    if (self._lzs->AvailIn == 0 && self._lzs->AvailOut != 0) break;
                    if (self._lzs->AvailIn == 0 && max_length >= 0 && output.Length >= max_length) { outputFull = true; break; }
                }
            }
            finally
            {
                left = (int)self._lzs->AvailIn;
                self._lzs->NextIn = null; self._lzs->NextOut = null; self._lzs->AvailIn = 0; self._lzs->AvailOut = 0;
            }
        }
        var rest = input.AsSpan(input.Length - left);
        if (self._eof)
        {
            self._needsInput = false;
            self._pending = Array.Empty<byte>();
            if (rest.Length > 0) self._unusedData = PyBytes.From(rest.ToArray());
        }
        else if (rest.Length == 0)
        {
            self._pending = Array.Empty<byte>();
            self._needsInput = !outputFull;
        }
        else
        {
            self._needsInput = false;
            self._pending = rest.ToArray();
        }
        return PyBytes.From(output.ToArray());
    }

    [PyMethod] static PyObject __getstate__(ThreadState ts, PyObject self) => throw PyExc.TypeError($"cannot pickle '{(self.Type == TypeObject ? "_lzma.LZMADecompressor" : self.Type.Name)}' object");
}
