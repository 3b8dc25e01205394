#nullable enable
using StacklessIron.Compiling;
using System;
namespace StacklessIron.Objects;

/// <summary>
/// A generator, coroutine or async generator: a suspended heap frame. The VM resumes it in its
/// own loop from FOR_ITER, SEND and gen.send()/__next__() calls; C# code resumes it with
/// Resume (a nested loop). The three Python types share this class (and the resume logic) but
/// expose different members (PyCoroutine, PyAsyncGenerator).
/// </summary>
[PyType("generator")]
public sealed class PyGenerator : PyObject
{
    public static readonly PyType TypeObject = MakeType();

    static PyType MakeType()
    {
        var t = PyType.Builtin("generator", typeof(PyGenerator), subclassable: false);
        // The namespace's __next__ is a method (so a call from the loop may resume softly),
        // which would make the slot the generic "look up __next__ and call it" path: C#
        // consumers (sum, list, join ...) get the direct resumption instead. The type is not
        // subclassable and its namespace is read-only, so the slot is never re-resolved.
        t.IterNext = Next;
        return t;
    }

    public Frame? Frame;
    public bool Started, Running;
    public string Name, QualName;
    /// <summary>The exception the generator was handling when it last yielded.</summary>
    PyBaseException? _savedExc;
    PyBaseException? _callerExc;
    /// <summary>The exception state a pickle of the generator keeps (Stackless's tasklet
    /// pickling): what it handles while suspended, and, while it runs in a suspended
    /// tasklet, the handled exception of its caller that its next yield gives back.</summary>
    public PyBaseException? SavedException { get => _savedExc; set => _savedExc = value; }
    public PyBaseException? CallerException { get => _callerExc; set => _callerExc = value; }
    /// <summary>The native consumer (sum, any ...) the loop hands each yielded value to, while
    /// the generator runs with ReturnConsume.</summary>
    internal IterationConsumer? Consumer;

    PyGenerator(PyType type, Frame frame, string name, string qualname) : base(type)
    {
        Frame = frame; Name = name; QualName = qualname;
        frame.Generator = this;
        IsCoroutine = type == PyCoroutine.TypeObject;
        IsAsyncGen = type == PyAsyncGenerator.TypeObject;
    }

    /// <summary>The generator of a call to `fn`. `awaitedAtOnce`: the caller awaits it in its
    /// next instruction (`await f()`), so it cannot be dropped unawaited; any other coroutine
    /// gets a finalizer at once, for "coroutine ... was never awaited".</summary>
    public static PyGenerator Create(ThreadState ts, Frame frame, PyFunction fn, bool awaitedAtOnce = false)
    {
        var flags = frame.Code.Code.Flags;
        var type = (flags & CodeFlags.Coroutine) != 0 ? PyCoroutine.TypeObject
                 : (flags & CodeFlags.AsyncGenerator) != 0 ? PyAsyncGenerator.TypeObject
                 : TypeObject;
        var g = new PyGenerator(type, frame, fn.Name, fn.QualName);
        if (g.IsCoroutine && !awaitedAtOnce) g.TrackClose(ts, s_finalize);
        if (g.IsCoroutine && SysModule.CoroutineOriginDepth > 0) PyCoroutine.RecordOrigin(ts, g, SysModule.CoroutineOriginDepth);
        return g;
    }

    // ---------------- finalization: closed when dropped (CPython's _PyGen_Finalize) ----------------

    /// <summary>This generator has a finalizer: it is suspended in a try/with (PyCode.YieldsInTry),
    /// or is a coroutine not yet started, or an async generator iterated under an asyncgen
    /// finalizer hook. Plain generators never get one.</summary>
    FinalizationTracker? _closeTracker;
    /// <summary>An async generator's first step called sys's firstiter hook (PyAsyncGenerator.InitHooks).</summary>
    public bool AsyncHooksInited;
    /// <summary>The finalizer hook an async generator got at its first step (null: none).</summary>
    public PyObject? AsyncFinalizer { get; private set; }

    /// <summary>If dropped unfinished, the async generator goes to `finalizer` (null: it is just closed when dropped).</summary>
    public void SetAsyncFinalizer(ThreadState ts, PyObject? finalizer)
    {
        AsyncFinalizer = finalizer;
        if (finalizer != null) TrackClose(ts, (ts2, o) => ((PyGenerator)o).FinalizeDropped(ts2, finalizer));
    }
    static readonly Action<ThreadState, PyObject> s_finalize = (ts, o) => ((PyGenerator)o).FinalizeDropped(ts, null);

    internal void TrackClose(ThreadState ts, Action<ThreadState, PyObject> action)
    {
        if (_closeTracker != null) Finalization.Release(_closeTracker);
        _closeTracker = ts.Engine.Finalization.TrackNativeOwned(this, action);
    }

    /// <summary>A suspended generator dropped (or still alive at exit): a coroutine never
    /// started warns "never awaited"; an async generator goes to the finalizer hook it was first
    /// iterated under; any other is closed, so its finally blocks and with exits run
    /// (errors go to sys.unraisablehook with this generator as the object).</summary>
    internal void FinalizeDropped(ThreadState ts, PyObject? asyncFinalizer)
    {
        var f = Frame;
        if (f == null || f.Finished || Running) return;
        if (asyncFinalizer != null) { Ops.Call(ts, asyncFinalizer, this); return; }
        if (!Started)
        {
            if (IsCoroutine) WarnNeverAwaited(ts);
            return;
        }
        Close(ts);
    }

    /// <summary>RuntimeWarning "coroutine 'f' was never awaited", with where it was made if
    /// cr_origin was recorded, as CPython's warnings._warn_unawaited_coroutine. That function
    /// is not called: it passes the coroutine as `source`, which the pure-Python
    /// warnings.warn_explicit hands to WarningMessage as its file.</summary>
    void WarnNeverAwaited(ThreadState ts)
    {
        var msg = new System.Text.StringBuilder($"coroutine '{QualName}' was never awaited\n");
        var origin = Ops.GetAttr(ts, this, "cr_origin");
        if (origin is PyTuple frames)
        {
            var lines = new List<PyObject>();
            var linecache = Importer.ImportModuleLevel(ts, "linecache", null, PyNone.Value, 0);
            for (int i = frames.Items.Length - 1; i >= 0; i--)
            {
                var fr = (PyTuple)frames.Items[i];
                var line = Ops.CallMethod(ts, linecache, "getline", fr.Items[0], fr.Items[1]);
                lines.Add(PyTuple.Of(fr.Items[0], fr.Items[1], fr.Items[2], line));
            }
            msg.Append("Coroutine created at (most recent call last)\n");
            var traceback = Importer.ImportModuleLevel(ts, "traceback", null, PyNone.Value, 0);
            foreach (var part in Ops.Iterate(ts, Ops.CallMethod(ts, traceback, "format_list", new PyList(lines.ToArray()))))
                msg.Append(Ops.StrString(ts, part));
        }
        var warnings = Importer.ImportModuleLevel(ts, "warnings", null, PyNone.Value, 0);
        Ops.CallMethod(ts, warnings, "warn", new PyStr(msg.ToString().TrimEnd('\n')), ExceptionTypes.RuntimeWarning);
    }

    /// <summary>The generator ended: its finalizer has nothing left to do, so the tracker goes
    /// (a collection then need not finalize it).</summary>
    void ForgetClose()
    {
        Finalization.Release(_closeTracker!);
        _closeTracker = null;
    }

    // Fields, not Type comparisons: the loop tests them at every resumption, and reading another
    // class's static there costs a class-initialisation check and a load.
    public readonly bool IsCoroutine, IsAsyncGen;
    public string KindName => IsCoroutine ? "coroutine" : IsAsyncGen ? "async generator" : "generator";
    public bool Finished => Frame == null || Frame.Finished;

    /// <summary>The VM may resume it inside its own loop (not running, not finished, not async).</summary>
    public bool CanResumeSoftly => !Running && Frame != null && !Frame.Finished && !IsAsyncGen;

    /// <summary>The iterator this generator delegates to (`yield from` / `await`), if suspended there.</summary>
    public PyObject? YieldingFrom
    {
        get
        {
            var f = Frame;
            if (f == null || f.Finished || !Started || Running) return null;
            var code = f.Code.Code.Code;
            int last = f.Lasti;
            if (last <= 0 || CodeObject.OpOf(code[last]) != Opcode.YIELD_VALUE || CodeObject.OpOf(code[last - 1]) != Opcode.SEND) return null;
            return f.Sp > f.StackBase ? f.Slots[f.Sp - 1] : null;
        }
    }

    // exception state: sys.exc_info() inside the generator sees its own handled exception.
    // _callerExc is null whenever the generator is not running, so the usual case (no
    // exception handled on either side) stores nothing here.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void OnResume(ThreadState ts)
    {
        Running = true;
        Started = true;
        if (ts.Trace != null) Interpreter.TraceResume(ts, Frame);
        var h = ts.HandledException;
        if (h != null) _callerExc = h;
        if (_savedExc != null) ts.HandledException = _savedExc;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void OnYield(ThreadState ts)
    {
        Running = false;
        if (_closeTracker == null && Frame!.Code.YieldsInTry is { } inTry && inTry[Frame.Pc]) TrackClose(ts, s_finalize);
        var h = ts.HandledException;
        var c = _callerExc;
        if (h != c)
        {
            _savedExc = h;
            ts.HandledException = c;
            if (c != null) _callerExc = null;
        }
        else if (c != null) { _savedExc = null; _callerExc = null; }
        else if (_savedExc != null) _savedExc = null;
    }

    public void OnExit(ThreadState ts)
    {
        Running = false;
        if (_closeTracker != null) ForgetClose();
        _savedExc = null;
        ts.HandledException = _callerExc;
        _callerExc = null;
    }

    /// <summary>Resumes on a nested loop with `sent` (or by raising `toThrow` at the suspension
    /// point). Returns the yielded value, or the return value with `returned` set.</summary>
    public PyObject Resume(ThreadState ts, PyObject sent, PyBaseException? toThrow, out bool returned, bool pushSent = true)
        => Resume(ts, sent, toThrow, out returned, pushSent, null)!;

    /// <summary>Resume; with `raised` given, an exception that ends the generator is stored
    /// there (the result is then null) instead of thrown.</summary>
    PyObject? Resume(ThreadState ts, PyObject sent, PyBaseException? toThrow, out bool returned, bool pushSent, System.Runtime.CompilerServices.StrongBox<PyBaseException?>? raised)
    {
        if (Running) throw PyExc.ValueError($"{KindName} already executing");
        var f = Frame;
        if (f == null || f.Finished)
        {
            if (toThrow != null) throw new PyException(toThrow);
            if (IsCoroutine) throw PyExc.RuntimeError("cannot reuse already awaited coroutine");
            returned = true;
            return PyNone.Value;
        }
        if (!Started && toThrow == null && sent != PyNone.Value)
            throw PyExc.TypeError($"can't send non-None value to a just-started {KindName}");
        // past the recursion limit (or the .NET stack's) the generator ends before anything of
        // it changed, as in CPython (Interpreter.GeneratorOverLimit)
        if (ts.RecursionDepth >= ts.Engine.RecursionLimit || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw new PyException(Interpreter.GeneratorOverLimit(this));
        if (Started && toThrow == null && pushSent) f.Slots[f.Sp++] = sent;
        f.Back = ts.Frame;
        f.IsEntry = true;
        f.ReturnMode = Interpreter.ReturnPush;
        ts.RecursionDepth++;
        OnResume(ts);
        ts.Frame = f;
        ts.NestingLevel++;
        try
        {
            var r = Interpreter.Run(ts, f, toThrow, raised);
            returned = f.Finished;
            return r;
        }
        finally { ts.NestingLevel--; }
    }

    /// <summary>send() semantics for C#: the next value, or null when the generator returned
    /// (`value` then holds the return value).</summary>
    public PyObject? Send(ThreadState ts, PyObject sent, out PyObject value)
    {
        var r = Resume(ts, sent, null, out bool returned);
        value = r;
        return returned ? null : r;
    }

    /// <summary>throw() semantics (delegating to a `yield from` target first).</summary>
    public PyObject? Throw(ThreadState ts, PyBaseException exc, out PyObject value)
    {
        var yf = YieldingFrom;
        if (yf != null)
        {
            PyObject? r = null;
            bool subDone = false;
            PyObject subValue = PyNone.Value;
            Running = true;
            try
            {
                if (exc.Type.IsSubtypeOf(ExceptionTypes.GeneratorExit))
                {
                    CloseIterator(ts, yf);
                    Running = false;
                    goto throwHere;
                }
                if (yf is PyGenerator g)
                {
                    r = g.Throw(ts, exc, out subValue);
                    subDone = r == null;
                }
                else
                {
                    var m = Ops.GetAttrOrNull(ts, yf, PyStr.Intern("throw"));
                    if (m == null) { Running = false; goto throwHere; }
                    try { r = Ops.Call(ts, m, exc); }
                    catch (PyException e) when (e.Matches(ExceptionTypes.StopIteration))
                    {
                        subDone = true;
                        subValue = e.Value.Dict!.GetStr("value") ?? PyNone.Value;
                    }
                }
            }
            catch (PyException e)
            {
                Running = false;
                exc = e.Value;
                goto throwHere;
            }
            Running = false;
            if (!subDone) { value = r!; return r; }
            // The delegation finished: continue after the SEND loop with its value.
            var f = Frame!;
            f.Slots[--f.Sp] = null;
            f.Slots[f.Sp++] = subValue;
            f.Pc = CodeObject.ArgOf(f.Code.Code.Code[f.Lasti - 1]);
            var r2 = Resume(ts, PyNone.Value, null, out bool ret2, pushSent: false);
            value = r2;
            return ret2 ? null : r2;
        }
    throwHere:
        var res = Resume(ts, PyNone.Value, exc, out bool returned);
        value = res;
        return returned ? null : res;
    }

    static void CloseIterator(ThreadState ts, PyObject it)
    {
        if (it is PyGenerator g) { g.Close(ts); return; }
        var m = Ops.GetAttrOrNull(ts, it, PyStr.Intern("close"));
        if (m != null) Ops.Call(ts, m);
    }

    public void Close(ThreadState ts)
    {
        var f = Frame;
        if (f == null || f.Finished) return;
        if (!Started)
        {
            f.Finished = true;
            if (_closeTracker != null) ForgetClose();
            return;
        }
        var ge = ExceptionTypes.Create(ExceptionTypes.GeneratorExit);
        if (YieldingFrom == null)
        {
            // the usual case: GeneratorExit raised at the yield comes back here without a .NET
            // throw (costly, and closing is what every dropped generator in a try/with does)
            var raised = new System.Runtime.CompilerServices.StrongBox<PyBaseException?>();
            var r = Resume(ts, PyNone.Value, ge, out _, true, raised);
            if (raised.Value is { } e)
            {
                if (e.Type.IsSubtypeOf(ExceptionTypes.GeneratorExit) || e.Type.IsSubtypeOf(ExceptionTypes.StopIteration)) return;
                throw new PyException(e);
            }
            if (r != null && !Finished) throw PyExc.RuntimeError($"{KindName} ignored GeneratorExit");
            return;
        }
        try
        {
            var r = Throw(ts, ge, out _);
            if (r != null) throw PyExc.RuntimeError($"{KindName} ignored GeneratorExit");
        }
        catch (PyException e) when (e.Matches(ExceptionTypes.GeneratorExit) || e.Matches(ExceptionTypes.StopIteration)) { }
    }

    /// <summary>The exception object for gen.throw(typ[, val[, tb]]).</summary>
    public static PyBaseException MakeThrown(ThreadState ts, PyObject typ, PyObject? val, PyObject? tb)
    {
        PyBaseException e;
        if (typ is PyType t && t.IsSubtypeOf(ExceptionTypes.BaseException))
        {
            if (val == null || val == PyNone.Value) e = (PyBaseException)Ops.Call(ts, t);
            else if (val is PyBaseException ve && ve.Type.IsSubtypeOf(t)) e = ve;
            else e = (PyBaseException)Ops.Call(ts, t, val is PyTuple vt ? vt.Items : new[] { val });
        }
        else if (typ is PyBaseException inst)
        {
            if (val != null && val != PyNone.Value) throw PyExc.TypeError("instance exception may not have a separate value");
            e = inst;
        }
        else throw PyExc.TypeError($"exceptions must be classes or instances deriving from BaseException, not {typ.Type.Name}");
        if (tb is PyTraceback ptb) e.Traceback = ptb;
        else if (tb != null && tb != PyNone.Value) throw PyExc.TypeError("throw() third argument must be a traceback object");
        return e;
    }

    // ---------------- generator members ----------------

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;

    static PyObject? Next(ThreadState ts, PyObject self) => ((PyGenerator)self).Send(ts, PyNone.Value, out _);

    [PyMethod("__next__")]
    static PyObject NextMethod(ThreadState ts, PyGenerator self)
    {
        if (ts.TakeUnwindPermission() && self.CanResumeSoftly) return Interpreter.ResumeSoftly(ts, self, PyNone.Value);
        var r = self.Send(ts, PyNone.Value, out var v);
        if (r == null) throw v == PyNone.Value ? PyExc.StopIteration() : PyExc.StopIteration(v);
        return r;
    }

    [PyMethod]
    static PyObject send(ThreadState ts, PyGenerator self, PyObject value)
    {
        if (ts.TakeUnwindPermission() && self.CanResumeSoftly) return Interpreter.ResumeSoftly(ts, self, value);
        var r = self.Send(ts, value, out var v);
        if (r == null) throw v == PyNone.Value ? PyExc.StopIteration() : PyExc.StopIteration(v);
        return r;
    }

    [PyMethod("throw")]
    static PyObject ThrowMethod(ThreadState ts, PyGenerator self, PyObject typ, PyObject? val = null, PyObject? tb = null)
    {
        var r = self.Throw(ts, MakeThrown(ts, typ, val, tb), out var v);
        if (r == null) throw v == PyNone.Value ? PyExc.StopIteration() : PyExc.StopIteration(v);
        return r;
    }

    [PyMethod] static void close(ThreadState ts, PyGenerator self) => self.Close(ts);

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var g = (PyGenerator)self;
        return new PyStr($"<{g.Type.Name} object {g.QualName} at 0x{Ops.Id(g):x}>");
    }

    [PyGetter("gi_frame")] internal static PyObject GetFrame(ThreadState ts, PyObject self) { var g = (PyGenerator)self; return g.Finished ? PyNone.Value : g.Frame!; }
    [PyGetter("gi_running")] internal static PyObject GetRunning(ThreadState ts, PyObject self) => PyBool.From(((PyGenerator)self).Running);
    [PyGetter("gi_code")] internal static PyObject GetCode(ThreadState ts, PyObject self) => ((PyGenerator)self).Frame!.Code;
    [PyGetter("gi_yieldfrom")] internal static PyObject GetYieldFrom(ThreadState ts, PyObject self) => ((PyGenerator)self).YieldingFrom ?? PyNone.Value;
    [PyGetter("gi_suspended")] internal static PyObject GetSuspended(ThreadState ts, PyObject self) { var g = (PyGenerator)self; return PyBool.From(g.Started && !g.Running && !g.Finished); }
    // interned, as a function's names: the same object each time (copy.copy keeps them identical)
    [PyGetter("__name__")] internal static PyObject GetName(ThreadState ts, PyObject self) => PyStr.Intern(((PyGenerator)self).Name);
    [PySetter("__name__")] internal static void SetName(ThreadState ts, PyObject self, PyObject? v) => ((PyGenerator)self).Name = (v as PyStr)?.Value ?? throw PyExc.TypeError("__name__ must be set to a string object");
    [PyGetter("__qualname__")] internal static PyObject GetQualName(ThreadState ts, PyObject self) => PyStr.Intern(((PyGenerator)self).QualName);
    [PySetter("__qualname__")] internal static void SetQualName(ThreadState ts, PyObject self, PyObject? v) => ((PyGenerator)self).QualName = (v as PyStr)?.Value ?? throw PyExc.TypeError("__qualname__ must be set to a string object");
}
