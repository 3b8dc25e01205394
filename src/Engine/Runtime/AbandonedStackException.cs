#nullable enable
using System;
namespace StacklessIron.Runtime;

/// <summary>
/// Unwinds the .NET stack of a hard-switched tasklet that is given up (stackless: its thread
/// ends and the tasklet survived being killed): no Python handler sees it, the nested loops
/// on that stack let it pass, and the loop at nesting level `BaseLevel` (the one that ran
/// the tasklet's chain softly) catches it, calls `Resume` and goes on with ts.Frame (raising
/// ts.UnwindException there if that is set).
/// </summary>
public sealed class AbandonedStackException : Exception
{
    public readonly int BaseLevel;
    public readonly Action<ThreadState> Resume;

    public AbandonedStackException(int baseLevel, Action<ThreadState> resume)
        : base("a tasklet's stack was abandoned")
    {
        BaseLevel = baseLevel;
        Resume = resume;
    }
}
