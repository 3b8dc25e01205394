#nullable enable
using System;
using System.IO;
using System.Runtime.InteropServices;
namespace StacklessIron.Modules.Bz2;

/// <summary>`_bz2.BZ2Compressor`: compresses data incrementally; flush() ends the stream.</summary>
[PyType("BZ2Compressor")]
public sealed unsafe class PyBZ2Compressor : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("BZ2Compressor", typeof(PyBZ2Compressor), module: "_bz2");
    readonly BzStream* _bzs;
    bool _initialised, _flushed;

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

    byte[] Run(ReadOnlySpan<byte> input, int action)
    {
        var output = new MemoryStream();
        var chunk = new byte[Math.Max(8192, Math.Min(input.Length, 1 << 20))];
        fixed (byte* inp = input)
        fixed (byte* outp = chunk)
        {
            _bzs->NextIn = inp;
            _bzs->AvailIn = (uint)input.Length;
            while (true)
            {
                if (action == LibBz2.BZ_RUN && _bzs->AvailIn == 0) break;
                _bzs->NextOut = outp;
                _bzs->AvailOut = (uint)chunk.Length;
                int r = LibBz2.Check(LibBz2.BZ2_bzCompress(_bzs, action));
                output.Write(chunk, 0, chunk.Length - (int)_bzs->AvailOut);
                if (action == LibBz2.BZ_FINISH && r == LibBz2.BZ_STREAM_END) break;
            }
            _bzs->NextIn = null; _bzs->NextOut = null; _bzs->AvailIn = 0; _bzs->AvailOut = 0;
        }
        return output.ToArray();
    }

    [PyMethod]
    static PyObject compress(ThreadState ts, PyBZ2Compressor self, PyObject data)
    {
        var input = PyBytes.Buffer(data);
        if (self._flushed) throw PyExc.ValueError("Compressor has been flushed");
        return PyBytes.From(self.Run(input, LibBz2.BZ_RUN));
    }

    [PyMethod]
    static PyObject flush(ThreadState ts, PyBZ2Compressor self)
    {
        if (self._flushed) throw PyExc.ValueError("Repeated call to flush()");
        self._flushed = true;
        return PyBytes.From(self.Run(ReadOnlySpan<byte>.Empty, LibBz2.BZ_FINISH));
    }

    [PyMethod] static PyObject __getstate__(ThreadState ts, PyObject self) => throw PyExc.TypeError($"cannot pickle '{(self.Type == TypeObject ? "_bz2.BZ2Compressor" : self.Type.Name)}' object");
}
