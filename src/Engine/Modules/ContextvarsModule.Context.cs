#nullable enable
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using StacklessIron.Objects;
namespace StacklessIron.Modules;

/// <summary>`contextvars.Context`: an immutable mapping ContextVar -> value (copying is O(1), as
/// CPython's HAMT) that one thread at a time may have entered through run().</summary>
[PyType("Context")]
public sealed class PyContext : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("Context", typeof(PyContext), subclassable: false, module: "_contextvars");

    internal ImmutableDictionary<PyContextVar, PyObject> Vars;
    bool _entered;

    public PyContext() : base(TypeObject) { Vars = ImmutableDictionary.Create<PyContextVar, PyObject>(ReferenceEqualityComparer.Instance); }
    PyContext(ImmutableDictionary<PyContextVar, PyObject> vars) : base(TypeObject) { Vars = vars; }

    public PyContext Copy() => new(Vars);

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (args.Length != 0) throw PyExc.TypeError("Context() does not accept any arguments");
        return new PyContext();
    }

    static PyContextVar Key(PyObject key) =>
        key as PyContextVar ?? throw PyExc.TypeError($"a ContextVar key was expected, got {ReprForError(key)}");

    static string ReprForError(PyObject o) => o is PyStr s ? "'" + s.Value + "'" : o.ToString() ?? o.Type.Name;

    [PyMethod]
    static PyObject run(ThreadState ts, PyContext self, [PyKwArgs] PyDict kwargs, params PyObject[] args)
    {
        if (args.Length == 0) throw PyExc.TypeError("run() missing 1 required positional argument");
        return RunWith(ts, self, args[0], args[1..], kwargs);
    }

    /// <summary>run(callable, *args, **kwargs): the call sees this context as current; the previous
    /// one comes back afterwards, also when the call raises.</summary>
    static PyObject RunWith(ThreadState ts, PyContext self, PyObject callable, PyObject[] args, PyDict? kwargs)
    {
        if (self._entered)
            throw PyExc.RuntimeError($"cannot enter context: {Ops.ReprString(ts, self)} is already entered");
        self._entered = true;
        var previous = ContextvarsModule.Swap(ts, self);
        try { return Ops.CallWithDict(ts, callable, args, kwargs is { Count: > 0 } ? kwargs : null); }
        finally
        {
            ContextvarsModule.Swap(ts, previous);
            self._entered = false;
        }
    }

    [PyMethod]
    static PyObject copy(ThreadState ts, PyContext self) => self.Copy();

    [PyMethod]
    static PyObject get(ThreadState ts, PyContext self, PyObject key, PyObject? @default = null) =>
        self.Vars.TryGetValue(Key(key), out var v) ? v : @default ?? PyNone.Value;

    [PyMethod] static PyObject keys(ThreadState ts, PyContext self) => new PyList(KeysOf(self));
    [PyMethod] static PyObject values(ThreadState ts, PyContext self) => new PyList(self.Vars.Values.ToArrayOf());
    [PyMethod]
    static PyObject items(ThreadState ts, PyContext self)
    {
        var list = new List<PyObject>();
        foreach (var (k, v) in self.Vars) list.Add(PyTuple.Of(k, v));
        return new PyList(list.ToArray());
    }

    static PyObject[] KeysOf(PyContext c)
    {
        var list = new List<PyObject>();
        foreach (var k in c.Vars.Keys) list.Add(k);
        return list.ToArray();
    }

    [PySlot("__getitem__")]
    static PyObject GetItem(ThreadState ts, PyObject self, PyObject key) =>
        ((PyContext)self).Vars.TryGetValue(Key(key), out var v) ? v : throw PyExc.KeyError(key);

    [PySlot("__contains__")] static bool Contains(ThreadState ts, PyObject self, PyObject key) => ((PyContext)self).Vars.ContainsKey(Key(key));
    [PySlot("__len__")] static long Len(ThreadState ts, PyObject self) => ((PyContext)self).Vars.Count;
    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => Ops.GetIter(ts, new PyList(KeysOf((PyContext)self)));

    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if (a is not PyContext x || b is not PyContext y || (op != CompareOp.Eq && op != CompareOp.Ne)) return PyNotImplemented.Value;
        bool eq = x.Vars.Count == y.Vars.Count;
        if (eq)
            foreach (var (k, v) in x.Vars)
                if (!y.Vars.TryGetValue(k, out var w) || !Ops.Equal(ts, v, w)) { eq = false; break; }
        return PyBool.From(op == CompareOp.Eq ? eq : !eq);
    }

    public static void InitType(PyType t)
    {
        t.Namespace.SetStr("__hash__", PyNone.Value);
    }
}

static class ContextEnumerableExtensions
{
    public static PyObject[] ToArrayOf(this IEnumerable<PyObject> e) => new List<PyObject>(e).ToArray();
}
