#nullable enable
namespace StacklessIron.Modules.Cmath;

/// <summary>One cell of a cmath special-value table: a complex result, a domain error, or a
/// cell that is never looked up.</summary>
readonly struct SpecialValue
{
    public readonly double Real, Imag;
    public readonly byte Kind;   // 0 value, 1 raise ValueError, 2 unused
    public SpecialValue(double re, double im) { Real = re; Imag = im; Kind = 0; }
    SpecialValue(byte kind) { Real = Imag = double.NaN; Kind = kind; }
    public static readonly SpecialValue Raise = new(1), Unused = new(2);
}
