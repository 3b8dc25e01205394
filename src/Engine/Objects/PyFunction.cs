#nullable enable
using StacklessIron.Compiling;
using System;
namespace StacklessIron.Objects;

/// <summary>`function`: Python code with its globals, defaults and closure.</summary>
[PyType("function")]
public sealed class PyFunction : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("function", typeof(PyFunction), subclassable: false);
    public PyCode Code;
    public readonly PyDict Globals;
    public readonly PyDict Builtins;
    public string Name, QualName;
    public PyObject[]? Defaults;
    public PyDict? KwDefaults;
    public PyCell[]? Closure;
    public PyObject? Annotations;
    public PyObject Doc;
    public PyObject Module;
    PyDict? _dict;
    /// <summary>The function's __dict__ if it was made (gc.get_referents; reading Dict makes one).</summary>
    internal PyDict? DictIfAny => _dict;
    Signature? _signature;

    public PyFunction(PyCode code, PyDict globals, PyDict builtins) : base(TypeObject)
    {
        Code = code; Globals = globals; Builtins = builtins;
        Name = code.Code.Name; QualName = code.Code.QualName.Length > 0 ? code.Code.QualName : code.Code.Name;
        Doc = code.Code.DocString != null ? new PyStr(code.Code.DocString) : PyNone.Value;
        Module = globals.GetStr("__name__") ?? PyNone.Value;
    }

    public override PyDict? Dict { get => _dict ??= new PyDict(); set => _dict = value; }

    /// <summary>The argument binder, naming the function by its qualname in messages.</summary>
    public Signature Signature
    {
        get
        {
            var s = _signature;
            if (s != null && s.FuncName == QualName) return s;
            var b = Code.Signature;
            s = new Signature(QualName, b.Names, b.PosOnly, b.PosCount, b.KwOnly, b.VarArgs, b.VarKw);
            _signature = s;
            return s;
        }
    }

    public bool IsGeneratorLike => Code.IsGeneratorLike;

    [PySlot("__call__")]
    static PyObject CallImpl(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
        => Interpreter.CallFunction(ts, (PyFunction)self, args, kwnames);

    [PySlot("__get__")]
    static PyObject Get(ThreadState ts, PyObject self, PyObject? obj, PyType? type) => obj == null ? self : new PyMethod(self, obj);

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var f = (PyFunction)self;
        return new PyStr($"<function {f.QualName} at 0x{Ops.Id(f):x}>");
    }

    [PyGetter("__code__")] static PyObject GetCode(ThreadState ts, PyObject self) => ((PyFunction)self).Code;
    [PySetter("__code__")]
    static void SetCode(ThreadState ts, PyObject self, PyObject? v)
    {
        if (v is not PyCode c) throw PyExc.TypeError("__code__ must be set to a code object");
        ((PyFunction)self).Code = c;
    }
    public static void InitType(PyType t)
    {
        foreach (var name in new[] { "__globals__", "__builtins__", "__closure__" }) PyMemberDescriptor.MakeReadOnlyMember(t, name);
    }

    [PyGetter("__globals__")] static PyObject GetGlobals(ThreadState ts, PyObject self) => ((PyFunction)self).Globals;
    [PyGetter("__builtins__")] static PyObject GetBuiltins(ThreadState ts, PyObject self) => ((PyFunction)self).Builtins;
    [PyGetter("__name__")] static PyObject GetName(ThreadState ts, PyObject self) => new PyStr(((PyFunction)self).Name);
    [PySetter("__name__")]
    static void SetName(ThreadState ts, PyObject self, PyObject? v)
        => ((PyFunction)self).Name = (v as PyStr)?.Value ?? throw PyExc.TypeError("__name__ must be set to a string object");
    [PyGetter("__qualname__")] static PyObject GetQualName(ThreadState ts, PyObject self) => new PyStr(((PyFunction)self).QualName);
    [PySetter("__qualname__")]
    static void SetQualName(ThreadState ts, PyObject self, PyObject? v)
        => ((PyFunction)self).QualName = (v as PyStr)?.Value ?? throw PyExc.TypeError("__qualname__ must be set to a string object");
    [PyGetter("__defaults__")]
    static PyObject GetDefaults(ThreadState ts, PyObject self) { var d = ((PyFunction)self).Defaults; return d == null ? PyNone.Value : new PyTuple(d); }
    [PySetter("__defaults__")]
    static void SetDefaults(ThreadState ts, PyObject self, PyObject? v)
    {
        var f = (PyFunction)self;
        if (v == null || v == PyNone.Value) f.Defaults = null;
        else if (v is PyTuple t) f.Defaults = t.Items.Length == 0 ? null : t.Items;
        else throw PyExc.TypeError("__defaults__ must be set to a tuple object");
    }
    [PyGetter("__kwdefaults__")] static PyObject GetKwDefaults(ThreadState ts, PyObject self) => (PyObject?)((PyFunction)self).KwDefaults ?? PyNone.Value;
    [PySetter("__kwdefaults__")]
    static void SetKwDefaults(ThreadState ts, PyObject self, PyObject? v)
    {
        var f = (PyFunction)self;
        if (v == null || v == PyNone.Value) f.KwDefaults = null;
        else if (v is PyDict d) f.KwDefaults = d;
        else throw PyExc.TypeError("__kwdefaults__ must be set to a dict object");
    }
    [PyGetter("__closure__")]
    static PyObject GetClosure(ThreadState ts, PyObject self) { var c = ((PyFunction)self).Closure; return c == null ? PyNone.Value : new PyTuple(c); }
    [PyGetter("__annotations__")]
    static PyObject GetAnnotations(ThreadState ts, PyObject self)
    {
        var f = (PyFunction)self;
        if (f.Annotations is PyTuple t)
        {
            // MAKE_FUNCTION's annotations arrive as a flat (name, value, ...) tuple.
            var d = new PyDict();
            for (int i = 0; i + 1 < t.Items.Length; i += 2) d.SetItem(ts, t.Items[i], t.Items[i + 1]);
            f.Annotations = d;
        }
        return f.Annotations ??= new PyDict();
    }
    [PySetter("__annotations__")]
    static void SetAnnotations(ThreadState ts, PyObject self, PyObject? v) => ((PyFunction)self).Annotations = v == PyNone.Value ? null : v;
    [PyGetter("__doc__")] static PyObject GetDoc(ThreadState ts, PyObject self) => ((PyFunction)self).Doc;
    [PySetter("__doc__")] static void SetDoc(ThreadState ts, PyObject self, PyObject? v) => ((PyFunction)self).Doc = v ?? PyNone.Value;
    [PyGetter("__module__")] static PyObject GetModule(ThreadState ts, PyObject self) => ((PyFunction)self).Module;
    [PySetter("__module__")] static void SetModule(ThreadState ts, PyObject self, PyObject? v) => ((PyFunction)self).Module = v ?? PyNone.Value;
    [PyGetter("__dict__")] static PyObject GetDict(ThreadState ts, PyObject self) => ((PyFunction)self).Dict!;
    [PySetter("__dict__")]
    static void SetDict(ThreadState ts, PyObject self, PyObject? v)
        => ((PyFunction)self).Dict = v as PyDict ?? throw PyExc.TypeError("__dict__ must be set to a dictionary");
}
