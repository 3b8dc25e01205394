#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>`_multibytecodec.MultibyteIncrementalDecoder`: the base of each CJK codec's
/// IncrementalDecoder. Bytes that end inside a multibyte sequence wait (at most 8, as in
/// CPython) for the next call; getstate() is (pending bytes, 0).</summary>
[PyType("MultibyteIncrementalDecoder")]
public class PyMultibyteIncrementalDecoder : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("MultibyteIncrementalDecoder", typeof(PyMultibyteIncrementalDecoder), module: "_multibytecodec");
    const int MaxPending = 8;

    PyMultibyteCodec _codec = null!;
    string _errors = "strict";
    byte[] _pending = Array.Empty<byte>();
    PyObject _state = PyInt.From(0);    // the codec's 8 bytes of state: unused by the table codecs, kept for getstate
    PyDict? _dict;

    PyMultibyteIncrementalDecoder(PyType t) : base(t) { if (t != TypeObject && t.InstanceHasDict) _dict = new PyDict(); }
    public override PyDict? Dict { get => _dict; set => _dict = value; }

    static readonly Signature s_new = new("MultibyteIncrementalDecoder", new[] { "errors" }, 0, 1, 0, false, false);

    static readonly bool[] s_optional = { true };

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var bound = new PyObject?[1];
        s_new.Bind(ts, args, kwnames, bound, optional: s_optional);
        return new PyMultibyteIncrementalDecoder(cls) { _codec = PyMultibyteCodec.OfClass(ts, cls), _errors = PyMultibyteCodec.ErrorsArg(bound[0]) };
    }

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames) { }

    /// <summary>Decodes the pending bytes and `data`, keeping a cut-off tail unless final.</summary>
    internal static string DecodeChunk(ThreadState ts, PyMultibyteCodec codec, string errors, ref byte[] pending, ReadOnlySpan<byte> data, bool final)
    {
        var all = new byte[pending.Length + data.Length];
        pending.CopyTo(all, 0);
        data.CopyTo(all.AsSpan(pending.Length));
        string text = codec.Decode(ts, all, () => PyBytes.From(all), errors, final, out int consumed);
        if (all.Length - consumed > MaxPending) throw PyExc.New(ExceptionTypes.UnicodeError, new PyStr("pending buffer overflow"));
        pending = all.AsSpan(consumed).ToArray();
        return text;
    }

    [PyMethod]
    static PyObject decode(ThreadState ts, PyMultibyteIncrementalDecoder self, [PyKeyword] PyObject input, bool final = false)
        => new PyStr(DecodeChunk(ts, self._codec, self._errors, ref self._pending, PyBytes.Buffer(input).ToArray(), final));

    [PyMethod] static void reset(ThreadState ts, PyMultibyteIncrementalDecoder self) => self._pending = Array.Empty<byte>();   // a stateless codec has no reset of its state
    [PyMethod] static PyObject getstate(ThreadState ts, PyMultibyteIncrementalDecoder self) => PyTuple.Of(PyBytes.From(self._pending), self._state);

    [PyMethod]
    static void setstate(ThreadState ts, PyMultibyteIncrementalDecoder self, PyObject state)
    {
        if (state is not PyTuple { Items.Length: 2 } t || t.Items[0] is not PyBytes b || t.Items[1] is not PyInt)
            throw PyExc.TypeError("setstate() argument must be a tuple of (bytes, int)");
        if (b.Data.Length > MaxPending) throw PyExc.New(ExceptionTypes.UnicodeError, new PyStr("pending buffer too large"));
        var st = ((PyInt)t.Items[1]).Big;
        if (st.Sign < 0 || st > ulong.MaxValue) throw PyExc.OverflowError("int too big to convert");
        self._pending = (byte[])b.Data.Clone();
        self._state = t.Items[1];
    }

    [PyGetter("errors")] static PyObject GetErrors(ThreadState ts, PyObject self) => new PyStr(((PyMultibyteIncrementalDecoder)self)._errors);

    [PySetter("errors")]
    static void SetErrors(ThreadState ts, PyObject self, PyObject? value)
    {
        if (value == null) throw PyExc.AttributeError("cannot delete attribute");
        if (value is not PyStr s) throw PyExc.TypeError("errors must be a string");
        ((PyMultibyteIncrementalDecoder)self)._errors = s.Value;
    }
}
