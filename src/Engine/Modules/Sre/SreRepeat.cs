#nullable enable
namespace StacklessIron.Modules.Sre;

/// <summary>The live context of one REPEAT ... MAX_UNTIL/MIN_UNTIL loop: how many times the
/// body matched so far, where the loop's operands are, the enclosing loop, and the position of
/// the last body start (an empty body match must not loop forever).</summary>
internal sealed class SreRepeat
{
    public long Count;
    public int Pc;        // index of REPEAT's <skip> word: +1 min, +2 max, +3 body
    public SreRepeat? Prev;
    public int LastPtr;   // -1 = none yet
}
