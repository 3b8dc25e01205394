#nullable enable
using System;
namespace StacklessIron.Runtime;

/// <summary>
/// A native function's loop over an iterable (sum, any, all, min, max ...), written as a
/// consumer so that the VM can drive it. When the iterable is a generator and the native was
/// called from the loop, the generator runs in the caller's loop and each yield hands its value
/// to Add: no nested loop per item, and a tasklet that blocks inside the generator switches
/// softly. Otherwise Run pulls the items here with Ops.Next (nested resumption), with the same
/// Add/Finish, so both ways give the same results and errors.
/// </summary>
public abstract class IterationConsumer
{
    /// <summary>Takes one item; false stops the iteration (the generator stays suspended, as
    /// when CPython's any() returns early).</summary>
    public abstract bool Add(ThreadState ts, PyObject item);

    /// <summary>Takes the item when that can run no Python code and raise nothing (e.g. adding
    /// two small ints), so the loop need not suspend the generator around it; false (state
    /// unchanged) sends the item to Add.</summary>
    public virtual bool AddQuick(ThreadState ts, PyObject item) => false;

    /// <summary>The native's result, once the items ran out or Add stopped.</summary>
    public abstract PyObject Finish(ThreadState ts);

    /// <summary>For pickling a tasklet stopped inside a generator this consumes: a tuple whose
    /// first item names the kind, then the state so far (picklable objects), from which
    /// FromPickleState makes an equal consumer; null when this consumer cannot be pickled.</summary>
    public virtual PyTuple? PickleState(ThreadState ts) => null;

    /// <summary>The pickle state of the consumer that drives `gen` (null: none, or not picklable).</summary>
    public static PyTuple? PickleStateOf(ThreadState ts, PyGenerator gen) => gen.Consumer?.PickleState(ts);

    /// <summary>Gives an unpickled generator (its frame restored as consumed) the consumer that
    /// PickleState described.</summary>
    public static void RestoreInto(ThreadState ts, PyGenerator gen, PyTuple state)
    {
        if (state.Items.Length == 0 || state.Items[0] is not PyStr kind) throw PyExc.TypeError("consumer state must start with its kind");
        var it = state.Items;
        gen.Consumer = kind.Value switch
        {
            "collect" when it.Length == 3 && it[1] is PyList items => CollectingConsumer.Restore(items, it[2]),
            "set" or "dict" => ConstructorConsumers.Restore(ts, kind.Value, it),
            "sum" or "anyall" or "minmax" => Modules.Builtins.RestoreConsumer(ts, kind.Value, it),
            _ => throw PyExc.ValueError($"unknown consumer state '{kind.Value}'"),
        };
    }

    /// <summary>Consumes `iterable` and returns Finish's result, or Interpreter.Unwind when the
    /// loop will run the generator (the result then reaches the caller from the loop).</summary>
    public PyObject Run(ThreadState ts, PyObject iterable)
    {
        if (iterable is PyGenerator g && g.Type == PyGenerator.TypeObject && g.CanResumeSoftly && ts.TakeUnwindPermission())
            return Interpreter.Consume(ts, g, this);
        var it = Ops.GetIter(ts, iterable);
        var next = it.Type.IterNext!;
        ts.UnwindAllowed = false;   // not for a __next__ called from here (see Ops.Next)
        while (next(ts, it) is PyObject x)
            if (!Add(ts, x)) break;
        return Finish(ts);
    }
}
