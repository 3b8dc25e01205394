#nullable enable
using System.Runtime.CompilerServices;
using System.Text;
using StacklessIron.Compiling;
using System;
namespace StacklessIron.Runtime;

/// <summary>
/// The VM: one dispatch loop that runs a chain of heap frames. Calling a Python function,
/// instantiating a class with a Python __init__, and resuming a generator from FOR_ITER/SEND
/// push a frame and continue the same loop; returning pops it. Python exceptions unwind through
/// the exception tables frame by frame without .NET exceptions; a PyException thrown by native
/// code is caught once at the loop boundary and unwound the same way.
/// When C# calls Python (Ops.Call of a function), RunFrame runs a nested loop on the .NET stack.
/// </summary>
public static partial class Interpreter
{
    /// <summary>How a finished or suspended frame hands its result to the frame below it.</summary>
    public const byte ReturnPush = 0, ReturnForIter = 1, ReturnSend = 2, ReturnGenNext = 3, ReturnGenSend = 4, ReturnConsume = 5;

    /// <summary>What a native function returns after ts.SwitchTo(frame): "continue in the
    /// loop with that frame; its result is my result" (Stackless's soft switching).</summary>
    public static readonly PyObject Unwind = new PyInstance(TypeObjects.Object);

    /// <summary>For natives called from the loop (ts.TakeUnwindPermission() was true): makes
    /// `frame` run next in the same loop, its result going to the native's caller.</summary>
    /// <summary>Pops the top n values of a frame's stack into a new array, bottom first
    /// (BUILD_TUPLE / BUILD_LIST / BUILD_SET), clearing their slots.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    static PyObject[] PopItems(Span<PyObject?> s, int sp, int n)
    {
        // sp is the stack pointer before the pop (the caller lowers it by n): taking it by
        // value keeps Dispatch's sp out of memory (a ref would pin it to the stack frame)
        var items = new PyObject[n];
        sp -= n;
        for (int i = 0; i < n; i++) { items[i] = s[sp + i]!; s[sp + i] = null; }
        return items;
    }

    public static PyObject SwitchTo(ThreadState ts, Frame frame, byte returnMode = ReturnPush)
    {
        frame.Back = ts.Frame;
        frame.ReturnMode = returnMode;
        EnterFrame(ts, frame);
        return Unwind;
    }

    /// <summary>gen.send(v)/next(gen) from the loop: resumes the generator in the loop; a
    /// yield becomes the call's result, a return raises StopIteration in the caller.</summary>
    public static PyObject ResumeSoftly(ThreadState ts, PyGenerator gen, PyObject sent)
    {
        if (!gen.Started && sent != PyNone.Value) throw PyExc.TypeError($"can't send non-None value to a just-started {gen.KindName}");
        var f = gen.Frame!;
        if (ts.RecursionDepth >= ts.Engine.RecursionLimit) throw new PyException(GeneratorOverLimit(gen));
        if (gen.Started) f.Slots[f.Sp++] = sent;
        gen.OnResume(ts);
        return SwitchTo(ts, f, ReturnGenSend);
    }

    // ---------------- entry points from C# ----------------

    /// <summary>Calls a Python function from C# (nested loop), or creates its generator.</summary>
    public static PyObject CallFunction(ThreadState ts, PyFunction f, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var frame = MakeFrame(ts, f, args, kwnames);
        if (f.IsGeneratorLike) return PyGenerator.Create(ts, frame, f);
        return RunFrame(ts, frame);
    }

    /// <summary>Runs `frame` to completion on a nested loop and returns its result.</summary>
    public static PyObject RunFrame(ThreadState ts, Frame frame)
    {
        ts.CheckStack();
        frame.Back = ts.Frame;
        frame.IsEntry = true;
        frame.ReturnMode = ReturnPush;
        EnterFrame(ts, frame);
        ts.NestingLevel++;
        try { return Run(ts, frame, null); }
        finally { ts.NestingLevel--; }
    }

    /// <summary>Runs a class body with `ns` as its locals; returns what the body returns
    /// (the __class__ cell, or None).</summary>
    public static PyObject? RunClassBody(ThreadState ts, PyFunction body, PyObject ns)
    {
        var frame = new Frame(body.Code, body.Globals, body.Builtins, ns, null);
        SetUpClosure(frame, body);
        return RunFrame(ts, frame);
    }

    /// <summary>Runs module-level code in `globals` (which is also its locals).</summary>
    public static PyObject RunModuleCode(ThreadState ts, PyCode code, PyDict globals, PyObject? locals = null, PyObject[]? closure = null)
    {
        var frame = new Frame(code, globals, BuiltinsOf(ts, globals), locals ?? globals, null);
        if (closure != null)
        {
            // exec(code, closure=cells): the cells go where a call of a function places them
            var c = code.Code;
            closure.CopyTo(frame.Slots, c.VarNames.Length + c.CellVars.Length);
        }
        return RunFrame(ts, frame);
    }

    /// <summary>The builtins namespace for code running in `globals` (its `__builtins__`).</summary>
    public static PyDict BuiltinsOf(ThreadState ts, PyDict globals)
    {
        var b = globals.GetStr("__builtins__");
        if (b is PyModule m) return m.Namespace;
        if (b is PyDict d) return d;
        var eb = ts.Engine.BuiltinsDict;
        if (b == null) globals.SetStr("__builtins__", ts.Engine.Builtins);
        return eb;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void EnterFrame(ThreadState ts, Frame frame)
    {
        // EnterLimit is the recursion limit, or -1 while some thread traces (EnterFrameHooked)
        if (++ts.RecursionDepth > ts.Engine.EnterLimit) EnterFrameHooked(ts, frame);
        ts.Frame = frame;
    }

    // ---------------- frames ----------------

    /// <summary>A new frame for a call of `f`, its arguments bound into the fast locals.</summary>
    public static Frame MakeFrame(ThreadState ts, PyFunction f, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var code = f.Code;
        var c = code.Code;
        var frame = Frame.ForCall(code, f.Globals, f.Builtins);
        if (kwnames == null && args.Length == code.SimpleArgCount)
        {
            // a loop for the usual 0-3 arguments beats the bulk copy (with its write-barrier call)
            Span<PyObject?> dst = frame.Slots;
            for (int i = 0; i < args.Length; i++) dst[i] = args[i];
        }
        else
            f.Signature.Bind(ts, args, kwnames, frame.Slots.AsSpan(0, f.Signature.Total), f.Defaults, f.KwDefaults);
        var cellArgs = code.CellArgs;
        if (cellArgs != null)
        {
            int nv = c.VarNames.Length;
            for (int i = 0; i < cellArgs.Length; i++)
                if (cellArgs[i] >= 0) ((PyCell)frame.Slots[nv + i]!).Value = frame.Slots[cellArgs[i]];
        }
        if (f.Closure != null) SetUpClosure(frame, f);
        return frame;
    }

    static void SetUpClosure(Frame frame, PyFunction f)
    {
        var closure = f.Closure;
        if (closure == null) return;
        var c = frame.Code.Code;
        int start = c.VarNames.Length + c.CellVars.Length;
        for (int i = 0; i < closure.Length && i < c.FreeVars.Length; i++) frame.Slots[start + i] = closure[i];
    }

    // ---------------- the loop ----------------

    /// <summary>Runs until `entry` returns (its result) or raises (PyException to the C# caller).
    /// `pending` starts by raising that exception in the current frame (generator.throw).</summary>
    /// <remarks>`raised`: given, an exception that unwinds `entry` is stored there and Run returns
    /// null instead of throwing (generator.close() without the cost of a .NET throw).</remarks>
    internal static PyObject Run(ThreadState ts, Frame entry, PyBaseException? pending, System.Runtime.CompilerServices.StrongBox<PyBaseException?>? raised = null)
    {
        // Reading a static runs this class's static constructor now, before the JIT compiles
        // Dispatch: it then folds Trace to a constant instead of testing, at every instruction,
        // whether the class is initialised and reading the field.
        if (Trace) Console.Error.WriteLine($"  run {entry.Code.Code.Name}");
        Frame f = ts.Frame!;
        bool addTraceback = true;
        int raisedAt = f.Lasti;
        while (true)
        {
            if (pending != null)
            {
                // no local of this loop may keep the exception once handled: it would keep its
                // traceback's frames (and their locals) alive for as long as this loop runs
                if (!HandleException(ts, ref f, pending, addTraceback, raisedAt, raised))
                {
                    // the entry frame was unwound: the exception goes to the C# caller
                    if (raised != null) return null!;
                    throw new PyException(pending);
                }
                pending = null;
                f = null!;   // Dispatch goes on from ts.Frame; the raising frame must not stay rooted here
                addTraceback = true;
            }
            try
            {
                var r = Dispatch(ts);
                if (r != Raised && r != Reraised) return r;
                // Dispatch left the exception in ts.ColdException and the raising frame in ts.Frame
                f = ts.Frame!;
                pending = ts.ColdException;
                ts.ColdException = null;
                addTraceback = r == Raised;
                raisedAt = addTraceback ? f.Lasti : f.Pc - 1;
            }
            catch (PyException e)
            {
                ts.UnwindAllowed = false;
                f = ts.Frame!;
                pending = e.Value;
                e.Release();
                if (pending.Context == null) ChainContext(ts, pending);
                addTraceback = true;
                raisedAt = f.Lasti;
            }
            catch (InsufficientExecutionStackException)
            {
                f = ts.Frame!;
                pending = PyExc.RecursionError("maximum recursion depth exceeded").Value;
                addTraceback = true;
                raisedAt = f.Lasti;
            }
            catch (AbandonedStackException e)
            {
                // stackless: the hard-switched tasklet above this loop was given up; this loop
                // goes on with the chain the scheduler gives it. (Not an exception filter: a
                // filter runs before the inner loops' finally blocks lowered the level.)
                if (ts.NestingLevel != e.BaseLevel) throw;
                ts.UnwindAllowed = false;
                e.Resume(ts);
                f = ts.Frame!;
                pending = ts.UnwindException;
                ts.UnwindException = null;
                addTraceback = true;
                raisedAt = f.Lasti;
            }
            catch (Exception e) when (e is not PyException && e is not OutOfMemoryException && e is not AbandonedStackException)
            {
                // A bug in native code must not crash the process: it surfaces as SystemError.
                f = ts.Frame!;
                pending = PyExc.SystemError($"internal error: {e.GetType().Name}: {e.Message}").Value;
                addTraceback = true;
                raisedAt = f.Lasti;
            }
        }
    }

    /// <summary>Finds a handler for `exc` in `f` and the frames below it, up to the loop's
    /// entry frame. When the entry frame itself is unwound: throws, or with `raised` given,
    /// stores the exception there and returns false.</summary>
    static bool HandleException(ThreadState ts, ref Frame f, PyBaseException exc, bool addTraceback, int raisedAt, System.Runtime.CompilerServices.StrongBox<PyBaseException?>? raised)
    {
        if (addTraceback)
        {
            AddTraceback(ts, f, exc);
            if (ts.Trace != null) TraceException(ts, f, ref exc);
        }
        while (true)
        {
            // The handler is looked up at the raising instruction; f.Lasti may have been set back
            // by RERAISE to the original instruction (for line numbers and PushLasti).
            var handler = FindHandler(f.Code.Code, raisedAt);
            if (handler is ExceptionTableEntry h)
            {
                int depth = f.StackBase + h.Depth;
                Array.Clear(f.Slots, depth, f.Slots.Length - depth);
                f.Sp = depth;
                if (h.PushLasti) f.Slots[f.Sp++] = PyInt.From(f.Lasti);
                f.Slots[f.Sp++] = exc;
                f.Pc = h.Target;
                ts.Frame = f;
                return true;
            }
            // The frame exits with the exception.
            if (ts.Trace != null) TraceUnwind(ts, f, ref exc);
            var back = f.Back;
            bool wasEntry = f.IsEntry;
            ExitFrameWithError(ts, f, ref exc);
            if (wasEntry)
            {
                ts.Frame = back;
                if (raised != null) { raised.Value = exc; return false; }
                throw new PyException(exc);
            }
            if (back == null && ts.ChainEnded != null)
            {
                // a tasklet's bottom frame raised out: the scheduler reports it and picks the next chain
                ts.Frame = null;
                ts.ChainEnded(ts, null, exc);
                f = ts.Frame!;
                var thrown = ts.UnwindException;
                if (thrown == null) return true;
                ts.UnwindException = null;
                exc = thrown;
                raisedAt = f.Lasti;
                AddTraceback(ts, f, exc);
                continue;
            }
            // as CPython 3.11's frame objects, a frame that raised out and is seen from a
            // traceback keeps its caller as f_back (which the traceback entry below exposes)
            if (f.Exposed && f.Generator == null) { f.Back = back; back!.Exposed = true; }
            f = back!;
            ts.Frame = f;
            raisedAt = f.Lasti;
            AddTraceback(ts, f, exc);
            if (ts.Trace != null) TraceException(ts, f, ref exc);
        }
    }

    static void ExitFrameWithError(ThreadState ts, Frame f, ref PyBaseException exc)
    {
        ts.RecursionDepth--;
        f.Finished = true;
        f.IsEntry = false;
        var gen = f.Generator;
        if (gen != null)
        {
            gen.OnExit(ts);
            gen.Consumer = null;
            if (exc.Type.IsSubtypeOf(ExceptionTypes.StopIteration) || (gen.IsAsyncGen && exc.Type.IsSubtypeOf(ExceptionTypes.StopAsyncIteration)))
            {
                var what = gen.IsCoroutine ? "coroutine" : gen.IsAsyncGen ? "async generator" : "generator";
                var msg = exc.Type.IsSubtypeOf(ExceptionTypes.StopIteration) ? $"{what} raised StopIteration" : $"{what} raised StopAsyncIteration";
                var rt = ExceptionTypes.Create(ExceptionTypes.RuntimeError, new PyStr(msg));
                rt.Cause = exc; rt.Context = exc; rt.SuppressContext = true;
                rt.Traceback = exc.Traceback;
                exc = rt;
            }
        }
        f.Back = null;
    }

    static void AddTraceback(ThreadState ts, Frame f, PyBaseException exc)
    {
        exc.Traceback = new PyTraceback(exc.Traceback, f, f.Lasti, f.LineNo);
    }

    static ExceptionTableEntry? FindHandler(CodeObject code, int lasti)
    {
        var table = code.ExceptionTable;
        for (int i = 0; i < table.Length; i++)
        {
            var e = table[i];
            if (lasti >= e.Start && lasti < e.End) return e;
        }
        return null;
    }

    /// <summary>Sets __context__ of a newly raised exception to the one being handled.</summary>
    static void ChainContext(ThreadState ts, PyBaseException exc)
    {
        var handled = ts.HandledException;
        if (handled == null || handled == exc) return;
        // Avoid cycles: cut the chain where `exc` already appears. The chain may already hold
        // a cycle of its own (a program can set __context__): a slower second walker meets the
        // first one inside it, and the walk stops there.
        var o = handled;
        var slow = handled;
        bool advanceSlow = false;
        while (o != null)
        {
            var ctx = o.Context as PyBaseException;
            if (ctx == exc) { o.Context = null; break; }
            o = ctx;
            if (advanceSlow) slow = slow!.Context as PyBaseException;
            advanceSlow = !advanceSlow;
            if (o == slow) break;
        }
        exc.Context = handled;
    }

    static readonly PyStr s_build_class = PyStr.Intern("__build_class__"), s_annotations = PyStr.Intern("__annotations__"),
        s_enter = PyStr.Intern("__enter__"), s_exit = PyStr.Intern("__exit__"), s_aenter = PyStr.Intern("__aenter__"),
        s_aexit = PyStr.Intern("__aexit__"), s_import = PyStr.Intern("__import__"), s_name = PyStr.Intern("__name__"),
        s_all = PyStr.Intern("__all__"), s_dict = PyStr.Intern("__dict__"), s_send = PyStr.Intern("send"),
        s_await = PyStr.Intern("__await__"), s_aiter = PyStr.Intern("__aiter__"), s_anext = PyStr.Intern("__anext__"),
        s_matchargs = PyStr.Intern("__match_args__"), s_displayhook = PyStr.Intern("displayhook"), s_file = PyStr.Intern("__file__");

    /// <summary>The hot loop. Returns the entry frame's result, or null with `raised` set when an
    /// exception must be unwound (by Run, outside this method).</summary>
    /// <remarks>Optimised at its first compilation: a program may enter this method once and
    /// stay in it, so the runtime would never replace the code it started with (ReadyToRun's
    /// precompiled code, or tier 0 and its on-stack replacement) by the tiered form, which it
    /// installs for later calls only. Measured: fib 4.6x CPython tiered, 3.4x optimised.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static PyObject Dispatch(ThreadState ts)
    {
        // No ref/out parameters: each would hold one of the five callee-saved registers (x64)
        // for the whole loop, which the frame, pc, sp and the slots need more.
        Frame f = ts.Frame!;
        // The value stack as a Span: stores through it skip the covariant array store check
        // (StelemRef) that every push into a PyObject[] would pay.
        FrameSlots s;
        int sp, pc;
        int[] code;
        PyBaseException? exc;
        int cold;
        // the object and the value an attribute instruction works on: loop-wide so that a
        // superinstruction can take them from its locals and go on in the plain instruction's
        // code (LOAD_FAST__LOAD_ATTR ...)
        PyObject operand, value;

    load_frame:
        s = new FrameSlots(f.Slots); sp = f.Sp; pc = f.Pc;
        code = f.Code.Quick;

        while (true)
        {
            int instr = code[pc];
            f.Lasti = pc;
            if (Trace) Console.Error.WriteLine($"  {f.Code.Code.Name}:{pc} {(Opcode)(instr & 0xFF)} {instr >> 8} sp={sp - f.StackBase}");
            pc++;
            int arg = instr >> 8;
        redispatch:
            switch ((Opcode)(instr & 0xFF))
            {
                case Opcode.NOP: break;
                case Opcode.POP_TOP: s[--sp] = null; break;
                case Opcode.PUSH_NULL: s[sp++] = null; break;
                case Opcode.COPY: s[sp] = s[sp - arg]; sp++; break;
                case Opcode.SWAP: { var t = s[sp - 1]; s[sp - 1] = s[sp - arg]; s[sp - arg] = t; break; }
                case Opcode.LOAD_CONST: s[sp++] = f.Code.Consts[arg]; break;

                case Opcode.LOAD_FAST:
                {
                    var v = s[arg];
                    if (v == null) { exc = UnboundLocal(f, arg); goto error; }
                    s[sp++] = v;
                    break;
                }
                case Opcode.STORE_FAST: s[arg] = s[--sp]; s[sp] = null; break;

                // superinstructions (PyCode.Quick): the second instruction's arg is in code[pc],
                // and an error in it is reported at its own index
                case Opcode.LOAD_FAST__LOAD_FAST:
                {
                    var v = s[arg];
                    if (v == null) { exc = UnboundLocal(f, arg); goto error; }
                    s[sp++] = v;
                    int arg2 = code[pc] >> 8;
                    v = s[arg2];
                    if (v == null) { f.Lasti = pc++; exc = UnboundLocal(f, arg2); goto error; }
                    s[sp++] = v;
                    pc++;
                    break;
                }
                case Opcode.LOAD_FAST__LOAD_CONST:
                {
                    var v = s[arg];
                    if (v == null) { exc = UnboundLocal(f, arg); goto error; }
                    s[sp++] = v;
                    s[sp++] = f.Code.Consts[code[pc] >> 8];
                    pc++;
                    break;
                }
                case Opcode.LOAD_CONST__LOAD_FAST:
                {
                    s[sp++] = f.Code.Consts[arg];
                    int arg2 = code[pc] >> 8;
                    var v = s[arg2];
                    if (v == null) { f.Lasti = pc++; exc = UnboundLocal(f, arg2); goto error; }
                    s[sp++] = v;
                    pc++;
                    break;
                }
                case Opcode.STORE_FAST__LOAD_FAST:
                {
                    s[arg] = s[--sp]; s[sp] = null;
                    int arg2 = code[pc] >> 8;
                    var v = s[arg2];
                    if (v == null) { f.Lasti = pc++; exc = UnboundLocal(f, arg2); goto error; }
                    s[sp++] = v;
                    pc++;
                    break;
                }
                case Opcode.STORE_FAST__STORE_FAST:
                    s[arg] = s[--sp]; s[sp] = null;
                    s[code[pc] >> 8] = s[--sp]; s[sp] = null;
                    pc++;
                    break;
                case Opcode.LOAD_DEREF:
                {
                    var cell = (PyCell)s[f.Code.Code.VarNames.Length + arg]!;
                    var v = cell.Value;
                    if (v == null) { exc = UnboundDeref(f, arg); goto error; }
                    s[sp++] = v;
                    break;
                }
                case Opcode.STORE_DEREF: ((PyCell)s[f.Code.Code.VarNames.Length + arg]!).Value = s[--sp]; s[sp] = null; break;
                case Opcode.LOAD_CLOSURE: s[sp++] = s[f.Code.Code.VarNames.Length + arg]; break;
                case Opcode.PUSH_NULL__LOAD_GLOBAL:
                    // a call's NULL, then LOAD_GLOBAL at its own index (its cache entry, its errors)
                    s[sp++] = null;
                    f.Lasti = pc;
                    arg = code[pc] >> 8;
                    pc++;
                    goto case Opcode.LOAD_GLOBAL;
                case Opcode.LOAD_NAME:
                    // a module's loop: its names without DispatchCold's call (the rest go there)
                    value = LoadNameHinted(f, arg, pc - 1)!;
                    if (value == null) goto default;
                    s[sp++] = value;
                    break;
                case Opcode.STORE_NAME:
                    if (!StoreNameHinted(f, arg, pc - 1, s[sp - 1]!)) goto default;
                    s[--sp] = null;
                    break;
                case Opcode.LOAD_GLOBAL:
                {
                    ref var cache = ref f.Code.GlobalCache[pc - 1];
                    var g = f.Globals; var bi = f.Builtins;
                    if (cache.Globals == g && cache.GlobalsVersion == g.Version && cache.Builtins == bi && cache.BuiltinsVersion == bi.Version)
                    {
                        s[sp++] = cache.Value;
                        break;
                    }
                    var v = LoadGlobalMiss(ts, f, arg, ref cache);
                    if (v == null) goto coldError;
                    s[sp++] = v;
                    break;
                }
                case Opcode.LOAD_FAST__LOAD_ATTR:
                    // the local's attribute goes where the plain pair would leave it; errors of
                    // the lookup are the LOAD_ATTR's (its own index: its position, its cache)
                    operand = s[arg]!;
                    if (operand == null) { exc = UnboundLocal(f, arg); goto error; }
                    f.Lasti = pc;
                    arg = code[pc] >> 8;
                    pc++; sp++;
                    goto loadAttr;
                case Opcode.LOAD_ATTR:
                    operand = s[sp - 1]!;
                loadAttr:
                {
                    var obj = operand;
                    if (obj is PyInstance inst)
                    {
                        ref var ac = ref f.Code.AttrCache[pc - 1];
                        var t = inst.Type;
                        if (ac.Type != t || ac.Version != t.VersionTag) FillAttrCache(ref ac, t, f.Code.Names[arg], Same(t.GetAttr, s_objectGetAttr));
                        if (ac.Kind == PyCode.AttrKind.InstanceDict)
                        {
                            // values mode: the value at the name's shared-keys index
                            var vals = inst.InlineValues;
                            int ix = ac.Index;
                            if (vals != null && (uint)ix < (uint)vals.Length && vals[ix] is PyObject iv) { s[sp - 1] = iv; break; }
                            var v = inst.GetOwnHinted(f.Code.Names[arg], ref ac.Hint);
                            if (v != null)
                            {
                                if (ix < 0 && vals != null) FindValueIndex(ref ac, t, f.Code.Names[arg]);
                                s[sp - 1] = v;
                                break;
                            }
                        }
                        else if (ac.Kind == PyCode.AttrKind.Slot)
                        {
                            var sl = inst.Slots;
                            if (sl != null && (uint)ac.Index < (uint)sl.Length && sl[ac.Index] is PyObject v) { s[sp - 1] = v; break; }
                        }
                    }
                    s[sp - 1] = LoadAttr(ts, obj, f.Code.Names[arg]);
                    break;
                }
                case Opcode.LOAD_FAST__LOAD_FAST__STORE_ATTR:
                    // `self.x = x`: both from the locals, nothing pushed
                    value = s[arg]!;
                    if (value == null) { exc = UnboundLocal(f, arg); goto error; }
                    arg = code[pc] >> 8;
                    operand = s[arg]!;
                    if (operand == null) { f.Lasti = pc; exc = UnboundLocal(f, arg); goto error; }
                    f.Lasti = pc + 1;
                    arg = code[pc + 1] >> 8;
                    pc += 2;
                    goto storeAttr;
                case Opcode.STORE_ATTR:
                    operand = s[sp - 1]!; value = s[sp - 2]!;
                    s[--sp] = null; s[--sp] = null;
                storeAttr:
                {
                    var obj = operand; var v = value;
                    if (obj is PyInstance inst)
                    {
                        ref var ac = ref f.Code.AttrCache[pc - 1];
                        var t = inst.Type;
                        if (ac.Type != t || ac.Version != t.VersionTag) FillAttrCache(ref ac, t, f.Code.Names[arg], Same(t.SetAttr, s_objectSetAttr));
                        if (ac.Kind == PyCode.AttrKind.InstanceDict)
                        {
                            if (inst.TrySetInline(ac.Index, v)) break;
                            if (inst.SetOwnHinted(f.Code.Names[arg], v, ref ac.Hint))
                            {
                                if (ac.Index < 0 && inst.InlineValues != null) FindValueIndex(ref ac, t, f.Code.Names[arg]);
                                break;
                            }
                        }
                        if (ac.Kind == PyCode.AttrKind.Slot && inst.Slots is PyObject?[] sl && (uint)ac.Index < (uint)sl.Length)
                        {
                            Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(sl), ac.Index) = v;
                            break;
                        }
                    }
                    Ops.SetAttr(ts, obj, f.Code.Names[arg], v);
                    break;
                }
                case Opcode.LOAD_FAST__LOAD_METHOD:
                    operand = s[arg]!;
                    if (operand == null) { exc = UnboundLocal(f, arg); goto error; }
                    f.Lasti = pc;
                    arg = code[pc] >> 8;
                    pc++; sp++;
                    goto loadMethod;
                case Opcode.LOAD_METHOD:
                    operand = s[sp - 1]!;
                loadMethod:
                {
                    var obj = operand;
                    var name = f.Code.Names[arg];
                    var t = obj.Type;
                    {
                        ref var ac = ref f.Code.AttrCache[pc - 1];
                        if (ac.Type != t || ac.Version != t.VersionTag) FillMethodCache(ref ac, t, name);
                        if (ac.Kind == PyCode.AttrKind.Method)
                        {
                            if (obj is PyInstance pi ? pi.LacksOwn(name, ac.Index)
                                : ac.Index == NoInstanceDict || obj.Dict is not PyDict od || od.Count == 0 || od.GetStr(name) == null)
                            {
                                s[sp - 1] = ac.Descr;
                                s[sp++] = obj;
                                break;
                            }
                        }
                    }
                    LoadMethodOther(ts, f.Slots, sp, obj, name);
                    sp++;
                    break;
                }

                case Opcode.BINARY_SUBSCR:
                {
                    var key = s[--sp]!; s[sp] = null;
                    var container = s[sp - 1]!;
                    // exact types first: a type compare is one load, where `is` on an unsealed
                    // class calls the cast helper whenever the object is something else.
                    // An object of .NET class PyInt itself is an exact int that fits a long (a
                    // big one is a PyBigInt, a subclass's a PyIntSubclass, a bool a PyBool), so
                    // one method-table compare stands for `Type == int && FitsLong` (three
                    // loads and three compares) here and in BINARY_OP and COMPARE_OP; an
                    // object of class PyFloat is an exact float (subclasses: PyFloatSubclass).
                    var ct = container.Type;
                    if (ct == PyList.TypeObject && key.GetType() == typeof(PyInt))
                    {
                        var l = Unsafe.As<PyList>(container);
                        long i = Unsafe.As<PyInt>(key).Small;
                        if (i < 0) i += l.Count;
                        if ((ulong)i < (ulong)l.Count) { s[sp - 1] = l.Items[i]; break; }
                    }
                    else if (ct == TypeObjects.Tuple && key.GetType() == typeof(PyInt))
                    {
                        var items = Unsafe.As<PyTuple>(container).Items;
                        long i = Unsafe.As<PyInt>(key).Small;
                        if (i < 0) i += items.Length;
                        if ((ulong)i < (ulong)items.Length) { s[sp - 1] = items[i]; break; }
                    }
                    else if (ct == TypeObjects.Dict)
                    {
                        var v = Unsafe.As<PyDict>(container).GetItem(ts, key);
                        if (v != null) { s[sp - 1] = v; break; }
                        // a plain dict has no __missing__: looking again would call the key's
                        // __hash__ and __eq__ a second time
                        throw PyExc.KeyError(key);
                    }
                    s[sp - 1] = Ops.GetItem(ts, container, key);
                    break;
                }
                case Opcode.STORE_SUBSCR:
                {
                    var key = s[sp - 1]!; var container = s[sp - 2]!; var v = s[sp - 3]!;
                    s[--sp] = null; s[--sp] = null; s[--sp] = null;
                    if (container.Type == TypeObjects.Dict) Unsafe.As<PyDict>(container).SetItem(ts, key, v);
                    else if (container.Type == PyList.TypeObject && key.GetType() == typeof(PyInt))
                    {
                        // lst[i] = v in range (anything else: list's own slot, its errors)
                        var l = Unsafe.As<PyList>(container);
                        long i = Unsafe.As<PyInt>(key).Small;
                        if (i < 0) i += l.Count;
                        if ((ulong)i < (ulong)l.Count) Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(l.Items), (nint)i) = v;
                        else Ops.SetItem(ts, container, key, v);
                    }
                    else Ops.SetItem(ts, container, key, v);
                    break;
                }
                case Opcode.BINARY_OP:
                {
                    var b = s[--sp]!; s[sp] = null;
                    var a = s[sp - 1]!;
                    if (a.GetType() == typeof(PyInt) && b.GetType() == typeof(PyInt))
                    {
                        long x = Unsafe.As<PyInt>(a).Small, y = Unsafe.As<PyInt>(b).Small, r;
                        switch (arg)
                        {
                            case (int)BinaryOpArg.Add: case (int)BinaryOpArg.InplaceAdd:
                                r = x + y;
                                if (((x ^ r) & (y ^ r)) < 0) goto slowBinary;
                                break;
                            case (int)BinaryOpArg.Subtract: case (int)BinaryOpArg.InplaceSubtract:
                                r = x - y;
                                if (((x ^ y) & (x ^ r)) < 0) goto slowBinary;
                                break;
                            case (int)BinaryOpArg.Multiply: case (int)BinaryOpArg.InplaceMultiply:
                                if (x <= -0x80000000L || x >= 0x80000000L || y <= -0x80000000L || y >= 0x80000000L) goto slowBinary;
                                r = x * y;
                                break;
                            case (int)BinaryOpArg.And: case (int)BinaryOpArg.InplaceAnd: r = x & y; break;
                            case (int)BinaryOpArg.Or: case (int)BinaryOpArg.InplaceOr: r = x | y; break;
                            case (int)BinaryOpArg.Xor: case (int)BinaryOpArg.InplaceXor: r = x ^ y; break;
                            case (int)BinaryOpArg.Remainder: case (int)BinaryOpArg.InplaceRemainder:
                                if (y <= 0 || x < 0) goto slowBinary;
                                r = x % y;
                                break;
                            case (int)BinaryOpArg.FloorDivide: case (int)BinaryOpArg.InplaceFloorDivide:
                                if (y <= 0 || x < 0) goto slowBinary;
                                r = x / y;
                                break;
                            default: goto slowBinary;
                        }
                        s[sp - 1] = PyInt.From(r);
                        break;
                    }
                    if (a.GetType() == typeof(PyFloat) && b.GetType() == typeof(PyFloat))
                    {
                        double x = Unsafe.As<PyFloat>(a).Value, y = Unsafe.As<PyFloat>(b).Value, r;
                        switch (arg)
                        {
                            case (int)BinaryOpArg.Add: case (int)BinaryOpArg.InplaceAdd: r = x + y; break;
                            case (int)BinaryOpArg.Subtract: case (int)BinaryOpArg.InplaceSubtract: r = x - y; break;
                            case (int)BinaryOpArg.Multiply: case (int)BinaryOpArg.InplaceMultiply: r = x * y; break;
                            default: goto slowBinary;
                        }
                        s[sp - 1] = new PyFloat(r);
                        break;
                    }
                slowBinary:
                    s[sp - 1] = BinaryOpOther(ts, a, b, arg);
                    break;
                }
                // BINARY_OP quickened by operator (PyCode.Quick): the int and float cases
                // without BINARY_OP's switch on its arg; anything else as BINARY_OP does it
                case Opcode.BINARY_OP_ADD:
                {
                    var b = s[--sp]!; s[sp] = null;
                    var a = s[sp - 1]!;
                    if (a.GetType() == typeof(PyInt) && b.GetType() == typeof(PyInt))
                    {
                        long x = Unsafe.As<PyInt>(a).Small, y = Unsafe.As<PyInt>(b).Small, r = x + y;
                        if (((x ^ r) & (y ^ r)) >= 0) { s[sp - 1] = PyInt.From(r); break; }
                    }
                    else if (a.GetType() == typeof(PyFloat) && b.GetType() == typeof(PyFloat))
                    {
                        s[sp - 1] = new PyFloat(Unsafe.As<PyFloat>(a).Value + Unsafe.As<PyFloat>(b).Value);
                        break;
                    }
                    s[sp - 1] = BinaryOpOther(ts, a, b, arg);
                    break;
                }
                case Opcode.BINARY_OP_SUBTRACT:
                {
                    var b = s[--sp]!; s[sp] = null;
                    var a = s[sp - 1]!;
                    if (a.GetType() == typeof(PyInt) && b.GetType() == typeof(PyInt))
                    {
                        long x = Unsafe.As<PyInt>(a).Small, y = Unsafe.As<PyInt>(b).Small, r = x - y;
                        if (((x ^ y) & (x ^ r)) >= 0) { s[sp - 1] = PyInt.From(r); break; }
                    }
                    else if (a.GetType() == typeof(PyFloat) && b.GetType() == typeof(PyFloat))
                    {
                        s[sp - 1] = new PyFloat(Unsafe.As<PyFloat>(a).Value - Unsafe.As<PyFloat>(b).Value);
                        break;
                    }
                    s[sp - 1] = BinaryOpOther(ts, a, b, arg);
                    break;
                }
                case Opcode.BINARY_OP_MULTIPLY:
                {
                    var b = s[--sp]!; s[sp] = null;
                    var a = s[sp - 1]!;
                    if (a.GetType() == typeof(PyInt) && b.GetType() == typeof(PyInt))
                    {
                        long x = Unsafe.As<PyInt>(a).Small, y = Unsafe.As<PyInt>(b).Small;
                        if (x > -0x80000000L && x < 0x80000000L && y > -0x80000000L && y < 0x80000000L) { s[sp - 1] = PyInt.From(x * y); break; }
                    }
                    else if (a.GetType() == typeof(PyFloat) && b.GetType() == typeof(PyFloat))
                    {
                        s[sp - 1] = new PyFloat(Unsafe.As<PyFloat>(a).Value * Unsafe.As<PyFloat>(b).Value);
                        break;
                    }
                    s[sp - 1] = BinaryOpOther(ts, a, b, arg);
                    break;
                }
                case Opcode.BINARY_OP_REMAINDER:
                {
                    var b = s[--sp]!; s[sp] = null;
                    var a = s[sp - 1]!;
                    if (a.GetType() == typeof(PyInt) && b.GetType() == typeof(PyInt))
                    {
                        long x = Unsafe.As<PyInt>(a).Small, y = Unsafe.As<PyInt>(b).Small;
                        if (y > 0 && x >= 0) { s[sp - 1] = PyInt.From(x % y); break; }
                    }
                    s[sp - 1] = BinaryOpOther(ts, a, b, arg);
                    break;
                }
                case Opcode.BUILD_SLICE:
                {
                    // s[a:b], s[::-1]: common enough for this loop (3.11 has no BINARY_SLICE);
                    // the slice type itself, as CPython's PySlice_New (not a call of builtins.slice)
                    PyObject? step = arg == 3 ? s[--sp] : PyNone.Value;
                    var stop = s[--sp]!; var start = s[sp - 1]!;
                    s[sp] = null;
                    if (arg == 3) s[sp + 1] = null;
                    s[sp - 1] = new PySlice(start, stop, step);
                    break;
                }
                case Opcode.UNARY_NOT: s[sp - 1] = PyBool.From(!Ops.IsTrue(ts, s[sp - 1]!)); break;
                case Opcode.COMPARE_OP:
                case Opcode.COMPARE_OP__POP_JUMP_IF_FALSE:
                case Opcode.COMPARE_OP__POP_JUMP_IF_TRUE:
                {
                    var b = s[--sp]!; s[sp] = null;
                    var a = s[sp - 1]!;
                    bool r;
                    if (a.GetType() == typeof(PyInt) && b.GetType() == typeof(PyInt))
                    {
                        long x = Unsafe.As<PyInt>(a).Small, y = Unsafe.As<PyInt>(b).Small;
                        r = arg switch { 0 => x < y, 1 => x <= y, 2 => x == y, 3 => x != y, 4 => x > y, _ => x >= y };
                    }
                    else if (a.GetType() == typeof(PyFloat) && b.GetType() == typeof(PyFloat))
                    {
                        // IEEE comparisons are Python's: NaN is unequal and unordered
                        double x = Unsafe.As<PyFloat>(a).Value, y = Unsafe.As<PyFloat>(b).Value;
                        r = arg switch { 0 => x < y, 1 => x <= y, 2 => x == y, 3 => x != y, 4 => x > y, _ => x >= y };
                    }
                    else
                    {
                        s[sp - 1] = Ops.RichCompare(ts, a, b, (CompareOp)arg);
                        break;
                    }
                    // A conditional jump on the result (`if a < b:`, `while i < n:`; quickened
                    // into this instruction) is taken here, without pushing the bool for it to
                    // pop. A backward one with a preemption hook set runs as itself, to count its tick.
                    if ((instr & 0xFF) != (int)Opcode.COMPARE_OP)
                    {
                        int target = code[pc] >> 8;
                        if (target > pc || ts.TickHook == null)
                        {
                            s[--sp] = null;
                            pc = r == ((instr & 0xFF) == (int)Opcode.COMPARE_OP__POP_JUMP_IF_TRUE) ? target : pc + 1;
                            break;
                        }
                    }
                    s[sp - 1] = r ? PyBool.True : PyBool.False;
                    break;
                }
                case Opcode.IS_OP:
                {
                    var b = s[--sp]; s[sp] = null;
                    bool r = s[sp - 1] == b;
                    s[sp - 1] = PyBool.From(arg == 0 ? r : !r);
                    break;
                }
                case Opcode.CONTAINS_OP:
                {
                    var container = s[--sp]!; s[sp] = null;
                    bool r = Ops.Contains(ts, container, s[sp - 1]!);
                    s[sp - 1] = PyBool.From(arg == 0 ? r : !r);
                    break;
                }

                case Opcode.BUILD_TUPLE:
                {
                    if (arg == 0) { s[sp++] = PyTuple.Empty; break; }
                    var items = PopItems(f.Slots, sp, arg); sp -= arg;
                    s[sp++] = new PyTuple(items);
                    break;
                }
                case Opcode.BUILD_LIST:
                {
                    if (arg == 0) { s[sp++] = new PyList(); break; }   // `[]`: no zero-length array of its own
                    var items = PopItems(f.Slots, sp, arg); sp -= arg;
                    s[sp++] = new PyList(items);
                    break;
                }
                case Opcode.LIST_APPEND: { var v = s[--sp]!; s[sp] = null; ((PyList)s[sp - arg]!).Append(v); break; }
                case Opcode.UNPACK_SEQUENCE:
                {
                    var seq = s[--sp]!; s[sp] = null;
                    if (seq.Type == TypeObjects.Tuple && Unsafe.As<PyTuple>(seq).Items.Length == arg)
                    {
                        var items = Unsafe.As<PyTuple>(seq).Items;
                        for (int i = arg - 1; i >= 0; i--) s[sp++] = items[i];
                        break;
                    }
                    // lists, other iterables, and the wrong number of items
                    f.Sp = sp;
                    if (!UnpackOther(ts, f, seq, arg)) goto coldError;
                    sp = f.Sp;
                    break;
                }
                case Opcode.JUMP_FORWARD: pc = arg; break;
                case Opcode.JUMP_BACKWARD:
                    // preemption ticks as Stackless 3.7.5 counts its "virtual instructions", so
                    // that run(timeout) programs slice as they did there: a call counts one, a
                    // loop's turn a quarter of its body's instructions (pc is past the jump).
                    // 3.7's counter skips what its PREDICT and FAST_DISPATCH paths run (about
                    // a third of a loop's instructions count there), and a body here includes
                    // the branches a turn jumps over (measured against 3.7.5: 3-5 ticks per
                    // turn of loops whose 3.11 bodies have 16-20 instructions)
                    if (ts.TickHook != null && (ts.Ticks -= (pc - arg + 3) >> 2) <= 0)
                    {
                        pc = arg;
                        f.Sp = sp; f.Pc = pc;
                        if (ts.TickHook(ts)) goto switched;
                        break;
                    }
                    pc = arg;
                    break;
                case Opcode.POP_JUMP_IF_FALSE:
                {
                    var v = s[--sp]!; s[sp] = null;
                    if (v == PyBool.False || (v != PyBool.True && !Ops.IsTrue(ts, v)))
                    {
                        if (arg < pc && ts.TickHook != null) goto case Opcode.JUMP_BACKWARD;  // a loop: preemption tick
                        pc = arg;
                    }
                    break;
                }
                case Opcode.POP_JUMP_IF_TRUE:
                {
                    var v = s[--sp]!; s[sp] = null;
                    if (v == PyBool.True || (v != PyBool.False && Ops.IsTrue(ts, v)))
                    {
                        if (arg < pc && ts.TickHook != null) goto case Opcode.JUMP_BACKWARD;  // a loop: preemption tick
                        pc = arg;
                    }
                    break;
                }
                case Opcode.POP_JUMP_IF_NONE: { var v = s[--sp]; s[sp] = null; if (v == PyNone.Value) pc = arg; break; }
                case Opcode.POP_JUMP_IF_NOT_NONE: { var v = s[--sp]; s[sp] = null; if (v != PyNone.Value) pc = arg; break; }
                case Opcode.JUMP_IF_FALSE_OR_POP:
                    if (!Ops.IsTrue(ts, s[sp - 1]!)) pc = arg; else s[--sp] = null;
                    break;
                case Opcode.JUMP_IF_TRUE_OR_POP:
                    if (Ops.IsTrue(ts, s[sp - 1]!)) pc = arg; else s[--sp] = null;
                    break;

                case Opcode.GET_ITER:
                {
                    var o = s[sp - 1]!;
                    if (o.Type == PyList.TypeObject) s[sp - 1] = new PyListIterator(Unsafe.As<PyList>(o));
                    else s[sp - 1] = Ops.GetIter(ts, o);
                    break;
                }
                case Opcode.FOR_ITER__UNPACK_PAIR:
                    cold = ForIterPair(ts, s[sp - 1]!, f.Slots, sp);
                    if (cold == PairPushed) { sp += 2; pc++; break; }
                    if (cold == PairsDone) { s[--sp] = null; pc = arg; break; }
                    goto case Opcode.FOR_ITER;
                case Opcode.FOR_ITER:
                case Opcode.FOR_ITER__STORE_FAST:
                {
                    var it = s[sp - 1]!;
                    if (it is PyListIterator li)
                    {
                        var l = li.List;
                        if (l != null && li.Pos < l.Count)
                        {
                            var item = l.Items[li.Pos++];
                            if ((instr & 0xFF) == (int)Opcode.FOR_ITER__STORE_FAST) { s[code[pc] >> 8] = item; pc++; }
                            else s[sp++] = item;
                            break;
                        }
                        li.List = null;
                        s[--sp] = null; pc = arg;
                        break;
                    }
                    if (it is PyRangeIterator ri)
                    {
                        if (ri.HasNext)
                        {
                            var item = PyInt.From(ri.NextValue());
                            if ((instr & 0xFF) == (int)Opcode.FOR_ITER__STORE_FAST) { s[code[pc] >> 8] = item; pc++; }
                            else s[sp++] = item;
                            break;
                        }
                        s[--sp] = null; pc = arg;
                        break;
                    }
                    // g.CanResumeSoftly written out: Dispatch is past the JIT's inlining budget
                    if (it is PyGenerator g && !g.Running && g.Frame is Frame nf && !nf.Finished && !g.IsAsyncGen)
                    {
                        f.Sp = sp; f.Pc = pc;
                        if (ts.RecursionDepth >= ts.Engine.RecursionLimit) { exc = GeneratorOverLimit(g); goto error; }
                        if (g.Started) SendNone(nf);
                        EnterGeneratorFrame(ts, g, nf, f, ReturnForIter);
                        f = nf;
                        goto load_frame;
                    }
                    var next = it.Type.IterNext;
                    if (next == null) { exc = NotAnIterator(it); goto error; }
                    ts.UnwindAllowed = true;
                    var v = next(ts, it);
                    ts.UnwindAllowed = false;
                    if (v == Unwind) { f.Sp = sp; f.Pc = pc; goto switched; }  // a stackless switch (channel iteration)
                    if (v != null) { s[sp++] = v; break; }
                    s[--sp] = null; pc = arg;
                    break;
                }

                // read by the CALL right after it (see CALL): no loop state lives across instructions
                case Opcode.KW_NAMES: break;

                case Opcode.CALL:
                {
                    int baseIdx = sp - arg - 2;
                    var a = s[baseIdx];
                    var b = s[baseIdx + 1]!;
                    PyObject callable;
                    int argStart, n;
                    if (a != null)
                    {
                        callable = a; argStart = baseIdx + 1; n = arg + 1;
                        if (a is PyMethod wm)
                        {
                            // a with-statement's bound __exit__ (BEFORE_WITH put it below the
                            // arguments): [func, self, args...] in place, so a Python __exit__
                            // runs as a frame of this loop, not nested (Stackless: nesting 0)
                            s[baseIdx] = wm.Self;
                            callable = wm.Func; argStart = baseIdx; n = arg + 2;
                        }
                    }
                    else
                    {
                        callable = b; argStart = baseIdx + 2; n = arg;
                        if (b is PyMethod pm)
                        {
                            // Unpack a bound method in place: [func, self, args...].
                            s[baseIdx] = pm.Func; s[baseIdx + 1] = pm.Self;
                            callable = pm.Func; argStart = baseIdx + 1; n = arg + 1;
                        }
                    }
                    // read from the instruction before (not a quickened CALL form): a traced
                    // frame runs the compiled instructions, where KW_NAMES then CALL stay as they are
                    var kw = CodeObject.OpOf(code[pc - 2]) == Opcode.KW_NAMES ? (PyTuple)f.Code.Consts[code[pc - 2] >> 8] : null;
                    PyFunction fn;
                    PyObject? initSelf = null;
                    if (callable is PyFunction pf)
                    {
                        fn = pf;
                        if (n != fn.Code.FastArgCount || kw != null) goto callOther;
                    }
                    else if (callable is PyType ct)
                    {
                        if (kw != null) goto callOther;
                        ref var ac = ref f.Code.AttrCache[pc - 1];
                        if (ac.Type != ct || ac.Version != ct.VersionTag) FillInitCache(ref ac, ct);
                        if (ac.Kind != PyCode.AttrKind.Init || !Same(ct.Type.Call, s_typeCall) || (ct.Flags & TypeFlags.Abstract) != 0) goto callOther;
                        fn = Unsafe.As<PyFunction>(ac.Descr)!;
                        if (n + 1 != fn.Code.FastArgCount) goto callOther;
                        // Class(args) with a Python __init__: the instance from object.__new__
                        // (nothing to check: no arguments reach it) goes below the arguments as
                        // __init__'s self (over the class or the NULL), and the frame returns it
                        initSelf = ct.New!(ts, ct, default, null);
                        s[--argStart] = initSelf;
                        n++;
                    }
                    else if (callable is PyMethodDescriptor md && n > 0 && kw == null && s[argStart]!.Type == md.Owner)
                    {
                        PyObject result;
                        if (md == s_listAppend && n == 2)
                        {
                            // lst.append(x) (CPython's PRECALL_NO_KW_LIST_APPEND): no call at all
                            Unsafe.As<PyList>(s[argStart])!.Append(s[argStart + 1]!);
                            result = PyNone.Value;
                        }
                        else if (md == s_dictGet && (n == 2 || n == 3))
                        {
                            // d.get(k[, default]) on an exact dict: the lookup dict.get makes, without
                            // the binder and the native's invoker
                            result = Unsafe.As<PyDict>(s[argStart])!.GetItem(ts, s[argStart + 1]!) ?? (n == 3 ? s[argStart + 2]! : PyNone.Value);
                        }
                        else
                        {
                            // obj.method(...) on a builtin type (LOAD_METHOD pushed the descriptor and
                            // self): the native directly, without the call slot's checks.
                            ts.UnwindAllowed = true;
                            result = md.Func.Call(ts, s[argStart], ArgSpan(s, argStart + 1, n - 1), null);
                            ts.UnwindAllowed = false;
                        }
                        for (int i = baseIdx; i < sp; i++) s[i] = null;
                        sp = baseIdx;
                        if (result == Unwind) { f.Sp = sp; f.Pc = pc; goto switched; }
                        value = result;
                        goto pushResult;
                    }
                    else if (callable is PyBuiltinFunction bf)
                    {
                        ts.UnwindAllowed = true;
                        var result = bf.Func.Call(ts, bf.Self, ArgSpan(s, argStart, n), kw);
                        ts.UnwindAllowed = false;
                        for (int i = baseIdx; i < sp; i++) s[i] = null;
                        sp = baseIdx;
                        if (result == Unwind) { f.Sp = sp; f.Pc = pc; goto switched; }
                        value = result;
                        goto pushResult;
                    }
                    else goto callOther;
                    {
                        // A Python function with exactly its positional parameters: the arguments
                        // go straight from this stack into the callee's fast locals (no span, no
                        // binder), in a frame its code kept from a previous call when there is
                        // one (CPython's CALL_PY_EXACT_ARGS)
                        var fc = fn.Code;
                        Frame? cf;
                        int nspare = fc.SpareCount;
                        if (nspare > 0 && (cf = fc.Spares![nspare - 1]!).Globals == fn.Globals && cf.Builtins == fn.Builtins && cf.Epoch == GcEpoch.Value)
                        {
                            fc.Spares[nspare - 1] = null;
                            fc.SpareCount = nspare - 1;
                        }
                        else cf = Frame.ForCall(fc, fn.Globals, fn.Builtins);
                        if (initSelf != null) cf.InitSelf = initSelf;
                        var cs = new FrameSlots(cf.Slots);
                        for (int i = 0; i < n; i++) cs[i] = s[argStart + i];
                        for (int i = baseIdx; i < sp; i++) s[i] = null;
                        sp = baseIdx;
                        f.Sp = sp; f.Pc = pc;
                        cf.Back = f;
                        EnterFrame(ts, cf);
                        f = cf;
                        // a call is a preemption tick too (recursion without loops)
                        if (ts.TickHook != null && --ts.Ticks <= 0 && ts.TickHook(ts)) goto switched;
                        goto load_frame;
                    }
                callOther:
                    // the other calls (binding, generators, types, __call__, any callable) are
                    // not worth their room in this loop
                    f.Pc = pc;
                    cold = CallOther(ts, f, f.Slots, sp, baseIdx, callable, argStart, n, kw);
                    goto coldDone;
                }
                case Opcode.LOAD_CONST__RETURN_VALUE:
                    // (pushed and popped again: a join of two ways into the return's code made
                    // the JIT give the pc's register to the value, every return paying for it)
                    s[sp++] = f.Code.Consts[arg];
                    f.Lasti = pc++;
                    goto case Opcode.RETURN_VALUE;
                case Opcode.RETURN_VALUE:
                {
                    var v = s[--sp]!; s[sp] = null;
                    var back = f.Back;
                    // a plain function frame returning to a Python caller in this loop (an
                    // __init__ frame returning None included): the value goes on the caller's
                    // stack and the frame to its code's spares, written out here as
                    // Frame.Recycle does it (Dispatch is past the JIT's inlining budget)
                    if (f.ReturnMode == ReturnPush && !f.IsEntry && back != null && f.Generator == null
                        && (f.InitSelf == null || v == PyNone.Value))
                    {
                        if (f.InitSelf != null) { v = f.InitSelf; f.InitSelf = null; }
                        ts.RecursionDepth--;
                        var rc = f.Code;
                        int nspare = rc.SpareCount;
                        if (!f.Exposed && f.Locals == null && nspare < Frame.MaxSpares)
                        {
                            for (int i = 0; i < sp; i++) s[i] = null;
                            f.Sp = f.StackBase; f.Pc = 0; f.Lasti = -1;
                            f._localsCache = null; f.Back = null;
                            (rc.Spares ?? Frame.NewSpares(rc))[nspare] = f;
                            rc.SpareCount = nspare + 1;
                        }
                        else
                        {
                            f.Sp = sp; f.Finished = true;
                            // an exposed frame keeps its caller as f_back (CPython 3.11's frame objects do)
                            if (f.Exposed) back.Exposed = true; else f.Back = null;
                        }
                        f = back;
                        ts.Frame = f;
                        s = new FrameSlots(f.Slots); sp = f.Sp; pc = f.Pc; code = f.Code.Quick;
                        value = v;
                        goto pushResult;
                    }
                    f.Sp = sp;
                    // the other returns (generators, the entry frame, a tasklet's bottom frame,
                    // __init__ returning non-None) change frames out of line
                    var r = ReturnOther(ts, f, v);
                    if (r == null) goto switched;
                    return r;
                }
                case Opcode.YIELD_VALUE:
                {
                    var v = s[--sp]!; s[sp] = null;
                    f.Sp = sp; f.Pc = pc;
                    if (f.ReturnMode == ReturnConsume)
                    {
                        // a native consumer (sum, any ...) takes the item; the generator goes on
                        if (f.Generator!.Consumer!.AddQuick(ts, v))
                        {
                            if (CodeObject.OpOf(code[pc]) == Opcode.POP_TOP) pc++;   // as SendNone
                            else s[sp++] = PyNone.Value;
                            break;
                        }
                        if (YieldToConsumer(ts, f, v)) goto switched;
                        return Raised;
                    }
                    ts.RecursionDepth--;
                    var caller = f.Back;
                    f.Back = null;
                    var gen = f.Generator!;
                    gen.OnYield(ts);
                    int mode = f.ReturnMode;
                    if (f.IsEntry) { f.IsEntry = false; ts.Frame = caller; return v; }
                    f = caller!;
                    ts.Frame = f;
                    s = new FrameSlots(f.Slots); sp = f.Sp; pc = f.Pc; code = f.Code.Quick;
                    if (mode == ReturnSend) s[sp - 1] = v;
                    else if (mode == ReturnForIter && CodeObject.OpOf(code[pc]) == Opcode.STORE_FAST)
                    {
                        // `for x in gen:` stores the item at once: do it here, saving the push,
                        // the pop and one round of the loop
                        s[code[pc] >> 8] = v;
                        pc++;
                    }
                    else s[sp++] = v;
                    break;
                }
                case Opcode.SEND:
                {
                    var v = s[sp - 1]!;
                    var receiver = s[sp - 2]!;
                    if (receiver is PyGenerator g && !g.Running && g.Frame is Frame nf && !nf.Finished && !g.IsAsyncGen)
                    {
                        if (!g.Started && v != PyNone.Value) { exc = CantSendNonNone(g); goto error; }
                        f.Sp = sp; f.Pc = pc;
                        if (ts.RecursionDepth >= ts.Engine.RecursionLimit) { exc = GeneratorOverLimit(g); goto error; }
                        if (g.Started) { if (v == PyNone.Value) SendNone(nf); else nf.Slots[nf.Sp++] = v; }
                        EnterGeneratorFrame(ts, g, nf, f, ReturnSend);
                        f = nf;
                        goto load_frame;
                    }
                    if (SendToIterator(ts, receiver, v, out var r))
                    {
                        s[--sp] = null;
                        s[sp - 1] = r;
                        pc = arg;
                        break;
                    }
                    s[sp - 1] = r;
                    break;
                }

                pushResult:
                {
                    // a call's result (`value`): a STORE_FAST or POP_TOP right after the call
                    // takes it here, without the push, the pop and their round of the loop.
                    // (A traced frame runs TRACE in place of either: it sees its own events.)
                    int next = code[pc];
                    if ((next & 0xFF) == (int)Opcode.POP_TOP) { pc++; break; }
                    if ((next & 0xFF) == (int)Opcode.STORE_FAST || (next & 0xFF) == (int)Opcode.STORE_FAST__LOAD_FAST
                        || (next & 0xFF) == (int)Opcode.STORE_FAST__STORE_FAST)
                    {
                        // (a fused pair's second half runs next as the instruction it was)
                        s[next >> 8] = value;
                        pc++;
                        break;
                    }
                    s[sp++] = value;
                    break;
                }

                default:
                    // the rarely used instructions live in DispatchCold (a smaller hot loop JITs
                    // faster and keeps its locals in registers)
                    f.Sp = sp;
                    cold = DispatchCold(ts, f, f.Slots, instr, arg, f.Code.Names);
                coldDone:
                    sp = f.Sp;
                    exc = ts.ColdException; ts.ColdException = null;
                    switch (cold)
                    {
                        case ColdError: goto error;
                        case ColdReraise: goto reraise;
                        case ColdFramePushed: f.Pc = pc; goto switched;
                        // TRACE reported its events: now the instruction it stands for
                        case ColdTraced: instr = f.Code.Code.Code[pc - 1]; arg = instr >> 8; goto redispatch;
                        // a trace function changed f.Pc (f_lineno jump)
                        case ColdReload: goto switched;
                    }
                    break;
            }
            continue;

        switched:
            // a stackless switch changed ts.Frame: run that chain (raising UnwindException if set)
            f = ts.Frame!;
            s = new FrameSlots(f.Slots); sp = f.Sp; pc = f.Pc;
            code = f.Code.Quick;
            exc = ts.UnwindException;
            if (exc == null) continue;
            ts.UnwindException = null;
            // (the instruction as compiled: Quick may hold FOR_ITER__STORE_FAST there)
            if (f.Lasti >= 0 && CodeObject.OpOf(f.Code.Code.Code[f.Lasti]) == Opcode.FOR_ITER && exc.Type.IsSubtypeOf(ExceptionTypes.StopIteration))
            {
                // an iterator's __next__ that switched away (a channel) ended with StopIteration: the loop ends
                s[--sp] = null; pc = code[f.Lasti] >> 8;
                continue;
            }
            goto error;

        coldError:
            // raised out of line: the exception in ts.ColdException
            exc = ts.ColdException!;
            goto error;

        error:
            // raised at f.Lasti, a traceback entry to add
            ChainContext(ts, exc);
            f.Sp = sp; f.Pc = pc;
            ts.ColdException = exc;
            ts.Frame = f;
            return Raised;

        reraise:
            // re-raised at f.Pc - 1 (f.Lasti may name the original instruction), no new entry
            f.Sp = sp; f.Pc = pc;
            ts.ColdException = exc;
            ts.Frame = f;
            return Reraised;
        }
    }

    /// <summary>What Dispatch returns when an exception must be unwound (by Run): raised at
    /// f.Lasti, or re-raised (RERAISE) at f.Pc - 1 without a new traceback entry.</summary>
    static readonly PyObject Raised = new PyInstance(TypeObjects.Object), Reraised = new PyInstance(TypeObjects.Object);

    /// <summary>ColdFramePushed: the instruction pushed a Python frame (ts.Frame) whose result
    /// becomes its result; the loop goes on in that frame.</summary>
    const int ColdNext = 0, ColdError = 1, ColdReraise = 2, ColdFramePushed = 3, ColdTraced = 4, ColdReload = 5;

    /// <summary>The instructions Dispatch runs rarely (names, imports, async, pattern matching,
    /// raising, building sets/maps ...). Returns ColdNext, or ColdError / ColdReraise with
    /// `exc` set for Dispatch's error paths.</summary>
    /// <remarks>The stack pointer travels through f.Sp and the exception through
    /// ts.ColdException, so that Dispatch passes no address of its locals (which would keep
    /// them out of registers).</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int DispatchCold(ThreadState ts, Frame f, Span<PyObject?> s, int instr, int arg, PyStr[] names)
    {
        int sp = f.Sp;
        int r = DispatchColdOp(ts, f, s, ref sp, instr, arg, names, out var exc);
        f.Sp = sp;
        ts.ColdException = exc;
        return r;
    }

    static int DispatchColdOp(ThreadState ts, Frame f, Span<PyObject?> s, ref int sp, int instr, int arg, PyStr[] names, out PyBaseException? exc)
    {
        exc = null;
        switch ((Opcode)(instr & 0xFF))
        {
            case Opcode.DELETE_FAST:
                if (s[arg] == null) { exc = PyExc.UnboundLocalError($"cannot access local variable '{f.Code.Code.VarNames[arg]}' where it is not associated with a value").Value; return ColdError; }
                s[arg] = null;
                break;

            case Opcode.DELETE_DEREF:
            {
                var cell = (PyCell)s[f.Code.Code.VarNames.Length + arg]!;
                if (cell.Value == null) { exc = UnboundDeref(f, arg); return ColdError; }
                cell.Value = null;
                break;
            }
            case Opcode.LOAD_CLASSDEREF:
            {
                var c = f.Code.Code;
                var name = PyStr.Intern(arg < c.CellVars.Length ? c.CellVars[arg] : c.FreeVars[arg - c.CellVars.Length]);
                PyObject? v = f.Locals is PyDict ld ? ld.GetStr(name) : f.Locals != null ? MappingGetOrNull(ts, f.Locals, name) : null;
                if (v == null)
                {
                    v = ((PyCell)s[c.VarNames.Length + arg]!).Value;
                    if (v == null) { exc = UnboundDeref(f, arg); return ColdError; }
                }
                s[sp++] = v;
                break;
            }

            case Opcode.LOAD_NAME:
            {
                var name = names[arg];
                PyObject? v;
                var loc = f.Locals;
                if (loc is PyDict ld && ld.Type == TypeObjects.Dict) v = ld.GetStr(name);
                else if (loc != null) v = MappingGetOrNull(ts, loc, name);
                else { exc = PyExc.SystemError($"no locals when loading {Ops.ReprString(ts, name)}").Value; return ColdError; }
                v ??= f.Globals.GetStr(name) ?? f.Builtins.GetStr(name);
                if (v == null) { exc = NameNotDefined(name); return ColdError; }
                s[sp++] = v;
                break;
            }
            case Opcode.STORE_NAME:
            {
                var v = s[--sp]!; s[sp] = null;
                var loc = f.Locals;
                if (loc is PyDict ld && ld.Type == TypeObjects.Dict) ld.SetStr(names[arg], v);
                else if (loc != null) Ops.SetItem(ts, loc, names[arg], v);
                else { exc = PyExc.SystemError($"no locals found when storing {Ops.ReprString(ts, names[arg])}").Value; return ColdError; }
                break;
            }
            case Opcode.DELETE_NAME:
            {
                var loc = f.Locals;
                if (loc is PyDict ld && ld.Type == TypeObjects.Dict)
                {
                    if (ld.Pop(ts, names[arg]) == null) { exc = NameNotDefined(names[arg]); return ColdError; }
                }
                else if (loc != null && !MappingDelete(ts, loc, names[arg])) { exc = NameNotDefined(names[arg]); return ColdError; }
                break;
            }

            case Opcode.STORE_GLOBAL: f.Globals.SetItem(ts, names[arg], s[--sp]!); s[sp] = null; break;
            case Opcode.DELETE_GLOBAL:
                if (f.Globals.Pop(ts, names[arg]) == null) { exc = NameNotDefined(names[arg]); return ColdError; }
                break;

            case Opcode.DELETE_ATTR:
            {
                var obj = s[--sp]!; s[sp] = null;
                Ops.SetAttr(ts, obj, names[arg], null);
                break;
            }
            case Opcode.DELETE_SUBSCR:
            {
                var key = s[sp - 1]!; var container = s[sp - 2]!;
                s[--sp] = null; s[--sp] = null;
                Ops.DelItem(ts, container, key);
                break;
            }
            case Opcode.UNARY_POSITIVE: s[sp - 1] = Ops.Positive(ts, s[sp - 1]!); break;
            case Opcode.UNARY_NEGATIVE: s[sp - 1] = Ops.Negative(ts, s[sp - 1]!); break;
            case Opcode.UNARY_INVERT: s[sp - 1] = Ops.Invert(ts, s[sp - 1]!); break;

            case Opcode.BUILD_SET:
            {
                var items = PopItems(s, sp, arg); sp -= arg;
                s[sp++] = ts.Engine.MakeSet(ts, items);
                break;
            }
            case Opcode.BUILD_MAP:
            {
                var d = new PyDict();
                sp -= 2 * arg;
                for (int i = 0; i < arg; i++) { d.SetItem(ts, s[sp + 2 * i]!, s[sp + 2 * i + 1]!); s[sp + 2 * i] = null; s[sp + 2 * i + 1] = null; }
                s[sp++] = d;
                break;
            }
            case Opcode.BUILD_CONST_KEY_MAP:
            {
                var keys = (PyTuple)s[--sp]!; s[sp] = null;
                var d = new PyDict();
                sp -= arg;
                for (int i = 0; i < arg; i++) { d.SetItem(ts, keys.Items[i], s[sp + i]!); s[sp + i] = null; }
                s[sp++] = d;
                break;
            }
            case Opcode.SET_ADD: { var v = s[--sp]!; s[sp] = null; Ops.CallMethod(ts, s[sp - arg]!, "add", v); break; }
            case Opcode.MAP_ADD:
            {
                var v = s[--sp]!; s[sp] = null;
                var k = s[--sp]!; s[sp] = null;
                ((PyDict)s[sp - arg]!).SetItem(ts, k, v);
                break;
            }
            case Opcode.LIST_EXTEND:
            {
                var seq = s[--sp]!; s[sp] = null;
                var l = (PyList)s[sp - arg]!;
                if (seq.Type.Iter == null && seq.Type.GetItem == null)
                {
                    exc = PyExc.TypeError($"Value after * must be an iterable, not {seq.Type.Name}").Value;
                    return ColdError;
                }
                l.Extend(ts, seq);
                break;
            }
            case Opcode.SET_UPDATE: { var seq = s[--sp]!; s[sp] = null; Ops.CallMethod(ts, s[sp - arg]!, "update", seq); break; }
            case Opcode.DICT_UPDATE:
            {
                var src = s[--sp]!; s[sp] = null;
                var d = (PyDict)s[sp - arg]!;
                if (src is not PyDict && Ops.GetAttrOrNull(ts, src, PyStr.Intern("keys")) == null)
                {
                    exc = PyExc.TypeError($"'{src.Type.Name}' object is not a mapping").Value;
                    return ColdError;
                }
                PyDict.UpdateFrom(ts, d, src);
                break;
            }
            case Opcode.DICT_MERGE:
            {
                var src = s[--sp]!; s[sp] = null;
                var d = (PyDict)s[sp - arg]!;
                // s[sp - arg - 2] is the callable (for the messages), per 3.11's stack layout
                var callable = sp - arg - 2 >= f.StackBase ? s[sp - arg - 2] : null;
                if (src is not PyDict && Ops.GetAttrOrNull(ts, src, PyStr.Intern("keys")) == null)
                {
                    exc = PyExc.TypeError($"{FuncDesc(ts, callable)} argument after ** must be a mapping, not {src.Type.Name}").Value;
                    return ColdError;
                }
                var tmp = new PyDict();
                PyDict.UpdateFrom(ts, tmp, src);
                foreach (var (k, v) in tmp.Items())
                {
                    if (k is not PyStr) { exc = PyExc.TypeError($"{FuncDesc(ts, callable)} keywords must be strings").Value; return ColdError; }
                    if (d.ContainsKey(ts, k)) { exc = PyExc.TypeError($"{FuncDesc(ts, callable)} got multiple values for keyword argument '{((PyStr)k).Value}'").Value; return ColdError; }
                    d.SetItem(ts, k, v);
                }
                break;
            }
            case Opcode.LIST_TO_TUPLE: s[sp - 1] = new PyTuple(((PyList)s[sp - 1]!).ToArray()); break;

            case Opcode.UNPACK_EX:
            {
                int before = arg & 0xFF, after = arg >> 8;
                var seq = s[--sp]!; s[sp] = null;
                if (seq.Type.Iter == null && seq.Type.GetItem == null)
                { exc = PyExc.TypeError($"cannot unpack non-iterable {seq.Type.Name} object").Value; return ColdError; }
                var items = Ops.ToArray(ts, seq);
                if (items.Length < before + after)
                {
                    exc = PyExc.ValueError($"not enough values to unpack (expected at least {before + after}, got {items.Length})").Value;
                    return ColdError;
                }
                for (int i = items.Length - 1; i >= items.Length - after; i--) s[sp++] = items[i];
                s[sp++] = new PyList(items.AsSpan(before, items.Length - before - after).ToArray());
                for (int i = before - 1; i >= 0; i--) s[sp++] = items[i];
                break;
            }
            case Opcode.GET_YIELD_FROM_ITER:
            {
                var o = s[sp - 1]!;
                if (o is PyGenerator g)
                {
                    if (g.IsCoroutine && (f.Code.Code.Flags & (CodeFlags.Coroutine | CodeFlags.IterableCoroutine)) == 0)
                    { exc = PyExc.TypeError("cannot 'yield from' a coroutine object in a non-coroutine generator").Value; return ColdError; }
                    break;
                }
                s[sp - 1] = Ops.GetIter(ts, o);
                break;
            }
            case Opcode.MAKE_FUNCTION:
            {
                var codeObj = (PyCode)s[--sp]!; s[sp] = null;
                var fn = new PyFunction(codeObj, f.Globals, f.Builtins);
                if ((arg & 8) != 0) { var c = (PyTuple)s[--sp]!; s[sp] = null; fn.Closure = Array.ConvertAll(c.Items, x => (PyCell)x); }
                if ((arg & 4) != 0) { fn.Annotations = s[--sp]; s[sp] = null; }
                if ((arg & 2) != 0) { fn.KwDefaults = (PyDict)s[--sp]!; s[sp] = null; }
                if ((arg & 1) != 0) { var d = (PyTuple)s[--sp]!; s[sp] = null; fn.Defaults = d.Items.Length == 0 ? null : d.Items; }
                s[sp++] = fn;
                break;
            }

            case Opcode.GET_AWAITABLE:
            {
                var o = s[sp - 1]!;
                s[sp - 1] = GetAwaitable(ts, o, arg);
                break;
            }
            case Opcode.GET_AITER:
            {
                var o = s[sp - 1]!;
                var m = o.Type.Lookup(s_aiter);
                if (m == null) { exc = PyExc.TypeError($"'async for' requires an object with __aiter__ method, got {o.Type.Name}").Value; return ColdError; }
                var it = SlotDefs.CallBoundKw(ts, m, o, ReadOnlySpan<PyObject>.Empty, null);
                if (it.Type.Lookup(s_anext) == null)
                { exc = PyExc.TypeError($"'async for' received an object from __aiter__ that does not implement __anext__: {it.Type.Name}").Value; return ColdError; }
                s[sp - 1] = it;
                break;
            }
            case Opcode.GET_ANEXT:
            {
                var it = s[sp - 1]!;
                var m = it.Type.Lookup(s_anext);
                if (m == null) { exc = PyExc.TypeError($"'async for' requires an iterator with __anext__ method, got {it.Type.Name}").Value; return ColdError; }
                var aw = SlotDefs.CallBoundKw(ts, m, it, ReadOnlySpan<PyObject>.Empty, null);
                s[sp++] = GetAwaitable(ts, aw, -1);
                break;
            }
            case Opcode.END_ASYNC_FOR:
            {
                var e = s[--sp] as PyBaseException; s[sp] = null;
                if (e != null && e.Type.IsSubtypeOf(ExceptionTypes.StopAsyncIteration))
                {
                    s[--sp] = null;   // the async iterator
                    break;
                }
                exc = e ?? PyExc.SystemError("END_ASYNC_FOR without exception").Value;
                return ColdReraise;
            }
            case Opcode.BEFORE_ASYNC_WITH:
            {
                var mgr = s[sp - 1]!;
                var enter = mgr.Type.Lookup(s_aenter);
                var exit = mgr.Type.Lookup(s_aexit);
                if (enter == null || exit == null)
                {
                    // as CPython 3.11.4+: a manager with __aenter__ only is told what it misses
                    exc = PyExc.TypeError($"'{mgr.Type.Name}' object does not support the asynchronous context manager protocol{(enter != null ? " (missed __aexit__ method)" : "")}").Value;
                    return ColdError;
                }
                s[sp - 1] = BindMethod(ts, exit, mgr);
                var r = SlotDefs.CallBoundKw(ts, enter, mgr, ReadOnlySpan<PyObject>.Empty, null);
                s[sp++] = r;
                break;
            }
            case Opcode.ASYNC_GEN_WRAP: s[sp - 1] = new PyAsyncGenWrapped(s[sp - 1]!); break;

            case Opcode.RAISE_VARARGS:
            {
                PyObject? cause = arg >= 2 ? s[--sp] : null;
                PyObject? value = arg >= 1 ? s[--sp] : null;
                // clear only the slots popped: a bare raise in a frame with an empty stack has none
                for (int i = 0; i < arg; i++) s[sp + i] = null;
                if (value == null)
                {
                    var cur = ts.HandledException;
                    if (cur == null) { exc = PyExc.RuntimeError("No active exception to reraise").Value; return ColdError; }
                    exc = cur;
                    return ColdReraise;   // a bare raise adds no traceback entry (CPython: exception_unwind)
                }
                exc = MakeException(ts, value);
                if (cause != null)
                {
                    if (cause == PyNone.Value) exc.Cause = null;
                    else
                    {
                        var ce = cause is PyType ct && ct.IsSubtypeOf(ExceptionTypes.BaseException) ? MakeException(ts, cause) : cause as PyBaseException;
                        if (ce == null) { exc = PyExc.TypeError("exception causes must derive from BaseException").Value; return ColdError; }
                        exc.Cause = ce;
                    }
                    exc.SuppressContext = true;
                }
                return ColdError;
            }
            case Opcode.RERAISE:
            {
                // 3.11: the saved lasti is PEEK(oparg + 1) and stays on the stack; only the exception is popped.
                if (arg != 0 && s[sp - 1 - arg] is PyInt lasti) f.Lasti = (int)lasti.Small;
                var e = s[--sp]!; s[sp] = null;
                exc = e as PyBaseException ?? PyExc.SystemError("RERAISE of a non-exception").Value;
                return ColdReraise;
            }
            case Opcode.CHECK_EG_MATCH:
            {
                var matchType = s[--sp]!; s[sp] = null;
                var excValue = s[--sp]!; s[sp] = null;
                if (!ValidExceptionClass(matchType)) { exc = PyExc.TypeError("catching classes that do not inherit from BaseException is not allowed").Value; return ColdError; }
                var (match, rest) = ExceptionGroups.Split(ts, excValue, matchType);
                s[sp++] = rest ?? PyNone.Value;
                s[sp++] = match ?? PyNone.Value;
                if (match != null) ts.HandledException = match as PyBaseException;
                break;
            }
            case Opcode.PREP_RERAISE_STAR:
            {
                var list = (PyList)s[--sp]!; s[sp] = null;
                var orig = s[sp - 1]!;
                s[sp - 1] = ExceptionGroups.PrepReraiseStar(ts, orig, list);
                break;
            }
            case Opcode.WITH_EXCEPT_START:
            {
                var val = s[sp - 1]!;
                var exitFunc = s[sp - 4]!;
                var e = val as PyBaseException;
                var tb = (PyObject?)e?.Traceback ?? PyNone.Value;
                if (exitFunc is PyMethod em && em.Func is PyFunction ef && !ef.IsGeneratorLike)
                {
                    // a Python __exit__ runs as a frame of this loop, as in BEFORE_WITH
                    f.Sp = sp;
                    SwitchTo(ts, MakeFrame(ts, ef, new[] { em.Self, val.Type, val, tb }, null));
                    return ColdFramePushed;
                }
                s[sp++] = Ops.Call(ts, exitFunc, val.Type, val, tb);
                break;
            }
            case Opcode.BEFORE_WITH:
            {
                var mgr = s[sp - 1]!;
                var enter = mgr.Type.Lookup(s_enter);
                var exit = mgr.Type.Lookup(s_exit);
                if (enter == null || exit == null)
                {
                    exc = PyExc.TypeError($"'{mgr.Type.Name}' object does not support the context manager protocol{(enter != null ? " (missed __exit__ method)" : "")}").Value;
                    return ColdError;
                }
                s[sp - 1] = BindMethod(ts, exit, mgr);
                if (enter is PyFunction ef && !ef.IsGeneratorLike)
                {
                    // a Python __enter__ runs as a frame of this loop, not in a nested one: a
                    // tasklet switching inside it switches softly (Stackless: nesting_level 0)
                    f.Sp = sp;
                    SwitchTo(ts, MakeFrame(ts, ef, new ReadOnlySpan<PyObject>(ref mgr), null));
                    return ColdFramePushed;
                }
                s[sp++] = SlotDefs.CallBoundKw(ts, enter, mgr, ReadOnlySpan<PyObject>.Empty, null);
                break;
            }
            case Opcode.LOAD_ASSERTION_ERROR: s[sp++] = ExceptionTypes.AssertionError; break;
            case Opcode.LOAD_BUILD_CLASS:
            {
                var bc = f.Builtins.GetStr(s_build_class);
                if (bc == null) { exc = PyExc.NameError("__build_class__ not found").Value; return ColdError; }
                s[sp++] = bc;
                break;
            }
            case Opcode.SETUP_ANNOTATIONS:
            {
                var loc = f.Locals!;
                if (loc is PyDict ld) { if (ld.GetStr(s_annotations) == null) ld.SetStr(s_annotations, new PyDict()); }
                else if (MappingGetOrNull(ts, loc, s_annotations) == null) Ops.SetItem(ts, loc, s_annotations, new PyDict());
                break;
            }
            case Opcode.IMPORT_NAME:
            {
                var fromlist = s[--sp]!; s[sp] = null;
                var level = s[sp - 1]!;
                s[sp - 1] = Importer.ImportName(ts, f, names[arg], fromlist, level);
                break;
            }
            case Opcode.IMPORT_FROM:
            {
                var module = s[sp - 1]!;
                s[sp++] = Importer.ImportFrom(ts, module, names[arg]);
                break;
            }
            case Opcode.IMPORT_STAR:
            {
                var module = s[--sp]!; s[sp] = null;
                Importer.ImportStar(ts, f, module);
                break;
            }
            case Opcode.PRINT_EXPR:
            {
                var v = s[--sp]!; s[sp] = null;
                var hook = ts.Engine.Sys.Get("displayhook");
                if (hook == null) { exc = PyExc.RuntimeError("lost sys.displayhook").Value; return ColdError; }
                Ops.Call(ts, hook, v);
                break;
            }
            case Opcode.GET_LEN: s[sp] = PyInt.From(Ops.Len(ts, s[sp - 1]!)); sp++; break;
            case Opcode.MATCH_CLASS:
            {
                var kwNames = (PyTuple)s[--sp]!; s[sp] = null;
                var cls = s[--sp]!; s[sp] = null;
                var subject = s[sp - 1]!;
                s[sp - 1] = Matching.MatchClass(ts, subject, cls, arg, kwNames) ?? (PyObject)PyNone.Value;
                break;
            }
            case Opcode.MATCH_MAPPING: s[sp] = PyBool.From(Matching.IsMapping(ts, s[sp - 1]!)); sp++; break;
            case Opcode.MATCH_SEQUENCE: s[sp] = PyBool.From(Matching.IsSequence(ts, s[sp - 1]!)); sp++; break;
            case Opcode.MATCH_KEYS:
            {
                var keys = (PyTuple)s[sp - 1]!;
                var subject = s[sp - 2]!;
                s[sp++] = Matching.MatchKeys(ts, subject, keys) ?? (PyObject)PyNone.Value;
                break;
            }
            case Opcode.COPY_DICT_WITHOUT_KEYS:
            {
                var keys = (PyTuple)s[sp - 1]!;
                var subject = s[sp - 2]!;
                var d = new PyDict();
                PyDict.UpdateFrom(ts, d, subject);
                foreach (var k in keys.Items) d.Pop(ts, k);
                s[sp - 1] = d;
                break;
            }
            case Opcode.LOAD_LOCALS:
                if (f.Locals == null) { exc = PyExc.SystemError("no locals found").Value; return ColdError; }
                s[sp++] = f.Locals;
                break;

            case Opcode.CALL_FUNCTION_EX:
            {
                PyDict? kwargs = null;
                if ((arg & 1) != 0)
                {
                    var k = s[--sp]!; s[sp] = null;
                    kwargs = k as PyDict;
                    if (kwargs == null)
                    {
                        if (Ops.GetAttrOrNull(ts, k, PyStr.Intern("keys")) == null)
                        { exc = PyExc.TypeError($"{FuncDesc(ts, s[sp - 2])} argument after ** must be a mapping, not {k.Type.Name}").Value; return ColdError; }
                        kwargs = new PyDict();
                        PyDict.UpdateFrom(ts, kwargs, k);
                    }
                }
                var argsObj = s[--sp]!; s[sp] = null;
                var callable = s[--sp]!; s[sp] = null;
                var first = s[--sp]; s[sp] = null;
                PyObject[] args;
                if (argsObj is PyTuple at) args = at.Items;
                else
                {
                    if (argsObj.Type.Iter == null && argsObj.Type.GetItem == null)
                    { exc = PyExc.TypeError($"{FuncDesc(ts, callable)} argument after * must be an iterable, not {argsObj.Type.Name}").Value; return ColdError; }
                    args = Ops.ToArray(ts, argsObj);
                }
                if (first != null)
                {
                    // LOAD_METHOD form: [method, self] then the star-args.
                    var all = new PyObject[args.Length + 1];
                    all[0] = callable; args.CopyTo(all, 1);
                    callable = first; args = all;
                }
                if (callable is PyMethod bm && bm.Func is PyFunction)
                {
                    // a bound Python method (f(*args, **kw) on obj.method): its function's
                    // frame runs in this loop too (stackless: a switch inside is soft)
                    var all = new PyObject[args.Length + 1];
                    all[0] = bm.Self; args.CopyTo(all, 1);
                    callable = bm.Func; args = all;
                }
                if (callable is PyFunction fn && !fn.IsGeneratorLike)
                {
                    PyTuple? kwn = null;
                    PyObject[] flat = args;
                    if (kwargs != null && kwargs.Count > 0) kwn = Ops.FlattenKwargs(args, kwargs, out flat);
                    var nf = MakeFrame(ts, fn, flat, kwn);
                    f.Sp = sp;
                    nf.Back = f;
                    nf.ReturnMode = ReturnPush;
                    EnterFrame(ts, nf);
                    return ColdFramePushed;
                }
                if ((kwargs == null || kwargs.Count == 0) && callable.Type.Call is CallSlot directCall)
                {
                    // a direct native call may soft-switch (stackless), as in CALL
                    ts.UnwindAllowed = true;
                    var r = directCall(ts, callable, args, null);
                    ts.UnwindAllowed = false;
                    if (r == Unwind) { f.Sp = sp; return ColdFramePushed; }
                    s[sp++] = r;
                    break;
                }
                s[sp++] = Ops.CallWithDict(ts, callable, args, kwargs);
                break;
            }
            case Opcode.PUSH_EXC_INFO:
            {
                var v = s[sp - 1]!;
                s[sp - 1] = (PyObject?)ts.HandledException ?? PyNone.Value;
                ts.HandledException = v as PyBaseException;
                s[sp++] = v;
                break;
            }
            case Opcode.POP_EXCEPT:
            {
                var v = s[--sp]; s[sp] = null;
                ts.HandledException = v as PyBaseException;
                break;
            }
            case Opcode.CHECK_EXC_MATCH:
            {
                var right = s[--sp]!; s[sp] = null;
                var left = s[sp - 1]!;
                if (!ValidExceptionClass(right)) { exc = PyExc.TypeError("catching classes that do not inherit from BaseException is not allowed").Value; return ColdError; }
                s[sp++] = PyBool.From(ExceptionMatches(ts, left, right));
                break;
            }
            case Opcode.FORMAT_VALUE:
            {
                PyObject spec = (arg & 4) != 0 ? s[--sp]! : PyStr.Empty;
                s[sp] = null;
                var v = s[sp - 1]!;
                switch (arg & 3)
                {
                    case 1: v = Ops.Str(ts, v); break;
                    case 2: v = Ops.Repr(ts, v); break;
                    case 3: v = new PyStr(Builtins.AsciiOf(Ops.ReprString(ts, v))); break;
                }
                s[sp - 1] = Ops.Format(ts, v, spec);
                break;
            }

            case Opcode.BUILD_STRING:
            {
                sp -= arg;
                var joined = PyStr.Concat(f.Slots.AsSpan(sp, arg));
                for (int i = 0; i < arg; i++) s[sp + i] = null;
                s[sp++] = joined;
                break;
            }
            case Opcode.TRACE: return OnTraceInstruction(ts, f, s, ref sp, out exc);
            default:
                exc = PyExc.SystemError($"unknown opcode {instr & 0xFF}").Value;
                return ColdError;
        }
        return ColdNext;
    }

    static readonly PyStr s_init = PyStr.Intern("__init__"), s_call = PyStr.Intern("__call__");
    /// <summary>list.append, which CALL runs inline.</summary>
    static readonly PyMethodDescriptor s_listAppend = (PyMethodDescriptor)PyList.TypeObject.Lookup(PyStr.Intern("append"))!;
    /// <summary>dict.get, which CALL runs inline.</summary>
    static readonly PyMethodDescriptor s_dictGet = (PyMethodDescriptor)TypeObjects.Dict.Lookup(PyStr.Intern("get"))!;

    /// <summary>Call arguments on the value stack (all non-null there).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
#pragma warning disable CS8619
    static ReadOnlySpan<PyObject> ArgSpan(Span<PyObject?> s, int start, int n) => s.Slice(start, n);
#pragma warning restore CS8619
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ReadOnlySpan<PyObject> ArgSpan(FrameSlots s, int start, int n) => s.Args(start, n);
    /// <summary>Runs this class's static initialisers on the calling thread (PythonEngine does,
    /// before the loop's background compile, which then sees them as constants).</summary>
    internal static void InitializeStatics() => RuntimeHelpers.RunClassConstructor(typeof(Interpreter).TypeHandle);
    /// <summary>STACKLESS_TRACE=1 prints every instruction (a static readonly flag: free when off).</summary>
    static readonly bool Trace = Environment.GetEnvironmentVariable("STACKLESS_TRACE") == "1";
    // Slots are compared by reference: a type that inherits one holds the same delegate, and
    // delegate == on two different static methods is a slow runtime method-handle lookup.
    static GetAttrSlot? s_objectGetAttr => TypeObjects.Object.GetAttr;
    static GetAttrSlot? s_moduleGetAttr => PyModule.TypeObject.GetAttr;
    static SetAttrSlot? s_objectSetAttr => TypeObjects.Object.SetAttr;
    static CallSlot? s_typeCall => TypeObjects.Type.Call;
    static NewSlot? s_objectNew => TypeObjects.Object.New;

    /// <summary>Whether a type's slot is this very delegate. A slot holds either the delegate of
    /// the wrapper its lookup found or its SlotDef's generic one, so identity is the question;
    /// delegate `==` would answer it too, but compares the methods of unequal delegates slowly
    /// (a quarter of the time of `str(x)` calls, measured).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Same(Delegate? slot, Delegate? known) => (object?)slot == (object?)known;

    /// <summary>Classifies `name` on instances of `t` for LOAD_ATTR's or STORE_ATTR's cache;
    /// `genericAccess` says the type uses object's own getattr (load) or setattr (store).</summary>
    static void FillAttrCache(ref PyCode.AttrCacheEntry ac, PyType t, PyStr name, bool genericAccess)
    {
        ac.Type = t; ac.Version = t.VersionTag; ac.Kind = PyCode.AttrKind.None; ac.Descr = null;
        if (!genericAccess) return;
        var descr = t.Lookup(name);
        if (descr == null) { ac.Kind = PyCode.AttrKind.InstanceDict; ac.Index = -1; FindValueIndex(ref ac, t, name); }
        else if (descr is PyMemberDescriptor md && t.IsSubtypeOf(md.Owner)) { ac.Kind = PyCode.AttrKind.Slot; ac.Index = md.Index; }
    }

    /// <summary>An InstanceDict entry's Index: where `name` is in the shared keys of `t` (the
    /// inline values' index), once it is there (-1 before: the name is added by the first store).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void FindValueIndex(ref PyCode.AttrCacheEntry ac, PyType t, PyStr name)
    {
        if (t.InstanceHasDict) ac.Index = t.InstanceKeys.IndexOf(name);
    }

    /// <summary>For CALL's cache on a class: whether instantiating it is object.__new__ then a
    /// Python __init__ (no __new__ of its own, a plain PyInstance class, no custom __init__ slot).
    /// The metaclass's __call__ and the abstract flag are checked at each use.</summary>
    static void FillInitCache(ref PyCode.AttrCacheEntry ac, PyType cls)
    {
        ac.Type = cls; ac.Version = cls.VersionTag; ac.Kind = PyCode.AttrKind.None; ac.Descr = null;
        if (Same(cls.Init, SlotDefs.InitDef.Generic) && Same(cls.New, s_objectNew) && cls.NativeClass == typeof(PyInstance)
            && cls.Lookup(s_init) is PyFunction init)
        { ac.Kind = PyCode.AttrKind.Init; ac.Descr = init; }
    }

    /// <summary>For LOAD_METHOD's cache: a plain function or method descriptor on the type
    /// (an instance-dict entry of the same name still wins; checked at each use).</summary>
    static void FillMethodCache(ref PyCode.AttrCacheEntry ac, PyType t, PyStr name)
    {
        ac.Type = t; ac.Version = t.VersionTag; ac.Kind = PyCode.AttrKind.None; ac.Descr = null;
        if (!Same(t.GetAttr, s_objectGetAttr)) return;
        var descr = t.Lookup(name);
        if (descr is PyFunction || descr is PyMethodDescriptor) { ac.Kind = PyCode.AttrKind.Method; ac.Descr = descr; }
        // for PyInstance.LacksOwn: the shared keys' size while they lack the name
        ac.Index = t.NativeClass == typeof(PyInstance) && t.InstanceKeys.IndexOf(name) < 0 ? t.InstanceKeys.Count : -1;
        // exact list, dict and str objects have no __dict__ (their subclasses' instances do):
        // LOAD_METHOD then skips asking the object for one
        if (t == PyList.TypeObject || t == TypeObjects.Dict || t == TypeObjects.Str) ac.Index = NoInstanceDict;
    }

    /// <summary>AttrCacheEntry.Index of a LOAD_METHOD cache whose type's instances have no __dict__.</summary>
    const int NoInstanceDict = -2;

    static PyObject LoadAttr(ThreadState ts, PyObject obj, PyStr name)
    {
        if (obj is PyInstance inst && Same(inst.Type.GetAttr, s_objectGetAttr))
        {
            var t = inst.Type;
            var descr = t.Lookup(name);
            if (descr == null)
            {
                if (inst.GetOwn(name) is PyObject v) return v;
                throw PyExc.NoAttribute(obj, name);
            }
        }
        return Ops.GetAttr(ts, obj, name);
    }

    static PyObject BindMethod(ThreadState ts, PyObject f, PyObject self)
    {
        if (f is PyFunction || f is PyMethodDescriptor || f is PySlotWrapper) return new PyMethod(f, self);
        var get = f.Type.DescrGet;
        return get != null ? get(ts, f, self, self.Type) : f;
    }

    static PyObject? MappingGetOrNull(ThreadState ts, PyObject mapping, PyObject key)
    {
        try { return Ops.GetItem(ts, mapping, key); }
        catch (PyException e) when (e.Matches(ExceptionTypes.KeyError)) { return null; }
    }

    static bool MappingDelete(ThreadState ts, PyObject mapping, PyObject key)
    {
        try { Ops.DelItem(ts, mapping, key); return true; }
        catch (PyException e) when (e.Matches(ExceptionTypes.KeyError)) { return false; }
    }

    /// <summary>SEND to a non-generator iterator: true (result = the return value) when it is done.</summary>
    static bool SendToIterator(ThreadState ts, PyObject receiver, PyObject v, out PyObject result)
    {
        try
        {
            PyObject? r = v == PyNone.Value && receiver.Type.IterNext != null && receiver.Type.Lookup(s_send) == null
                ? receiver.Type.IterNext(ts, receiver)
                : Ops.CallMethod(ts, receiver, "send", v);
            if (r == null) { result = PyNone.Value; return true; }
            result = r;
            return false;
        }
        catch (PyException e) when (e.Matches(ExceptionTypes.StopIteration))
        {
            result = e.Value.Dict!.GetStr("value") ?? PyNone.Value;
            return true;
        }
    }

    static PyBaseException NameNotDefined(PyStr name)
    {
        var e = PyExc.NameError($"name '{name.Value}' is not defined").Value;
        e.Dict!.SetStr("name", name);
        return e;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static PyBaseException UnboundLocal(Frame f, int i)
        => PyExc.UnboundLocalError($"cannot access local variable '{f.Code.Code.VarNames[i]}' where it is not associated with a value").Value;

    static PyBaseException UnboundDeref(Frame f, int i)
    {
        var c = f.Code.Code;
        if (i < c.CellVars.Length)
            return PyExc.UnboundLocalError($"cannot access local variable '{c.CellVars[i]}' where it is not associated with a value").Value;
        return PyExc.NameError($"cannot access free variable '{c.FreeVars[i - c.CellVars.Length]}' where it is not associated with a value in enclosing scope").Value;
    }

    static string FuncDesc(ThreadState ts, PyObject? callable)
    {
        if (callable is PyFunction fn) return (fn.Module is PyStr ms && ms.Value != "builtins" ? ms.Value + "." : "") + fn.QualName + "()";
        if (callable is PyBuiltinFunction bf) return bf.Name + "()";
        if (callable is PyMethod m) return FuncDesc(ts, m.Func);
        if (callable is PyType t) return t.Name + "()";
        return callable == null ? "function" : callable.Type.Name + " object";
    }

    /// <summary>The exception instance for `raise value` (instantiating a class).</summary>
    public static PyBaseException MakeException(ThreadState ts, PyObject value)
    {
        if (value is PyBaseException e) return e;
        if (value is PyType t && t.IsSubtypeOf(ExceptionTypes.BaseException))
        {
            var inst = Ops.Call(ts, t);
            if (inst is PyBaseException ie) return ie;
            return PyExc.TypeError($"calling {Ops.ReprString(ts, t)} should have returned an instance of BaseException, not {inst.Type.Name}").Value;
        }
        return PyExc.TypeError("exceptions must derive from BaseException").Value;
    }

    static bool ValidExceptionClass(PyObject o)
    {
        if (o is PyType t) return t.IsSubtypeOf(ExceptionTypes.BaseException);
        if (o is PyTuple tup) { foreach (var x in tup.Items) if (!ValidExceptionClass(x)) return false; return true; }
        return false;
    }

    public static bool ExceptionMatches(ThreadState ts, PyObject exc, PyObject cls)
    {
        if (cls is PyTuple tup) { foreach (var c in tup.Items) if (ExceptionMatches(ts, exc, c)) return true; return false; }
        var et = exc as PyType ?? exc.Type;
        return cls is PyType ct && et.IsSubtypeOf(ct);
    }

    static PyObject GetAwaitable(ThreadState ts, PyObject o, int where)
    {
        if (o is PyGenerator g && (g.IsCoroutine || (g.Frame != null && (g.Frame.Code.Code.Flags & CodeFlags.IterableCoroutine) != 0)))
        {
            if (g.Running || (g.Started && g.Frame != null && !g.Frame.Finished && g.YieldingFrom != null))
                throw PyExc.RuntimeError("coroutine is being awaited already");
            return o;
        }
        var m = o.Type.Lookup(s_await);
        if (m == null)
        {
            string prefix = where switch { 1 => "'async with' received an object from __aenter__ that does not implement __await__: ", 2 => "'async with' received an object from __aexit__ that does not implement __await__: ", _ => "object " };
            throw PyExc.TypeError(where == 1 || where == 2 ? prefix + o.Type.Name : $"object {o.Type.Name} can't be used in 'await' expression");
        }
        var it = SlotDefs.CallBoundKw(ts, m, o, ReadOnlySpan<PyObject>.Empty, null);
        if (it is PyGenerator ig && ig.IsCoroutine) throw PyExc.TypeError("__await__() returned a coroutine");
        if (it.Type.IterNext == null) throw PyExc.TypeError($"__await__() returned non-iterator of type '{it.Type.Name}'");
        return it;
    }
}
