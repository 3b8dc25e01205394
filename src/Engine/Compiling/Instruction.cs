#nullable enable
namespace StacklessIron.Compiling;

/// <summary>One instruction before assembly: opcode (possibly a pseudo-op),
/// argument or jump label, and source location.</summary>
public sealed class Instruction
{
    public Opcode Op;
    public int Arg;
    public Label? Target;
    public SourceLocation Loc;

    public Instruction(Opcode op, int arg, Label? target, SourceLocation loc)
    {
        Op = op; Arg = arg; Target = target; Loc = loc;
    }

    public override string ToString() => Target != null ? $"{PseudoOp.NameOf(Op)} ->{Target.Position}" : $"{PseudoOp.NameOf(Op)} {Arg}";
}
