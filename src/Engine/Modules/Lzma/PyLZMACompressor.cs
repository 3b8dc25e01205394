#nullable enable
using System;
using System.Runtime.InteropServices;
namespace StacklessIron.Modules.Lzma;

/// <summary>`_lzma.LZMACompressor`: compresses incrementally to an .xz stream, a legacy .lzma
/// (FORMAT_ALONE) stream, or a raw filter chain; flush() ends the stream.</summary>
[PyType("LZMACompressor")]
public sealed unsafe class PyLZMACompressor : PyObject, ICodecStream
{
    public static readonly PyType TypeObject = PyType.Builtin("LZMACompressor", typeof(PyLZMACompressor), module: "_lzma");
    readonly LzmaStream* _lzs;
    bool _initialised;
    readonly IncrementalCompressor _state = new();

    PyLZMACompressor(PyType type) : base(type) { _lzs = (LzmaStream*)NativeMemory.AllocZeroed(LibLzma.StreamSize); }

    ~PyLZMACompressor()
    {
        if (_initialised) LibLzma.lzma_end(_lzs);
        NativeMemory.Free(_lzs);
    }

    static readonly Signature s_sig = new("LZMACompressor", new[] { "format", "check", "preset", "filters" }, 0, 4, 0, false, false);
    static readonly bool[] s_optional = { true, true, true, true };

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var a = new PyObject?[4];
        s_sig.Bind(ts, args, kwnames, a, null, null, s_optional);
        int format = a[0] == null ? LzmaModule.FORMAT_XZ : (int)Ops.Index(ts, a[0]!).Small;
        int check = a[1] == null ? -1 : (int)Ops.Index(ts, a[1]!).Small;
        var presetObj = a[2] == null || a[2] == PyNone.Value ? null : a[2];
        var filters = a[3] == null || a[3] == PyNone.Value ? null : a[3];
        if (format != LzmaModule.FORMAT_XZ && check != -1 && check != LzmaModule.CHECK_NONE)
            throw PyExc.ValueError("Integrity checks are only supported by FORMAT_XZ");
        if (presetObj != null && filters != null) throw PyExc.ValueError("Cannot specify both preset and filter chain");
        uint preset = 6;
        if (presetObj != null)
        {
            var p = Ops.Index(ts, presetObj);
            if (!p.FitsLong || p.Small < 0 || p.Small > uint.MaxValue) throw PyExc.OverflowError("Value too large for uint32_t type");
            preset = (uint)p.Small;
        }
        var c = new PyLZMACompressor(cls);
        switch (format)
        {
            case LzmaModule.FORMAT_XZ:
                if (check == -1) check = LzmaModule.CHECK_CRC64;
                if (filters == null) LibLzma.Check(LibLzma.lzma_easy_encoder(c._lzs, preset, check));
                else using (var f = LzmaFilters.FromSpecs(ts, filters)) LibLzma.Check(LibLzma.lzma_stream_encoder(c._lzs, f.Chain, check));
                break;
            case LzmaModule.FORMAT_ALONE:
                if (filters == null)
                {
                    void* opts = NativeMemory.AllocZeroed(LibLzma.OptionsSize);
                    try
                    {
                        if (LibLzma.lzma_lzma_preset(opts, preset) != 0) throw LzmaModule.Fail($"Invalid compression preset: {preset}");
                        LibLzma.Check(LibLzma.lzma_alone_encoder(c._lzs, opts));
                    }
                    finally { NativeMemory.Free(opts); }
                }
                else using (var f = LzmaFilters.FromSpecs(ts, filters))
                {
                    if (f.Count != 1 || f.Chain[0].Id != LibLzma.FILTER_LZMA1)
                        throw PyExc.ValueError("Invalid filter chain for FORMAT_ALONE - must be a single LZMA1 filter");
                    LibLzma.Check(LibLzma.lzma_alone_encoder(c._lzs, f.Chain[0].Options));
                }
                break;
            case LzmaModule.FORMAT_RAW:
                if (filters == null) throw PyExc.ValueError("Must specify filters for FORMAT_RAW");
                using (var f = LzmaFilters.FromSpecs(ts, filters)) LibLzma.Check(LibLzma.lzma_raw_encoder(c._lzs, f.Chain));
                break;
            default:
                throw PyExc.ValueError($"Invalid container format: {format}");
        }
        c._initialised = true;
        return c;
    }

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames) { }

    [PyMethod]
    static PyObject compress(ThreadState ts, PyLZMACompressor self, PyObject data) => self._state.Compress(self, PyBytes.Buffer(data));

    [PyMethod]
    static PyObject flush(ThreadState ts, PyLZMACompressor self) => self._state.Flush(self);

    void ICodecStream.SetInput(byte* input, int length) { _lzs->NextIn = input; _lzs->AvailIn = (nuint)length; }

    int ICodecStream.Run(byte* output, int room, bool finish, out bool streamEnd)
    {
        _lzs->NextOut = output;
        _lzs->AvailOut = (nuint)room;
        streamEnd = LibLzma.Check(LibLzma.lzma_code(_lzs, finish ? LibLzma.LZMA_FINISH : LibLzma.LZMA_RUN)) == LibLzma.LZMA_STREAM_END;
        return room - (int)_lzs->AvailOut;
    }

    int ICodecStream.InputLeft => (int)_lzs->AvailIn;

    void ICodecStream.ClearBuffers() { _lzs->NextIn = null; _lzs->NextOut = null; _lzs->AvailIn = 0; _lzs->AvailOut = 0; }

    [PyMethod] static PyObject __getstate__(ThreadState ts, PyObject self) => throw PyExc.TypeError($"cannot pickle '{(self.Type == TypeObject ? "_lzma.LZMACompressor" : self.Type.Name)}' object");
}
