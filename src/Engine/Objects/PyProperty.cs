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
        if (self.Doc == null && self.FGet != null) self.Doc = NoneToNull(Ops.GetAttrOrNull(ts, self.FGet, PyStr.Intern("__doc__")));
    }

    [PySlot("__get__")]
    static PyObject Get(ThreadState ts, PyObject self, PyObject? obj, PyType? type)
    {
        var p = (PyProperty)self;
        if (obj == null) return p;
        if (p.FGet == null) throw PyExc.AttributeError(p.Name != null ? $"property '{p.Name.Value}' of '{obj.Type.Name}' object has no getter" : "unreadable attribute");
        return Ops.Call(ts, p.FGet, obj);
    }

    [PySlot("__set__", "__delete__")]
    static void Set(ThreadState ts, PyObject self, PyObject obj, PyObject? value)
    {
        var p = (PyProperty)self;
        if (value == null)
        {
            if (p.FDel == null) throw PyExc.AttributeError(p.Name != null ? $"property '{p.Name.Value}' of '{obj.Type.Name}' object has no deleter" : "can't delete attribute");
            Ops.Call(ts, p.FDel, obj);
        }
        else
        {
            if (p.FSet == null) throw PyExc.AttributeError(p.Name != null ? $"property '{p.Name.Value}' of '{obj.Type.Name}' object has no setter" : "can't set attribute");
            Ops.Call(ts, p.FSet, obj, value);
        }
    }

    PyProperty CopyWith(PyObject? g, PyObject? s, PyObject? d)
    {
        var p = new PyProperty(Type) { FGet = g, FSet = s, FDel = d, Doc = Doc, Name = Name };
        return p;
    }

    [PyMethod] static PyObject getter(ThreadState ts, PyProperty self, PyObject f) => self.CopyWith(f, self.FSet, self.FDel);
    [PyMethod] static PyObject setter(ThreadState ts, PyProperty self, PyObject f) => self.CopyWith(self.FGet, f, self.FDel);
    [PyMethod] static PyObject deleter(ThreadState ts, PyProperty self, PyObject f) => self.CopyWith(self.FGet, self.FSet, f);
    [PyMethod] static void __set_name__(ThreadState ts, PyProperty self, PyObject owner, PyObject name) { self.Name = name as PyStr; }

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
