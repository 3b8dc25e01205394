#nullable enable
using System;
namespace StacklessIron.Modules.Zlib;

/// <summary>`zlib.Compress`, what compressobj() returns: a deflate stream fed piece by piece.</summary>
[PyType("Compress")]
public sealed class PyCompress : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("Compress", typeof(PyCompress), subclassable: false, module: "zlib");
    internal readonly ZStream Stream;

    internal PyCompress(ZStream stream) : base(TypeObject) { Stream = stream; }

    [PyMethod]
    static PyObject compress(ThreadState ts, PyCompress self, PyObject data)
    {
        var input = PyBytes.Buffer(data);
        var output = new ZOutput();
        int err = ZPump.Run(self.Stream, input, LibZ.Z_NO_FLUSH, output, 0, null, out _);
        if (err == LibZ.Z_STREAM_ERROR) throw ZlibModule.Fail(self.Stream, err, "while compressing data");
        return output.ToBytes();
    }

    [PyMethod]
    static PyObject flush(ThreadState ts, PyCompress self, int mode = LibZ.Z_FINISH)
    {
        if (mode == LibZ.Z_NO_FLUSH) return PyBytes.Empty;
        var output = new ZOutput();
        int err = ZPump.Run(self.Stream, ReadOnlySpan<byte>.Empty, mode, output, 0, null, out _);
        if (err == LibZ.Z_STREAM_ERROR) throw ZlibModule.Fail(self.Stream, err, "while flushing");
        if (mode == LibZ.Z_FINISH && err == LibZ.Z_STREAM_END)
        {
            err = self.Stream.End();
            if (err != LibZ.Z_OK) throw ZlibModule.Fail(self.Stream, err, "while finishing compression");
        }
        else if (err != LibZ.Z_OK && err != LibZ.Z_BUF_ERROR) throw ZlibModule.Fail(self.Stream, err, "while flushing");
        return output.ToBytes();
    }

    [PyMethod]
    static PyObject copy(ThreadState ts, PyCompress self)
    {
        if (!self.Stream.Initialised) throw PyExc.ValueError("Inconsistent stream state");
        var c = self.Stream.Copy(out int err);
        return err switch
        {
            LibZ.Z_OK => new PyCompress(c!),
            LibZ.Z_STREAM_ERROR => throw PyExc.ValueError("Inconsistent stream state"),
            LibZ.Z_MEM_ERROR => throw ZlibModule.NoMemory("Can't allocate memory for compression object"),
            _ => throw ZlibModule.Fail(self.Stream, err, "while copying compression object"),
        };
    }

    [PyMethod] static PyObject __copy__(ThreadState ts, PyCompress self) => copy(ts, self);
    [PyMethod] static PyObject __deepcopy__(ThreadState ts, PyCompress self, PyObject memo) => copy(ts, self);
}
