#nullable enable
using System;
using System.IO;
using System.Text;
namespace StacklessIron.Modules;

/// <summary>A raw stream over a .NET TextWriter or TextReader: what sys.stdout/stderr/stdin
/// sit on when an embedding host (or the test harness) hands the engine its own writers
/// instead of the process's file descriptors. Bytes are UTF-8 on both sides.</summary>
[PyType("_HostConsoleRaw")]
public sealed class PyHostConsoleRaw : PyRawIOBase, IRawStream
{
    public static new readonly PyType TypeObject = PyType.Builtin("_HostConsoleRaw", typeof(PyHostConsoleRaw), PyRawIOBase.TypeObject, subclassable: false, module: "_io");

    readonly TextWriter? _writer;
    readonly TextReader? _reader;
    readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
    readonly int _fd;
    byte[] _readAhead = Array.Empty<byte>();
    int _readPos;
    bool _closed;

    public PyHostConsoleRaw(TextWriter writer, int fd) : base(TypeObject) { _writer = writer; _fd = fd; }
    public PyHostConsoleRaw(TextReader reader, int fd) : base(TypeObject) { _reader = reader; _fd = fd; }

    public bool IsClosedFd => _closed;
    public bool Can(string what) => what == "readable" ? _reader != null : what == "writable" && _writer != null;

    public int ReadInto(ThreadState ts, Span<byte> buf)
    {
        if (_closed) throw PyExc.ValueError("I/O operation on closed file");
        if (_reader == null) throw IoModule.Unsupported("File not open for reading");
        if (_readPos >= _readAhead.Length)
        {
            var line = _reader.ReadLine();
            if (line == null) return 0;
            _readAhead = Encoding.UTF8.GetBytes(line + "\n");
            _readPos = 0;
        }
        int n = Math.Min(buf.Length, _readAhead.Length - _readPos);
        _readAhead.AsSpan(_readPos, n).CopyTo(buf);
        _readPos += n;
        return n;
    }

    public int WriteSome(ThreadState ts, ReadOnlySpan<byte> data)
    {
        if (_closed) throw PyExc.ValueError("I/O operation on closed file");
        if (_writer == null) throw IoModule.Unsupported("File not open for writing");
        var chars = new char[_decoder.GetCharCount(data, false)];
        _decoder.GetChars(data, chars, false);
        _writer.Write(chars);
        _writer.Flush();
        return data.Length;
    }

    public long SeekNative(long pos, int whence) => throw Fd29();

    static PyException Fd29() => IoSyscalls.Error(IoSyscalls.ESPIPE);

    public byte[]? ReadAll(ThreadState ts)
    {
        var all = new List<byte>();
        var buf = new byte[4096];
        int n;
        while ((n = ReadInto(ts, buf)) > 0) all.AddRange(buf.AsSpan(0, n).ToArray());
        return all.ToArray();
    }

    [PyMethod]
    static PyObject readinto(ThreadState ts, PyHostConsoleRaw self, PyObject buffer)
    {
        var span = IoModule.WritableBuffer(buffer);
        var tmp = new byte[span.Length];
        int n = self.ReadInto(ts, tmp);
        tmp.AsSpan(0, n).CopyTo(IoModule.WritableBuffer(buffer));
        return PyInt.From(n);
    }

    [PyMethod] static long write(ThreadState ts, PyHostConsoleRaw self, PyObject b) => self.WriteSome(ts, IoModule.BytesArg(b));
    [PyMethod] static bool readable(ThreadState ts, PyHostConsoleRaw self) { self.CheckOpen(); return self._reader != null; }
    [PyMethod] static bool writable(ThreadState ts, PyHostConsoleRaw self) { self.CheckOpen(); return self._writer != null; }
    [PyMethod] static bool seekable(ThreadState ts, PyHostConsoleRaw self) { self.CheckOpen(); return false; }
    [PyMethod] static bool isatty(ThreadState ts, PyHostConsoleRaw self) { self.CheckOpen(); return false; }
    [PyMethod] static long fileno(ThreadState ts, PyHostConsoleRaw self) { self.CheckOpen(); return self._fd; }
    [PyMethod] static void flush(ThreadState ts, PyHostConsoleRaw self) { self.CheckOpen(); self._writer?.Flush(); }
    [PyMethod] static void close(ThreadState ts, PyHostConsoleRaw self) { if (!self._closed) { self._writer?.Flush(); self._closed = true; self.IOBaseClosed = true; } }
    [PyGetter("closed")] static PyObject GetClosed(ThreadState ts, PyObject self) => PyBool.From(((PyHostConsoleRaw)self)._closed);
    [PyGetter("mode")] static PyObject GetMode(ThreadState ts, PyObject self) => PyStr.Intern(((PyHostConsoleRaw)self)._reader != null ? "rb" : "wb");

    void CheckOpen() { if (_closed) throw PyExc.ValueError("I/O operation on closed file"); }
}
