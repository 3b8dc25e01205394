#nullable enable
using System;
using System.Runtime.InteropServices;
namespace StacklessIron.Modules.Lzma;

/// <summary>`_lzma.LZMADecompressor`: decompresses one stream (.xz, .lzma, raw, or either of
/// the first two with FORMAT_AUTO) incrementally, with max_length, needs_input, unused_data
/// and the stream's integrity check kind.</summary>
[PyType("LZMADecompressor")]
public sealed unsafe class PyLZMADecompressor : PyObject, ICodecStream
{
    public static readonly PyType TypeObject = PyType.Builtin("LZMADecompressor", typeof(PyLZMADecompressor), module: "_lzma");
    readonly LzmaStream* _lzs;
    bool _initialised;
    int _check = LzmaModule.CHECK_UNKNOWN;
    readonly IncrementalDecompressor _state = new();

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

    [PyGetter("eof")] static PyObject Eof(ThreadState ts, PyObject self) => PyBool.From(((PyLZMADecompressor)self)._state.Eof);
    [PyGetter("unused_data")] static PyObject UnusedData(ThreadState ts, PyObject self) => ((PyLZMADecompressor)self)._state.UnusedData;
    [PyGetter("needs_input")] static PyObject NeedsInput(ThreadState ts, PyObject self) => PyBool.From(((PyLZMADecompressor)self)._state.NeedsInput);
    [PyGetter("check")] static PyObject GetCheck(ThreadState ts, PyObject self) => PyInt.From(((PyLZMADecompressor)self)._check);

    [PyMethod]
    static PyObject decompress(ThreadState ts, PyLZMADecompressor self, [PyKeyword] PyObject data, long max_length = -1)
        => self._state.Decompress(self, PyBytes.Buffer(data), max_length, "Already at end of stream");

    void ICodecStream.SetInput(byte* input, int length) { _lzs->NextIn = input; _lzs->AvailIn = (nuint)length; }

    int ICodecStream.Run(byte* output, int room, bool finish, out bool streamEnd)
    {
        _lzs->NextOut = output;
        _lzs->AvailOut = (nuint)room;
        int r = LibLzma.Check(LibLzma.lzma_code(_lzs, LibLzma.LZMA_RUN));
        if (r == LibLzma.LZMA_GET_CHECK || r == LibLzma.LZMA_NO_CHECK) _check = LibLzma.lzma_get_check(_lzs);
        streamEnd = r == LibLzma.LZMA_STREAM_END;
        return room - (int)_lzs->AvailOut;
    }

    int ICodecStream.InputLeft => (int)_lzs->AvailIn;

    void ICodecStream.ClearBuffers() { _lzs->NextIn = null; _lzs->NextOut = null; _lzs->AvailIn = 0; _lzs->AvailOut = 0; }

    [PyMethod] static PyObject __getstate__(ThreadState ts, PyObject self) => throw PyExc.TypeError($"cannot pickle '{(self.Type == TypeObject ? "_lzma.LZMADecompressor" : self.Type.Name)}' object");
}
