#nullable enable
using System;
using System.Runtime.InteropServices;
namespace StacklessIron.Modules.Bz2;

/// <summary>`_bz2.BZ2Decompressor`: decompresses one stream incrementally. Input it could not
/// use yet (max_length reached) is kept for the next call; input after the end of the stream
/// becomes unused_data. needs_input says whether more input is required for more output.</summary>
[PyType("BZ2Decompressor")]
public sealed unsafe class PyBZ2Decompressor : PyObject, ICodecStream
{
    public static readonly PyType TypeObject = PyType.Builtin("BZ2Decompressor", typeof(PyBZ2Decompressor), module: "_bz2");
    readonly BzStream* _bzs;
    bool _initialised;
    readonly IncrementalDecompressor _state = new();

    PyBZ2Decompressor(PyType type) : base(type) { _bzs = (BzStream*)NativeMemory.AllocZeroed((nuint)sizeof(BzStream)); }

    ~PyBZ2Decompressor()
    {
        if (_initialised) LibBz2.BZ2_bzDecompressEnd(_bzs);
        NativeMemory.Free(_bzs);
    }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null && kwnames.Items.Length > 0) throw PyExc.TypeError("BZ2Decompressor() takes no keyword arguments");
        if (args.Length > 0) throw PyExc.TypeError($"BZ2Decompressor() takes no arguments ({args.Length} given)");
        var d = new PyBZ2Decompressor(cls);
        LibBz2.Check(LibBz2.BZ2_bzDecompressInit(d._bzs, 0, 0));
        d._initialised = true;
        return d;
    }

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames) { }

    [PyGetter("eof")] static PyObject Eof(ThreadState ts, PyObject self) => PyBool.From(((PyBZ2Decompressor)self)._state.Eof);
    [PyGetter("unused_data")] static PyObject UnusedData(ThreadState ts, PyObject self) => ((PyBZ2Decompressor)self)._state.UnusedData;
    [PyGetter("needs_input")] static PyObject NeedsInput(ThreadState ts, PyObject self) => PyBool.From(((PyBZ2Decompressor)self)._state.NeedsInput);

    [PyMethod]
    static PyObject decompress(ThreadState ts, PyBZ2Decompressor self, [PyKeyword] PyObject data, long max_length = -1)
        => self._state.Decompress(self, PyBytes.Buffer(data), max_length, "End of stream already reached");

    void ICodecStream.SetInput(byte* input, int length) { _bzs->NextIn = input; _bzs->AvailIn = (uint)length; }

    int ICodecStream.Run(byte* output, int room, bool finish, out bool streamEnd)
    {
        _bzs->NextOut = output;
        _bzs->AvailOut = (uint)room;
        streamEnd = LibBz2.Check(LibBz2.BZ2_bzDecompress(_bzs)) == LibBz2.BZ_STREAM_END;
        return room - (int)_bzs->AvailOut;
    }

    int ICodecStream.InputLeft => (int)_bzs->AvailIn;

    void ICodecStream.ClearBuffers() { _bzs->NextIn = null; _bzs->NextOut = null; _bzs->AvailIn = 0; _bzs->AvailOut = 0; }

    [PyMethod] static PyObject __getstate__(ThreadState ts, PyObject self) => throw PyExc.TypeError($"cannot pickle '{(self.Type == TypeObject ? "_bz2.BZ2Decompressor" : self.Type.Name)}' object");
}
