#nullable enable
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
namespace StacklessIron.Objects;

/// <summary>
/// A short str (up to MaxLength chars, none of them a surrogate) that keeps its chars inside
/// the object: one .NET object per str instead of a PyStr plus its System.String. Programs
/// that keep many short strs (a list of formatted lines, the parts of a split) spend much of
/// their time in the GC marking and copying survivors, and that cost goes by the object.
/// The System.String is made only when something asks for `Value`, and kept (the str then
/// costs what a plain one does, plus the inline chars); the hot operations (hash, equality,
/// join, concatenation, %-formatting) read the chars through `Span` and never ask.
/// Made by the producers of new short texts (PyStr.FromSpan); always of exact type str.
/// No surrogates: code point length = char length, so `_cpLength` holds the length.
/// </summary>
internal abstract class PyStrInline : PyStr
{
    /// <summary>The longest text kept inline (the largest size class).</summary>
    internal const int MaxLength = 32;

    private protected PyStrInline(int length) { _cpLength = length; }

    /// <summary>A str holding a copy of text (1..MaxLength chars, no surrogates), in the
    /// smallest size class that fits it.</summary>
    internal static PyStr Of(ReadOnlySpan<char> text)
    {
        PyStrInline s = text.Length switch
        {
            <= 8 => new PyStrInline<Chars8>(text.Length),
            <= 16 => new PyStrInline<Chars16>(text.Length),
            <= 24 => new PyStrInline<Chars24>(text.Length),
            _ => new PyStrInline<Chars32>(text.Length),
        };
        text.CopyTo(s.Chars);
        return s;
    }

    /// <summary>The text: the first `_cpLength` chars of the inline buffer.</summary>
    internal abstract Span<char> Chars { get; }

    private protected override string MaterializeValue()
    {
        var v = new string(Chars);
        _value = v;
        return v;
    }

    private protected override ReadOnlySpan<char> SpanSlow() => Chars;
    internal override int TextLength() => _cpLength;
    internal override void CopyTextTo(Span<char> dst) => Chars.CopyTo(dst);
    internal override char FirstChar => Chars[0];
    internal override char LastChar => Chars[_cpLength - 1];

    [InlineArray(8)] internal struct Chars8 { char _c; }
    [InlineArray(16)] internal struct Chars16 { char _c; }
    [InlineArray(24)] internal struct Chars24 { char _c; }
    [InlineArray(32)] internal struct Chars32 { char _c; }
}
