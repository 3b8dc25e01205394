#nullable enable
using System.Numerics;
using System.Text;
using StacklessIron.Objects.Formatting;
using System;
using System.Collections.Generic;
namespace StacklessIron.Objects;

// The Python-visible methods of str (CPython 3.11's Objects/unicodeobject.c). Indexes and
// lengths seen by Python are code points; the work is done on the UTF-16 string, converting
// indexes only for strings that hold surrogate pairs (see PyStr.IsSimple).
public partial class PyStr
{
    // ---------------- index helpers ----------------

    /// <summary>A start/end argument: None (or missing) gives `dflt`; otherwise __index__,
    /// clamped to the long range as CPython's _PyEval_SliceIndex does.</summary>
    internal static long SliceIndex(ThreadState ts, PyObject? o, long dflt)
    {
        if (o == null || o == PyNone.Value) return dflt;
        PyInt v;
        if (o is PyInt i) v = i;
        else if (o.Type.Index != null) v = Ops.Index(ts, o);
        else throw PyExc.TypeError("slice indices must be integers or None or have an __index__ method");
        if (v.FitsLong) return v.Small;
        return v.Sign < 0 ? long.MinValue : long.MaxValue;
    }

    /// <summary>CPython's ADJUST_INDICES: start/end clamped into 0..len (start may stay > len).</summary>
    internal static void AdjustIndices(ThreadState ts, PyObject? start, PyObject? end, int len, out int s, out int e)
    {
        long a = SliceIndex(ts, start, 0), b = SliceIndex(ts, end, long.MaxValue);
        if (b > len) b = len;
        else if (b < 0) { b += len; if (b < 0) b = 0; }
        if (a < 0) { a += len; if (a < 0) a = 0; }
        s = a > int.MaxValue ? int.MaxValue : (int)a;
        e = (int)b;
    }

    /// <summary>An index-sized integer argument (width, count, maxsplit...).</summary>
    internal static long SizeArg(ThreadState ts, PyObject o)
    {
        var v = o is PyInt i ? i : Ops.Index(ts, o);
        if (!v.FitsLong) throw PyExc.OverflowError("Python int too large to convert to C ssize_t");
        return v.Small;
    }

    // ---------------- searching ----------------

    /// <summary>Index in code points of sub in self[start:end], or -1.</summary>
    int FindCore(ThreadState ts, PyObject subObj, PyObject? start, PyObject? end, bool reverse)
    {
        string sub = ArgStr(subObj);
        AdjustIndices(ts, start, end, CpLength, out int s, out int e);
        int subLen = IsSimple ? sub.Length : 0;
        if (e - s < (IsSimple ? sub.Length : CodePoints.Length(sub))) return -1;
        if (sub.Length == 0) return reverse ? e : s;
        int cs = CharIndex(s), ce = CharIndex(e);
        int idx = reverse
            ? Value.AsSpan(cs, ce - cs).LastIndexOf(sub.AsSpan(), StringComparison.Ordinal)
            : Value.AsSpan(cs, ce - cs).IndexOf(sub.AsSpan(), StringComparison.Ordinal);
        _ = subLen;
        return idx < 0 ? -1 : CpIndex(idx + cs);
    }

    [PyMethod] static long find(ThreadState ts, PyStr self, PyObject sub, PyObject? start = null, PyObject? end = null) => self.FindCore(ts, sub, start, end, false);
    [PyMethod] static long rfind(ThreadState ts, PyStr self, PyObject sub, PyObject? start = null, PyObject? end = null) => self.FindCore(ts, sub, start, end, true);

    [PyMethod]
    static long index(ThreadState ts, PyStr self, PyObject sub, PyObject? start = null, PyObject? end = null)
    {
        int r = self.FindCore(ts, sub, start, end, false);
        return r >= 0 ? r : throw PyExc.ValueError("substring not found");
    }

    [PyMethod]
    static long rindex(ThreadState ts, PyStr self, PyObject sub, PyObject? start = null, PyObject? end = null)
    {
        int r = self.FindCore(ts, sub, start, end, true);
        return r >= 0 ? r : throw PyExc.ValueError("substring not found");
    }

    [PyMethod]
    static long count(ThreadState ts, PyStr self, PyObject sub, PyObject? start = null, PyObject? end = null)
    {
        string t = ArgStr(sub);
        AdjustIndices(ts, start, end, self.CpLength, out int s, out int e);
        if (e - s < 0) return 0;
        if (t.Length == 0) return e - s + 1;
        if (e - s < CodePoints.Length(t)) return 0;
        int cs = self.CharIndex(s), ce = self.CharIndex(e);
        var span = self.Value.AsSpan(cs, ce - cs);
        long n = 0;
        while (true)
        {
            int k = span.IndexOf(t.AsSpan(), StringComparison.Ordinal);
            if (k < 0) return n;
            n++;
            span = span.Slice(k + t.Length);
        }
    }

    bool TailMatch(ThreadState ts, string sub, PyObject? start, PyObject? end, bool atEnd)
    {
        AdjustIndices(ts, start, end, CpLength, out int s, out int e);
        int subLen = IsSimple ? sub.Length : CodePoints.Length(sub);
        if ((long)e - subLen < s) return false;
        if (sub.Length == 0) return true;
        int cs = CharIndex(s), ce = CharIndex(e);
        var span = Value.AsSpan(cs, ce - cs);
        return atEnd ? span.EndsWith(sub.AsSpan(), StringComparison.Ordinal) : span.StartsWith(sub.AsSpan(), StringComparison.Ordinal);
    }

    bool StartsOrEnds(ThreadState ts, string name, PyObject prefix, PyObject? start, PyObject? end, bool atEnd)
    {
        if (prefix is PyTuple t)
        {
            foreach (var item in t.Items)
            {
                if (item is not PyStr ps) throw PyExc.TypeError($"tuple for {name} must only contain str, not {item.Type.Name}");
                if (TailMatch(ts, ps.Value, start, end, atEnd)) return true;
            }
            return false;
        }
        if (prefix is not PyStr p) throw PyExc.TypeError($"{name} first arg must be str or a tuple of str, not {prefix.Type.Name}");
        return TailMatch(ts, p.Value, start, end, atEnd);
    }

    [PyMethod] static bool startswith(ThreadState ts, PyStr self, PyObject prefix, PyObject? start = null, PyObject? end = null) => self.StartsOrEnds(ts, "startswith", prefix, start, end, false);
    [PyMethod] static bool endswith(ThreadState ts, PyStr self, PyObject suffix, PyObject? start = null, PyObject? end = null) => self.StartsOrEnds(ts, "endswith", suffix, start, end, true);

    PyObject Same() => Type == TypeObjects.Str ? this : From(Value);

    [PyMethod]
    static PyObject removeprefix(ThreadState ts, PyStr self, PyObject prefix)
    {
        if (prefix is not PyStr p) throw PyExc.TypeError($"removeprefix() argument must be str, not {prefix.Type.Name}");
        return p.Value.Length > 0 && self.Value.StartsWith(p.Value, StringComparison.Ordinal) ? From(self.Value.Substring(p.Value.Length)) : self.Same();
    }

    [PyMethod]
    static PyObject removesuffix(ThreadState ts, PyStr self, PyObject suffix)
    {
        if (suffix is not PyStr p) throw PyExc.TypeError($"removesuffix() argument must be str, not {suffix.Type.Name}");
        return p.Value.Length > 0 && self.Value.EndsWith(p.Value, StringComparison.Ordinal) ? From(self.Value.Substring(0, self.Value.Length - p.Value.Length)) : self.Same();
    }

    // ---------------- splitting and joining ----------------

    static bool IsSpaceChar(char c) => UnicodeInfo.IsSpace(c);

    [PyMethod]
    static PyObject split(ThreadState ts, PyStr self, [PyKeyword] PyObject? sep = null, PyObject? maxsplit = null)
        => SplitCore(ts, self, sep, maxsplit, false);

    [PyMethod]
    static PyObject rsplit(ThreadState ts, PyStr self, [PyKeyword] PyObject? sep = null, PyObject? maxsplit = null)
        => SplitCore(ts, self, sep, maxsplit, true);

    static PyObject SplitCore(ThreadState ts, PyStr self, PyObject? sepObj, PyObject? maxObj, bool reverse)
    {
        long max = maxObj == null ? -1 : SizeArg(ts, maxObj);
        if (max < 0) max = long.MaxValue;
        string s = self.Value;
        var parts = new List<PyObject>();
        if (sepObj == null || sepObj == PyNone.Value)
        {
            if (!reverse)
            {
                int i = 0, n = s.Length;
                while (max-- > 0)
                {
                    while (i < n && IsSpaceChar(s[i])) i++;
                    if (i == n) break;
                    int j = i;
                    while (i < n && !IsSpaceChar(s[i])) i++;
                    parts.Add(j == 0 && i == n && self.Type == TypeObjects.Str ? self : From(s.Substring(j, i - j)));
                }
                if (i < n)
                {
                    while (i < n && IsSpaceChar(s[i])) i++;
                    if (i != n) parts.Add(From(s.Substring(i)));
                }
            }
            else
            {
                int i = s.Length - 1;
                while (max-- > 0)
                {
                    while (i >= 0 && IsSpaceChar(s[i])) i--;
                    if (i < 0) break;
                    int j = i;
                    while (i >= 0 && !IsSpaceChar(s[i])) i--;
                    parts.Add(i < 0 && j == s.Length - 1 && self.Type == TypeObjects.Str ? self : From(s.Substring(i + 1, j - i)));
                }
                if (i >= 0)
                {
                    while (i >= 0 && IsSpaceChar(s[i])) i--;
                    if (i >= 0) parts.Add(From(s.Substring(0, i + 1)));
                }
                parts.Reverse();
            }
            return new PyList(parts.ToArray());
        }
        if (sepObj is not PyStr sepStr) throw PyExc.TypeError($"must be str or None, not {sepObj.Type.Name}");
        string sep = sepStr.Value;
        if (sep.Length == 0) throw PyExc.ValueError("empty separator");
        if (!reverse)
        {
            int pos = 0;
            while (max > 0)
            {
                int k = s.IndexOf(sep, pos, StringComparison.Ordinal);
                if (k < 0) break;
                parts.Add(From(s.Substring(pos, k - pos)));
                pos = k + sep.Length;
                max--;
            }
            parts.Add(pos == 0 && self.Type == TypeObjects.Str ? self : From(s.Substring(pos)));
        }
        else
        {
            int end = s.Length;
            while (max > 0 && end > 0)
            {
                int k = s.AsSpan(0, end).LastIndexOf(sep.AsSpan(), StringComparison.Ordinal);
                if (k < 0) break;
                parts.Add(From(s.Substring(k + sep.Length, end - k - sep.Length)));
                end = k;
                max--;
            }
            parts.Add(end == s.Length && self.Type == TypeObjects.Str ? self : From(s.Substring(0, end)));
            parts.Reverse();
        }
        return new PyList(parts.ToArray());
    }

    static bool IsLineBreak(char c) => c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c' || c == '\x1c' || c == '\x1d' || c == '\x1e' || c == '\x85' || c == '\u2028' || c == '\u2029';

    [PyMethod]
    static PyObject splitlines(ThreadState ts, PyStr self, [PyKeyword] PyObject? keepends = null)
    {
        bool keep = keepends != null && SizeArgBool(ts, keepends);
        string s = self.Value;
        var parts = new List<PyObject>();
        int i = 0, n = s.Length;
        while (i < n)
        {
            int j = i;
            while (i < n && !IsLineBreak(s[i])) i++;
            int eol = i;
            if (i < n)
            {
                if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') i += 2;
                else i++;
                if (keep) eol = i;
            }
            parts.Add(j == 0 && eol == n && self.Type == TypeObjects.Str ? self : From(s.Substring(j, eol - j)));
        }
        return new PyList(parts.ToArray());
    }

    /// <summary>CPython parses keepends as an int ("i" converter): bools and ints only.</summary>
    static bool SizeArgBool(ThreadState ts, PyObject o)
    {
        if (o is PyInt i) return i.Sign != 0;
        if (o.Type.Index == null) throw PyExc.TypeError($"'{o.Type.Name}' object cannot be interpreted as an integer");
        return Ops.Index(ts, o).Sign != 0;
    }

    [PyMethod]
    static PyObject partition(ThreadState ts, PyStr self, PyObject sep)
    {
        string p = ArgStr(sep);
        if (p.Length == 0) throw PyExc.ValueError("empty separator");
        int k = self.Value.IndexOf(p, StringComparison.Ordinal);
        if (k < 0) return PyTuple.Of(self.Same(), Empty, Empty);
        return PyTuple.Of(From(self.Value.Substring(0, k)), sep.Type == TypeObjects.Str ? sep : From(p), From(self.Value.Substring(k + p.Length)));
    }

    [PyMethod]
    static PyObject rpartition(ThreadState ts, PyStr self, PyObject sep)
    {
        string p = ArgStr(sep);
        if (p.Length == 0) throw PyExc.ValueError("empty separator");
        int k = self.Value.LastIndexOf(p, StringComparison.Ordinal);
        if (k < 0) return PyTuple.Of(Empty, Empty, self.Same());
        return PyTuple.Of(From(self.Value.Substring(0, k)), sep.Type == TypeObjects.Str ? sep : From(p), From(self.Value.Substring(k + p.Length)));
    }

    [PyMethod]
    static PyObject join(ThreadState ts, PyStr self, PyObject iterable)
    {
        PyObject[] items;
        int n;
        if (iterable is PyList l) { items = l.Items; n = l.Count; }
        else if (iterable is PyTuple t) { items = t.Items; n = t.Count; }
        else
        {
            if (iterable.Type.Iter == null && iterable.Type.GetItem == null) throw PyExc.TypeError("can only join an iterable");
            items = Ops.ToArray(ts, iterable);
            n = items.Length;
        }
        if (n == 1 && items[0].Type == TypeObjects.Str) return items[0];
        long total = 0;
        for (int i = 0; i < n; i++)
        {
            if (items[i] is not PyStr s) throw PyExc.TypeError($"sequence item {i}: expected str instance, {items[i].Type.Name} found");
            total += s.Value.Length;
        }
        total += (long)self.Value.Length * Math.Max(0, n - 1);
        if (total > int.MaxValue) throw PyExc.OverflowError("join() result is too long for a Python string");
        var sb = new StringBuilder((int)total);
        for (int i = 0; i < n; i++)
        {
            if (i > 0) sb.Append(self.Value);
            sb.Append(((PyStr)items[i]).Value);
        }
        return From(sb.ToString());
    }

    // ---------------- replacing ----------------

    [PyMethod]
    static PyObject replace(ThreadState ts, PyStr self, PyObject old, PyObject @new, PyObject? count = null)
    {
        if (old is not PyStr o) throw PyExc.TypeError($"replace() argument 1 must be str, not {old.Type.Name}");
        if (@new is not PyStr r) throw PyExc.TypeError($"replace() argument 2 must be str, not {@new.Type.Name}");
        long max = count == null ? -1 : SizeArg(ts, count);
        if (max < 0) max = long.MaxValue;
        string s = self.Value;
        if (max == 0) return self.Same();
        var sb = new StringBuilder();
        if (o.Value.Length == 0)
        {
            // Insert before every code point and at the end, at most `max` times.
            int i = 0;
            while (i < s.Length && max > 0)
            {
                sb.Append(r.Value);
                CodePoints.At(s, i, out int w);
                sb.Append(s, i, w);
                i += w;
                max--;
            }
            if (max > 0) sb.Append(r.Value);
            sb.Append(s, i, s.Length - i);
            return From(sb.ToString());
        }
        int pos = 0;
        bool any = false;
        while (max > 0)
        {
            int k = s.IndexOf(o.Value, pos, StringComparison.Ordinal);
            if (k < 0) break;
            sb.Append(s, pos, k - pos).Append(r.Value);
            pos = k + o.Value.Length;
            max--;
            any = true;
        }
        if (!any) return self.Same();
        sb.Append(s, pos, s.Length - pos);
        return From(sb.ToString());
    }

    [PyMethod]
    static PyObject expandtabs(ThreadState ts, PyStr self, [PyKeyword] PyObject? tabsize = null)
    {
        long tab = tabsize == null ? 8 : SizeArg(ts, tabsize);
        string s = self.Value;
        if (s.IndexOf('\t') < 0) return self.Same();
        var sb = new StringBuilder(s.Length);
        long col = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '\t')
            {
                if (tab > 0)
                {
                    long inc = tab - col % tab;
                    if (sb.Length + inc > int.MaxValue / 2) throw PyExc.OverflowError("result too long");
                    sb.Append(' ', (int)inc);
                    col += inc;
                }
            }
            else
            {
                sb.Append(c);
                if (!char.IsLowSurrogate(c) || i == 0 || !char.IsHighSurrogate(s[i - 1])) col++;
                if (c == '\n' || c == '\r') col = 0;
            }
        }
        return From(sb.ToString());
    }

    // ---------------- padding ----------------

    static string FillChar(PyObject? fill)
    {
        if (fill == null) return " ";
        if (fill is not PyStr f) throw PyExc.TypeError($"The fill character must be a unicode character, not {fill.Type.Name}");
        if (CodePoints.Length(f.Value) != 1) throw PyExc.TypeError("The fill character must be exactly one character long");
        return f.Value;
    }

    static PyObject Pad(PyStr self, long left, long right, string fill)
    {
        if (left < 0) left = 0;
        if (right < 0) right = 0;
        if (left == 0 && right == 0) return self.Same();
        if ((left + right) * fill.Length + self.Value.Length > int.MaxValue / 2) throw PyExc.OverflowError("padded string is too long");
        var sb = new StringBuilder(self.Value.Length + (int)(left + right) * fill.Length);
        if (fill.Length == 1) sb.Append(fill[0], (int)left); else for (long i = 0; i < left; i++) sb.Append(fill);
        sb.Append(self.Value);
        if (fill.Length == 1) sb.Append(fill[0], (int)right); else for (long i = 0; i < right; i++) sb.Append(fill);
        return From(sb.ToString());
    }

    [PyMethod]
    static PyObject center(ThreadState ts, PyStr self, PyObject width, PyObject? fillchar = null)
    {
        long w = SizeArg(ts, width);
        string fill = FillChar(fillchar);
        long marg = w - self.CpLength;
        if (marg <= 0) return self.Same();
        long left = marg / 2 + (marg & w & 1);
        return Pad(self, left, marg - left, fill);
    }

    [PyMethod]
    static PyObject ljust(ThreadState ts, PyStr self, PyObject width, PyObject? fillchar = null)
    {
        long w = SizeArg(ts, width);
        string fill = FillChar(fillchar);
        return Pad(self, 0, w - self.CpLength, fill);
    }

    [PyMethod]
    static PyObject rjust(ThreadState ts, PyStr self, PyObject width, PyObject? fillchar = null)
    {
        long w = SizeArg(ts, width);
        string fill = FillChar(fillchar);
        return Pad(self, w - self.CpLength, 0, fill);
    }

    [PyMethod]
    static PyObject zfill(ThreadState ts, PyStr self, PyObject width)
    {
        long w = SizeArg(ts, width);
        long fill = w - self.CpLength;
        if (fill <= 0) return self.Same();
        if (fill > int.MaxValue / 2) throw PyExc.OverflowError("padded string is too long");
        string s = self.Value;
        var sb = new StringBuilder(s.Length + (int)fill);
        int start = 0;
        if (s.Length > 0 && (s[0] == '+' || s[0] == '-')) { sb.Append(s[0]); start = 1; }
        sb.Append('0', (int)fill).Append(s, start, s.Length - start);
        return From(sb.ToString());
    }

    // ---------------- stripping ----------------

    PyObject StripCore(PyObject? chars, bool left, bool right)
    {
        string s = Value;
        int i = 0, j = s.Length;
        if (chars == null || chars == PyNone.Value)
        {
            if (left) while (i < j && IsSpaceChar(s[i])) i++;
            if (right) while (j > i && IsSpaceChar(s[j - 1])) j--;
        }
        else
        {
            if (chars is not PyStr cs) throw PyExc.TypeError($"{(left && right ? "strip" : left ? "lstrip" : "rstrip")} arg must be None or str");
            string set = cs.Value;
            if (IsSimple && CodePoints.Length(set) == set.Length)
            {
                if (left) while (i < j && set.IndexOf(s[i]) >= 0) i++;
                if (right) while (j > i && set.IndexOf(s[j - 1]) >= 0) j--;
            }
            else
            {
                var members = new HashSet<int>(CodePoints.ToArray(set));
                if (left)
                    while (i < j) { int cp = CodePoints.At(s, i, out int w); if (!members.Contains(cp)) break; i += w; }
                if (right)
                    while (j > i)
                    {
                        int k = j - 1;
                        if (char.IsLowSurrogate(s[k]) && k > i && char.IsHighSurrogate(s[k - 1])) k--;
                        if (!members.Contains(CodePoints.At(s, k, out _))) break;
                        j = k;
                    }
            }
        }
        if (i == 0 && j == s.Length) return Same();
        return From(s.Substring(i, j - i));
    }

    [PyMethod] static PyObject strip(ThreadState ts, PyStr self, PyObject? chars = null) => self.StripCore(chars, true, true);
    [PyMethod] static PyObject lstrip(ThreadState ts, PyStr self, PyObject? chars = null) => self.StripCore(chars, true, false);
    [PyMethod] static PyObject rstrip(ThreadState ts, PyStr self, PyObject? chars = null) => self.StripCore(chars, false, true);

    // ---------------- case ----------------

    static bool IsAscii(string s)
    {
        foreach (char c in s) if (c >= 0x80) return false;
        return true;
    }

    /// <summary>Lower case of the code point at cps[i], with Greek final sigma (CPython's
    /// handle_capital_sigma: Σ after a cased letter and not before one becomes ς).</summary>
    static void AppendLowerAt(StringBuilder sb, int[] cps, int i)
    {
        int c = cps[i];
        if (c != 0x3A3) { UnicodeInfo.AppendLower(sb, c); return; }
        int j = i - 1;
        while (j >= 0 && UnicodeInfo.IsCaseIgnorable(cps[j])) j--;
        bool final = j >= 0 && UnicodeInfo.IsCased(cps[j]);
        if (final)
        {
            j = i + 1;
            while (j < cps.Length && UnicodeInfo.IsCaseIgnorable(cps[j])) j++;
            final = j == cps.Length || !UnicodeInfo.IsCased(cps[j]);
        }
        sb.Append(final ? '\u03C2' : '\u03C3');
    }

    [PyMethod]
    static PyObject lower(ThreadState ts, PyStr self)
    {
        string s = self.Value;
        if (IsAscii(s))
            return From(string.Create(s.Length, s, (d, src) => { for (int i = 0; i < d.Length; i++) { char c = src[i]; d[i] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; } }));
        var cps = CodePoints.ToArray(s);
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < cps.Length; i++) AppendLowerAt(sb, cps, i);
        return From(sb.ToString());
    }

    [PyMethod]
    static PyObject upper(ThreadState ts, PyStr self)
    {
        string s = self.Value;
        if (IsAscii(s))
            return From(string.Create(s.Length, s, (d, src) => { for (int i = 0; i < d.Length; i++) { char c = src[i]; d[i] = c >= 'a' && c <= 'z' ? (char)(c - 32) : c; } }));
        var sb = new StringBuilder(s.Length);
        foreach (int cp in CodePoints.ToArray(s)) UnicodeInfo.AppendUpper(sb, cp);
        return From(sb.ToString());
    }

    [PyMethod]
    static PyObject casefold(ThreadState ts, PyStr self)
    {
        if (IsAscii(self.Value)) return lower(ts, self);
        var sb = new StringBuilder(self.Value.Length);
        foreach (int cp in CodePoints.ToArray(self.Value)) UnicodeInfo.AppendFold(sb, cp);
        return From(sb.ToString());
    }

    [PyMethod]
    static PyObject swapcase(ThreadState ts, PyStr self)
    {
        var cps = CodePoints.ToArray(self.Value);
        var sb = new StringBuilder(self.Value.Length);
        for (int i = 0; i < cps.Length; i++)
        {
            int c = cps[i];
            if (UnicodeInfo.IsUppercase(c)) AppendLowerAt(sb, cps, i);
            else if (UnicodeInfo.IsLowercase(c)) UnicodeInfo.AppendUpper(sb, c);
            else UnicodeInfo.AppendCodePoint(sb, c);
        }
        return From(sb.ToString());
    }

    [PyMethod]
    static PyObject capitalize(ThreadState ts, PyStr self)
    {
        var cps = CodePoints.ToArray(self.Value);
        var sb = new StringBuilder(self.Value.Length);
        for (int i = 0; i < cps.Length; i++)
        {
            if (i == 0) UnicodeInfo.AppendTitle(sb, cps[0]);
            else AppendLowerAt(sb, cps, i);
        }
        return From(sb.ToString());
    }

    [PyMethod]
    static PyObject title(ThreadState ts, PyStr self)
    {
        var cps = CodePoints.ToArray(self.Value);
        var sb = new StringBuilder(self.Value.Length);
        bool prevCased = false;
        for (int i = 0; i < cps.Length; i++)
        {
            int c = cps[i];
            if (prevCased) AppendLowerAt(sb, cps, i);
            else UnicodeInfo.AppendTitle(sb, c);
            prevCased = UnicodeInfo.IsCased(c);
        }
        return From(sb.ToString());
    }

    // ---------------- predicates ----------------

    bool All(Func<int, bool> pred, bool emptyResult = false)
    {
        string s = Value;
        if (s.Length == 0) return emptyResult;
        for (int i = 0; i < s.Length;)
        {
            int cp = CodePoints.At(s, i, out int w);
            if (!pred(cp)) return false;
            i += w;
        }
        return true;
    }

    [PyMethod] static bool isalnum(ThreadState ts, PyStr self) => self.All(UnicodeInfo.IsAlnum);
    [PyMethod] static bool isalpha(ThreadState ts, PyStr self) => self.All(UnicodeInfo.IsAlpha);
    [PyMethod] static bool isdecimal(ThreadState ts, PyStr self) => self.All(UnicodeInfo.IsDecimal);
    [PyMethod] static bool isdigit(ThreadState ts, PyStr self) => self.All(UnicodeInfo.IsDigit);
    [PyMethod] static bool isnumeric(ThreadState ts, PyStr self) => self.All(UnicodeInfo.IsNumeric);
    [PyMethod] static bool isspace(ThreadState ts, PyStr self) => self.All(UnicodeInfo.IsSpace);
    [PyMethod] static bool isprintable(ThreadState ts, PyStr self) => self.All(UnicodeInfo.IsPrintable, true);
    [PyMethod] static bool isascii(ThreadState ts, PyStr self) => IsAscii(self.Value);

    [PyMethod]
    static bool isidentifier(ThreadState ts, PyStr self)
    {
        string s = self.Value;
        if (s.Length == 0) return false;
        int first = CodePoints.At(s, 0, out int w);
        if (!UnicodeInfo.IsXidStart(first) && first != '_') return false;
        for (int i = w; i < s.Length;)
        {
            if (!UnicodeInfo.IsXidContinue(CodePoints.At(s, i, out int w2))) return false;
            i += w2;
        }
        return true;
    }

    [PyMethod]
    static bool islower(ThreadState ts, PyStr self)
    {
        bool cased = false;
        foreach (int c in CodePoints.ToArray(self.Value))
        {
            if (UnicodeInfo.IsUppercase(c) || UnicodeInfo.IsTitlecase(c)) return false;
            if (!cased && UnicodeInfo.IsLowercase(c)) cased = true;
        }
        return cased;
    }

    [PyMethod]
    static bool isupper(ThreadState ts, PyStr self)
    {
        bool cased = false;
        foreach (int c in CodePoints.ToArray(self.Value))
        {
            if (UnicodeInfo.IsLowercase(c) || UnicodeInfo.IsTitlecase(c)) return false;
            if (!cased && UnicodeInfo.IsUppercase(c)) cased = true;
        }
        return cased;
    }

    [PyMethod]
    static bool istitle(ThreadState ts, PyStr self)
    {
        bool cased = false, prevCased = false;
        foreach (int c in CodePoints.ToArray(self.Value))
        {
            if (UnicodeInfo.IsUppercase(c) || UnicodeInfo.IsTitlecase(c))
            {
                if (prevCased) return false;
                prevCased = cased = true;
            }
            else if (UnicodeInfo.IsLowercase(c))
            {
                if (!prevCased) return false;
                prevCased = cased = true;
            }
            else prevCased = false;
        }
        return cased;
    }

    // ---------------- translation ----------------

    [PyStaticMethod]
    static PyObject maketrans(ThreadState ts, PyObject x, PyObject? y = null, PyObject? z = null)
    {
        var result = new PyDict();
        if (y == null)
        {
            if (x is not PyDict d) throw PyExc.TypeError("if you give only one argument to maketrans it must be a dict");
            foreach (var (k, v) in System.Linq.Enumerable.ToArray(d.Items()))
            {
                if (k is PyStr ks)
                {
                    if (ks.CpLength != 1) throw PyExc.ValueError("string keys in translate table must be of length 1");
                    result.SetItem(ts, PyInt.From(CodePoints.At(ks.Value, 0, out _)), v);
                }
                else if (k is PyInt) result.SetItem(ts, k, v);
                else throw PyExc.TypeError("keys in translate table must be strings or integers");
            }
            return result;
        }
        if (y is not PyStr ys) throw PyExc.TypeError($"maketrans() argument 2 must be str, not {y.Type.Name}");
        if (z != null && z is not PyStr) throw PyExc.TypeError($"maketrans() argument 3 must be str, not {z.Type.Name}");
        if (x is not PyStr xs) throw PyExc.TypeError("first maketrans argument must be a string if there is a second argument");
        var a = CodePoints.ToArray(xs.Value);
        var b = CodePoints.ToArray(ys.Value);
        if (a.Length != b.Length) throw PyExc.ValueError("the first two maketrans arguments must have equal length");
        for (int i = 0; i < a.Length; i++) result.SetItem(ts, PyInt.From(a[i]), PyInt.From(b[i]));
        if (z is PyStr zs)
            foreach (int c in CodePoints.ToArray(zs.Value)) result.SetItem(ts, PyInt.From(c), PyNone.Value);
        return result;
    }

    [PyMethod]
    static PyObject translate(ThreadState ts, PyStr self, PyObject table)
    {
        string s = self.Value;
        var sb = new StringBuilder(s.Length);
        var cache = new Dictionary<int, string?>();
        for (int i = 0; i < s.Length;)
        {
            int cp = CodePoints.At(s, i, out int w);
            if (!cache.TryGetValue(cp, out var repl))
            {
                PyObject? v;
                try { v = Ops.GetItem(ts, table, PyInt.From(cp)); }
                catch (PyException e) when (e.Matches(ExceptionTypes.LookupError)) { v = null; }
                if (v == null) repl = s.Substring(i, w);
                else if (v == PyNone.Value) repl = null;
                else if (v is PyInt vi)
                {
                    if (!vi.FitsLong || vi.Small < 0 || vi.Small > 0x10FFFF) throw PyExc.ValueError("character mapping must be in range(0x110000)");
                    repl = CodePoints.FromCodePoint((int)vi.Small);
                }
                else if (v is PyStr vs) repl = vs.Value;
                else throw PyExc.TypeError("character mapping must return integer, None or str");
                cache[cp] = repl;
            }
            if (repl != null) sb.Append(repl);
            i += w;
        }
        return From(sb.ToString());
    }

    // ---------------- encoding ----------------

    [PyMethod]
    static PyObject encode(ThreadState ts, PyStr self, [PyKeyword] PyObject? encoding = null, PyObject? errors = null)
    {
        string enc = encoding == null ? "utf-8" : NativeConvert.ToStr(encoding, "encode", "encoding");
        string err = errors == null ? "strict" : NativeConvert.ToStr(errors, "encode", "errors");
        return new PyBytes(PyStrCodecs.Encode(ts, self, enc, err));
    }
}
