#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>`_multibytecodec.MultibyteIncrementalEncoder`: the base of each CJK codec's
/// IncrementalEncoder; the codec comes from the subclass's `codec` attribute. The table codecs
/// are stateless, so every call encodes all its input and the state is always 0.</summary>
[PyType("MultibyteIncrementalEncoder")]
public class PyMultibyteIncrementalEncoder : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("MultibyteIncrementalEncoder", typeof(PyMultibyteIncrementalEncoder), module: "_multibytecodec");

    PyMultibyteCodec _codec = null!;
    string _errors = "strict";
    string _pending = "";          // text set by setstate(), encoded before the next input
    PyDict? _dict;

    PyMultibyteIncrementalEncoder(PyType t) : base(t) { if (t != TypeObject && t.InstanceHasDict) _dict = new PyDict(); }
    public override PyDict? Dict { get => _dict; set => _dict = value; }

    static readonly Signature s_new = new("MultibyteIncrementalEncoder", new[] { "errors" }, 0, 1, 0, false, false);

    static readonly bool[] s_optional = { true };

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var bound = new PyObject?[1];
        s_new.Bind(ts, args, kwnames, bound, optional: s_optional);
        return new PyMultibyteIncrementalEncoder(cls) { _codec = PyMultibyteCodec.OfClass(ts, cls), _errors = PyMultibyteCodec.ErrorsArg(bound[0]) };
    }

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames) { }

    [PyMethod]
    static PyObject encode(ThreadState ts, PyMultibyteIncrementalEncoder self, [PyKeyword] PyObject input, bool final = false)
    {
        if (input is not PyStr s) throw PyExc.TypeError("couldn't convert the object to unicode.");
        if (self._pending.Length > 0) { s = new PyStr(self._pending + s.Value); self._pending = ""; }
        return PyBytes.From(self._codec.Encode(ts, s, self._errors));
    }

    [PyMethod] static void reset(ThreadState ts, PyMultibyteIncrementalEncoder self) => self._pending = "";

    /// <summary>The state as CPython packs it in an int: byte 0 the length of the pending text in
    /// UTF-8, bytes 1-8 that text, bytes 9-16 the codec's state (always 0 for the table codecs).</summary>
    [PyMethod]
    static PyObject getstate(ThreadState ts, PyMultibyteIncrementalEncoder self)
    {
        var packed = new byte[17];
        var utf8 = System.Text.Encoding.UTF8.GetBytes(self._pending);
        packed[0] = (byte)utf8.Length;
        utf8.CopyTo(packed, 1);
        return PyInt.From(new System.Numerics.BigInteger(packed, isUnsigned: true));
    }

    [PyMethod]
    static void setstate(ThreadState ts, PyMultibyteIncrementalEncoder self, PyObject state)
    {
        if (state is not PyInt i) throw PyExc.TypeError($"setstate() argument must be int, not {state.Type.Name}");
        if (i.Big.Sign < 0) throw PyExc.OverflowError("can't convert negative int to unsigned");
        var raw = i.Big.ToByteArray(isUnsigned: true);
        if (raw.Length > 17) throw PyExc.OverflowError("int too big to convert");
        var packed = new byte[17];
        raw.CopyTo(packed, 0);
        if (packed[0] > 8) throw PyExc.New(ExceptionTypes.UnicodeError, new PyStr("pending buffer too large"));
        var pending = packed.AsSpan(1, packed[0]).ToArray();
        var text = PyStrCodecs.Decode(ts, pending, "utf-8", "strict", PyBytes.From(pending));
        self._pending = text;
    }

    [PyGetter("errors")] static PyObject GetErrors(ThreadState ts, PyObject self) => new PyStr(((PyMultibyteIncrementalEncoder)self)._errors);

    [PySetter("errors")]
    static void SetErrors(ThreadState ts, PyObject self, PyObject? value)
    {
        if (value == null) throw PyExc.AttributeError("cannot delete attribute");
        if (value is not PyStr s) throw PyExc.TypeError("errors must be a string");
        ((PyMultibyteIncrementalEncoder)self)._errors = s.Value;
    }
}
