#nullable enable
using StacklessIron.Compiling;
using System;
namespace StacklessIron.Runtime;

// Helpers of generator resumption shared by FOR_ITER, SEND, next()/send() and the consumers.
public static partial class Interpreter
{
    /// <summary>Resumes a generator frame suspended at a yield with None sent: the common
    /// `yield x` statement drops that None at once (POP_TOP), so both are skipped.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    static void SendNone(Frame f)
    {
        if (CodeObject.OpOf(f.Code.Code.Code[f.Pc]) == Opcode.POP_TOP) f.Pc++;
        else f.Slots[f.Sp++] = PyNone.Value;
    }

    /// <summary>Puts generator frame `gf` (its sent value already in place) on top of `caller`
    /// in the loop: FOR_ITER, SEND and a consumer's next item. The recursion limit was
    /// checked before anything of the generator changed (GeneratorOverLimit).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    static void EnterGeneratorFrame(ThreadState ts, PyGenerator gen, Frame gf, Frame caller, byte returnMode)
    {
        gf.ReturnMode = returnMode;
        gf.Back = caller;
        gen.OnResume(ts);
        ts.RecursionDepth++;
        ts.Frame = gf;
    }

    /// <summary>Resuming `gen` would pass the recursion limit: as in CPython, its frame fails
    /// on entry, so the generator ends there (no finally block runs) and the resumer gets the
    /// RecursionError. Called before anything of the generator changed.</summary>
    internal static PyBaseException GeneratorOverLimit(PyGenerator gen)
    {
        var f = gen.Frame!;
        f.Finished = true;
        f.Back = null;
        gen.Consumer = null;
        return PyExc.RecursionError("maximum recursion depth exceeded").Value;
    }
}
