using System.Text;

using System;
namespace StacklessIron.Objects.Formatting;

/// <summary>
/// repr() of a str for error messages ("invalid literal for int() with base 10: 'x'").
/// The engine's full repr lives in Repr.cs (branch dump); this small copy of the rule keeps
/// these algorithms free of that dependency: quotes chosen as CPython does, escapes for
/// \t \n \r \\ and non-printable code points by Python's (Unicode 14) definition.
/// </summary>
internal static class MessageRepr
{
    public static string Str(string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2);
        sb.Append(quote);
        for (int i = 0; i < s.Length;)
        {
            int cp = CodePoints.At(s, i, out int w);
            i += w;
            if (cp == quote || cp == '\\') sb.Append('\\').Append((char)cp);
            else if (cp == '\t') sb.Append("\\t");
            else if (cp == '\n') sb.Append("\\n");
            else if (cp == '\r') sb.Append("\\r");
            else if (UnicodeInfo.IsPrintable(cp)) UnicodeInfo.AppendCodePoint(sb, cp);
            else if (cp < 0x100) sb.Append("\\x").Append(cp.ToString("x2"));
            else if (cp < 0x10000) sb.Append("\\u").Append(cp.ToString("x4"));
            else sb.Append("\\U").Append(cp.ToString("x8"));
        }
        sb.Append(quote);
        return sb.ToString();
    }
}
