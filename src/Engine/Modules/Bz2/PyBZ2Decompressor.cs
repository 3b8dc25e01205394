#nullable enable
using System;
using System.IO;
using System.Runtime.InteropServices;
namespace StacklessIron.Modules.Bz2;

/// <summary>`_bz2.BZ2Decompressor`: decompresses one stream incrementally. Input it could not
/// use yet (max_length reached) is kept for the next call; input after the end of the stream
/// becomes unused_data. needs_input says whether more input is required for more output.</summary>
[PyType("BZ2Decompressor")]
public sealed unsafe class PyBZ2Decompressor : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("BZ2Decompressor", typeof(PyBZ2Decompressor), module: "_bz2");
    readonly BzStream* _bzs;
    bool _initialised, _eof, _needsInput = true;
    byte[] _pending = Array.Empty<byte>();   // input held over from the previous call
    PyBytes _unusedData = PyBytes.Empty;

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

    [PyGetter("eof")] static PyObject Eof(ThreadState ts, PyObject self) => PyBool.From(((PyBZ2Decompressor)self)._eof);
    [PyGetter("unused_data")] static PyObject UnusedData(ThreadState ts, PyObject self) => ((PyBZ2Decompressor)self)._unusedData;
    [PyGetter("needs_input")] static PyObject NeedsInput(ThreadState ts, PyObject self) => PyBool.From(((PyBZ2Decompressor)self)._needsInput);

    [PyMethod]
    static PyObject decompress(ThreadState ts, PyBZ2Decompressor self, [PyKeyword] PyObject data, long max_length = -1)
    {
        var fresh = PyBytes.Buffer(data);
        if (self._eof) throw PyExc.EOFError("End of stream already reached");
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
            self._bzs->NextIn = inp;
            self._bzs->AvailIn = (uint)input.Length;
            while (true)
            {
                long room = max_length >= 0 ? Math.Min(chunk.Length, max_length - output.Length) : chunk.Length;
                if (room == 0) { outputFull = true; break; }
                self._bzs->NextOut = outp;
                self._bzs->AvailOut = (uint)room;
                int r = LibBz2.Check(LibBz2.BZ2_bzDecompress(self._bzs));
                output.Write(chunk, 0, (int)room - (int)self._bzs->AvailOut);
                if (r == LibBz2.BZ_STREAM_END) { self._eof = true; break; }
                if (self._bzs->AvailIn == 0 && self._bzs->AvailOut != 0) break;
                if (self._bzs->AvailIn == 0 && self._bzs->AvailOut == 0 && max_length >= 0 && output.Length >= max_length) { outputFull = true; break; }
            }
            left = (int)self._bzs->AvailIn;
            self._bzs->NextIn = null; self._bzs->NextOut = null; self._bzs->AvailIn = 0; self._bzs->AvailOut = 0;
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
            // Output room used up: the decoder may still hold output for the next call.
            self._needsInput = !outputFull;
        }
        else
        {
            self._needsInput = false;
            self._pending = rest.ToArray();
        }
        return PyBytes.From(output.ToArray());
    }

    [PyMethod] static PyObject __getstate__(ThreadState ts, PyObject self) => throw PyExc.TypeError($"cannot pickle '{(self.Type == TypeObject ? "_bz2.BZ2Decompressor" : self.Type.Name)}' object");
}
