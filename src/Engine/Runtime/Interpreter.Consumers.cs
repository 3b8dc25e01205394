#nullable enable
using StacklessIron.Compiling;
using System;
namespace StacklessIron.Runtime;

// A generator consumed by a native (IterationConsumer) in the loop: the generator's frame runs
// on top of the native's caller with ReturnConsume; a yield hands the value to the consumer and
// the generator goes on at once; its return (or the consumer stopping) pushes the consumer's
// result on the caller's stack as the native's return value.
public static partial class Interpreter
{
    /// <summary>Starts `gen` in the loop for `consumer` (the native then returns Unwind).</summary>
    internal static PyObject Consume(ThreadState ts, PyGenerator gen, IterationConsumer consumer)
    {
        var f = gen.Frame!;
        if (ts.RecursionDepth >= ts.Engine.RecursionLimit) throw new PyException(GeneratorOverLimit(gen));
        if (gen.Started) SendNone(f);
        gen.Consumer = consumer;
        gen.OnResume(ts);
        return SwitchTo(ts, f, ReturnConsume);
    }

    /// <summary>YIELD_VALUE of a consumed generator frame `f` (its Sp/Pc saved past the yield):
    /// suspends it, gives `item` to the consumer in the caller's context, and returns the frame
    /// the loop goes on with: `f` resumed with None sent, or the caller with the consumer's
    /// result pushed, or the caller with `exc` to raise (the consumer raised).</summary>
    static Frame ConsumeYield(ThreadState ts, Frame f, PyObject item, out PyBaseException? exc)
    {
        var gen = f.Generator!;
        var consumer = gen.Consumer!;
        var caller = f.Back!;
        // while the consumer runs (it may call Python: __add__, a key function), the generator
        // is suspended and the native's caller is the current frame, as in CPython
        ts.RecursionDepth--;
        f.Back = null;
        gen.OnYield(ts);
        ts.Frame = caller;
        bool more;
        try { more = consumer.Add(ts, item); }
        catch (PyException e)
        {
            gen.Consumer = null;
            exc = e.Value;
            return caller;
        }
        // Add may have run the generator itself (next(gen) from a dunder): go on from its state
        if (!more || f.Finished || gen.Running || gen.Consumer != consumer)
        {
            if (gen.Consumer == consumer) gen.Consumer = null;
            var r = FinishConsumer(ts, consumer, out exc);
            if (r != null) caller.Slots[caller.Sp++] = r;
            return caller;
        }
        SendNone(f);
        EnterGeneratorFrame(ts, gen, f, caller, ReturnConsume);
        exc = null;
        return f;
    }

    /// <summary>RETURN_VALUE of a consumed generator: the consumer's result for its caller
    /// (null with `exc` set when Finish raised).</summary>
    static PyObject? ConsumeReturn(ThreadState ts, PyGenerator gen, out PyBaseException? exc)
    {
        var consumer = gen.Consumer!;
        gen.Consumer = null;
        return FinishConsumer(ts, consumer, out exc);
    }

    static PyObject? FinishConsumer(ThreadState ts, IterationConsumer consumer, out PyBaseException? exc)
    {
        exc = null;
        try { return consumer.Finish(ts); }
        catch (PyException e) { exc = e.Value; return null; }
    }
}
