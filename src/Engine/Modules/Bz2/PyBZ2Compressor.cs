#nullable enable
using System;
using System.Runtime.InteropServices;
namespace StacklessIron.Modules.Bz2;

/// <summary>`_bz2.BZ2Compressor`: compresses data incrementally; flush() ends the stream.</summary>
[PyType("BZ2Compressor")]
public sealed unsafe class PyBZ2Compressor : PyObject, ICodecStream
{
    public static readonly PyType TypeObject = PyType.Builtin("BZ2Compressor", typeof(PyBZ2Compressor), module: "_bz2");
    readonly BzStream* _bzs;
    bool _initialised;
    readonly IncrementalCompressor _state = new();

    PyBZ2Compressor(PyType type) : base(type) { _bzs = (BzStream*)NativeMemory.AllocZeroed((nuint)sizeof(BzStream)); }

    ~PyBZ2Compressor()
    {
        if (_initialised) LibBz2.BZ2_bzCompressEnd(_bzs);
        NativeMemory.Free(_bzs);
    }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null && kwnames.Items.Length > 0) throw PyExc.TypeError("BZ2Compressor() takes no keyword arguments");
        if (args.Length > 1) throw PyExc.TypeError($"BZ2Compressor expected at most 1 argument, got {args.Length}");
        int level = 9;
        if (args.Length == 1)
        {
            if (args[0] is PyFloat) throw PyExc.TypeError("'float' object cannot be interpreted as an integer");
            var v = Ops.Index(ts, args[0]);
            level = v.FitsLong && v.Small >= 1 && v.Small <= 9 ? (int)v.Small : 0;
        }
        if (level < 1 || level > 9) throw PyExc.ValueError("compresslevel must be between 1 and 9");
        var c = new PyBZ2Compressor(cls);
        LibBz2.Check(LibBz2.BZ2_bzCompressInit(c._bzs, level, 0, 0));
        c._initialised = true;
        return c;
    }

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames) { }

    [PyMethod]
    static PyObject compress(ThreadState ts, PyBZ2Compressor self, PyObject data) => self._state.Compress(self, PyBytes.Buffer(data));

    [PyMethod]
    static PyObject flush(ThreadState ts, PyBZ2Compressor self) => self._state.Flush(self);

    void ICodecStream.SetInput(byte* input, int length) { _bzs->NextIn = input; _bzs->AvailIn = (uint)length; }

    int ICodecStream.Run(byte* output, int room, bool finish, out bool streamEnd)
    {
        _bzs->NextOut = output;
        _bzs->AvailOut = (uint)room;
        streamEnd = LibBz2.Check(LibBz2.BZ2_bzCompress(_bzs, finish ? LibBz2.BZ_FINISH : LibBz2.BZ_RUN)) == LibBz2.BZ_STREAM_END;
        return room - (int)_bzs->AvailOut;
    }

    int ICodecStream.InputLeft => (int)_bzs->AvailIn;

    void ICodecStream.ClearBuffers() { _bzs->NextIn = null; _bzs->NextOut = null; _bzs->AvailIn = 0; _bzs->AvailOut = 0; }

    [PyMethod] static PyObject __getstate__(ThreadState ts, PyObject self) => throw PyExc.TypeError($"cannot pickle '{(self.Type == TypeObject ? "_bz2.BZ2Compressor" : self.Type.Name)}' object");
}
