#nullable enable
namespace StacklessIron.Compiling;

/// <summary>A jump target inside one code object under construction; bound to the
/// index of the next instruction emitted after Mark.</summary>
public sealed class Label
{
    public int Position = -1;
    public bool IsMarked => Position >= 0;
}
