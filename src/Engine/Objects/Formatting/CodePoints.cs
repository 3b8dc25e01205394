using System;

namespace StacklessIron.Objects.Formatting;

/// <summary>
/// Python indexes a str by code point; a .NET string stores UTF-16, where a code point above
/// U+FFFF is a surrogate pair. These helpers convert between the two. Strings without
/// surrogates (the common case, detected by one vectorised scan) map 1:1 and cost O(1) after
/// that scan; otherwise conversions walk the string, O(n). A lone surrogate counts as one
/// code point, as in Python.
/// </summary>
public static class CodePoints
{
    public static bool HasSurrogates(ReadOnlySpan<char> s) => s.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    /// <summary>len(s) in code points.</summary>
    public static int Length(ReadOnlySpan<char> s)
    {
        int first = s.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0) return s.Length;
        int n = first;
        for (int i = first; i < s.Length; i++, n++)
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
        return n;
    }

    /// <summary>The code point starting at UTF-16 index i, and its width in chars (1 or 2).</summary>
    public static int At(ReadOnlySpan<char> s, int i, out int width)
    {
        char c = s[i];
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(c, s[i + 1]);
        }
        width = 1;
        return c;
    }

    /// <summary>UTF-16 index of code point number cpIndex (0..Length); O(n) with surrogates.</summary>
    public static int ToCharIndex(ReadOnlySpan<char> s, int cpIndex)
    {
        int first = s.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0 || cpIndex <= first) return Math.Min(cpIndex, s.Length);
        int n = first, i = first;
        while (i < s.Length && n < cpIndex)
        {
            At(s, i, out int w);
            i += w;
            n++;
        }
        return i;
    }

    /// <summary>Code point index of UTF-16 index charIndex (which must not split a pair).</summary>
    public static int ToCodePointIndex(ReadOnlySpan<char> s, int charIndex)
    {
        int first = s.Slice(0, charIndex).IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0) return charIndex;
        return Length(s.Slice(0, charIndex));
    }

    /// <summary>The code points of s as an array (for algorithms that index heavily).</summary>
    public static int[] ToArray(ReadOnlySpan<char> s)
    {
        var result = new int[Length(s)];
        for (int i = 0, n = 0; i < s.Length; n++)
        {
            result[n] = At(s, i, out int w);
            i += w;
        }
        return result;
    }

    public static string FromCodePoint(int cp) => cp < 0x10000 ? ((char)cp).ToString() : char.ConvertFromUtf32(cp);

    /// <summary>s[start:end] with code point indexes already clamped to 0..len.</summary>
    public static string Substring(string s, int cpStart, int cpEnd)
    {
        if (cpEnd <= cpStart) return "";
        int a = ToCharIndex(s, cpStart);
        int b = ToCharIndex(s, cpEnd);
        return s.Substring(a, b - a);
    }
}
