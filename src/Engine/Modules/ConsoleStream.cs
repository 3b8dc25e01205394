#nullable enable
using System.IO;
using System.Text;
using System;
namespace StacklessIron.Modules;

/// <summary>A minimal text stream over the process's stdin/stdout/stderr, used for sys.stdout
/// etc. until the io module provides TextIOWrapper. Output is buffered and flushed at exit,
/// on flush(), and (stderr) after every write.</summary>
[PyType("ConsoleStream")]
public sealed class ConsoleStream : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("ConsoleStream", typeof(ConsoleStream), subclassable: false, module: "_io");
    readonly TextWriter? _writer;
    readonly TextReader? _reader;
    readonly string _name;
    readonly int _fd;
    readonly bool _autoFlush;

    public ConsoleStream(TextWriter writer, string name, int fd, bool autoFlush) : base(TypeObject)
    {
        _writer = writer; _name = name; _fd = fd; _autoFlush = autoFlush;
    }

    public ConsoleStream(TextReader reader, string name, int fd) : base(TypeObject)
    {
        _reader = reader; _name = name; _fd = fd;
    }

    public void Write(string s)
    {
        if (_writer == null) throw PyExc.New(ExceptionTypes.OSError, "not writable");
        _writer.Write(s);
        if (_autoFlush) _writer.Flush();
    }

    public void Flush() => _writer?.Flush();

    [PyMethod]
    static long write(ThreadState ts, ConsoleStream self, PyObject s)
    {
        if (s is not PyStr str) throw PyExc.TypeError($"write() argument must be str, not {s.Type.Name}");
        self.Write(str.Value);
        return str.Value.Length;
    }

    [PyMethod] static void flush(ThreadState ts, ConsoleStream self) => self.Flush();

    [PyMethod]
    static PyObject readline(ThreadState ts, ConsoleStream self, long size = -1)
    {
        if (self._reader == null) throw PyExc.New(ExceptionTypes.OSError, "not readable");
        var line = self._reader.ReadLine();
        return new PyStr(line == null ? "" : line + "\n");
    }

    [PyMethod]
    static PyObject read(ThreadState ts, ConsoleStream self, long size = -1)
    {
        if (self._reader == null) throw PyExc.New(ExceptionTypes.OSError, "not readable");
        return new PyStr(self._reader.ReadToEnd());
    }

    [PyMethod] static long fileno(ThreadState ts, ConsoleStream self) => self._fd;
    [PyMethod] static bool isatty(ThreadState ts, ConsoleStream self) => false;
    [PyMethod] static bool writable(ThreadState ts, ConsoleStream self) => self._writer != null;
    [PyMethod] static bool readable(ThreadState ts, ConsoleStream self) => self._reader != null;
    [PyGetter("encoding")] static PyObject GetEncoding(ThreadState ts, PyObject self) => PyStr.Intern("utf-8");
    [PyGetter("errors")] static PyObject GetErrors(ThreadState ts, PyObject self) => PyStr.Intern("strict");
    [PyGetter("name")] static PyObject GetName(ThreadState ts, PyObject self) => new PyStr(((ConsoleStream)self)._name);
    [PyGetter("closed")] static PyObject GetClosed(ThreadState ts, PyObject self) => PyBool.False;
}
