#nullable enable
using System;
using System.Text;
namespace StacklessIron.Modules;

/// <summary>`_multibytecodec.MultibyteStreamReader(stream, errors='strict')`: the base of each
/// CJK codec's StreamReader; reads bytes from `stream` and decodes them, keeping a cut-off
/// multibyte sequence for the next read.</summary>
[PyType("MultibyteStreamReader")]
public class PyMultibyteStreamReader : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("MultibyteStreamReader", typeof(PyMultibyteStreamReader), module: "_multibytecodec");

    PyMultibyteCodec _codec = null!;
    string _errors = "strict";
    PyObject _stream = PyNone.Value;
    byte[] _pending = Array.Empty<byte>();
    PyDict? _dict;

    PyMultibyteStreamReader(PyType t) : base(t) { if (t != TypeObject && t.InstanceHasDict) _dict = new PyDict(); }
    public override PyDict? Dict { get => _dict; set => _dict = value; }

    static readonly Signature s_new = new("MultibyteStreamReader", new[] { "stream", "errors" }, 0, 2, 0, false, false);

    static readonly bool[] s_optional = { false, true };

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var bound = new PyObject?[2];
        s_new.Bind(ts, args, kwnames, bound, optional: s_optional);
        return new PyMultibyteStreamReader(cls) { _codec = PyMultibyteCodec.OfClass(ts, cls), _stream = bound[0]!, _errors = PyMultibyteCodec.ErrorsArg(bound[1]) };
    }

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames) { }

    /// <summary>Calls stream.method(size) until some text is decoded or the stream ends.</summary>
    string ReadWith(ThreadState ts, string method, long size)
    {
        if (size == 0) return "";
        var text = new StringBuilder();
        while (true)
        {
            var data = size < 0 ? Ops.CallMethod(ts, _stream, method) : Ops.CallMethod(ts, _stream, method, PyInt.From(size));
            if (data is not PyBytes b) throw PyExc.TypeError("stream function returned a non-bytes object (" + data.Type.Name + ")");
            bool final = size < 0 || b.Data.Length == 0;
            text.Append(PyMultibyteIncrementalDecoder.DecodeChunk(ts, _codec, _errors, ref _pending, b.Data, final));
            if (text.Length > 0 || final) return text.ToString();
            size = 1;   // only part of a character arrived: read on byte by byte
        }
    }

    static long SizeArg(ThreadState ts, PyObject? size)
        => size == null || size == PyNone.Value ? -1 : Ops.Index(ts, size).ToLongChecked();

    [PyMethod] static PyObject read(ThreadState ts, PyMultibyteStreamReader self, PyObject? sizeobj = null)
        => new PyStr(self.ReadWith(ts, "read", SizeArg(ts, sizeobj)));

    [PyMethod] static PyObject readline(ThreadState ts, PyMultibyteStreamReader self, PyObject? sizeobj = null)
        => new PyStr(self.ReadWith(ts, "readline", SizeArg(ts, sizeobj)));

    [PyMethod]
    static PyObject readlines(ThreadState ts, PyMultibyteStreamReader self, PyObject? sizehintobj = null)
    {
        string all = self.ReadWith(ts, "read", SizeArg(ts, sizehintobj));
        return Ops.CallMethod(ts, new PyStr(all), "splitlines", PyBool.True);
    }

    [PyMethod] static void reset(ThreadState ts, PyMultibyteStreamReader self) => self._pending = Array.Empty<byte>();

    [PyGetter("stream")] static PyObject GetStream(ThreadState ts, PyObject self) => ((PyMultibyteStreamReader)self)._stream;
    [PyGetter("errors")] static PyObject GetErrors(ThreadState ts, PyObject self) => new PyStr(((PyMultibyteStreamReader)self)._errors);

    [PySetter("errors")]
    static void SetErrors(ThreadState ts, PyObject self, PyObject? value)
    {
        if (value == null) throw PyExc.AttributeError("cannot delete attribute");
        if (value is not PyStr s) throw PyExc.TypeError("errors must be a string");
        ((PyMultibyteStreamReader)self)._errors = s.Value;
    }
}
