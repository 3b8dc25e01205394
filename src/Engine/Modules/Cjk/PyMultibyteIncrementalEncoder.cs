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
        return PyBytes.From(self._codec.Encode(ts, s, self._errors));
    }

    [PyMethod] static void reset(ThreadState ts, PyMultibyteIncrementalEncoder self) { }
    [PyMethod] static PyObject getstate(ThreadState ts, PyMultibyteIncrementalEncoder self) => PyInt.From(0);

    [PyMethod]
    static void setstate(ThreadState ts, PyMultibyteIncrementalEncoder self, PyObject state)
    {
        if (state is not PyInt) throw PyExc.TypeError($"setstate() argument must be int, not {state.Type.Name}");
    }

    [PyGetter("errors")] static PyObject GetErrors(ThreadState ts, PyObject self) => new PyStr(((PyMultibyteIncrementalEncoder)self)._errors);

    [PySetter("errors")]
    static void SetErrors(ThreadState ts, PyObject self, PyObject? value)
    {
        if (value is not PyStr s) throw PyExc.TypeError("errors must be a string");
        ((PyMultibyteIncrementalEncoder)self)._errors = s.Value;
    }
}
