#nullable enable
using System;
namespace StacklessIron.Modules.Sre;

/// <summary>One run of a pattern over a text (CPython's SRE_STATE): the window [Start, End),
/// the current position, the group marks and the flags that steer empty matches. Pattern
/// methods drive it (match, search, and the findall/split/sub/scanner loops); the matching
/// itself is SreMatcher&lt;T&gt;.</summary>
internal abstract class SreState
{
    public readonly SreText Text;
    public readonly uint[] Code;
    public int Start, Ptr, End;
    public readonly int Pos, EndPos;
    /// <summary>Group boundaries: mark 2i / 2i+1 = start / end of group i+1; -1 = unset.
    /// Only Marks[0..LastMark] are meaningful.</summary>
    public readonly int[] Marks;
    public int LastMark = -1, LastIndex = -1;
    /// <summary>A top-level empty match at Start is refused (after an empty match in a loop).</summary>
    public bool MustAdvance;
    /// <summary>fullmatch: a top-level match must end at End.</summary>
    public bool MatchAll;
    internal SreRepeat? Repeat;

    protected SreState(SreText text, uint[] code, int groups, int pos, int endpos)
    {
        Text = text;
        Code = code;
        Marks = new int[Math.Max(2 * groups, 2)];
        Pos = Start = Ptr = pos;
        EndPos = End = endpos;
    }

    /// <summary>Forget the captures of a previous attempt (CPython's state_reset).</summary>
    public void Reset()
    {
        LastMark = LastIndex = -1;
        Repeat = null;
    }

    /// <summary>Match anchored at Start; on success Ptr is the end of the match.</summary>
    public abstract bool Match();

    /// <summary>Search from Start; on success [Start, Ptr) is the match.</summary>
    public abstract bool Search();

    /// <summary>The span of group `index` (1-based) in the last successful run, or (-1, -1).</summary>
    public (int, int) GroupSpan(int index)
    {
        int j = 2 * (index - 1);
        if (j + 1 > LastMark || Marks[j] < 0 || Marks[j + 1] < 0) return (-1, -1);
        int a = Marks[j], b = Marks[j + 1];
        if (a > b) throw PyExc.SystemError("The span of capturing group is wrong, please report a bug for the re module.");
        return (a, b);
    }

    /// <summary>Group `index` of the last run as a str/bytes slice, or `dflt` when it did not take part.</summary>
    public PyObject GroupSlice(int index, PyObject dflt)
    {
        var (a, b) = GroupSpan(index);
        return a < 0 ? dflt : Text.Slice(a, b);
    }
}
