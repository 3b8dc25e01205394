#nullable enable
using System.Runtime.CompilerServices;
using StacklessIron.Compiling;
using System;
namespace StacklessIron.Runtime;

/// <summary>
/// sys.settrace / sys.setprofile. Nothing here runs while no thread traces: the loop only
/// gets here through instructions and branches that untraced code never meets.
/// - While any thread traces, PyCode.Quick of every code that a traced frame runs has TRACE
///   in place of each opcode (the arg kept, so instructions that read a neighbour's arg still
///   work). TRACE goes to OnTraceInstruction (from DispatchCold), which reports the events
///   CPython 3.11 reports before that instruction and returns ColdTraced: the loop then runs
///   the original instruction, read from CodeObject.Code. Frames that are not traced (other
///   threads, the trace function's own calls) pay a detour per instruction, nothing more.
///   KW_NAMES stays as it is (CALL reads it), its line event is reported at the CALL.
/// - Frame entry: the engine's EnterLimit drops to -1, so EnterFrame takes its cold branch
///   (EnterFrameHooked), which marks the frame: its first TRACE reports 'call'. Generators
///   are marked when resumed (PyGenerator.OnResume).
/// - Exceptions: HandleException reports 'exception' in each frame the exception reaches,
///   and 'return' (None) for each frame it leaves.
/// When the last tracing thread stops, the codes get their instructions back.
/// </summary>
public static partial class Interpreter
{
    static readonly PyStr[] s_eventNames = Array.ConvertAll(
        new[] { "call", "exception", "line", "return", "c_call", "c_exception", "c_return", "opcode" }, PyStr.Intern);

    public static PyStr TraceEventName(TraceEvent e) => s_eventNames[(int)e];

    // ---- instrumenting code ----

    /// <summary>A code whose Quick holds TRACE: its instructions to restore, and the line of
    /// each instruction as tracing sees it.</summary>
    sealed class TracedCode
    {
        public readonly int[] Saved, Lines;
        public TracedCode(int[] saved, int[] lines) { Saved = saved; Lines = lines; }
    }

    static readonly Dictionary<PyCode, TracedCode> s_instrumented = new(ReferenceEqualityComparer.Instance);
    static readonly object s_instrumentLock = new();
    /// <summary>Threads (of all engines) with a trace or profile function.</summary>
    static int s_tracingThreads;

    /// <summary>Codes of the engine's own machinery (the stackless module's helper frames),
    /// which trace and profile functions never see.</summary>
    static readonly HashSet<PyCode> s_hidden = new(ReferenceEqualityComparer.Instance);

    public static void HideFromTracing(PyCode code)
    {
        lock (s_instrumentLock) s_hidden.Add(code);
    }

    static bool IsHidden(PyCode code)
    {
        lock (s_instrumentLock) return s_hidden.Contains(code);
    }

    /// <summary>Makes every frame that runs `code` stop at TRACE before each instruction.</summary>
    public static void Instrument(PyCode code)
    {
        lock (s_instrumentLock)
        {
            if (s_tracingThreads == 0 || s_instrumented.ContainsKey(code) || s_hidden.Contains(code)) return;
            var quick = code.Quick;
            var orig = code.Code.Code;
            s_instrumented[code] = new TracedCode((int[])quick.Clone(), TraceLines(code.Code));
            for (int i = 0; i < quick.Length; i++)
                if (CodeObject.OpOf(orig[i]) != Opcode.KW_NAMES) quick[i] = (orig[i] & ~0xFF) | (int)Opcode.TRACE;
        }
    }

    /// <summary>The lines for line events: CodeObject.Lines gives every instruction a line (for
    /// tracebacks), where CPython leaves the artificial start and clean-up of exception
    /// handlers without one, so that entering a handler reports the `except` line next.</summary>
    static int[] TraceLines(CodeObject c)
    {
        var lines = (int[])c.Lines.Clone();
        var code = c.Code;
        for (int i = 0; i < code.Length && i < lines.Length; i++)
        {
            var op = CodeObject.OpOf(code[i]);
            if (op == Opcode.PUSH_EXC_INFO) lines[i] = -1;
            else if (op == Opcode.COPY && (code[i] >> 8) == 3 && i + 2 < code.Length
                && CodeObject.OpOf(code[i + 1]) == Opcode.POP_EXCEPT && CodeObject.OpOf(code[i + 2]) == Opcode.RERAISE)
                lines[i] = lines[i + 1] = lines[i + 2] = -1;
        }
        return lines;
    }

    /// <summary>The lines tracing reports for each instruction of `code` (-1: none).</summary>
    internal static int[] TraceLinesOf(PyCode code)
    {
        lock (s_instrumentLock) if (s_instrumented.TryGetValue(code, out var t)) return t.Lines;
        return TraceLines(code.Code);
    }

    static int[] LinesOf(PyCode code)
    {
        lock (s_instrumentLock) return s_instrumented.TryGetValue(code, out var t) ? t.Lines : code.Code.Lines;
    }

    static void RestoreInstructions()
    {
        foreach (var (code, t) in s_instrumented) Array.Copy(t.Saved, code.Quick, t.Saved.Length);
        s_instrumented.Clear();
    }

    // ---- setting the functions ----

    /// <summary>sys.settrace(func) for this thread (null: off).</summary>
    public static void SetTrace(ThreadState ts, PyObject? func)
    {
        var t = BeginChange(ts);
        t.TraceFunc = func;
        EndChange(ts, t);
    }

    /// <summary>sys.setprofile: `obj` is what sys.getprofile() returns, `hook` receives the
    /// events (null both: off).</summary>
    public static void SetProfile(ThreadState ts, PyObject? obj, IProfileHook? hook)
    {
        var t = BeginChange(ts);
        t.ProfileObj = hook == null ? null : obj;
        t.ProfileHook = hook;
        EndChange(ts, t);
    }

    /// <summary>sys.setprofile(func): a Python function (null: off).</summary>
    public static void SetProfileFunction(ThreadState ts, PyObject? func)
        => SetProfile(ts, func, func == null ? null : new PythonProfileHook(func));

    /// <summary>`state` with its trace function replaced (null when nothing is left set):
    /// how a stackless tasklet that is not running gets its own.</summary>
    public static TraceState? WithTrace(TraceState? state, PyObject? func)
    {
        state ??= new TraceState();
        state.TraceFunc = func;
        return state.IsEmpty ? null : state;
    }

    /// <summary>`state` with its profile function replaced (null when nothing is left set).</summary>
    public static TraceState? WithProfile(TraceState? state, PyObject? func)
    {
        state ??= new TraceState();
        state.ProfileObj = func;
        state.ProfileHook = func == null ? null : new PythonProfileHook(func);
        return state.IsEmpty ? null : state;
    }

    /// <summary>Makes this thread's trace state `state` (a stackless tasklet switch brings its
    /// own; null: nothing traced).</summary>
    public static void SwapTraceState(ThreadState ts, TraceState? state)
    {
        if (state != null && state.IsEmpty) state = null;
        if (ts.Trace == state) return;
        bool was = ts.Trace != null;
        ts.Trace = state;
        CountTracing(ts, was, state != null);
    }

    /// <summary>The frames of a chain about to run with tracing on (a tasklet switched in).</summary>
    public static void StartTracingChain(Frame? top)
    {
        for (var f = top; f != null; f = f.Back) StartTracing(f);
    }

    static TraceState BeginChange(ThreadState ts) => ts.Trace ?? new TraceState();

    static void EndChange(ThreadState ts, TraceState t)
    {
        bool was = ts.Trace != null;
        bool now = !t.IsEmpty;
        ts.Trace = now ? t : null;
        CountTracing(ts, was, now);
        if (now)
        {
            // the frames already running: they report return events (profile) and, when
            // f_trace is set on them, line events (bdb sets f_trace on its callers)
            for (var f = ts.Frame; f != null; f = f.Back) StartTracing(f);
        }
    }

    static void CountTracing(ThreadState ts, bool was, bool now)
    {
        if (was == now) return;
        lock (s_instrumentLock)
        {
            s_tracingThreads += now ? 1 : -1;
            if (s_tracingThreads == 0) RestoreInstructions();
        }
        var e = ts.Engine;
        lock (e) { e.TracingThreads += now ? 1 : -1; e.UpdateEnterLimit(); }
    }

    /// <summary>A frame that already runs gets traced from now on (settrace, f_trace): its
    /// instruction running now (a call) is the one before the next line event.</summary>
    internal static void StartTracing(Frame f)
    {
        Instrument(f.Code);
        if (f.TracingEvent == null && !f.TraceEntryPending) f.TracePrevPc = f.Lasti;
    }

    // ---- frame entry ----

    /// <summary>EnterFrame's cold branch: the recursion limit, and tracing.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void EnterFrameHooked(ThreadState ts, Frame frame)
    {
        if (ts.RecursionDepth > ts.Engine.RecursionLimit)
        {
            ts.RecursionDepth--;
            throw PyExc.RecursionError("maximum recursion depth exceeded");
        }
        if (ts.Trace is { InHook: false }) MarkEntry(frame);
    }

    /// <summary>A generator's frame resumes (PyGenerator.OnResume): 'call' again, as in CPython.</summary>
    public static void TraceResume(ThreadState ts, Frame? frame)
    {
        if (frame != null && ts.Trace is { InHook: false }) MarkEntry(frame);
    }

    static void MarkEntry(Frame frame)
    {
        if (IsHidden(frame.Code)) return;
        Instrument(frame.Code);
        frame.TraceEntryPending = true;
        // a fresh frame has no previous instruction; a resumed one comes from its yield
        frame.TracePrevPc = frame.Lasti;
    }

    // ---- TRACE ----

    /// <summary>Reports the events due before instruction f.Lasti, then returns ColdTraced (run
    /// the instruction), ColdNext (it ran here: a profiled builtin call), ColdError, or
    /// ColdReload (an f_lineno jump moved f.Pc).</summary>
    static int OnTraceInstruction(ThreadState ts, Frame f, Span<PyObject?> s, ref int sp, out PyBaseException? exc)
    {
        exc = null;
        var t = ts.Trace;
        if (t == null) { f.TraceEntryPending = false; return ColdTraced; }
        if (t.InHook) return ColdTraced;
        int pc = f.Lasti;
        var c = f.Code.Code;
        int orig = c.Code[pc];
        var op = CodeObject.OpOf(orig);
        f.Sp = sp;
        if (f.TraceEntryPending)
        {
            f.TraceEntryPending = false;
            exc = ReportEntry(ts, t, f);
            if (exc != null) return ColdError;
            t = ts.Trace;
            if (t == null) return ColdTraced;
        }
        if (t.TraceFunc != null && f.TraceFunc != null)
        {
            var lines = LinesOf(f.Code);
            int line = pc < lines.Length ? lines[pc] : -1;
            int prev = f.TracePrevPc;
            if (line >= 0 && f.TraceLines)
            {
                // CPython's maybe_call_line_trace: a new line, or a jump backwards (but not
                // the one that resumes a `yield from`/`await` at its SEND)
                int lastLine = prev >= 0 && prev < lines.Length ? lines[prev] : -1;
                if (line != lastLine || (pc < prev && op != Opcode.SEND))
                {
                    f.JumpTarget = -1;
                    exc = CallTraceFunc(ts, t, f, TraceEvent.Line, PyNone.Value, line);
                    if (exc != null) return ColdError;
                    if (f.JumpTarget >= 0) return Jump(f, ref sp);
                }
            }
            if (f.TraceOpcodes && f.TraceFunc != null && ts.Trace?.TraceFunc != null)
            {
                exc = CallTraceFunc(ts, t, f, TraceEvent.Opcode, PyNone.Value, line >= 0 ? line : f.LineNo);
                if (exc != null) return ColdError;
            }
        }
        f.TracePrevPc = pc;
        switch (op)
        {
            case Opcode.RETURN_VALUE:
            case Opcode.YIELD_VALUE:
                exc = ReportReturn(ts, f, s[sp - 1]!);
                if (exc != null) return ColdError;
                // a native consumer (sum, any ...) takes the item and the frame goes on at
                // once: CPython resumes the generator for each item, so 'call' again
                if (op == Opcode.YIELD_VALUE && f.ReturnMode == ReturnConsume) f.TraceEntryPending = true;
                // a generator that returns a value ends a `for` with StopIteration(value):
                // CPython's FOR_ITER reports it as an exception in the loop's frame
                if (op == Opcode.RETURN_VALUE && f.ReturnMode == ReturnForIter && s[sp - 1] != PyNone.Value
                    && f.Back is { TraceFunc: not null } back && ts.Trace is { TraceFunc: not null } t2)
                {
                    var stop = PyExc.StopIteration(s[sp - 1]!).Value;
                    exc = CallTraceFunc(ts, t2, back, TraceEvent.Exception, PyTuple.Of(stop.Type, stop, PyNone.Value), back.LineNo);
                    if (exc != null) return ColdError;
                }
                break;
            case Opcode.CALL:
                if (t.ProfileHook != null) return ProfiledCall(ts, t, f, s, ref sp, orig >> 8, out exc);
                break;
        }
        return ColdTraced;
    }

    /// <summary>'call' to the global trace function (its result becomes f_trace) and to the
    /// profiler, with f_lineno at the def line (or the yield a generator resumes from).</summary>
    static PyBaseException? ReportEntry(ThreadState ts, TraceState t, Frame f)
    {
        var c = f.Code.Code;
        int prev = f.TracePrevPc;
        int line = prev >= 0 && prev < c.Lines.Length && c.Lines[prev] >= 0 ? c.Lines[prev] : c.FirstLineNo;
        if (t.TraceFunc != null)
        {
            var e = CallTraceFunc(ts, t, f, TraceEvent.Call, PyNone.Value, line);
            if (e != null) return e;
        }
        return CallProfile(ts, f, TraceEvent.Call, PyNone.Value, line);
    }

    /// <summary>'return' with the value leaving the frame (None when an exception leaves it),
    /// to f_trace and then to the profiler.</summary>
    static PyBaseException? ReportReturn(ThreadState ts, Frame f, PyObject value)
    {
        var t = ts.Trace;
        if (t == null || t.InHook) return null;
        int line = f.LineNo;
        if (t.TraceFunc != null && f.TraceFunc != null)
        {
            var e = CallTraceFunc(ts, t, f, TraceEvent.Return, value, line);
            if (e != null) return e;
        }
        return CallProfile(ts, f, TraceEvent.Return, value, line);
    }

    /// <summary>Calls the trace function for one event as CPython's trace_trampoline: 'call'
    /// goes to the global function, the rest to f_trace; a result other than None replaces
    /// f_trace; an exception unsets tracing (and f_trace) and is returned.</summary>
    static PyBaseException? CallTraceFunc(ThreadState ts, TraceState t, Frame f, TraceEvent what, PyObject arg, int line)
    {
        var callback = what == TraceEvent.Call ? t.TraceFunc : f.TraceFunc;
        if (callback == null) return null;
        f.Exposed = true;
        t.InHook = true;
        int savedLine = f.TracedLine;
        var savedEvent = f.TracingEvent;
        f.TracedLine = line;
        f.TracingEvent = what;
        if (f._localsCache != null) f.GetLocals(ts);
        try
        {
            var r = Ops.Call(ts, callback, f, s_eventNames[(int)what], arg);
            if (r != PyNone.Value) f.TraceFunc = r;
            f.LocalsToFast(ts);
            return null;
        }
        catch (PyException e)
        {
            SetTrace(ts, null);
            f.TraceFunc = null;
            return e.Value;
        }
        finally
        {
            t.InHook = false;
            f.TracedLine = savedLine;
            f.TracingEvent = savedEvent;
        }
    }

    /// <summary>Reports one event to the profiler, if any; an exception unsets it and is returned.</summary>
    static PyBaseException? CallProfile(ThreadState ts, Frame f, TraceEvent what, PyObject arg, int line)
    {
        var t = ts.Trace;
        var hook = t?.ProfileHook;
        if (hook == null || t!.InHook) return null;
        t.InHook = true;
        int savedLine = f.TracedLine;
        f.TracedLine = line;
        try
        {
            hook.OnEvent(ts, f, what, arg);
            return null;
        }
        catch (PyException e)
        {
            SetProfile(ts, null, null);
            return e.Value;
        }
        finally
        {
            t.InHook = false;
            f.TracedLine = savedLine;
        }
    }

    /// <summary>A CALL while profiling: a builtin function or method descriptor is called here,
    /// between 'c_call' and 'c_return' / 'c_exception' (CPython's C_TRACE); anything else
    /// goes back to the loop's CALL.</summary>
    static int ProfiledCall(ThreadState ts, TraceState t, Frame f, Span<PyObject?> s, ref int sp, int arg, out PyBaseException? exc)
    {
        exc = null;
        int baseIdx = sp - arg - 2;
        var a = s[baseIdx];
        var b = s[baseIdx + 1]!;
        PyObject callable;
        int argStart, n;
        if (a != null)
        {
            callable = a; argStart = baseIdx + 1; n = arg + 1;
            if (a is PyMethod) return ColdTraced;
        }
        else
        {
            callable = b; argStart = baseIdx + 2; n = arg;
            if (b is PyMethod) return ColdTraced;
        }
        PyObject reported;
        if (callable is PyBuiltinFunction) reported = callable;
        else if (callable is PyMethodDescriptor md && n > 0 && s[argStart]!.Type.IsSubtypeOf(md.Owner))
            reported = new PyBuiltinFunction(md.Func, s[argStart]);
        else return ColdTraced;
        int pc = f.Lasti;
        var code = f.Code.Code.Code;
        PyTuple? kw = pc > 0 && CodeObject.OpOf(code[pc - 1]) == Opcode.KW_NAMES ? (PyTuple)f.Code.Consts[code[pc - 1] >> 8] : null;
        int line = f.LineNo;
        exc = CallProfile(ts, f, TraceEvent.CCall, reported, line);
        if (exc != null) return ColdError;
        var args = s.Slice(argStart, n).ToArray()!;
        PyObject result;
        try
        {
            result = callable is PyBuiltinFunction bf
                ? bf.Func.Call(ts, bf.Self, args!, kw)
                : ((PyMethodDescriptor)callable).CallWithSelf(ts, args[0]!, args.AsSpan(1)!, kw);
        }
        catch (PyException e)
        {
            exc = CallProfile(ts, f, TraceEvent.CException, reported, line) ?? e.Value;
            if (exc.Context == null && exc != e.Value) exc.Context = e.Value;
            return ColdError;
        }
        exc = CallProfile(ts, f, TraceEvent.CReturn, reported, line);
        if (exc != null) return ColdError;
        for (int i = baseIdx; i < sp; i++) s[i] = null;
        sp = baseIdx;
        s[sp++] = result;
        return ColdNext;
    }

    // ---- exceptions ----

    /// <summary>An exception reached frame `f` (raised there or coming from a callee):
    /// 'exception' with (type, value, traceback) to f_trace. An exception of the trace
    /// function replaces it.</summary>
    static void TraceException(ThreadState ts, Frame f, ref PyBaseException exc)
    {
        var t = ts.Trace;
        if (t == null || t.InHook) return;
        if (f.TraceEntryPending)
        {
            // generator.throw() into a frame resumed while tracing
            f.TraceEntryPending = false;
            var e = ReportEntry(ts, t, f);
            if (e != null) { exc = e; return; }
            t = ts.Trace;
            if (t == null) return;
        }
        if (t.TraceFunc == null || f.TraceFunc == null) return;
        var arg = PyTuple.Of(exc.Type, exc, (PyObject?)exc.Traceback ?? PyNone.Value);
        var err = CallTraceFunc(ts, t, f, TraceEvent.Exception, arg, f.LineNo);
        if (err != null)
        {
            if (err.Traceback == null) AddTraceback(ts, f, err);
            exc = err;
        }
    }

    /// <summary>Frame `f` exits with an exception: 'return' None to f_trace and the profiler.</summary>
    static void TraceUnwind(ThreadState ts, Frame f, ref PyBaseException exc)
    {
        if (f.TraceEntryPending || IsHidden(f.Code)) return;
        var err = ReportReturn(ts, f, PyNone.Value);
        if (err != null) exc = err;
    }

    // ---- f_lineno assignment ----

    /// <summary>Moves the frame to f.JumpTarget (checked by the f_lineno setter): the value
    /// stack keeps what both places have in common.</summary>
    static int Jump(Frame f, ref int sp)
    {
        int target = f.JumpTarget;
        f.JumpTarget = -1;
        int depth = f.JumpStackDepth;
        for (int i = f.StackBase + depth; i < sp; i++) f.Slots[i] = null;
        if (f.StackBase + depth < sp) sp = f.StackBase + depth;
        f.Sp = sp;
        f.Pc = target;
        f.TracePrevPc = target;
        return ColdReload;
    }
}
