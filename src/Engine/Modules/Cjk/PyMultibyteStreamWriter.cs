#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>`_multibytecodec.MultibyteStreamWriter(stream, errors='strict')`: the base of each
/// CJK codec's StreamWriter; encodes text and writes the bytes to `stream`.</summary>
[PyType("MultibyteStreamWriter")]
public class PyMultibyteStreamWriter : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("MultibyteStreamWriter", typeof(PyMultibyteStreamWriter), module: "_multibytecodec");

    PyMultibyteCodec _codec = null!;
    string _errors = "strict";
    PyObject _stream = PyNone.Value;
    PyDict? _dict;

    PyMultibyteStreamWriter(PyType t) : base(t) { if (t != TypeObject && t.InstanceHasDict) _dict = new PyDict(); }
    public override PyDict? Dict { get => _dict; set => _dict = value; }

    static readonly Signature s_new = new("MultibyteStreamWriter", new[] { "stream", "errors" }, 0, 2, 0, false, false);

    static readonly bool[] s_optional = { false, true };

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var bound = new PyObject?[2];
        s_new.Bind(ts, args, kwnames, bound, optional: s_optional);
        return new PyMultibyteStreamWriter(cls) { _codec = PyMultibyteCodec.OfClass(ts, cls), _stream = bound[0]!, _errors = PyMultibyteCodec.ErrorsArg(bound[1]) };
    }

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames) { }

    [PyMethod]
    static void write(ThreadState ts, PyMultibyteStreamWriter self, PyObject strobj)
    {
        if (strobj is not PyStr s) throw PyExc.TypeError("couldn't convert the object to str.");
        Ops.CallMethod(ts, self._stream, "write", PyBytes.From(self._codec.Encode(ts, s, self._errors)));
    }

    [PyMethod]
    static void writelines(ThreadState ts, PyMultibyteStreamWriter self, PyObject lines)
    {
        foreach (var line in Ops.Iterate(ts, lines)) write(ts, self, line);
    }

    [PyMethod] static void reset(ThreadState ts, PyMultibyteStreamWriter self) { }

    [PyGetter("stream")] static PyObject GetStream(ThreadState ts, PyObject self) => ((PyMultibyteStreamWriter)self)._stream;
    [PyGetter("errors")] static PyObject GetErrors(ThreadState ts, PyObject self) => new PyStr(((PyMultibyteStreamWriter)self)._errors);

    [PySetter("errors")]
    static void SetErrors(ThreadState ts, PyObject self, PyObject? value)
    {
        if (value == null) throw PyExc.AttributeError("cannot delete attribute");
        if (value is not PyStr s) throw PyExc.TypeError("errors must be a string");
        ((PyMultibyteStreamWriter)self)._errors = s.Value;
    }
}
