#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>`_io.IncrementalNewlineDecoder`: wraps an incremental decoder (or none, for text
/// input) and handles universal newlines: records which of \n, \r, \r\n were seen and, with
/// translate, turns \r\n and \r into \n. A \r at the end of a chunk waits for the next one,
/// since it may be the first half of \r\n. TextIOWrapper and StringIO use it natively.</summary>
[PyType("IncrementalNewlineDecoder")]
public sealed class PyIncrementalNewlineDecoder : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("IncrementalNewlineDecoder", typeof(PyIncrementalNewlineDecoder), module: "_io");

    const int LF = 1, CR = 2, CRLF = 4;
    TextDecoder? _inner;
    PyObject _innerObject = PyNone.Value;
    bool _translate, _pendingCR, _initialized;
    int _seennl;

    public PyIncrementalNewlineDecoder(PyType type) : base(type) { }

    public static PyIncrementalNewlineDecoder Create(TextDecoder? inner, bool translate)
        => new(TypeObject) { _inner = inner, _innerObject = inner?.PythonObject ?? PyNone.Value, _translate = translate, _initialized = true };

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyIncrementalNewlineDecoder(cls);

    static readonly Signature s_initSig = new("IncrementalNewlineDecoder", new[] { "decoder", "translate", "errors" }, 0, 3, 0, false, false);

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var bound = new PyObject?[3];
        s_initSig.Bind(ts, args, kwnames, bound, optional: new[] { false, false, true });
        var d = (PyIncrementalNewlineDecoder)self;
        d._innerObject = bound[0]!;
        d._inner = bound[0] == PyNone.Value ? null : TextDecoder.Python(bound[0]!);
        d._translate = Ops.IsTrue(ts, bound[1]!);
        d._pendingCR = false;
        d._seennl = 0;
        d._initialized = true;
    }

    void CheckInit()
    {
        if (!_initialized) throw PyExc.ValueError("IncrementalNewlineDecoder.__init__() not called");
    }

    public string Decode(ThreadState ts, ReadOnlySpan<byte> input, bool final)
        => Translate(_inner == null ? throw PyExc.TypeError("decoder should return a string result, not 'bytes'") : _inner.Decode(ts, input, final), final);

    /// <summary>The newline step over text the inner decoder produced.</summary>
    public string Translate(string output, bool final)
    {
        if (_pendingCR && (output.Length > 0 || final))
        {
            output = "\r" + output;
            _pendingCR = false;
        }
        if (!final && output.Length > 0 && output[^1] == '\r')
        {
            output = output[..^1];
            _pendingCR = true;
        }
        int cr = output.IndexOf('\r');
        if (cr < 0)
        {
            if (output.Contains('\n')) _seennl |= LF;
            return output;
        }
        int crlf = 0, lone = 0, lf = 0;
        for (int i = 0; i < output.Length; i++)
        {
            char c = output[i];
            if (c == '\r')
            {
                if (i + 1 < output.Length && output[i + 1] == '\n') { crlf++; i++; }
                else lone++;
            }
            else if (c == '\n') lf++;
        }
        if (lf > 0) _seennl |= LF;
        if (lone > 0) _seennl |= CR;
        if (crlf > 0) _seennl |= CRLF;
        if (_translate)
        {
            if (crlf > 0) output = output.Replace("\r\n", "\n");
            if (lone > 0) output = output.Replace('\r', '\n');
        }
        return output;
    }

    public (byte[] Buffer, long Flags) GetState(ThreadState ts)
    {
        var (buf, flags) = _inner == null ? (Array.Empty<byte>(), 0L) : _inner.GetState(ts);
        flags <<= 1;
        if (_pendingCR) flags |= 1;
        return (buf, flags);
    }

    public void SetState(ThreadState ts, byte[] buffer, long flags)
    {
        _pendingCR = (flags & 1) != 0;
        _inner?.SetState(ts, buffer, flags >> 1);
    }

    public void Reset(ThreadState ts)
    {
        _seennl = 0;
        _pendingCR = false;
        _inner?.Reset(ts);
    }

    public PyObject Newlines => _seennl switch
    {
        0 => PyNone.Value,
        LF => PyStr.Intern("\n"),
        CR => PyStr.Intern("\r"),
        CRLF => PyStr.Intern("\r\n"),
        LF | CR => PyTuple.Of(PyStr.Intern("\r"), PyStr.Intern("\n")),
        LF | CRLF => PyTuple.Of(PyStr.Intern("\n"), PyStr.Intern("\r\n")),
        CR | CRLF => PyTuple.Of(PyStr.Intern("\r"), PyStr.Intern("\r\n")),
        _ => PyTuple.Of(PyStr.Intern("\r"), PyStr.Intern("\n"), PyStr.Intern("\r\n")),
    };

    [PyMethod]
    static PyObject decode(ThreadState ts, PyIncrementalNewlineDecoder self, [PyKeyword] PyObject input, bool final = false)
    {
        self.CheckInit();
        string output;
        if (self._inner == null)
        {
            if (input is not PyStr s) throw PyExc.TypeError($"decoder should return a string result, not '{input.Type.Name}'");
            output = s.Value;
        }
        else
        {
            var r = Ops.CallMethod(ts, self._innerObject, "decode", input, PyBool.From(final));
            if (r is not PyStr s) throw PyExc.TypeError($"decoder should return a string result, not '{r.Type.Name}'");
            output = s.Value;
        }
        return new PyStr(self.Translate(output, final));
    }

    [PyMethod]
    static PyObject getstate(ThreadState ts, PyIncrementalNewlineDecoder self)
    {
        self.CheckInit();
        var (buf, flags) = self.GetState(ts);
        return PyTuple.Of(PyBytes.From(buf), PyInt.From(flags));
    }

    [PyMethod]
    static void setstate(ThreadState ts, PyIncrementalNewlineDecoder self, PyObject state)
    {
        self.CheckInit();
        if (state is not PyTuple t || t.Items.Length != 2) throw PyExc.TypeError("state argument must be a tuple");
        if (t.Items[0] is not PyBytes b) throw PyExc.TypeError("state[0] must be bytes");
        self.SetState(ts, b.Data, IoModule.IntArg(ts, t.Items[1]));
    }

    [PyMethod] static void reset(ThreadState ts, PyIncrementalNewlineDecoder self) { self.CheckInit(); self.Reset(ts); }
    [PyGetter("newlines")] static PyObject GetNewlines(ThreadState ts, PyObject self) { ((PyIncrementalNewlineDecoder)self).CheckInit(); return ((PyIncrementalNewlineDecoder)self).Newlines; }
}
