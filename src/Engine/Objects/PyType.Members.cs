#nullable enable
using System;
namespace StacklessIron.Objects;

// The members of `type` (the metatype): calling a class, class creation, attribute access on
// classes, and the introspection attributes.
public sealed partial class PyType
{
    [PySlot("__call__")]
    static PyObject CallImpl(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var cls = (PyType)self;
        if (cls == TypeObjects.Type && args.Length == 1 && kwnames == null) return args[0].Type;
        // str(x) is x.__str__() itself (str.__new__ then object.__init__, which does nothing)
        if (cls == TypeObjects.Str && args.Length == 1 && kwnames == null) return Ops.Str(ts, args[0]);
        if (cls.New == null) throw PyExc.TypeError($"cannot create '{cls.FullName}' instances");
        // list(gen), tuple(gen), set(gen), dict(gen): the loop runs the generator into the new object
        if (args.Length == 1 && kwnames == null && args[0] is PyGenerator && ConstructorConsumers.For(cls) is { } consumer)
            return consumer.Run(ts, args[0]);
        var obj = cls.New(ts, cls, args, kwnames);
        // instances of other than PyInstance (a list subclass with __del__): object.__new__ did PyInstance's
        if (obj is not PyInstance && obj.Type.HasDel) ts.Engine.Finalization.TrackDel(obj);
        if (!obj.Type.IsSubtypeOf(cls)) return obj;
        obj.Type.Init?.Invoke(ts, obj, args, kwnames);
        return obj;
    }

    [PySlot("__new__")]
    static PyObject NewImpl(ThreadState ts, PyType metatype, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        int nkw = kwnames?.Items.Length ?? 0;
        int npos = args.Length - nkw;
        if (metatype == TypeObjects.Type && npos == 1 && nkw == 0) return args[0].Type;
        if (npos != 3) throw PyExc.TypeError("type() takes 1 or 3 arguments");
        if (args[0] is not PyStr name) throw PyExc.TypeError($"type.__new__() argument 1 must be str, not {args[0].Type.Name}");
        if (args[1] is not PyTuple bases) throw PyExc.TypeError($"type.__new__() argument 2 must be tuple, not {args[1].Type.Name}");
        if (args[2] is not PyDict ns) throw PyExc.TypeError($"type.__new__() argument 3 must be dict, not {args[2].Type.Name}");
        // A more derived metaclass among the bases builds the class itself, with all the arguments.
        var winner = ClassBuilder.CalculateMetaclass(metatype, bases.Items);
        if (winner != metatype && winner.New != metatype.New && winner.New != null)
            return winner.New(ts, winner, args, kwnames);
        var kw = new PyDict();
        for (int i = 0; i < nkw; i++) kw.SetItem(ts, kwnames!.Items[i], args[npos + i]);
        return ClassBuilder.NewClass(ts, metatype, name.Value, bases.Items, ns, kw);
    }

    [PySlot("__init__")]
    static void InitImpl(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        int npos = args.Length - (kwnames?.Items.Length ?? 0);
        if (npos != 1 && npos != 3) throw PyExc.TypeError("type.__init__() takes 1 or 3 arguments");
    }

    [PySlot("__repr__")]
    static PyObject ReprImpl(ThreadState ts, PyObject self)
    {
        var t = (PyType)self;
        return new PyStr($"<class '{t.FullName}'>");
    }

    [PySlot("__getattribute__")]
    static PyObject? GetAttribute(ThreadState ts, PyObject self, PyStr name) => TypeGetAttr(ts, (PyType)self, name);

    /// <summary>Attribute lookup on a class: data descriptors of the metatype win, then the
    /// class's own MRO (descriptors bound with instance None), then the metatype's attributes.</summary>
    public static PyObject? TypeGetAttr(ThreadState ts, PyType t, PyStr name)
    {
        var meta = t.Type;
        var metaAttr = meta.Lookup(name);
        DescrGetSlot? metaGet = null;
        if (metaAttr != null)
        {
            metaGet = metaAttr.Type.DescrGet;
            if (metaGet != null && metaAttr.Type.DescrSet != null) return metaGet(ts, metaAttr, t, meta);
        }
        var attr = t.Lookup(name);
        if (attr != null)
        {
            var get = attr.Type.DescrGet;
            if (get != null) return get(ts, attr, null, t);
            return attr;
        }
        if (metaGet != null) return metaGet(ts, metaAttr!, t, meta);
        return metaAttr;
    }

    [PySlot("__setattr__", "__delattr__")]
    static void SetAttrImpl(ThreadState ts, PyObject self, PyStr name, PyObject? value)
    {
        var t = (PyType)self;
        if ((t.Flags & TypeFlags.Immutable) != 0)
            throw PyExc.TypeError($"cannot set '{name.Value}' attribute of immutable type '{t.TpName}'");
        var metaAttr = t.Type.Lookup(name);
        if (metaAttr != null && metaAttr.Type.DescrSet is DescrSetSlot set) { set(ts, metaAttr, t, value); return; }
        t.SetTypeAttr(name, value);
    }

    [PyGetter("__name__")] static PyObject GetName(ThreadState ts, PyObject self) => new PyStr(((PyType)self).Name);
    [PySetter("__name__")]
    static void SetName(ThreadState ts, PyObject self, PyObject? value)
    {
        var t = (PyType)self;
        if ((t.Flags & TypeFlags.Immutable) != 0) throw PyExc.TypeError($"cannot set '__name__' attribute of immutable type '{t.Name}'");
        if (value is not PyStr s) throw PyExc.TypeError($"can only assign string to {t.Name}.__name__, not '{value?.Type.Name}'");
        t.Name = s.Value;
    }
    [PyGetter("__qualname__")] static PyObject GetQualName(ThreadState ts, PyObject self) => new PyStr(((PyType)self).QualName);
    [PySetter("__qualname__")]
    static void SetQualName(ThreadState ts, PyObject self, PyObject? value)
    {
        var t = (PyType)self;
        if ((t.Flags & TypeFlags.Immutable) != 0) throw PyExc.TypeError($"cannot set '__qualname__' attribute of immutable type '{t.Name}'");
        if (value is not PyStr s) throw PyExc.TypeError($"can only assign string to {t.Name}.__qualname__, not '{value?.Type.Name}'");
        t.QualName = s.Value;
    }
    [PyGetter("__module__")]
    static PyObject GetModule(ThreadState ts, PyObject self)
    {
        var t = (PyType)self;
        return t._dict.GetStr("__module__") ?? PyStr.Intern("builtins");
    }
    [PySetter("__module__")]
    static void SetModule(ThreadState ts, PyObject self, PyObject? value)
    {
        var t = (PyType)self;
        if ((t.Flags & TypeFlags.Immutable) != 0) throw PyExc.TypeError($"cannot set '__module__' attribute of immutable type '{t.Name}'");
        t.SetTypeAttr(PyStr.Intern("__module__"), value);
    }
    [PyGetter("__mro__")] static PyObject GetMro(ThreadState ts, PyObject self) => new PyTuple(((PyType)self).Mro);
    [PyGetter("__bases__")] static PyObject GetBases(ThreadState ts, PyObject self) => new PyTuple(((PyType)self).Bases);
    /// <summary>`C.__bases__ = (...)` on a class (typing.NamedTuple does it): same instance
    /// layout required; the MROs of the class and its subclasses are recomputed.</summary>
    [PySetter("__bases__")]
    static void SetBases(ThreadState ts, PyObject self, PyObject? value)
    {
        var t = (PyType)self;
        if ((t.Flags & TypeFlags.Immutable) != 0 || !t.IsHeapType) throw PyExc.TypeError($"cannot set '__bases__' attribute of immutable type '{t.Name}'");
        if (value == null) throw PyExc.TypeError($"cannot delete '__bases__' attribute of immutable type '{t.Name}'");
        if (value is not PyTuple tup) throw PyExc.TypeError($"can only assign tuple to {t.Name}.__bases__, not {value.Type.Name}");
        if (tup.Items.Length == 0) throw PyExc.TypeError($"can only assign non-empty tuple to {t.Name}.__bases__, not ()");
        var bases = new PyType[tup.Items.Length];
        for (int i = 0; i < bases.Length; i++)
        {
            if (tup.Items[i] is not PyType b) throw PyExc.TypeError($"{t.Name}.__bases__ must be tuple of classes, not '{tup.Items[i].Type.Name}'");
            if (b == t || b.IsSubtypeOf(t)) throw PyExc.TypeError("a __bases__ item causes an inheritance cycle");
            bases[i] = b;
        }
        var oldSolid = t.Base?.SolidBase;
        var newSolid = bases[0].SolidBase;
        foreach (var b in bases) if (b.SolidBase.IsSubtypeOf(newSolid)) newSolid = b.SolidBase;
        if (oldSolid != null && newSolid.NativeClass != oldSolid.NativeClass)
            throw PyExc.TypeError($"__bases__ assignment: '{bases[0].Name}' object layout differs from '{t.Base!.Name}'");
        var (oldBases, oldBase, oldMro) = (t.Bases, t.Base, t.Mro);
        t.Bases = bases; t.Base = bases[0];
        try
        {
            t.Mro = t.ComputeMro();
            foreach (var sub in AllSubclasses(t)) sub.Mro = sub.ComputeMro();
        }
        catch (PyException)
        {
            (t.Bases, t.Base, t.Mro) = (oldBases, oldBase, oldMro);
            throw;
        }
        foreach (var b in bases) if (Array.IndexOf(oldBases, b) < 0) b.AddSubclass(t);
        t.Modified(null);
    }

    static List<PyType> AllSubclasses(PyType t)
    {
        var all = new List<PyType>();
        var work = new Stack<PyType>(t.Subclasses());
        while (work.Count > 0)
        {
            var s = work.Pop();
            if (all.Contains(s)) continue;
            all.Add(s);
            foreach (var x in s.Subclasses()) work.Push(x);
        }
        return all;
    }

    [PyGetter("__base__")] static PyObject GetBase(ThreadState ts, PyObject self) => (PyObject?)((PyType)self).Base ?? PyNone.Value;
    [PyGetter("__dict__")] static PyObject GetDict(ThreadState ts, PyObject self) => new PyMappingProxy(((PyType)self)._dict);
    [PyGetter("__doc__")]
    static PyObject GetDoc(ThreadState ts, PyObject self)
    {
        var t = (PyType)self;
        var d = t._dict.GetStr("__doc__");
        if (d == null) return PyNone.Value;
        return d.Type.DescrGet != null ? d.Type.DescrGet(ts, d, null, t) : d;
    }
    [PySetter("__doc__")]
    static void SetDoc(ThreadState ts, PyObject self, PyObject? value)
    {
        var t = (PyType)self;
        if ((t.Flags & TypeFlags.Immutable) != 0) throw PyExc.TypeError($"cannot set '__doc__' attribute of immutable type '{t.Name}'");
        t.SetTypeAttr(PyStr.Intern("__doc__"), value);
    }
    [PyGetter("__abstractmethods__")]
    static PyObject GetAbstract(ThreadState ts, PyObject self)
    {
        var t = (PyType)self;
        return (t != TypeObjects.Type ? t._dict.GetStr("__abstractmethods__") : null) ?? throw PyExc.AttributeError("__abstractmethods__");
    }
    [PySetter("__abstractmethods__")]
    static void SetAbstract(ThreadState ts, PyObject self, PyObject? value)
    {
        var t = (PyType)self;
        bool abs = value != null && Ops.IsTrue(ts, value);
        if (value == null) t._dict.RemoveStr(PyStr.Intern("__abstractmethods__"));
        else t._dict.SetStr("__abstractmethods__", value);
        t.Modified(PyStr.Intern("__abstractmethods__"));
        if (abs) t.Flags |= TypeFlags.Abstract; else t.Flags &= ~TypeFlags.Abstract;
    }

    /// <summary>CPython's tp_flags bits that Python code reads: heap type (copyreg's
    /// protocol 0/1 reduce), abstract (inspect.isabstract), base type, immutable, and the
    /// fast-subclass bits.</summary>
    [PyGetter("__flags__")]
    static PyObject GetFlags(ThreadState ts, PyObject self)
    {
        var t = (PyType)self;
        long f = 1L << 12;                                                    // READY
        if (t.IsHeapType) f |= (1L << 9) | (1L << 14);                        // HEAPTYPE, HAVE_GC
        if ((t.Flags & TypeFlags.BaseType) != 0) f |= 1L << 10;               // BASETYPE
        if ((t.Flags & TypeFlags.Immutable) != 0) f |= 1L << 8;               // IMMUTABLETYPE
        if ((t.Flags & TypeFlags.Abstract) != 0) f |= 1L << 20;               // IS_ABSTRACT
        if (t.IsSubtypeOf(PyInt.TypeObject)) f |= 1L << 24;
        if (t.IsSubtypeOf(PyList.TypeObject)) f |= 1L << 25;
        if (t.IsSubtypeOf(TypeObjects.Tuple)) f |= 1L << 26;
        if (t.IsSubtypeOf(PyBytes.TypeObject)) f |= 1L << 27;
        if (t.IsSubtypeOf(TypeObjects.Str)) f |= 1L << 28;
        if (t.IsSubtypeOf(TypeObjects.Dict)) f |= 1L << 29;
        if (t.IsSubtypeOf(TypeObjects.BaseException)) f |= 1L << 30;
        if (t.IsSubtypeOf(TypeObjects.Type)) f |= 1L << 31;
        return PyInt.From(f);
    }

    /// <summary>The constructor signatures CPython's builtin types carry in their docstrings
    /// (what inspect.signature falls back to for a class with no Python __init__/__new__).</summary>
    static readonly Dictionary<string, string> BuiltinTextSignatures = new()
    {
        ["object"] = "()", ["complex"] = "(real=0, imag=0)", ["enumerate"] = "(iterable, start=0)",
        ["float"] = "(x=0, /)", ["list"] = "(iterable=(), /)", ["memoryview"] = "(object)",
        ["property"] = "(fget=None, fset=None, fdel=None, doc=None)", ["reversed"] = "(sequence, /)",
        ["tuple"] = "(iterable=(), /)", ["module"] = "(name, doc=None)", ["method"] = "(function, instance, /)",
        ["function"] = "(code, globals, name=None, argdefs=None, closure=None)", ["cell"] = "([contents])",
    };

    [PyGetter("__text_signature__")]
    static PyObject GetTextSignature(ThreadState ts, PyObject self)
    {
        var t = (PyType)self;
        if (t.IsHeapType || !BuiltinTextSignatures.TryGetValue(t.Name, out var sig)) return PyNone.Value;
        return new PyStr(sig);
    }

    [PyMethod] static PyObject mro(ThreadState ts, PyType self) => new PyList(self.ComputeMro());

    [PyMethod]
    static PyObject __subclasses__(ThreadState ts, PyType self) => new PyList(self.Subclasses().ToArray());

    [PyMethod]
    static bool __instancecheck__(ThreadState ts, PyType self, PyObject inst) => Ops.RecursiveIsInstance(ts, inst, self);

    [PyMethod]
    static bool __subclasscheck__(ThreadState ts, PyType self, PyObject sub) => Ops.RecursiveIsSubclass(ts, sub, self);

    [PyClassMethod]
    static PyObject __prepare__(ThreadState ts, PyType cls, [PyKwArgs] PyDict kwds, params PyObject[] args) => new PyDict();

    [PyMethod]
    static PyObject __dir__(ThreadState ts, PyType self)
    {
        var result = new PyDict();
        foreach (var t in self.Mro) foreach (var (k, _) in t._dict.Items()) result.SetItem(ts, k, PyNone.Value);
        var l = new PyList();
        foreach (var (k, _) in result.Items()) l.Append(k);
        return l;
    }

    [PyMethod]
    static long __sizeof__(ThreadState ts, PyType self) => 400;

    [PySlot("__or__", "__ror__")]
    static PyObject OrImpl(ThreadState ts, PyObject a, PyObject b) => PyUnionType.Or(ts, a, b);
}
