#nullable enable
using System;
namespace StacklessIron.Modules.Zlib;

/// <summary>`zlib.Decompress`, what decompressobj() returns: an inflate stream fed piece by
/// piece, keeping the input past the end of the stream (unused_data) and the input it had
/// no output room for under max_length (unconsumed_tail).</summary>
[PyType("Decompress")]
public sealed class PyDecompress : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("Decompress", typeof(PyDecompress), subclassable: false, module: "zlib");
    internal readonly ZStream Stream;
    readonly byte[]? _zdict;
    PyBytes _unusedData = PyBytes.Empty, _unconsumedTail = PyBytes.Empty;
    bool _eof;

    internal PyDecompress(ZStream stream, byte[]? zdict) : base(TypeObject) { Stream = stream; _zdict = zdict; }

    [PyGetter("unused_data")] static PyObject UnusedData(ThreadState ts, PyObject self) => ((PyDecompress)self)._unusedData;
    [PyGetter("unconsumed_tail")] static PyObject UnconsumedTail(ThreadState ts, PyObject self) => ((PyDecompress)self)._unconsumedTail;
    [PyGetter("eof")] static PyObject Eof(ThreadState ts, PyObject self) => PyBool.From(((PyDecompress)self)._eof);

    /// <summary>Gives zlib the dictionary (on Z_NEED_DICT, or up front for a raw stream).</summary>
    internal void SetDictionary()
    {
        int err = Stream.SetDictionary(_zdict!);
        if (err != LibZ.Z_OK) throw ZlibModule.Fail(Stream, err, "while setting zdict");
    }

    bool OnNeedDict()
    {
        if (_zdict == null) return false;
        SetDictionary();
        return true;
    }

    /// <summary>After a run: input past the stream's end joins unused_data; input left for
    /// lack of output room becomes unconsumed_tail.</summary>
    void SaveUnconsumedInput(ReadOnlySpan<byte> input, int consumed, int err)
    {
        var rest = input[consumed..];
        if (err == LibZ.Z_STREAM_END)
        {
            if (rest.Length > 0)
            {
                var joined = new byte[_unusedData.Data.Length + rest.Length];
                _unusedData.Data.CopyTo(joined, 0);
                rest.CopyTo(joined.AsSpan(_unusedData.Data.Length));
                _unusedData = PyBytes.From(joined);
            }
            rest = ReadOnlySpan<byte>.Empty;
        }
        if (rest.Length > 0 || _unconsumedTail.Data.Length > 0) _unconsumedTail = PyBytes.From(rest.ToArray());
    }

    [PyMethod]
    static PyObject decompress(ThreadState ts, PyDecompress self, PyObject data, [PyKeyword] long max_length = 0)
    {
        if (max_length < 0) throw PyExc.ValueError("max_length must be non-negative");
        var input = PyBytes.Buffer(data);
        var output = new ZOutput();
        int err = ZPump.Run(self.Stream, input, LibZ.Z_SYNC_FLUSH, output, max_length, self.OnNeedDict, out int consumed);
        self.SaveUnconsumedInput(input, consumed, err);
        if (err == LibZ.Z_STREAM_END) self._eof = true;
        else if (err == LibZ.Z_MEM_ERROR) throw ZlibModule.NoMemory("Out of memory while decompressing data");
        else if (err != LibZ.Z_OK && err != LibZ.Z_BUF_ERROR) throw ZlibModule.Fail(self.Stream, err, "while decompressing data");
        return output.ToBytes();
    }

    [PyMethod]
    static PyObject flush(ThreadState ts, PyDecompress self, long length = LibZ.DEF_BUF_SIZE)
    {
        if (length <= 0) throw PyExc.ValueError("length must be greater than zero");
        var input = self._unconsumedTail.Data;
        var output = new ZOutput(length);
        int err = ZPump.Run(self.Stream, input, LibZ.Z_FINISH, output, 0, self.OnNeedDict, out int consumed);
        self.SaveUnconsumedInput(input, consumed, err);
        if (err == LibZ.Z_STREAM_END)
        {
            self._eof = true;
            err = self.Stream.End();
            if (err != LibZ.Z_OK) throw ZlibModule.Fail(self.Stream, err, "while finishing decompression");
        }
        return output.ToBytes();
    }

    [PyMethod]
    static PyObject copy(ThreadState ts, PyDecompress self)
    {
        if (!self.Stream.Initialised) throw PyExc.ValueError("Inconsistent stream state");
        var c = self.Stream.Copy(out int err);
        return err switch
        {
            LibZ.Z_OK => new PyDecompress(c!, self._zdict) { _unusedData = self._unusedData, _unconsumedTail = self._unconsumedTail, _eof = self._eof },
            LibZ.Z_STREAM_ERROR => throw PyExc.ValueError("Inconsistent stream state"),
            LibZ.Z_MEM_ERROR => throw ZlibModule.NoMemory("Can't allocate memory for decompression object"),
            _ => throw ZlibModule.Fail(self.Stream, err, "while copying decompression object"),
        };
    }

    [PyMethod] static PyObject __copy__(ThreadState ts, PyDecompress self) => copy(ts, self);
    [PyMethod] static PyObject __deepcopy__(ThreadState ts, PyDecompress self, PyObject memo) => copy(ts, self);
}
