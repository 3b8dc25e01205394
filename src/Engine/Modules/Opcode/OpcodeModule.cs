#nullable enable
using System;
using StacklessIron.Compiling;
namespace StacklessIron.Modules;

/// <summary>The `_opcode` module: stack_effect for CPython 3.11's opcode numbers (what the
/// opcode and dis modules describe). The effects come from our compiler's own table
/// (Compiling.StackEffect) wherever our instruction means the same as CPython's; the few
/// instructions we do not have, or whose stack use we changed, are answered here.</summary>
public static class OpcodeModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_opcode", "Opcode support module.");
        NativeMembers.FillModule(m, typeof(OpcodeModule));
        return m;
    }

    public static void Register() => Importer.NativeModules["_opcode"] = Create;

    /// <summary>CPython 3.11's pseudo-instructions, numbered -1, -2, ... (compile.c); stack_effect
    /// answers for them too.</summary>
    static readonly string[] PseudoNames = {
        "SETUP_FINALLY", "SETUP_CLEANUP", "SETUP_WITH", "POP_BLOCK", "JUMP", "JUMP_NO_INTERRUPT",
        "POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE", "POP_JUMP_IF_NONE", "POP_JUMP_IF_NOT_NONE" };

    /// <summary>CPython 3.11's effect of the named instruction, or null for none.</summary>
    static int? Effect(string name, int arg, bool jump)
    {
        switch (name)
        {
            // Instructions our instruction set leaves out (Compiling/Opcode.cs lists why).
            case "CACHE": case "EXTENDED_ARG": case "RESUME": case "MAKE_CELL": case "COPY_FREE_VARS":
            case "RETURN_GENERATOR": case "JUMP_BACKWARD_NO_INTERRUPT": case "JUMP_NO_INTERRUPT":
                return 0;
            // The compiler's pseudo-instructions, which our compiler has too (PseudoOp).
            case "SETUP_FINALLY": return StackEffect.Of(PseudoOp.SetupFinally, arg, jump);
            case "SETUP_CLEANUP": return StackEffect.Of(PseudoOp.SetupCleanup, arg, jump);
            case "SETUP_WITH": return StackEffect.Of(PseudoOp.SetupWith, arg, jump);
            case "POP_BLOCK": return StackEffect.Of(PseudoOp.PopBlock, arg, jump);
            case "JUMP": return StackEffect.Of(PseudoOp.Jump, arg, jump);
            case "PRECALL": return -arg;
            case "POP_JUMP_FORWARD_IF_FALSE": case "POP_JUMP_FORWARD_IF_TRUE": case "POP_JUMP_FORWARD_IF_NONE":
            case "POP_JUMP_FORWARD_IF_NOT_NONE": case "POP_JUMP_BACKWARD_IF_FALSE": case "POP_JUMP_BACKWARD_IF_TRUE":
            case "POP_JUMP_BACKWARD_IF_NONE": case "POP_JUMP_BACKWARD_IF_NOT_NONE":
                return -1;
            // Ours differ: LOAD_GLOBAL's low bit (push NULL) and PRECALL's share of CALL.
            case "LOAD_GLOBAL": return (arg & 1) + 1;
            case "CALL": return -1;
        }
        if (!Enum.TryParse<Opcode>(name, out var op)) return null;
        return StackEffect.Of(op, arg, jump);
    }

    [PyMethod]
    static long stack_effect(ThreadState ts, int opcode, PyObject? oparg = null, [PyKwOnly] PyObject? jump = null)
    {
        int arg = 0;
        bool hasArg = opcode >= CPythonOpcodes.HaveArgument;
        bool given = oparg != null && oparg != PyNone.Value;
        if (hasArg)
        {
            if (!given) throw PyExc.ValueError("stack_effect: opcode requires oparg but oparg was not specified");
            if (oparg is PyFloat || oparg is not PyInt && oparg!.Type.Index == null)
                throw PyExc.TypeError($"'{oparg!.Type.Name}' object cannot be interpreted as an integer");
            var v = Ops.Index(ts, oparg);
            if (!v.FitsLong) throw PyExc.OverflowError("Python int too large to convert to C long");
            arg = unchecked((int)v.Small);   // CPython reads a C long and keeps its low int, as here
        }
        else if (given) throw PyExc.ValueError("stack_effect: opcode does not permit oparg but oparg was specified");
        int mode = jump == null || jump == PyNone.Value ? -1
            : jump == PyBool.True ? 1
            : jump == PyBool.False ? 0
            : throw PyExc.ValueError("stack_effect: jump must be False, True or None");
        string? name = opcode >= 0 && opcode < 256 ? CPythonOpcodes.Names[opcode]
            : opcode < 0 && opcode >= -PseudoNames.Length ? PseudoNames[-opcode - 1] : null;
        int? effect = null;
        if (name != null)
        {
            try
            {
                effect = mode >= 0 ? Effect(name, arg, mode == 1)
                    : Math.Max(Effect(name, arg, true) ?? int.MinValue, Effect(name, arg, false) ?? int.MinValue) is var e && e != int.MinValue ? e : null;
            }
            catch (InvalidOperationException) { effect = null; }
        }
        if (effect == null) throw PyExc.ValueError("invalid opcode or oparg");
        return effect.Value;
    }
}
