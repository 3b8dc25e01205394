#nullable enable
using System.Numerics;
using System.Text;
using StacklessIron.Objects.Formatting;
using System;
using System.Collections.Generic;
namespace StacklessIron.Objects;

// The Python-visible methods of str (CPython 3.11's Objects/unicodeobject.c): argument
// checking and CPython's messages here, the text algorithms in Formatting/StrMethods (code
// point indexes, Unicode 14 tables, final sigma, surrogate-pair boundaries).
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

    /// <summary>The UTF-16 range of self[start:end] (code points, adjusted as CPython's
    /// ADJUST_INDICES); false when start > end or start > len, where nothing matches, not even "".
    /// Uses the cached length and checkpoints, so it costs O(1) on a string seen before.</summary>
    bool CharRange(ThreadState ts, PyObject? start, PyObject? end, out int from, out int to, out int cpFrom, out int cpTo)
    {
        int len = CpLength;
        AdjustIndices(ts, start, end, len, out cpFrom, out cpTo);
        if (cpFrom > len || cpFrom > cpTo) { from = to = 0; return false; }
        from = CharIndex(cpFrom);
        to = CharIndex(cpTo);
        return true;
    }

    long Find(ThreadState ts, PyObject sub, PyObject? start, PyObject? end, bool last)
    {
        // as CPython: start/end are converted before sub is checked
        bool any = CharRange(ts, start, end, out int from, out int to, out _, out _);
        string p = ArgStr(sub);
        if (!any) return -1;
        int i = last ? StrMethods.LastIndexIn(Value, p, from, to) : StrMethods.IndexIn(Value, p, from, to);
        return i < 0 ? -1 : CpIndex(i);
    }

    [PyMethod] static long find(ThreadState ts, PyStr self, PyObject sub, PyObject? start = null, PyObject? end = null)
        => self.Find(ts, sub, start, end, false);
    [PyMethod] static long rfind(ThreadState ts, PyStr self, PyObject sub, PyObject? start = null, PyObject? end = null)
        => self.Find(ts, sub, start, end, true);

    [PyMethod]
    static long index(ThreadState ts, PyStr self, PyObject sub, PyObject? start = null, PyObject? end = null)
    {
        long r = self.Find(ts, sub, start, end, false);
        return r >= 0 ? r : throw PyExc.ValueError("substring not found");
    }

    [PyMethod]
    static long rindex(ThreadState ts, PyStr self, PyObject sub, PyObject? start = null, PyObject? end = null)
    {
        long r = self.Find(ts, sub, start, end, true);
        return r >= 0 ? r : throw PyExc.ValueError("substring not found");
    }

    [PyMethod]
    static long count(ThreadState ts, PyStr self, PyObject sub, PyObject? start = null, PyObject? end = null)
    {
        // as CPython: start/end are converted before sub is checked
        bool any = self.CharRange(ts, start, end, out int from, out int to, out int cpFrom, out int cpTo);
        string p = ArgStr(sub);
        if (!any) return 0;
        return p.Length == 0 ? cpTo - cpFrom + 1 : StrMethods.CountIn(self.Value, p, from, to);
    }

    bool StartsOrEnds(ThreadState ts, string name, PyObject prefix, PyObject? start, PyObject? end, bool atEnd)
    {
        // as CPython: start/end first, then each tuple item is checked as it is tried
        bool any = CharRange(ts, start, end, out int from, out int to, out _, out _);
        if (prefix is PyTuple t)
        {
            foreach (var item in t.Items)
            {
                if (item is not PyStr ps) throw PyExc.TypeError($"tuple for {name} must only contain str, not {item.Type.Name}");
                if (any && StrMethods.StartsOrEndsIn(Value, ps.Value, from, to, atEnd)) return true;
            }
            return false;
        }
        if (prefix is not PyStr p) throw PyExc.TypeError($"{name} first arg must be str or a tuple of str, not {prefix.Type.Name}");
        return any && StrMethods.StartsOrEndsIn(Value, p.Value, from, to, atEnd);
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

    /// <summary>The results of a StrMethods list operation as a Python list (the whole string
    /// itself when it comes back unchanged, as CPython shares it).</summary>
    PyObject ListOf(List<string> parts)
    {
        var items = new PyObject[parts.Count];
        for (int i = 0; i < items.Length; i++)
            items[i] = ReferenceEquals(parts[i], Value) && Type == TypeObjects.Str ? this : From(parts[i]);
        return new PyList(items);
    }

    static string? SepArg(PyObject? sep)
    {
        if (sep == null || sep == PyNone.Value) return null;
        if (sep is not PyStr s) throw PyExc.TypeError($"must be str or None, not {sep.Type.Name}");
        if (s.Value.Length == 0) throw PyExc.ValueError("empty separator");
        return s.Value;
    }

    [PyMethod]
    static PyObject split(ThreadState ts, PyStr self, [PyKeyword] PyObject? sep = null, PyObject? maxsplit = null)
    {
        string? sp = SepArg(sep);
        long max = maxsplit == null ? -1 : SizeArg(ts, maxsplit);
        if (sp != null && sp.Length == 1 && !char.IsSurrogate(sp[0])) return self.SplitOnChar(sp[0], max);
        if (sp == null && max < 0 && IsAscii(self.Value)) return self.SplitAsciiWhitespace();
        return self.ListOf(StrMethods.Split(self.Value, sp, max));
    }

    // Python's whitespace below 128 (str.isspace): \t \n \v \f \r, \x1c-\x1f and space
    static bool IsAsciiSpace(char c) => c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f');

    /// <summary>split() without arguments of an ASCII string: the words counted in one pass,
    /// then cut straight into the list's array.</summary>
    PyObject SplitAsciiWhitespace()
    {
        string s = Value;
        int words = 0;
        for (int i = 0, n = s.Length; i < n; i++)
            if (!IsAsciiSpace(s[i]) && (i == 0 || IsAsciiSpace(s[i - 1]))) words++;
        var items = new PyObject[words];
        for (int i = 0, k = 0; k < words; k++)
        {
            while (IsAsciiSpace(s[i])) i++;
            int start = i;
            while (i < s.Length && !IsAsciiSpace(s[i])) i++;
            items[k] = start == 0 && i == s.Length ? Same() : FromSpan(s.AsSpan(start, i - start));
        }
        return new PyList(items);
    }

    /// <summary>split() on a one-char separator that is not a surrogate (so it can never
    /// cut a pair): the pieces counted first (a vectorised count), then cut straight into the
    /// list's array, without a list of .NET strings in between.</summary>
    PyObject SplitOnChar(char sep, long maxsplit)
    {
        string s = Value;
        long pieces = (long)s.AsSpan().Count(sep) + 1;
        if (maxsplit >= 0 && pieces > maxsplit + 1) pieces = maxsplit + 1;
        if (pieces == 1) return new PyList(new PyObject[] { Same() });
        var items = new PyObject[pieces];
        int pos = 0;
        for (int k = 0; k < items.Length - 1; k++)
        {
            int j = s.IndexOf(sep, pos);
            items[k] = FromSpan(s.AsSpan(pos, j - pos));
            pos = j + 1;
        }
        items[^1] = FromSpan(s.AsSpan(pos));
        return new PyList(items);
    }

    [PyMethod]
    static PyObject rsplit(ThreadState ts, PyStr self, [PyKeyword] PyObject? sep = null, PyObject? maxsplit = null)
    {
        string? sp = SepArg(sep);
        return self.ListOf(StrMethods.RSplit(self.Value, sp, maxsplit == null ? -1 : SizeArg(ts, maxsplit)));
    }

    [PyMethod]
    static PyObject splitlines(ThreadState ts, PyStr self, [PyKeyword] PyObject? keepends = null)
        => self.ListOf(StrMethods.SplitLines(self.Value, keepends != null && SizeArgBool(ts, keepends)));

    /// <summary>CPython parses keepends as an int ("i" converter): bools and ints only.</summary>
    static bool SizeArgBool(ThreadState ts, PyObject o)
    {
        if (o is PyInt i) return i.Sign != 0;
        if (o.Type.Index == null) throw PyExc.TypeError($"'{o.Type.Name}' object cannot be interpreted as an integer");
        return Ops.Index(ts, o).Sign != 0;
    }

    PyObject Triple((string, string, string) t, PyObject sep)
    {
        PyObject Part(string x) => ReferenceEquals(x, Value) && Type == TypeObjects.Str ? this : From(x);
        return PyTuple.Of(Part(t.Item1), t.Item2.Length > 0 && sep.Type == TypeObjects.Str ? sep : From(t.Item2), Part(t.Item3));
    }

    [PyMethod]
    static PyObject partition(ThreadState ts, PyStr self, PyObject sep)
    {
        string p = ArgStr(sep);
        if (p.Length == 0) throw PyExc.ValueError("empty separator");
        return self.Triple(StrMethods.Partition(self.Value, p), sep);
    }

    [PyMethod]
    static PyObject rpartition(ThreadState ts, PyStr self, PyObject sep)
    {
        string p = ArgStr(sep);
        if (p.Length == 0) throw PyExc.ValueError("empty separator");
        return self.Triple(StrMethods.RPartition(self.Value, p), sep);
    }

    [PyMethod]
    static PyObject join(ThreadState ts, PyStr self, PyObject iterable)
    {
        PyObject[] items;
        int n;
        if (iterable is PyList l) { items = l.Items; n = l.Count; }
        else if (iterable is PyTuple t) { items = t.Items; n = t.Count; }
        // a generator: collected by the loop (no nested loop per item), then joined as a list
        else if (iterable is PyGenerator) return new CollectingConsumer((ts2, list) => join(ts2, self, list), ts2 => Ops.GetAttr(ts2, self, new PyStr("join"))).Run(ts, iterable);
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
            total += s.CharLength;
        }
        total += (long)self.CharLength * Math.Max(0, n - 1);
        if (total > int.MaxValue) throw PyExc.OverflowError("join() result is too long for a Python string");
        if (n == 0) return Empty;
        // written straight into the result: one allocation, no builder copy; the parts' texts
        // are copied from where they are (a PyStrInline has no System.String to read)
        var sep = self.Span;
        Span<char> small = stackalloc char[PyStrInline.MaxLength];
        string? joined = null;
        scoped Span<char> dst;
        if (total <= PyStrInline.MaxLength) dst = small.Slice(0, (int)total);
        else joined = NewText((int)total, out dst);
        var first = (PyStr)items[0];
        int pos = first.CharLength;
        first.CopyTextTo(dst.Slice(0, pos));
        if (sep.Length == 1)
        {
            // the usual ",".join / "".join shapes: one char stored, not a copy call
            char c = sep[0];
            for (int i = 1; i < n; i++)
            {
                dst[pos++] = c;
                var part = (PyStr)items[i];
                var v = part._value;   // a plain str's text copied directly, no virtual call
                if (v != null) { v.CopyTo(dst.Slice(pos)); pos += v.Length; continue; }
                int len = part.CharLength;
                part.CopyTextTo(dst.Slice(pos, len));
                pos += len;
            }
        }
        else
        {
            for (int i = 1; i < n; i++)
            {
                if (sep.Length > 0) { sep.CopyTo(dst.Slice(pos)); pos += sep.Length; }
                var part = (PyStr)items[i];
                int len = part.CharLength;
                part.CopyTextTo(dst.Slice(pos, len));
                pos += len;
            }
        }
        return joined != null ? From(joined) : FromSpan(dst);
    }

    // ---------------- replacing, padding, stripping ----------------

    /// <summary>Wraps a StrMethods result: self when unchanged (CPython shares it), errors mapped.</summary>
    PyObject Result(string r) => ReferenceEquals(r, Value) || r == Value && r.Length == 0 ? Same() : From(r);

    [PyMethod]
    static PyObject replace(ThreadState ts, PyStr self, PyObject old, PyObject @new, PyObject? count = null)
    {
        if (old is not PyStr o) throw PyExc.TypeError($"replace() argument 1 must be str, not {old.Type.Name}");
        if (@new is not PyStr r) throw PyExc.TypeError($"replace() argument 2 must be str, not {@new.Type.Name}");
        long max = count == null ? -1 : SizeArg(ts, count);
        try { return self.Result(StrMethods.Replace(self.Value, o.Value, r.Value, max)); }
        catch (FormatError e) { throw Raise(e); }
    }

    [PyMethod]
    static PyObject expandtabs(ThreadState ts, PyStr self, [PyKeyword] PyObject? tabsize = null)
    {
        long tab = tabsize == null ? 8 : SizeArg(ts, tabsize);
        try { return self.Result(StrMethods.ExpandTabs(self.Value, tab)); }
        catch (FormatError e) { throw Raise(e); }
    }

    static string FillChar(PyObject? fill)
    {
        if (fill == null) return " ";
        if (fill is not PyStr f) throw PyExc.TypeError($"The fill character must be a unicode character, not {fill.Type.Name}");
        if (CodePoints.Length(f.Value) != 1) throw PyExc.TypeError("The fill character must be exactly one character long");
        return f.Value;
    }

    [PyMethod]
    static PyObject center(ThreadState ts, PyStr self, PyObject width, PyObject? fillchar = null)
    {
        long w = SizeArg(ts, width);
        string fill = FillChar(fillchar);
        try { return self.Result(StrMethods.Center(self.Value, w, fill)); }
        catch (FormatError e) { throw Raise(e); }
    }

    [PyMethod]
    static PyObject ljust(ThreadState ts, PyStr self, PyObject width, PyObject? fillchar = null)
    {
        long w = SizeArg(ts, width);
        string fill = FillChar(fillchar);
        try { return self.Result(StrMethods.LJust(self.Value, w, fill)); }
        catch (FormatError e) { throw Raise(e); }
    }

    [PyMethod]
    static PyObject rjust(ThreadState ts, PyStr self, PyObject width, PyObject? fillchar = null)
    {
        long w = SizeArg(ts, width);
        string fill = FillChar(fillchar);
        try { return self.Result(StrMethods.RJust(self.Value, w, fill)); }
        catch (FormatError e) { throw Raise(e); }
    }

    [PyMethod]
    static PyObject zfill(ThreadState ts, PyStr self, PyObject width)
    {
        long w = SizeArg(ts, width);
        try { return self.Result(StrMethods.ZFill(self.Value, w)); }
        catch (FormatError e) { throw Raise(e); }
    }

    static string? CharsArg(PyObject? chars, string name)
    {
        if (chars == null || chars == PyNone.Value) return null;
        return chars is PyStr cs ? cs.Value : throw PyExc.TypeError($"{name} arg must be None or str");
    }

    [PyMethod] static PyObject strip(ThreadState ts, PyStr self, PyObject? chars = null) => self.Result(StrMethods.Strip(self.Value, CharsArg(chars, "strip")));
    [PyMethod] static PyObject lstrip(ThreadState ts, PyStr self, PyObject? chars = null) => self.Result(StrMethods.LStrip(self.Value, CharsArg(chars, "lstrip")));
    [PyMethod] static PyObject rstrip(ThreadState ts, PyStr self, PyObject? chars = null) => self.Result(StrMethods.RStrip(self.Value, CharsArg(chars, "rstrip")));

    // ---------------- case and predicates ----------------

    static bool IsAscii(string s) => !s.AsSpan().ContainsAnyExceptInRange('\0', '\x7f');

    [PyMethod] static PyObject lower(ThreadState ts, PyStr self) => From(StrMethods.Lower(self.Value));
    [PyMethod] static PyObject upper(ThreadState ts, PyStr self) => From(StrMethods.Upper(self.Value));
    [PyMethod] static PyObject casefold(ThreadState ts, PyStr self) => From(StrMethods.CaseFold(self.Value));
    [PyMethod] static PyObject swapcase(ThreadState ts, PyStr self) => From(StrMethods.SwapCase(self.Value));
    [PyMethod] static PyObject capitalize(ThreadState ts, PyStr self) => From(StrMethods.Capitalize(self.Value));
    [PyMethod] static PyObject title(ThreadState ts, PyStr self) => From(StrMethods.Title(self.Value));

    [PyMethod] static bool isalnum(ThreadState ts, PyStr self) => StrMethods.IsAlnum(self.Value);
    [PyMethod] static bool isalpha(ThreadState ts, PyStr self) => StrMethods.IsAlpha(self.Value);
    [PyMethod] static bool isdecimal(ThreadState ts, PyStr self) => StrMethods.IsDecimal(self.Value);
    [PyMethod] static bool isdigit(ThreadState ts, PyStr self) => StrMethods.IsDigit(self.Value);
    [PyMethod] static bool isnumeric(ThreadState ts, PyStr self) => StrMethods.IsNumeric(self.Value);
    [PyMethod] static bool isspace(ThreadState ts, PyStr self) => StrMethods.IsSpace(self.Value);
    [PyMethod] static bool isprintable(ThreadState ts, PyStr self) => StrMethods.IsPrintable(self.Value);
    [PyMethod] static bool isascii(ThreadState ts, PyStr self) => IsAscii(self.Value);
    [PyMethod] static bool isidentifier(ThreadState ts, PyStr self) => StrMethods.IsIdentifier(self.Value);
    [PyMethod] static bool islower(ThreadState ts, PyStr self) => StrMethods.IsLower(self.Value);
    [PyMethod] static bool isupper(ThreadState ts, PyStr self) => StrMethods.IsUpper(self.Value);
    [PyMethod] static bool istitle(ThreadState ts, PyStr self) => StrMethods.IsTitle(self.Value);

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
        // Each code point's replacement is looked up once; those of Latin-1 chars (most text)
        // in an array, the rest in a dictionary. The result is written into a char buffer.
        var latin1 = new string?[256];
        var latin1Known = new bool[256];
        Dictionary<int, string?>? others = null;
        var buf = new char[s.Length];
        int n = 0;
        for (int i = 0; i < s.Length;)
        {
            char c = s[i];
            string? repl;
            int w = 1;
            if (c < 256 && latin1Known[c]) repl = latin1[c];
            else
            {
                int cp = c < 256 ? c : CodePoints.At(s, i, out w);
                if (others == null || !others.TryGetValue(cp, out repl))
                {
                    repl = TranslateLookup(ts, table, cp, s, i, w);
                    if (cp < 256) { latin1[cp] = repl; latin1Known[cp] = true; }
                    else (others ??= new Dictionary<int, string?>())[cp] = repl;
                }
            }
            if (repl != null)
            {
                if (n + repl.Length > buf.Length) Array.Resize(ref buf, (int)Math.Min(Array.MaxLength, Math.Max(2L * buf.Length, (long)n + repl.Length)));
                if (repl.Length == 1) buf[n++] = repl[0];
                else { repl.CopyTo(0, buf, n, repl.Length); n += repl.Length; }
            }
            i += w;
        }
        return From(new string(buf, 0, n));
    }

    /// <summary>The replacement text of code point cp under a translate table (null: delete).</summary>
    static string? TranslateLookup(ThreadState ts, PyObject table, int cp, string s, int i, int w)
    {
        PyObject? v;
        try { v = Ops.GetItem(ts, table, PyInt.From(cp)); }
        catch (PyException e) when (e.Matches(ExceptionTypes.LookupError)) { v = null; }
        if (v == null) return s.Substring(i, w);
        if (v == PyNone.Value) return null;
        if (v is PyInt vi)
        {
            if (!vi.FitsLong || vi.Small < 0 || vi.Small > 0x10FFFF) throw PyExc.ValueError("character mapping must be in range(0x110000)");
            return CodePoints.FromCodePoint((int)vi.Small);
        }
        if (v is PyStr vs) return vs.Value;
        throw PyExc.TypeError("character mapping must return integer, None or str");
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
