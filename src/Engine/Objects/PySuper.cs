#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`super`: attribute lookup along type(obj).__mro__ after `ThisType`. Zero-argument
/// super() reads the `__class__` cell and the first argument of the calling frame.</summary>
[PyType("super")]
public sealed class PySuper : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("super", typeof(PySuper));
    public PyType? ThisType;
    public PyObject? Obj;
    public PyType? ObjType;
    PyDict? _dict;

    public PySuper(PyType type) : base(type) { if (type != TypeObject && type.InstanceHasDict) _dict = new PyDict(); }
    public override PyDict? Dict { get => _dict; set => _dict = value; }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PySuper(cls);

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var su = (PySuper)self;
        if (kwnames != null && kwnames.Items.Length > 0) throw PyExc.TypeError("super() takes no keyword arguments");
        PyObject? type, obj = null;
        if (args.Length == 0)
        {
            var f = ts.Frame ?? throw PyExc.RuntimeError("super(): no current frame");
            var c = f.Code.Code;
            if (c.ArgCount == 0 && (c.Flags & Compiling.CodeFlags.VarArgs) == 0) throw PyExc.RuntimeError("super(): no arguments");
            obj = f.Slots[0];
            if (obj is PyCell cellArg) obj = cellArg.Value;
            else
            {
                int ci = Array.IndexOf(c.CellVars, c.VarNames[0]);
                if (ci >= 0 && f.Slots[c.VarNames.Length + ci] is PyCell cc) obj = cc.Value;
            }
            if (obj == null) throw PyExc.RuntimeError("super(): arg[0] deleted");
            int fi = Array.IndexOf(c.FreeVars, "__class__");
            if (fi < 0) throw PyExc.RuntimeError("super(): __class__ cell not found");
            var cell = f.Slots[c.VarNames.Length + c.CellVars.Length + fi] as PyCell;
            type = cell?.Value;
            if (type == null) throw PyExc.RuntimeError("super(): empty __class__ cell");
            if (type is not PyType) throw PyExc.RuntimeError("super(): __class__ is not a type (" + type.Type.Name + ")");
        }
        else
        {
            type = args[0];
            if (args.Length > 1) obj = args[1];
            if (args.Length > 2) throw PyExc.TypeError($"super() takes at most 2 arguments ({args.Length} given)");
            if (type is not PyType) throw PyExc.TypeError($"super() argument 1 must be a type, not {type.Type.Name}");
        }
        if (obj == PyNone.Value) obj = null;
        su.ThisType = (PyType)type;
        su.Obj = obj;
        su.ObjType = obj == null ? null : CheckSuper(ts, su.ThisType, obj);
    }

    static PyType CheckSuper(ThreadState ts, PyType type, PyObject obj)
    {
        if (obj is PyType ot && ot.IsSubtypeOf(type)) return ot;
        if (obj.Type.IsSubtypeOf(type)) return obj.Type;
        var cls = Ops.GetAttrOrNull(ts, obj, PyStr.Intern("__class__"));
        if (cls is PyType ct && ct != obj.Type && ct.IsSubtypeOf(type)) return ct;
        throw PyExc.TypeError("super(type, obj): obj must be an instance or subtype of type");
    }

    [PySlot("__getattribute__")]
    static PyObject? GetAttribute(ThreadState ts, PyObject self, PyStr name)
    {
        var su = (PySuper)self;
        var start = su.ObjType;
        if (start != null && name.Value != "__class__")
        {
            var mro = start.Mro;
            int i = Array.IndexOf(mro, su.ThisType!);
            for (i++; i < mro.Length; i++)
            {
                var v = mro[i].Namespace.GetStr(name);
                if (v == null) continue;
                var get = v.Type.DescrGet;
                if (get == null) return v;
                return get(ts, v, su.Obj == start ? null : su.Obj, start);
            }
        }
        return Ops.GenericGetAttr(ts, self, name);
    }

    [PySlot("__get__")]
    static PyObject Get(ThreadState ts, PyObject self, PyObject? obj, PyType? type)
    {
        var su = (PySuper)self;
        if (obj == null || su.Obj != null) return su;
        var r = new PySuper(TypeObject) { ThisType = su.ThisType, Obj = obj, ObjType = CheckSuper(ts, su.ThisType!, obj) };
        return r;
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var su = (PySuper)self;
        if (su.ObjType != null) return new PyStr($"<super: <class '{su.ThisType?.Name}'>, <{su.ObjType.Name} object>>");
        return new PyStr($"<super: <class '{su.ThisType?.Name}'>, NULL>");
    }

    [PyGetter("__thisclass__")] static PyObject GetThis(ThreadState ts, PyObject self) => (PyObject?)((PySuper)self).ThisType ?? PyNone.Value;
    [PyGetter("__self__")] static PyObject GetSelf(ThreadState ts, PyObject self) => ((PySuper)self).Obj ?? PyNone.Value;
    [PyGetter("__self_class__")] static PyObject GetSelfClass(ThreadState ts, PyObject self) => (PyObject?)((PySuper)self).ObjType ?? PyNone.Value;
}
