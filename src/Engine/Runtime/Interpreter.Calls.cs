#nullable enable
using System.Runtime.CompilerServices;
using StacklessIron.Compiling;
using System;
namespace StacklessIron.Runtime;

// The calls CALL does not run inline: outside Dispatch, so that the hot loop keeps few enough
// locals for the JIT to keep its state in registers and to inline what the hot paths call.
public static partial class Interpreter
{
    /// <summary>CALL of anything but a Python function with exactly its positional parameters, a
    /// class with a plain Python __init__, a builtin function or a builtin type's method:
    /// functions that bind their arguments (defaults, keywords, *args) or make generators,
    /// str(x), other classes, instances with a Python __call__ and any other callable.
    /// The call's values are s[baseIdx..sp); the caller stored f.Pc. Returns ColdNext (the
    /// result pushed, f.Sp set), ColdError (ts.ColdException) or ColdFramePushed (a frame was
    /// pushed, or a native soft-switched: the loop goes on with ts.Frame).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int CallOther(ThreadState ts, Frame f, Span<PyObject?> s, int sp, int baseIdx, PyObject callable, int argStart, int n, PyTuple? kw)
    {
        PyObject result;
        if (callable is PyFunction fn)
        {
            var nf = MakeFrame(ts, fn, ArgSpan(s, argStart, n), kw);
            s.Slice(baseIdx, sp - baseIdx).Clear();
            f.Sp = baseIdx;
            if (fn.IsGeneratorLike)
            {
                bool awaited = CodeObject.OpOf(f.Code.Quick[f.Pc]) == Opcode.GET_AWAITABLE;
                s[f.Sp++] = PyGenerator.Create(ts, nf, fn, awaited);
                return ColdNext;
            }
            return PushCallFrame(ts, f, nf, null);
        }
        if (callable == TypeObjects.Str && n == 1 && kw == null)
        {
            // str(x) (CPython's PRECALL_NO_KW_STR_1): x.__str__() itself, what
            // type.__call__ -> str.__new__ would return, without that call chain
            result = Ops.Str(ts, s[argStart]!);
        }
        else if (callable is PyType cls && Same(cls.Type.Call, s_typeCall) && Same(cls.Init, SlotDefs.InitDef.Generic)
            && cls.Lookup(s_init) is PyFunction initFn && !initFn.IsGeneratorLike && cls.New != null)
        {
            var argSpan = ArgSpan(s, argStart, n);
            var obj = cls.New(ts, cls, argSpan, kw);
            // a builtin's subclass with __del__ (object.__new__ tracks PyInstance itself)
            if (cls.HasDel && obj is not PyInstance) ts.Engine.Finalization.TrackDel(obj);
            if (obj.Type == cls)
            {
                // [.., obj, args...] so that the __init__ frame gets self first.
                s[argStart - 1] = obj;
                var nf = MakeFrame(ts, initFn, ArgSpan(s, argStart - 1, n + 1), kw);
                s.Slice(baseIdx, sp - baseIdx).Clear();
                f.Sp = baseIdx;
                return PushCallFrame(ts, f, nf, obj);
            }
            if (obj.Type.IsSubtypeOf(cls)) obj.Type.Init?.Invoke(ts, obj, argSpan, kw);
            result = obj;
        }
        else
        {
            var call = callable.Type.Call;
            if (call == null)
            {
                ts.ColdException = PyExc.TypeError($"'{callable.Type.Name}' object is not callable").Value;
                f.Sp = sp;
                return ColdError;
            }
            if (Same(call, SlotDefs.CallDef.Generic) && callable.Type.Lookup(s_call) is PyFunction callFn && !callFn.IsGeneratorLike)
            {
                // an instance with a Python __call__: its frame runs in this loop, as a
                // function's would (stackless: a switch inside is soft, nesting level 0);
                // the callable sits right before its arguments: [self, args...]
                var nf = MakeFrame(ts, callFn, ArgSpan(s, argStart - 1, n + 1), kw);
                s.Slice(baseIdx, sp - baseIdx).Clear();
                f.Sp = baseIdx;
                return PushCallFrame(ts, f, nf, null);
            }
            // A native may soft-switch: push a frame (ts.SwitchTo) or change the tasklet
            // (stackless) and return Unwind; the loop then continues with ts.Frame.
            ts.UnwindAllowed = true;
            result = call(ts, callable, ArgSpan(s, argStart, n), kw);
            ts.UnwindAllowed = false;
        }
        s.Slice(baseIdx, sp - baseIdx).Clear();
        f.Sp = baseIdx;
        if (result == Unwind) return ColdFramePushed;
        s[f.Sp++] = result;
        return ColdNext;
    }

    /// <summary>Puts `nf` (a call's frame, its arguments bound) on top of `f`, whose Sp and Pc
    /// are stored. An __init__ frame gets the instance it returns. A call is a preemption
    /// tick (recursion without loops).</summary>
    static int PushCallFrame(ThreadState ts, Frame f, Frame nf, PyObject? initSelf)
    {
        nf.Back = f;
        nf.ReturnMode = ReturnPush;
        if (initSelf != null) nf.InitSelf = initSelf;
        EnterFrame(ts, nf);
        if (ts.TickHook != null && --ts.Ticks <= 0) ts.TickHook(ts);
        return ColdFramePushed;
    }
}
