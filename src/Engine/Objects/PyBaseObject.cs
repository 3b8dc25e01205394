#nullable enable
using System.Text;
using System;
namespace StacklessIron.Objects;

/// <summary>The members of `object`, the root of every class.</summary>
[PyType("object")]
public static class PyBaseObject
{
    // Compared by reference: every type that inherits object's slot holds this same delegate
    // (SlotDefs copies the wrapper's), and delegate == on static methods that differ takes a
    // slow runtime lookup of both method handles (it was most of the time of `str(i)`).
    static NewSlot? _objectNew;
    static InitSlot? _objectInit;

    static bool ExcessArgs(ReadOnlySpan<PyObject> args) => args.Length > 0;

    [PySlot("__new__")]
    public static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        _objectNew ??= TypeObjects.Object.New;
        _objectInit ??= TypeObjects.Object.Init;
        if (ExcessArgs(args))
        {
            if (!Interpreter.Same(cls.New, _objectNew)) throw PyExc.TypeError("object.__new__() takes exactly one argument (the type to instantiate)");
            if (Interpreter.Same(cls.Init, _objectInit)) throw PyExc.TypeError($"{cls.Name}() takes no arguments");
        }
        if ((cls.Flags & TypeFlags.Abstract) != 0) throw AbstractError(ts, cls);
        if (cls.NativeClass != typeof(PyInstance))
            throw PyExc.TypeError($"object.__new__({cls.Name}) is not safe, use {cls.SolidBase.Name}.__new__()");
        var o = new PyInstance(cls);
        if (cls.HasDel) ts.Engine.Finalization.TrackDel(o);
        return o;
    }

    static PyException AbstractError(ThreadState ts, PyType cls)
    {
        var names = new List<string>();
        if (cls.Lookup("__abstractmethods__") is PyObject am)
        {
            foreach (var n in Ops.ToArray(ts, am)) names.Add(Ops.StrString(ts, n));
            names.Sort(string.CompareOrdinal);
        }
        return PyExc.TypeError($"Can't instantiate abstract class {cls.Name} with abstract method{(names.Count == 1 ? "" : "s")} {string.Join(", ", names)}");
    }

    [PySlot("__init__")]
    public static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        _objectNew ??= TypeObjects.Object.New;
        _objectInit ??= TypeObjects.Object.Init;
        if (ExcessArgs(args))
        {
            var t = self.Type;
            if (!Interpreter.Same(t.Init, _objectInit)) throw PyExc.TypeError("object.__init__() takes exactly one argument (the instance to initialize)");
            if (Interpreter.Same(t.New, _objectNew)) throw PyExc.TypeError($"{t.Name}.__init__() takes exactly one argument (the instance to initialize)");
        }
    }

    [PySlot("__repr__")]
    public static PyObject Repr(ThreadState ts, PyObject self)
        => new PyStr($"<{self.Type.FullName} object at 0x{Ops.Id(self):x}>");

    [PySlot("__str__")]
    static PyObject Str(ThreadState ts, PyObject self) => Ops.Repr(ts, self);

    [PySlot("__hash__")]
    public static long Hash(ThreadState ts, PyObject self) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(self);

    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        switch (op)
        {
            case CompareOp.Eq: return a == b ? PyBool.True : PyNotImplemented.Value;
            case CompareOp.Ne:
                var eq = a.Type.RichCompare;
                if (eq == null) return PyNotImplemented.Value;
                var r = eq(ts, a, b, CompareOp.Eq);
                if (r == PyNotImplemented.Value) return r;
                return PyBool.From(!Ops.IsTrue(ts, r));
            default: return PyNotImplemented.Value;
        }
    }

    [PySlot("__getattribute__")]
    static PyObject? GetAttribute(ThreadState ts, PyObject self, PyStr name) => Ops.GenericGetAttr(ts, self, name);

    [PySlot("__setattr__", "__delattr__")]
    static void SetAttr(ThreadState ts, PyObject self, PyStr name, PyObject? value) => Ops.GenericSetAttr(ts, self, name, value);

    [PyGetter("__class__")] static PyObject GetClass(ThreadState ts, PyObject self) => self.Type;
    [PySetter("__class__")]
    static void SetClass(ThreadState ts, PyObject self, PyObject? value)
    {
        if (value == null) throw PyExc.TypeError("can't delete __class__ attribute");
        if (value is not PyType t) throw PyExc.TypeError($"__class__ must be set to a class, not '{value.Type.Name}' object");
        if (self is not PyInstance || t.NativeClass != typeof(PyInstance) || !t.IsHeapType || !self.Type.IsHeapType)
            throw PyExc.TypeError($"__class__ assignment only supported for mutable types or ModuleType subclasses");
        if (t.SlotCount != self.Type.SlotCount || t.InstanceHasDict != self.Type.InstanceHasDict)
            throw PyExc.TypeError($"__class__ assignment: '{t.Name}' object layout differs from '{self.Type.Name}'");
        // inline values are laid out by the old class's keys: the instance keeps a real dict
        if (self is PyInstance inst && inst.HasDict) inst.MaterializeDict();
        self.Type = t;
    }

    [PyMethod]
    static PyObject __format__(ThreadState ts, PyObject self, PyObject spec)
    {
        if (spec is not PyStr s) throw PyExc.TypeError($"__format__() argument must be str, not {spec.Type.Name}");
        if (s.Value.Length > 0) throw PyExc.TypeError($"unsupported format string passed to {self.Type.Name}.__format__");
        return Ops.Str(ts, self);
    }

    [PyMethod]
    static PyObject __dir__(ThreadState ts, PyObject self)
    {
        var result = new PyDict();
        if (self.Dict is PyDict d) foreach (var (k, _) in d.Items()) result.SetItem(ts, k, PyNone.Value);
        foreach (var t in self.Type.Mro) foreach (var (k, _) in t.Namespace.Items()) result.SetItem(ts, k, PyNone.Value);
        var l = new PyList();
        foreach (var (k, _) in result.Items()) l.Append(k);
        return l;
    }

    [PyMethod] static long __sizeof__(ThreadState ts, PyObject self) => 16;

    [PyClassMethod]
    static void __init_subclass__(ThreadState ts, PyType cls) { }

    [PyClassMethod]
    static PyObject __subclasshook__(ThreadState ts, PyType cls, params PyObject[] args) => PyNotImplemented.Value;

    [PyMethod]
    static PyObject __reduce_ex__(ThreadState ts, PyObject self, PyObject protocol) => ObjectReduce.ReduceEx(ts, self, protocol);

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyObject self) => ObjectReduce.Reduce(ts, self);

    [PyMethod]
    static PyObject __getstate__(ThreadState ts, PyObject self) => ObjectReduce.DefaultState(ts, self, false);
}
