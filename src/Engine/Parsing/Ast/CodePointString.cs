#nullable enable
using System;
using System.Text;
namespace StacklessIron.Parsing.Ast;

/// <summary>
/// A Constant's str value that a .NET string cannot hold exactly: it has a high surrogate code
/// point directly followed by a low surrogate code point (e.g. '\ud834\udd20', or
/// '\ud834' '\udd20'). Python keeps those as two code points; in UTF-16 they would read as the
/// one astral code point '\U0001d120', a different str. The parser uses this type only then;
/// every other str constant (lone surrogates included) stays a System.String.
/// </summary>
public sealed class CodePointString : IEquatable<CodePointString>
{
    /// <summary>The str's code points, each 0..0x10FFFF (surrogates 0xD800..0xDFFF included).</summary>
    public readonly int[] CodePoints;

    public CodePointString(int[] codePoints)
    {
        CodePoints = codePoints ?? throw new ArgumentNullException(nameof(codePoints));
    }

    /// <summary>The code points as UTF-16, a surrogate code point as its one char: the surrogate
    /// pairs of code points then read as astral characters, so this is a different str. Only for
    /// a consumer that cannot hold code points yet (it is what the parser gave before this type).</summary>
    public string Lossy
    {
        get
        {
            var sb = new StringBuilder(CodePoints.Length);
            foreach (int cp in CodePoints)
            {
                if (cp >= 0x10000) sb.Append(char.ConvertFromUtf32(cp));
                else sb.Append((char)cp);
            }
            return sb.ToString();
        }
    }

    /// <summary>Python's repr() of the str, exact.</summary>
    public string Repr() => Objects.Formatting.Repr.StrFromCodePoints(CodePoints);

    /// <summary>True when a str of these code points needs this type: a high surrogate code
    /// point directly followed by a low one.</summary>
    public static bool IsNeeded(ReadOnlySpan<int> codePoints)
    {
        for (int i = 0; i + 1 < codePoints.Length; i++)
            if (codePoints[i] >= 0xD800 && codePoints[i] <= 0xDBFF && codePoints[i + 1] >= 0xDC00 && codePoints[i + 1] <= 0xDFFF)
                return true;
        return false;
    }

    public bool Equals(CodePointString? other) => other != null && CodePoints.AsSpan().SequenceEqual(other.CodePoints);
    public override bool Equals(object? obj) => Equals(obj as CodePointString);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (int cp in CodePoints) h.Add(cp);
        return h.ToHashCode();
    }

    /// <summary>The repr, for debugging: deliberately not the str itself, so that code which
    /// formats a constant without knowing this type shows it rather than losing it silently.</summary>
    public override string ToString() => Repr();
}
