#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>The instances of every itertools type: a C# iterator block supplies the items.
/// An exception escaping the block ends the iterator (later calls report exhaustion).</summary>
[PyType("itertools iterator")]
public sealed class ItertoolsIterator : PyObject
{
    internal IEnumerator<PyObject>? Steps;
    internal ThreadState? Ts;
    internal Func<string>? Repr;
    internal Func<long>? LengthHint;
    /// <summary>The arguments that make an equal iterator, for __reduce__ (types without it do not pickle).</summary>
    internal Func<PyObject[]>? ReduceArgs;
    /// <summary>Type-specific state other methods need besides the steps (a tee's cursor, for __copy__).</summary>
    internal object? State;
    /// <summary>The third item of __reduce__ (what __setstate__ gets back), for the types
    /// whose position is more than their arguments (cycle, chain, accumulate ...).</summary>
    internal Func<PyObject?>? ReduceState;
    internal Action<ThreadState, PyObject>? SetState;
    /// <summary>What __reduce__ calls instead of the type, when set and it gives one (a
    /// stale grouper reduces to iter(())).</summary>
    internal Func<ThreadState, PyObject?>? ReduceType;
    bool _finished;
    PyDict? _dict;

    internal ItertoolsIterator(PyType type) : base(type)
    {
        if (type.IsHeapType && type.InstanceHasDict) _dict = new PyDict();
    }

    public override PyDict? Dict { get => _dict; set => _dict = value; }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
        => ItertoolsModule.New(ts, cls, args, kwnames);

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;

    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var it = (ItertoolsIterator)self;
        if (it._finished || it.Steps == null) return null;
        it.Ts = ts;
        ts.CheckStack();
        bool ok;
        try { ok = it.Steps.MoveNext(); }
        catch { it._finished = true; throw; }
        if (!ok) { it._finished = true; return null; }
        return it.Steps.Current;
    }

    [PySlot("__repr__")]
    static PyObject ReprSlot(ThreadState ts, PyObject self)
    {
        var it = (ItertoolsIterator)self;
        return new PyStr(it.Repr != null ? it.Repr() : $"<itertools.{self.Type.Name} object>");
    }

    /// <summary>(type, args) or (type, args, state) for the types that set ReduceArgs: an
    /// equal iterator at the same position (the iterators it reads pickle at theirs), so a
    /// tasklet looping over one pickles (as CPython 3.11 pickles all but pairwise).</summary>
    [PyMethod]
    static PyObject __reduce__(ThreadState ts, ItertoolsIterator self)
    {
        if (self.ReduceArgs == null) throw PyExc.TypeError($"cannot pickle '{self.Type.TpName}' object");
        var state = self.ReduceState?.Invoke();
        PyObject type = self.ReduceType?.Invoke(ts) ?? self.Type;
        return state == null
            ? new PyTuple(new PyObject[] { type, new PyTuple(self.ReduceArgs()) })
            : new PyTuple(new PyObject[] { type, new PyTuple(self.ReduceArgs()), state });
    }

    [PyMethod]
    static void __setstate__(ThreadState ts, ItertoolsIterator self, PyObject state)
    {
        if (self.SetState == null) throw PyExc.TypeError($"'{self.Type.Name}' object has no state to set");
        self.SetState(ts, state);
    }

    [PyMethod]
    static long __length_hint__(ThreadState ts, ItertoolsIterator self) => self.LengthHint != null ? self.LengthHint() : throw PyExc.TypeError("no length hint");
}
