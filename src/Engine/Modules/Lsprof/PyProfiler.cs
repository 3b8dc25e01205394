#nullable enable
using System;
using System.Diagnostics;
namespace StacklessIron.Modules.Lsprof;

/// <summary>`_lsprof.Profiler`, what cProfile.Profile builds on: a deterministic profiler that
/// receives the profile events natively (IProfileHook) and counts, per function, the calls,
/// the recursive calls, the time inside it (inline) and including its callees (total), and
/// the same per caller-callee pair. Builtins are counted per native function, whatever their
/// self (all list.append calls are one entry), labelled as CPython labels them.</summary>
[PyType("Profiler")]
public sealed class PyProfiler : PyObject, IProfileHook
{
    public static readonly PyType TypeObject = PyType.Builtin("Profiler", typeof(PyProfiler), module: "_lsprof");

    /// <summary>One profiled function (or one caller-callee pair, as a sub-entry).</summary>
    sealed class Entry
    {
        public readonly object Key;
        public readonly PyObject Label;
        public long CallCount, RecursiveCallCount, TotalTime, InlineTime;
        public int RecursionLevel;
        public Dictionary<Entry, Entry>? Calls;
        public Entry(object key, PyObject label) { Key = key; Label = label; }
    }

    /// <summary>A call in progress: when it started, and the time its callees took.</summary>
    sealed class Context
    {
        public long Start, SubTime;
        public Entry Entry = null!;
        public Context? Previous;
    }

    readonly Dictionary<object, Entry> _entries = new(ReferenceEqualityComparer.Instance);
    Context? _current;
    PyObject? _timer;
    double _timeUnit;
    bool _subcalls = true, _builtins = true;
    PyDict? _dict;

    public PyProfiler(PyType t) : base(t) { if (t != TypeObject && t.InstanceHasDict) _dict = new PyDict(); }
    public override PyDict? Dict { get => _dict; set => _dict = value; }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyProfiler(cls);

    static readonly string[] s_initNames = { "timer", "timeunit", "subcalls", "builtins" };

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var p = (PyProfiler)self;
        var values = new PyObject?[4];
        int nkw = kwnames?.Items.Length ?? 0, npos = args.Length - nkw;
        if (npos > 4) throw PyExc.TypeError($"Profiler() takes at most 4 arguments ({npos} given)");
        for (int i = 0; i < npos; i++) values[i] = args[i];
        for (int i = 0; i < nkw; i++)
        {
            var name = ((PyStr)kwnames!.Items[i]).Value;
            int j = Array.IndexOf(s_initNames, name);
            if (j < 0) throw PyExc.TypeError($"'{name}' is an invalid keyword argument for Profiler()");
            if (values[j] != null) throw PyExc.TypeError($"argument for Profiler() given by name ('{name}') and position ({j + 1})");
            values[j] = args[npos + i];
        }
        p._timer = values[0] == null || values[0] == PyNone.Value ? null : values[0];
        p._timeUnit = values[1] == null ? 0.0 : Ops.ToDouble(ts, values[1]!);
        if (values[2] != null) p._subcalls = Ops.IsTrue(ts, values[2]!);
        if (values[3] != null) p._builtins = Ops.IsTrue(ts, values[3]!);
    }

    // ---- time ----

    /// <summary>The clock in the profiler's ticks: nanoseconds, or what a timer function
    /// returns (a float in seconds becomes nanoseconds; with a time unit, the integer as is).</summary>
    long Now(ThreadState ts)
    {
        if (_timer == null) return (long)(Stopwatch.GetTimestamp() * s_nsPerTick);
        PyObject r;
        try { r = Ops.Call(ts, _timer); }
        catch (PyException)
        {
            // CPython reports the timer's error as unraisable and counts 0
            return 0;
        }
        if (_timeUnit > 0.0) return r is PyInt i && i.FitsLong ? i.Small : (long)Ops.ToDouble(ts, r);
        return (long)Math.Floor(Ops.ToDouble(ts, r) * 1e9);
    }

    static readonly double s_nsPerTick = 1e9 / Stopwatch.Frequency;

    double Factor => _timer == null ? 1e-9 : _timeUnit > 0.0 ? _timeUnit : 1e-9;

    // ---- events ----

    public void OnEvent(ThreadState ts, Frame frame, TraceEvent what, PyObject arg)
    {
        switch (what)
        {
            case TraceEvent.Call: EnterCall(ts, frame.Code, frame.Code); break;
            case TraceEvent.Return: LeaveCall(ts, frame.Code); break;
            case TraceEvent.CCall:
                if (_builtins && arg is PyBuiltinFunction bf) EnterCall(ts, bf.Func, arg);
                break;
            case TraceEvent.CReturn:
            case TraceEvent.CException:
                if (_builtins && arg is PyBuiltinFunction bf2) LeaveCall(ts, bf2.Func);
                break;
        }
    }

    Entry GetEntry(object key, PyObject userObj)
    {
        if (_entries.TryGetValue(key, out var e)) return e;
        e = new Entry(key, Label(userObj));
        _entries[key] = e;
        return e;
    }

    /// <summary>What getstats() reports as `code`: the code object, or for a builtin CPython's
    /// description ("&lt;built-in method builtins.len&gt;", "&lt;method 'append' of 'list' objects&gt;").</summary>
    static PyObject Label(PyObject obj)
    {
        if (obj is not PyBuiltinFunction bf) return obj;
        var self = bf.Self;
        if (self != null && self is not PyModule)
        {
            var descr = self.Type.Lookup(PyStr.Intern(bf.Name));
            if (descr is PyMethodDescriptor md)
            {
                // a C type's tp_name: "module.Name" outside builtins
                var owner = md.Owner.Name;
                if (md.Owner.Namespace.GetStr("__module__") is PyStr mod && mod.Value != "builtins") owner = mod.Value + "." + owner;
                return new PyStr($"<method '{md.Func.Name}' of '{owner}' objects>");
            }
        }
        string? module = bf.ModuleName ?? (self is PyModule m ? (m.GetName() as PyStr)?.Value : null);
        return new PyStr(module != null ? $"<built-in method {module}.{bf.Name}>" : $"<built-in method {bf.Name}>");
    }

    void EnterCall(ThreadState ts, object key, PyObject userObj)
    {
        var entry = GetEntry(key, userObj);
        var ctx = new Context { Entry = entry, Previous = _current, SubTime = 0 };
        entry.RecursionLevel++;
        if (_subcalls && ctx.Previous != null)
        {
            var caller = ctx.Previous.Entry;
            caller.Calls ??= new Dictionary<Entry, Entry>(ReferenceEqualityComparer.Instance);
            if (!caller.Calls.TryGetValue(entry, out var sub)) caller.Calls[entry] = sub = new Entry(entry.Key, entry.Label);
            sub.RecursionLevel++;
        }
        _current = ctx;
        ctx.Start = Now(ts);
    }

    void LeaveCall(ThreadState ts, object key)
    {
        var ctx = _current;
        if (ctx == null) return;
        if (_entries.ContainsKey(key)) Stop(ts, ctx);
        else _current = ctx.Previous;
    }

    void Stop(ThreadState ts, Context ctx)
    {
        long tt = Now(ts) - ctx.Start;
        long it = tt - ctx.SubTime;
        if (ctx.Previous != null) ctx.Previous.SubTime += tt;
        _current = ctx.Previous;
        var entry = ctx.Entry;
        if (--entry.RecursionLevel == 0) entry.TotalTime += tt;
        else entry.RecursiveCallCount++;
        entry.InlineTime += it;
        entry.CallCount++;
        if (_subcalls && ctx.Previous != null && ctx.Previous.Entry.Calls is { } calls && calls.TryGetValue(entry, out var sub))
        {
            if (--sub.RecursionLevel == 0) sub.TotalTime += tt;
            else sub.RecursiveCallCount++;
            sub.InlineTime += it;
            sub.CallCount++;
        }
    }

    /// <summary>Ends the calls still open (disable() while inside them), as if they returned now.</summary>
    void FlushUnmatched(ThreadState ts)
    {
        while (_current != null) Stop(ts, _current);
    }

    // ---- methods ----

    [PyMethod]
    static void enable(ThreadState ts, PyProfiler self, [PyKeyword] PyObject? subcalls = null, PyObject? builtins = null)
    {
        if (subcalls != null) self._subcalls = Ops.IsTrue(ts, subcalls);
        if (builtins != null) self._builtins = Ops.IsTrue(ts, builtins);
        Interpreter.SetProfile(ts, self, self);
    }

    [PyMethod]
    static void disable(ThreadState ts, PyProfiler self)
    {
        if (ts.Trace?.ProfileHook == self) Interpreter.SetProfile(ts, null, null);
        self.FlushUnmatched(ts);
    }

    [PyMethod]
    static void clear(ThreadState ts, PyProfiler self)
    {
        self._entries.Clear();
        self._current = null;
    }

    [PyMethod]
    static PyObject getstats(ThreadState ts, PyProfiler self)
    {
        double factor = self.Factor;
        var result = new PyList();
        foreach (var e in self._entries.Values)
        {
            PyObject calls = PyNone.Value;
            if (e.Calls != null)
            {
                var subs = new PyList();
                foreach (var s in e.Calls.Values)
                    subs.Append(PyStructSeq.Create(LsprofModule.SubEntryType, s.Label, PyInt.From(s.CallCount), PyInt.From(s.RecursiveCallCount),
                        new PyFloat(s.TotalTime * factor), new PyFloat(s.InlineTime * factor)));
                calls = subs;
            }
            result.Append(PyStructSeq.Create(LsprofModule.EntryType, e.Label, PyInt.From(e.CallCount), PyInt.From(e.RecursiveCallCount),
                new PyFloat(e.TotalTime * factor), new PyFloat(e.InlineTime * factor), calls));
        }
        return result;
    }
}
