#nullable enable
using System.Runtime.CompilerServices;
using System;
namespace StacklessIron.Objects;

/// <summary>`frozenset`: the immutable, hashable PyAnySet; its hash is computed once.</summary>
[PyType("frozenset")]
public sealed class PyFrozenSet : PyAnySet
{
    public static readonly PyType TypeObject = PyType.Builtin("frozenset", typeof(PyFrozenSet));
    long _hash = -1;

    public PyFrozenSet() : base(TypeObject) { }
    public PyFrozenSet(PyType type) : base(type) { }

    public static PyFrozenSet FromIterable(ThreadState ts, PyObject iterable, PyType? type = null)
    {
        var s = type == null || type == TypeObject ? new PyFrozenSet() : new PyFrozenSet(type);
        s.UpdateFrom(ts, iterable);
        return s;
    }

    /// <summary>Compile-time constants (`x in {1, 2}`): their elements hash without Python code.</summary>
    [ModuleInitializer]
    internal static void InstallConstantHook()
    {
        ConstantHooks.FrozenSet ??= items =>
        {
            var ts = s_constTs ??= new PythonEngine().MainThread;
            var s = new PyFrozenSet();
            foreach (var x in items) s.AddKey(ts, x);
            return s;
        };
    }
    static ThreadState? s_constTs;

    public static void InitType(PyType t) => AddSharedMembers(t);

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (cls == TypeObject && kwnames != null && kwnames.Items.Length > 0) throw PyExc.TypeError("frozenset() takes no keyword arguments");
        int npos = args.Length - (kwnames?.Items.Length ?? 0);
        if (npos > 1) throw PyExc.TypeError($"frozenset expected at most 1 argument, got {npos}");
        if (cls != TypeObject) return npos == 0 ? new PyFrozenSet(cls) : FromIterable(ts, args[0], cls);
        if (npos == 0) return new PyFrozenSet();
        if (args[0] is PyFrozenSet f && f.Type == TypeObject) return f;
        return FromIterable(ts, args[0]);
    }

    [PySlot("__hash__")]
    static long Hash(ThreadState ts, PyObject self)
    {
        var s = (PyFrozenSet)self;
        if (s._hash == -1) s._hash = s.ComputeHash();
        return s._hash;
    }
}
