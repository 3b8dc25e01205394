#nullable enable
namespace StacklessIron.Compiling;

/// <summary>
/// Compiler-internal instructions that never reach a CodeObject (CPython 3.11's
/// pseudo-instructions): SETUP_* push an exception handler for the instructions that
/// follow until the matching POP_BLOCK, and become exception-table rows; JUMP becomes
/// JUMP_FORWARD or JUMP_BACKWARD by direction.
/// </summary>
public static class PseudoOp
{
    public const Opcode SetupFinally = (Opcode)240;   // handler gets [..., exc]
    public const Opcode SetupCleanup = (Opcode)241;   // handler gets [..., lasti, exc]
    public const Opcode SetupWith = (Opcode)242;      // like SetupCleanup, the __enter__ result already popped
    public const Opcode PopBlock = (Opcode)243;
    public const Opcode Jump = (Opcode)244;

    public static bool IsSetup(Opcode op) => op == SetupFinally || op == SetupCleanup || op == SetupWith;

    public static string NameOf(Opcode op) => op switch
    {
        SetupFinally => "SETUP_FINALLY",
        SetupCleanup => "SETUP_CLEANUP",
        SetupWith => "SETUP_WITH",
        PopBlock => "POP_BLOCK",
        Jump => "JUMP",
        _ => op.ToString(),
    };
}
