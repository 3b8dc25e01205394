#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`property`: a data descriptor calling fget/fset/fdel.</summary>
[PyType("property")]
public sealed class PyProperty : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("property", typeof(PyProperty));
    public PyObject? FGet, FSet, FDel, Doc;
    public PyStr? Name;
    /// <summary>The doc came from fget: a copy with a new getter takes the new getter's doc.</summary>
    public bool DocFromGetter;
    PyDict? _dict;

    public PyProperty(PyType type) : base(type) { }
    public override PyDict? Dict { get => _dict ??= new PyDict(); set => _dict = value; }

    static PyObject? NoneToNull(PyObject? o) => o == PyNone.Value ? null : o;

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyProperty(cls);

    [PyMethod("__init__")]
    static void Init(ThreadState ts, PyProperty self, [PyKeyword] PyObject? fget = null, PyObject? fset = null, PyObject? fdel = null, PyObject? doc = null)
    {
        self.FGet = NoneToNull(fget); self.FSet = NoneToNull(fset); self.FDel = NoneToNull(fdel);
        self.Doc = NoneToNull(doc);
        self.DocFromGetter = false;
        if (self.Doc != null || self.FGet == null) return;
        if (Ops.GetAttrOrNull(ts, self.FGet, PyStr.Intern("__doc__")) is not PyObject getterDoc) return;
        self.DocFromGetter = true;
        if (self.Type == TypeObject) { self.Doc = NoneToNull(getterDoc); return; }
        // A subclass's own class docstring would shadow the property's __doc__: the getter's
        // doc goes into the instance instead (AttributeError when it has no instance dict).
        if (!self.Type.InstanceHasDict)
            throw PyExc.AttributeError($"'{self.Type.Name}' object attribute '__doc__' is read-only");
        Ops.SetAttr(ts, self, PyStr.Intern("__doc__"), getterDoc);
    }

    [PySlot("__get__")]
    static PyObject Get(ThreadState ts, PyObject self, PyObject? obj, PyType? type)
    {
        var p = (PyProperty)self;
        if (obj == null) return p;
        if (p.FGet == null) throw PyExc.AttributeError(p.Name != null ? $"property '{p.Name.Value}' of '{obj.Type.QualName}' object has no getter" : $"property of '{obj.Type.QualName}' object has no getter");
        return Ops.Call(ts, p.FGet, obj);
    }

    [PySlot("__set__", "__delete__")]
    static void Set(ThreadState ts, PyObject self, PyObject obj, PyObject? value)
    {
        var p = (PyProperty)self;
        if (value == null)
        {
            if (p.FDel == null) throw PyExc.AttributeError(p.Name != null ? $"property '{p.Name.Value}' of '{obj.Type.QualName}' object has no deleter" : $"property of '{obj.Type.QualName}' object has no deleter");
            Ops.Call(ts, p.FDel, obj);
        }
        else
        {
            if (p.FSet == null) throw PyExc.AttributeError(p.Name != null ? $"property '{p.Name.Value}' of '{obj.Type.QualName}' object has no setter" : $"property of '{obj.Type.QualName}' object has no setter");
            Ops.Call(ts, p.FSet, obj, value);
        }
    }

    /// <summary>getter/setter/deleter: a new property of the same type, made by calling the
    /// type (a subclass's __init__ runs), keeping the name.</summary>
    static PyObject CopyWith(ThreadState ts, PyProperty old, PyObject? g, PyObject? s, PyObject? d)
    {
        var doc = old.DocFromGetter && g != null ? PyNone.Value : old.Doc ?? PyNone.Value;
        var copy = Ops.Call(ts, old.Type, g ?? PyNone.Value, s ?? PyNone.Value, d ?? PyNone.Value, doc);
        if (copy is PyProperty p) p.Name = old.Name;
        return copy;
    }

    [PyMethod] static PyObject getter(ThreadState ts, PyProperty self, PyObject f) => CopyWith(ts, self, f, self.FSet, self.FDel);
    [PyMethod] static PyObject setter(ThreadState ts, PyProperty self, PyObject f) => CopyWith(ts, self, self.FGet, f, self.FDel);
    [PyMethod] static PyObject deleter(ThreadState ts, PyProperty self, PyObject f) => CopyWith(ts, self, self.FGet, self.FSet, f);

    [PyMethod]
    static void __set_name__(ThreadState ts, PyProperty self, params PyObject[] args)
    {
        if (args.Length != 2) throw PyExc.TypeError($"__set_name__() takes 2 positional arguments but {args.Length} were given");
        self.Name = args[1] as PyStr;
    }

    [PyGetter("fget")] static PyObject GetFGet(ThreadState ts, PyObject self) => ((PyProperty)self).FGet ?? PyNone.Value;
    [PyGetter("fset")] static PyObject GetFSet(ThreadState ts, PyObject self) => ((PyProperty)self).FSet ?? PyNone.Value;
    [PyGetter("fdel")] static PyObject GetFDel(ThreadState ts, PyObject self) => ((PyProperty)self).FDel ?? PyNone.Value;
    [PyGetter("__doc__")] static PyObject GetDoc(ThreadState ts, PyObject self) => ((PyProperty)self).Doc ?? PyNone.Value;
    [PySetter("__doc__")] static void SetDoc(ThreadState ts, PyObject self, PyObject? v) => ((PyProperty)self).Doc = v;
    [PyGetter("__isabstractmethod__")]
    static PyObject GetAbstract(ThreadState ts, PyObject self)
    {
        var p = (PyProperty)self;
        foreach (var f in new[] { p.FGet, p.FSet, p.FDel })
            if (f != null && Ops.GetAttrOrNull(ts, f, PyStr.Intern("__isabstractmethod__")) is PyObject o && Ops.IsTrue(ts, o)) return PyBool.True;
        return PyBool.False;
    }
}
