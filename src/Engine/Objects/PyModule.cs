#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`module`: a namespace dict with a name. A module-level `__getattr__` is honoured.</summary>
[PyType("module")]
public class PyModule : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("module", typeof(PyModule));
    public readonly PyDict Namespace;

    public PyModule(string name, string? doc = null) : base(TypeObject)
    {
        Namespace = new PyDict();
        InitNamespace(name, doc);
    }

    public PyModule(PyType type, PyDict ns) : base(type) { Namespace = ns; }

    void InitNamespace(string name, string? doc)
    {
        Namespace.SetStr("__name__", new PyStr(name));
        Namespace.SetStr("__doc__", doc == null ? PyNone.Value : new PyStr(doc));
        Namespace.SetStr("__package__", PyNone.Value);
        Namespace.SetStr("__loader__", PyNone.Value);
        Namespace.SetStr("__spec__", PyNone.Value);
    }

    public override PyDict? Dict { get => Namespace; set => throw PyExc.AttributeError("readonly attribute"); }

    public PyObject GetName() => Namespace.GetStr("__name__") ?? PyNone.Value;
    public string NameOrQ => Namespace.GetStr("__name__") is PyStr s ? s.Value : "?";

    public PyObject? Get(string name) => Namespace.GetStr(name);
    public void Set(string name, PyObject value) => Namespace.SetStr(name, value);

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyModule(cls, new PyDict());

    [PyMethod("__init__")]
    static void Init(ThreadState ts, PyModule self, [PyKeyword] PyObject name, PyObject? doc = null)
    {
        if (name is not PyStr) throw PyExc.TypeError($"module.__init__() argument 'name' must be str, not {name.Type.Name}");
        self.Namespace.SetStr("__name__", name);
        self.Namespace.SetStr("__doc__", doc ?? PyNone.Value);
        if (self.Namespace.GetStr("__package__") == null) self.Namespace.SetStr("__package__", PyNone.Value);
        if (self.Namespace.GetStr("__loader__") == null) self.Namespace.SetStr("__loader__", PyNone.Value);
        if (self.Namespace.GetStr("__spec__") == null) self.Namespace.SetStr("__spec__", PyNone.Value);
    }

    [PySlot("__getattribute__")]
    static PyObject? GetAttribute(ThreadState ts, PyObject self, PyStr name)
    {
        var r = Ops.GenericGetAttr(ts, self, name);
        if (r != null) return r;
        var m = (PyModule)self;
        var getattr = m.Namespace.GetStr("__getattr__");
        if (getattr != null) return Ops.Call(ts, getattr, name);
        return null;
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var m = (PyModule)self;
        var name = m.NameOrQ;
        var file = m.Namespace.GetStr("__file__");
        if (file is PyStr f) return new PyStr($"<module '{name}' from '{f.Value}'>");
        return new PyStr($"<module '{name}' (built-in)>");
    }

    [PyGetter("__dict__")] static PyObject GetDict(ThreadState ts, PyObject self) => ((PyModule)self).Namespace;

    [PyMethod]
    static PyObject __dir__(ThreadState ts, PyModule self)
    {
        // PEP 562: a module-level __dir__() gives the listing (stackless's computed names)
        if (self.Namespace.GetStr("__dir__") is PyObject custom) return Ops.Call(ts, custom);
        var l = new PyList();
        foreach (var (k, _) in self.Namespace.Items()) l.Append(k);
        return l;
    }
}
