#nullable enable
using System;
using System.Collections.Generic;
using StacklessIron.Objects;
using StacklessIron.Runtime;
namespace StacklessIron.Stackless;

/// <summary>
/// __reduce__ and __setstate__ of tasklets and channels, in Stackless's shapes:
/// tasklet: (type, (), (flags, tempval, nesting_level, [frames, bottom first], exc_type,
/// exc_value, exc_traceback, exc_info)); channel: (type, (), (balance, flags, [tasklets])).
/// The flag bits are Stackless's (blocked: 2 bits, then atomic, ignore_nesting, autoschedule,
/// block_trap, is_zombie, pending_irq); two more above them are ours: the tasklet has started,
/// and it resumes by taking a value as the result of the call it switched out in (it was not
/// preempted between instructions).
/// </summary>
static class TaskletPickling
{
    const int BlockedSend = 1, BlockedReceive = 3, BlockedMask = 3, Atomic = 1 << 2, IgnoreNesting = 1 << 3, BlockTrap = 1 << 5;
    const int Started = 1 << 8, ResumeWithValue = 1 << 9;
    const string RestoreTracing = "slp_restore_tracing", ConsumedBy = "slp_consumed_by";
    const int ChannelClosing = 1, ChannelPreferenceShift = 1, ChannelPreferenceMask = 3 << 1, ChannelScheduleAll = 1 << 3;

    internal static PyObject ReduceTasklet(ThreadState ts, PyTasklet t)
    {
        var s = Scheduler.Of(ts);
        if (s.Current == t) throw PyExc.RuntimeError("You cannot __reduce__ the tasklet which is current.");
        var frames = new List<PyObject>();
        // A frame's registers are saved when it calls Python code in the same loop or switches
        // softly; a frame under a native call that called back into Python (its callee is an
        // entry frame, or a native consumer drives its callee), and the innermost frame of a
        // hard-switched tasklet, were left in the middle of a native call.
        // A generator that a native consumes (list(gen), sum(gen) ...) runs in the loop on top of
        // the native's caller: with its consumer's state pickled (after its frame), the caller
        // waits for the consumer's result as for a call's, and goes on after unpickling.
        Frame? callee = null;
        PyTuple? calleeConsumer = null;
        for (var f = t.Frame; f != null; f = f.Back)
        {
            // switched out with soft switching disabled: in Stackless all its frames are on the C stack
            bool valid = !t.SwitchedInHardMode && (callee == null ? t.HardOn == null
                : !callee.IsEntry && (callee.ReturnMode != Interpreter.ReturnConsume || calleeConsumer != null));
            var consumer = valid && f.ReturnMode == Interpreter.ReturnConsume && f.Generator is { } g
                ? IterationConsumer.PickleStateOf(ts, g) : null;
            if (consumer != null) frames.Add(new PyTuple(new PyObject[] { new PyStr(ConsumedBy), f.Generator!, consumer }));
            // one whose consumer cannot be pickled could not hand its items on: it must not run
            else if (f.ReturnMode == Interpreter.ReturnConsume) valid = false;
            var r = PyFrameReducer.For(f);
            r.Valid = valid;
            frames.Add(r);
            callee = f;
            calleeConsumer = consumer;
        }
        frames.Reverse();
        // PICKLEFLAGS_PRESERVE_TRACING_STATE: the trace and profile functions ride after the
        // frames (where 3.7.5 puts its 'slp_restore_tracing' cframe), and come back in __setstate__
        if ((PicklingModule.Flags(ts, -1, 0, false) & PicklingModule.PreserveTracingState) != 0
            && t.Trace is { } tr && (tr.TraceFunc != null || tr.ProfileObj != null))
            frames.Add(new PyTuple(new PyObject[] { new PyStr(RestoreTracing), tr.TraceFunc ?? PyNone.Value, tr.ProfileObj ?? PyNone.Value }));
        int flags = 0;
        if (t.BlockedOn != null) flags |= t.BlockDir > 0 ? BlockedSend : BlockedReceive;
        if (t.Atomic) flags |= Atomic;
        if (t.IgnoreNesting) flags |= IgnoreNesting;
        if (t.BlockTrap) flags |= BlockTrap;
        if (t.Started && t.Frame != null) flags |= Started;
        if (t.ResumeWithValue) flags |= ResumeWithValue;
        bool bound = t.Func != null && !t.SetUp && !t.Started;
        var h = t.HandledException;
        var state = new PyTuple(new PyObject[]
        {
            PyInt.From(flags), bound ? t.Func! : t.TempVal, PyInt.From(t.NestingLevel(ts)), new PyList(frames.ToArray()),
            (PyObject?)h?.Type ?? PyNone.Value, (PyObject?)h ?? PyNone.Value, PyNone.Value, PyNone.Value,
        });
        return new PyTuple(new PyObject[] { t.Type, PyTuple.Empty, state });
    }

    /// <summary>copy.copy(tasklet) hands the reduction's state back unpickled, frame reducers
    /// and all: each stands for a new frame made from its own reduction (the copy must not run
    /// the original's frame objects), as copy's _reconstruct would make it.</summary>
    static Frame CopyOfFrame(ThreadState ts, PyFrameReducer fr)
    {
        if (Ops.CallMethod(ts, fr, "__reduce__") is not PyTuple { Items.Length: 3 } r || r.Items[1] is not PyTuple args)
            throw PyExc.TypeError("tasklet() frames must be frames, not frame_reducer");
        var f = Ops.Call(ts, r.Items[0], args.Items);
        Ops.CallMethod(ts, f, "__setstate__", r.Items[2]);
        return f as Frame ?? throw PyExc.TypeError("tasklet() frames must be frames, not " + f.Type.Name);
    }

    internal static PyObject SetTaskletState(ThreadState ts, PyTasklet t, PyObject stateObj)
    {
        var s = Scheduler.Of(ts);
        if (s.Current == t) throw PyExc.RuntimeError("You cannot __setstate__ the tasklet which is current.");
        if (stateObj is not PyTuple { Items.Length: 8 } st)
            throw PyExc.TypeError("tasklet() state must be a tuple of 8 items (flags, tempval, nesting_level, frames, exc_type, exc_value, exc_traceback, exc_info)");
        var it = st.Items;
        int flags = (int)Ops.Index(ts, it[0]).Small;
        Ops.Index(ts, it[2]);
        if (it[3] is not PyList list) throw PyExc.TypeError("tasklet() argument 4 must be list, not " + it[3].Type.Name);
        if (t.InRunQueue || t.BlockedOn != null && list.Count == 0) throw PyExc.RuntimeError("tasklet is scheduled");
        if (t.HardOn != null) throw PyExc.RuntimeError("tasklet has C state on its stack");
        var items = list.Items.AsSpan(0, list.Count);
        PyTuple? tracing = null;
        if (items.Length > 0 && items[^1] is PyTuple { Items.Length: 3 } last && last.Items[0] is PyStr { Value: RestoreTracing })
        {
            tracing = last;
            items = items[..^1];
        }
        // the consumers of consumed generators follow their frames
        var consumed = new List<(PyGenerator Gen, PyTuple State)>();
        var frameList = new List<Frame>();
        foreach (var o in items)
        {
            if (o is PyTuple { Items.Length: 3 } c && c.Items[0] is PyStr { Value: ConsumedBy })
            {
                if (frameList.Count == 0 || c.Items[1] is not PyGenerator g || g.Frame != frameList[^1] || c.Items[2] is not PyTuple cs)
                    throw PyExc.ValueError("tasklet() state: a consumer must follow its generator's frame");
                consumed.Add((g, cs));
                continue;
            }
            frameList.Add(o as Frame ?? (o is PyFrameReducer fr ? CopyOfFrame(ts, fr)
                : throw PyExc.TypeError("tasklet() frames must be frames, not " + o!.Type.Name)));
        }
        var frames = frameList.ToArray();
        foreach (var (g, cs) in consumed) IterationConsumer.RestoreInto(ts, g, cs);
        for (int i = 0; i < frames.Length; i++)
        {
            // a frame that was inside a native call must never run on: a frame of a function
            // that raises Stackless's error stands in for it (the frames below it see the
            // error as if from the call they made, and run their handlers)
            if (frames[i].RestoredInvalid)
            {
                var stand = Interpreter.MakeFrame(ts, (PyFunction)PicklingModule.Wrap(ts, "_invalid_frame"), ReadOnlySpan<PyObject>.Empty, null);
                stand.Lasti = 0;
                stand.Exposed = true;
                frames[i] = stand;
            }
        }
        for (int i = 0; i < frames.Length; i++)
        {
            var f = frames[i];
            f.Back = i == 0 ? null : frames[i - 1];
            f.IsEntry = false;
        }
        t.Owner = s;
        t.SwitchedInHardMode = false;
        t.Atomic = (flags & Atomic) != 0;
        t.IgnoreNesting = (flags & IgnoreNesting) != 0;
        t.BlockTrap = (flags & BlockTrap) != 0;
        t.Dead = false;
        if (frames.Length == 0)
        {
            // not set up: a bound function comes back in tempval
            t.Frame = null; t.Started = false; t.SetUp = false; t.RecursionDepth = 0;
            var v = it[1];
            t.Func = v != PyNone.Value && Ops.IsCallable(v) ? v : null;
            t.TempVal = t.Func == null ? v : PyNone.Value;
        }
        else
        {
            t.Func = null;
            t.Frame = frames[^1];
            t.SetUp = true;
            t.Started = (flags & Started) != 0;
            t.ResumeWithValue = (flags & ResumeWithValue) != 0;
            // a set-up tasklet that never ran has no Python frame yet (its start frame is not one)
            t.RecursionDepth = t.Started ? frames.Length : 0;
            t.TempVal = it[1];
        }
        t.HandledException = it[5] as PyBaseException;
        if (tracing != null)
        {
            var trace = tracing.Items[1] == PyNone.Value ? null : tracing.Items[1];
            var profile = tracing.Items[2] == PyNone.Value ? null : tracing.Items[2];
            t.Trace = Interpreter.WithTrace(Interpreter.WithProfile(t.Trace, profile), trace);
        }
        return t;
    }

    internal static PyObject ReduceChannel(ThreadState ts, PyChannel ch)
    {
        var waiting = new PyObject[ch.Waiting.Count];
        for (int i = 0; i < waiting.Length; i++) waiting[i] = ch.Waiting[i];
        int flags = (ch.Closing ? ChannelClosing : 0) | ((ch.Preference & 3) << ChannelPreferenceShift) | (ch.ScheduleAll ? ChannelScheduleAll : 0);
        return new PyTuple(new PyObject[]
        {
            ch.Type, PyTuple.Empty,
            new PyTuple(new PyObject[] { PyInt.From(ch.Balance), PyInt.From(flags), new PyList(waiting) }),
        });
    }

    internal static PyObject SetChannelState(ThreadState ts, PyChannel ch, PyObject stateObj)
    {
        if (stateObj is not PyTuple { Items.Length: 3 } st) throw PyExc.TypeError("channel() state must be a tuple (balance, flags, tasklets)");
        var it = st.Items;
        long balance = Ops.Index(ts, it[0]).Small;
        int flags = (int)Ops.Index(ts, it[1]).Small;
        if (it[2] is not PyList list) throw PyExc.TypeError("channel() argument 3 must be list, not " + it[2].Type.Name);
        while (ch.Waiting.Count > 0) ch.PopFront();
        ch.Closing = (flags & ChannelClosing) != 0;
        int pref = (flags & ChannelPreferenceMask) >> ChannelPreferenceShift;
        ch.Preference = pref == 3 ? -1 : pref;
        ch.ScheduleAll = (flags & ChannelScheduleAll) != 0;
        int dir = balance > 0 ? 1 : -1;
        foreach (var o in list.Items.AsSpan(0, list.Count))
            if (o is PyTasklet t && t.BlockedOn == null && !t.InRunQueue && Scheduler.Of(ts).Current != t)
            {
                t.Owner ??= Scheduler.Of(ts);
                ch.Append(t, dir);
            }
        return ch;
    }
}
