#nullable enable
using System;
using System.Collections.Concurrent;
using System.Text;
using StacklessIron.Objects.Formatting;
namespace StacklessIron.Objects;

/// <summary>
/// `str`: wraps a .NET string. Python indexes by code point, .NET stores UTF-16, so a code point
/// above U+FFFF is a surrogate pair here. The code point length is computed once (one
/// vectorised scan) and cached; when it equals the UTF-16 length (no pairs: almost every
/// string) indexes map 1:1 and every operation takes the fast path. Strings with pairs convert
/// indexes through CodePoints (O(n)). A lone surrogate is one code point, as in Python; the one
/// thing UTF-16 cannot express is a lone high surrogate directly followed by a lone low one
/// (Python: two code points), which .NET reads as one pair.
/// Methods: PyStr.Methods.cs; str.format and %: PyStr.Format.cs; codecs: PyStrCodecs.cs.
/// </summary>
[PyType("str")]
public partial class PyStr : PyObject
{
    // The text. Null only in a PyStrAppendable whose text has not been read as a whole yet
    // (a concatenation kept as its parts or in a growable buffer: see there).
    private protected string? _value;
    /// <summary>The text (UTF-16; code points above U+FFFF as surrogate pairs).</summary>
    public string Value => _value ?? MaterializeValue();
    // .NET's string hash is 32 bits, so the cached hash fits an int: with the length beside it
    // every str object is 40 bytes instead of 48 (programs that keep many strs spend much of
    // their time in the GC copying survivors)
    int _hash;           // 0 = not computed yet
    private protected int _cpLength = -1;  // code points; -1 = not computed yet

    static readonly ConcurrentDictionary<string, PyStr> _interned = new();
    public static readonly PyStr Empty = Intern("");
    static readonly PyStr[] _latin1 = MakeLatin1();
    static PyStr[] MakeLatin1()
    {
        var a = new PyStr[256];
        for (int i = 0; i < 256; i++) a[i] = new PyStr(((char)i).ToString());
        return a;
    }

    public PyStr(string value) : base(TypeObjects.Str) { _value = value; }
    public PyStr(PyType type, string value) : base(type) { _value = value; }
    /// <summary>For PyStrAppendable: the text comes later.</summary>
    private protected PyStr() : base(TypeObjects.Str) { }

    /// <summary>Builds the text of a str that was made without one (PyStrAppendable, PyStrInline).</summary>
    private protected virtual string MaterializeValue() => throw new InvalidOperationException("str without text");

    /// <summary>The text as chars, without making a System.String for a str that has none
    /// (a PyStrInline). Read it before anything can run that might change the str's class
    /// of storage: no Python code in between.</summary>
    public ReadOnlySpan<char> Span => _value != null ? _value.AsSpan() : SpanSlow();
    private protected virtual ReadOnlySpan<char> SpanSlow() => MaterializeValue();

    /// <summary>Writes the text into dst (dst.Length == Value.Length) without building it
    /// as a string first when it is not one yet.</summary>
    internal virtual void CopyTextTo(Span<char> dst) => _value.AsSpan().CopyTo(dst);

    /// <summary>The first and the last UTF-16 unit of a non-empty str.</summary>
    internal virtual char FirstChar => _value![0];
    internal virtual char LastChar => _value![^1];

    /// <summary>The code point length of a + b when it is known without building either text,
    /// else -1. Two lone surrogates that meet at the seam become one pair in UTF-16, so then
    /// the text decides.</summary>
    internal static int JoinedCpLength(PyStr a, PyStr b)
    {
        int ca = a is PyStrAppendable ? a._cpLength : a.CpLength;
        int cb = b is PyStrAppendable ? b._cpLength : b.CpLength;
        if (ca < 0 || cb < 0) return -1;
        if (ca > 0 && cb > 0 && char.IsHighSurrogate(a.LastChar) && char.IsLowSurrogate(b.FirstChar)) return -1;
        return ca + cb;
    }

    /// <summary>The text's length in UTF-16 units, without building the text.</summary>
    public int CharLength => _value != null ? _value.Length : TextLength();
    internal virtual int TextLength() => Value.Length;

    /// <summary>The shared instance for `s` (identifiers, attribute names, small constants).</summary>
    public static PyStr Intern(string s)
    {
        if (_interned.TryGetValue(s, out var r)) return r;
        return _interned.GetOrAdd(s, v => new PyStr(v));
    }

    /// <summary>sys.intern: the str already interned with this value, else `s` itself becomes
    /// the interned one (CPython's `sys.intern(s) is s` for a new value). `s` is of exact type str.</summary>
    public static PyStr Intern(PyStr s) => _interned.GetOrAdd(s.Value, s);

    /// <summary>A str of exact type str, shared for the empty string and single Latin-1 chars.</summary>
    public static PyStr From(string s)
    {
        if (s.Length == 0) return Empty;
        if (s.Length == 1 && s[0] < 256) return _latin1[s[0]];
        return new PyStr(s);
    }

    /// <summary>A str of exact type str with a copy of text: a short one keeps its chars
    /// inline (PyStrInline, one object), a longer one gets a System.String.</summary>
    public static PyStr FromSpan(ReadOnlySpan<char> text)
    {
        int n = text.Length;
        if (n <= PyStrInline.MaxLength)
        {
            if (n == 0) return Empty;
            if (n == 1 && text[0] < 256) return _latin1[text[0]];
            if (!HasSurrogate(text)) return PyStrInline.Of(text);
        }
        return new PyStr(new string(text));
    }

    /// <summary>FromSpan for a text known to hold no surrogate (digits, Latin-1): no scan.</summary>
    internal static PyStr FromSpanNoSurrogates(ReadOnlySpan<char> text)
    {
        int n = text.Length;
        if (n > PyStrInline.MaxLength) return new PyStr(new string(text));
        if (n <= 1) return n == 0 ? Empty : _latin1[text[0]];
        return PyStrInline.Of(text);
    }

    /// <summary>data.decode(encoding) under the strict handler for the codecs that need no
    /// table: UTF-8 and ASCII of ASCII-only data, and Latin-1 of any (each byte one char, so a
    /// short result goes inline without a System.String). Null: the codec machinery decides
    /// (other names and spellings, non-ASCII UTF-8, errors).</summary>
    internal static PyStr? DecodeFast(ReadOnlySpan<byte> data, string encoding)
    {
        bool latin1;
        switch (encoding)
        {
            case "utf-8": case "utf8": case "UTF-8": case "ascii": case "ASCII": case "us-ascii": latin1 = false; break;
            case "latin-1": case "latin1": case "iso-8859-1": case "ISO-8859-1": case "iso8859-1": latin1 = true; break;
            default: return null;
        }
        if (!latin1 && !System.Text.Ascii.IsValid(data)) return null;
        int n = data.Length;
        if (n <= PyStrInline.MaxLength)
        {
            if (n == 0) return Empty;
            if (n == 1) return _latin1[data[0]];
            Span<char> buf = stackalloc char[PyStrInline.MaxLength];
            System.Text.Encoding.Latin1.GetChars(data, buf);
            return PyStrInline.Of(buf.Slice(0, n));   // Latin-1: no surrogates
        }
        var text = NewText(n, out var dst);
        System.Text.Encoding.Latin1.GetChars(data, dst);
        return new PyStr(text);
    }

    /// <summary>True when a short text holds a surrogate. A plain loop: MemoryExtensions'
    /// IndexOfAnyInRange boxes its bounds while it runs unoptimised (tier 0), and short texts
    /// are where that code runs before tier-up.</summary>
    static bool HasSurrogate(ReadOnlySpan<char> text)
    {
        foreach (char c in text) if ((uint)(c - 0xD800) < 0x800) return true;
        return false;
    }

    /// <summary>Equal texts (== between two strs), without making System.Strings.</summary>
    public static bool TextEquals(PyStr a, PyStr b)
    {
        if (ReferenceEquals(a, b)) return true;
        string? x = a._value, y = b._value;
        if (x != null && y != null) return string.Equals(x, y);
        return a.Span.SequenceEqual(b.Span);
    }

    /// <summary>A new string of `length` chars (length > 0), which the caller fills through
    /// `text` before anyone else sees it. string.Create does the same, but each of its
    /// instantiations over a state type of ours is compiled at run time (ReadyToRun does not
    /// precompile a CoreLib generic method over our types): first as unoptimised tier-0 code,
    /// and each new one puts off the tier-up of everything else by the call-counting delay.</summary>
    internal static string NewText(int length, out Span<char> text)
    {
        // a fresh object for any length above zero ('\0' is not written: the memory is zeroed)
        string s = new string('\0', length);
        text = System.Runtime.InteropServices.MemoryMarshal.CreateSpan(
            ref System.Runtime.CompilerServices.Unsafe.AsRef(in s.GetPinnableReference()), length);
        return s;
    }

    /// <summary>The one-code-point str at UTF-16 index i of s; moves i past it.</summary>
    internal static PyStr CodePointAt(string s, ref int i)
    {
        char c = s[i];
        if (!char.IsSurrogate(c)) { i++; return c < 256 ? _latin1[c] : new PyStr(c.ToString()); }
        int cp = CodePoints.At(s, i, out int w);
        i += w;
        return FromCodePoint(cp);
    }

    /// <summary>The one-code-point str for cp.</summary>
    public static PyStr FromCodePoint(int cp) => cp < 256 ? _latin1[cp] : new PyStr(CodePoints.FromCodePoint(cp));

    public long GetHash()
    {
        if (_hash != 0) return _hash;
        // the same value as Value.GetHashCode() (both hash the chars with the process's seed),
        // without making the System.String of a PyStrInline
        int h = string.GetHashCode(Span);
        if (h == -1 || h == 0) h = -2;
        _hash = h;
        return h;
    }

    /// <summary>len(self) in code points.</summary>
    public int CpLength
    {
        get
        {
            int n = _cpLength;
            if (n < 0) _cpLength = n = CodePoints.Length(Value);
            return n;
        }
    }

    /// <summary>True when code point indexes equal UTF-16 indexes (no surrogate pairs).</summary>
    public bool IsSimple => CpLength == CharLength;

    // For long strings with surrogate pairs: the UTF-16 index of every 32nd code point, built on
    // first use, so an index conversion walks at most 31 code points instead of the whole string.
    // Kept beside the object, not in a field: such strings are rare, and every str is 8 bytes
    // smaller for it (fewer bytes for the GC to copy when many strs survive).
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PyStr, int[]> s_checkpoints = new();
    const int CheckpointShift = 5;

    int[] Checkpoints()
    {
        if (s_checkpoints.TryGetValue(this, out var cps)) return cps;
        string s = Value;
        cps = new int[(CpLength >> CheckpointShift) + 1];
        for (int i = 0, n = 0; i <= s.Length; n++)
        {
            if ((n & ((1 << CheckpointShift) - 1)) == 0) cps[n >> CheckpointShift] = i;
            if (i == s.Length) break;
            i += char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
        }
        s_checkpoints.AddOrUpdate(this, cps);
        return cps;
    }

    /// <summary>UTF-16 index of code point index cp (0..CpLength).</summary>
    public int CharIndex(int cp)
    {
        if (IsSimple) return cp;
        string s = Value;
        if (s.Length < 64) return CodePoints.ToCharIndex(s, cp);
        int i = Checkpoints()[cp >> CheckpointShift];
        for (int k = cp & ((1 << CheckpointShift) - 1); k > 0; k--)
            i += char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
        return i;
    }

    /// <summary>Code point index of UTF-16 index ci (not inside a pair).</summary>
    public int CpIndex(int ci)
    {
        if (IsSimple) return ci;
        string s = Value;
        if (s.Length < 64) return CodePoints.ToCodePointIndex(s, ci);
        var cps = Checkpoints();
        int k = Array.BinarySearch(cps, ci);
        if (k >= 0) return k << CheckpointShift;
        k = ~k - 1;   // the last checkpoint before ci
        int i = cps[k], n = k << CheckpointShift;
        while (i < ci) { i += char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1; n++; }
        return n;
    }

    /// <summary>self[start:end] in code points, both already within 0..CpLength.</summary>
    public string Substring(int cpStart, int cpEnd)
    {
        if (cpEnd <= cpStart) return "";
        if (IsSimple) return Value.Substring(cpStart, cpEnd - cpStart);
        int a = CharIndex(cpStart);
        int b = CharIndex(cpEnd);
        return Value.Substring(a, b - a);
    }

    public override string ToString() => Value;

    /// <summary>Python's repr of a string (quotes chosen and escapes as CPython does).</summary>
    public static string ReprOf(string s) => Repr.Str(s);

    /// <summary>Orders two strings by code point (UTF-16 ordinal order differs from it once
    /// a surrogate pair meets a char in U+E000..U+FFFF).</summary>
    public static int CompareCodePoints(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        int i = a.AsSpan(0, n).CommonPrefixLength(b.AsSpan(0, n));
        if (i == n) return a.Length.CompareTo(b.Length);
        return KeyAt(a, i).CompareTo(KeyAt(b, i));
    }

    static int KeyAt(string s, int i)
    {
        char c = s[i];
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) return char.ConvertToUtf32(c, s[i + 1]);
        if (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(s[i - 1])) return char.ConvertToUtf32(s[i - 1], c);
        return c;
    }

    /// <summary>The text of a str argument, or CPython's "must be str, not X" TypeError.</summary>
    internal static string ArgStr(PyObject o, string prefix = "")
        => o is PyStr s ? s.Value : throw PyExc.TypeError($"{prefix}must be str, not {o.Type.Name}");

    /// <summary>Maps an error of the plain-.NET text algorithms to the Python exception.</summary>
    internal static PyException Raise(FormatError e, PyObject? input = null)
    {
        if (e.PyType == "KeyError")
            return PyExc.KeyError(e.Key switch { string s => new PyStr(s), System.Numerics.BigInteger b => PyInt.From(b), long l => PyInt.From(l), int i => PyInt.From(i), _ => new PyStr(e.Message) });
        if ((e.PyType == "UnicodeEncodeError" || e.PyType == "UnicodeDecodeError") && input != null)
            return PyStrCodecs.UnicodeError(e.PyType == "UnicodeEncodeError", e.Encoding ?? "", input, e.Start, e.End, e.Reason ?? e.Message);
        var t = e.PyType switch
        {
            "ValueError" => ExceptionTypes.ValueError,
            "TypeError" => ExceptionTypes.TypeError,
            "OverflowError" => ExceptionTypes.OverflowError,
            "IndexError" => ExceptionTypes.IndexError,
            "ZeroDivisionError" => ExceptionTypes.ZeroDivisionError,
            "LookupError" => ExceptionTypes.LookupError,
            "MemoryError" => ExceptionTypes.MemoryError,
            _ => ExceptionTypes.ValueError,
        };
        return PyExc.New(t, e.Message);
    }

    // ---------------- construction ----------------

    static readonly Signature s_newSig = new("str", new[] { "object", "encoding", "errors" }, 0, 3, 0, false, false);
    static readonly bool[] s_allOptional = { true, true, true };

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        string s;
        if (args.Length == 1 && kwnames == null)
        {
            // str(x) is x.__str__() itself, a str subclass instance included (as CPython's
            // unicode_new returns PyObject_Str's result): no second object for the same text
            var r = Ops.Str(ts, args[0]);
            if (cls == TypeObjects.Str) return r;
            s = r.Value;
        }
        else if (args.Length == 0) s = "";
        else
        {
            // PyArg_ParseTupleAndKeywords' count check comes before any name is looked at
            int given = args.Length;   // keyword values included (vectorcall layout)
            if (given > 3) throw PyExc.TypeError($"str() takes at most 3 arguments ({given} given)");
            var bound = new PyObject?[3];
            s_newSig.Bind(ts, args, kwnames, bound, null, null, s_allOptional);
            var obj = bound[0];
            if (bound[1] == null && bound[2] == null) s = obj == null ? "" : Ops.StrString(ts, obj);
            else
            {
                string encoding = bound[1] == null ? "utf-8" : NativeConvert.ToStr(bound[1], "str", "encoding");
                string errors = bound[2] == null ? "strict" : NativeConvert.ToStr(bound[2], "str", "errors");
                obj ??= PyBytes.Empty;
                if (obj is PyStr) throw PyExc.TypeError("decoding str is not supported");
                if (!PyBytes.TryGetBuffer(obj, out var data))
                    throw PyExc.TypeError($"decoding to str: need a bytes-like object, {obj.Type.Name} found");
                s = PyStrCodecs.Decode(ts, data, encoding, errors, obj);
            }
        }
        return cls == TypeObjects.Str ? From(s) : new PyStrSubclass(cls, s);
    }

    // ---------------- slots ----------------

    [PySlot("__repr__")] static PyObject ReprSlot(ThreadState ts, PyObject self) => new PyStr(Repr.Str(((PyStr)self).Value));
    [PySlot("__str__")] static PyObject Str(ThreadState ts, PyObject self) => self.Type == TypeObjects.Str ? self : From(((PyStr)self).Value);
    [PySlot("__hash__")] static long Hash(ThreadState ts, PyObject self) => ((PyStr)self).GetHash();
    [PySlot("__len__")] static long Len(ThreadState ts, PyObject self) => ((PyStr)self).CpLength;

    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if (a is not PyStr x || b is not PyStr y) return PyNotImplemented.Value;
        if (op == CompareOp.Eq) return PyBool.From(TextEquals(x, y));
        if (op == CompareOp.Ne) return PyBool.From(!TextEquals(x, y));
        int c = CompareCodePoints(x.Value, y.Value);
        return PyBool.From(op switch
        {
            CompareOp.Lt => c < 0, CompareOp.Le => c <= 0, CompareOp.Gt => c > 0, _ => c >= 0,
        });
    }

    [PySlot("__add__")]
    static PyObject Add(ThreadState ts, PyObject a, PyObject b)
    {
        if (a is PyStr x && b is PyStr y) return Concat(x, y);
        if (a is PyStr && !b.Type.IsHeapType)
            throw PyExc.TypeError($"can only concatenate str (not \"{b.Type.Name}\") to str");
        return PyNotImplemented.Value;
    }

    /// <summary>a + b for two strs (the `+` slot and the VM's fast path): CPython's result
    /// (the left operand itself when the right one is empty, and the reverse, for exact strs),
    /// and amortised O(1) appends: a long result is a PyStrAppendable, and appending to one
    /// writes into its spare buffer room (CPython appends in place when the left operand's
    /// reference count is one; here the buffer remembers which str reaches its end).</summary>
    public static PyStr Concat(PyStr a, PyStr b)
    {
        int bn = b.CharLength;
        if (bn == 0 && a.Type == TypeObjects.Str) return a;
        if (a is PyStrAppendable pa) return pa.Append(b);
        int an = a.CharLength;
        if (an == 0 && b.Type == TypeObjects.Str) return b;
        if ((long)an + bn > int.MaxValue) throw PyExc.OverflowError("strings are too large to concat");
        if (an + bn >= PyStrAppendable.MinLength) return new PyStrAppendable(a, b);
        if (an + bn <= PyStrInline.MaxLength)
        {
            Span<char> buf = stackalloc char[PyStrInline.MaxLength];
            a.CopyTextTo(buf);
            b.CopyTextTo(buf.Slice(an));
            return FromSpan(buf.Slice(0, an + bn));
        }
        return new PyStr(string.Concat(a.Value, b.Value));
    }

    /// <summary>BUILD_STRING (f-strings): the parts, all str, joined into one str with a single
    /// allocation of the text (a lone exact str is the result itself, as in CPython).</summary>
    public static PyStr Concat(ReadOnlySpan<PyObject?> parts)
    {
        static string V(PyObject? p) => ((PyStr)p!).Value;
        if (parts.Length == 1) return parts[0]!.Type == TypeObjects.Str ? (PyStr)parts[0]! : From(V(parts[0]));
        // a short result is written into one PyStrInline: no System.String for it nor its parts
        int total = 0;
        foreach (var p in parts)
        {
            total += ((PyStr)p!).CharLength;
            if (total > PyStrInline.MaxLength) break;
        }
        if (total <= PyStrInline.MaxLength)
        {
            Span<char> buf = stackalloc char[PyStrInline.MaxLength];
            int pos = 0;
            foreach (var p in parts)
            {
                var part = (PyStr)p!;
                var v = part._value;
                if (v != null) { v.CopyTo(buf.Slice(pos)); pos += v.Length; }
                else { int n = part.CharLength; part.CopyTextTo(buf.Slice(pos, n)); pos += n; }
            }
            return FromSpan(buf.Slice(0, pos));
        }
        switch (parts.Length)
        {
            case 0: return Empty;
            case 2: return From(string.Concat(V(parts[0]), V(parts[1])));
            case 3: return From(string.Concat(V(parts[0]), V(parts[1]), V(parts[2])));
            case 4: return From(string.Concat(V(parts[0]), V(parts[1]), V(parts[2]), V(parts[3])));
        }
        var texts = new string[parts.Length];
        for (int i = 0; i < texts.Length; i++) texts[i] = V(parts[i]);
        return From(string.Concat(texts));
    }

    /// <summary>The repeat count of seq * n, or null when n is not an integer (the caller
    /// then returns NotImplemented, or raises CPython's sequence message for builtin types).</summary>
    internal static long? RepeatCount(ThreadState ts, PyObject n)
    {
        if (n is PyInt i)
        {
            if (!i.FitsLong) throw PyExc.OverflowError("cannot fit 'int' into an index-sized integer");
            return i.Small;
        }
        if (n.Type.Index != null)
        {
            var v = Ops.Index(ts, n);
            if (!v.FitsLong) throw PyExc.OverflowError("cannot fit 'int' into an index-sized integer");
            return v.Small;
        }
        if (!n.Type.IsHeapType) throw PyExc.TypeError($"can't multiply sequence by non-int of type '{n.Type.Name}'");
        return null;
    }

    [PySlot("__mul__", "__rmul__")]
    static PyObject Mul(ThreadState ts, PyObject a, PyObject b)
    {
        var (s, n) = a is PyStr x ? (x, b) : ((PyStr)b, a);
        var k = RepeatCount(ts, n);
        if (k == null) return PyNotImplemented.Value;
        long count = k.Value;
        if (count <= 0 || s.Value.Length == 0) return Empty;
        if (count == 1 && s.Type == TypeObjects.Str) return s;
        if (count > int.MaxValue / s.Value.Length) throw PyExc.OverflowError("repeated string is too long");
        // the text once, then the filled part copied onto the rest, doubling: O(log n) block copies
        var text = s.Value;
        var result = NewText(text.Length * (int)count, out var dst);
        text.CopyTo(dst);
        for (int filled = text.Length; filled < dst.Length; filled *= 2)
            dst.Slice(0, Math.Min(filled, dst.Length - filled)).CopyTo(dst.Slice(filled));
        return new PyStr(result);
    }

    [PySlot("__mod__", "__rmod__")]
    static PyObject Mod(ThreadState ts, PyObject a, PyObject b)
    {
        if (a is not PyStr fmt) return PyNotImplemented.Value;
        return Percent(ts, fmt, b);
    }

    /// <summary>fmt % args (the VM calls it directly when args is of a builtin type).</summary>
    public static PyStr Percent(ThreadState ts, PyStr fmt, PyObject args)
        => PercentFast(fmt.Value, args) ?? new PyStr(PercentFormatStr(ts, fmt.Value, args));

    [PySlot("__contains__")]
    static bool Contains(ThreadState ts, PyObject self, PyObject item)
    {
        if (item is not PyStr s) throw PyExc.TypeError($"'in <string>' requires string as left operand, not {item.Type.Name}");
        return ((PyStr)self).Value.Contains(s.Value, StringComparison.Ordinal);
    }

    [PySlot("__getitem__")]
    static PyObject GetItem(ThreadState ts, PyObject self, PyObject key)
    {
        var str = (PyStr)self;
        var s = str.Value;
        if (key is PyInt pi)
        {
            if (!pi.FitsLong) throw PyExc.IndexError("cannot fit 'int' into an index-sized integer");
            return str.ItemAt(pi.Small);
        }
        if (key is PySlice slice) return str.Slice(ts, slice);
        if (key.Type.Index != null)
        {
            var iv = Ops.Index(ts, key);
            if (!iv.FitsLong) throw PyExc.IndexError("cannot fit 'int' into an index-sized integer");
            return str.ItemAt(iv.Small);
        }
        throw PyExc.TypeError($"string indices must be integers, not '{key.Type.Name}'");
    }

    /// <summary>self[k] for a code point index k (negative counts from the end).</summary>
    PyObject ItemAt(long k)
    {
        int len = CpLength;
        if (k < 0) k += len;
        if ((ulong)k >= (ulong)len) throw PyExc.IndexError("string index out of range");
        if (IsSimple) return FromCodePoint(Value[(int)k]);
        return FromCodePoint(CodePoints.At(Value, CharIndex((int)k), out _));
    }

    /// <summary>self[slice] in code points (PySlice_Unpack + PySlice_AdjustIndices, as CPython).</summary>
    PyObject Slice(ThreadState ts, PySlice slice)
    {
        long count = slice.GetIndices(ts, CpLength, out long start, out long stop, out long step);
        if (count <= 0) return Empty;
        if (step == 1)
        {
            if (count == CpLength && Type == TypeObjects.Str) return this;
            return From(Substring((int)start, (int)stop));
        }
        var s = Value;
        if (IsSimple)
        {
            if (count == 1) return FromCodePoint(s[(int)start]);
            // written straight into the result: no builder, one allocation
            var result = NewText((int)count, out var dst);
            for (int i = 0, j = (int)start; i < dst.Length; i++, j += (int)step) dst[i] = s[j];
            return new PyStr(result);
        }
        var sb = new StringBuilder((int)count);
        var cps = CodePoints.ToArray(s);
        for (long i = 0, j = start; i < count; i++, j += step) UnicodeInfo.AppendCodePoint(sb, cps[(int)j]);
        return From(sb.ToString());
    }

    [PySlot("__iter__")]
    static PyObject Iter(ThreadState ts, PyObject self) => new PyStrIterator((PyStr)self);

    [PyMethod]
    static PyObject __format__(ThreadState ts, PyStr self, PyObject format_spec)
    {
        if (format_spec is not PyStr spec) throw PyExc.TypeError($"__format__() argument must be str, not {format_spec.Type.Name}");
        if (spec.Value.Length == 0) return Str(ts, self);
        try { return From(FormatSpec.FormatStr(self.Value, spec.Value, self.Type.Name)); }
        catch (FormatError e) { throw Raise(e); }
    }

    [PyMethod] static PyObject __getnewargs__(ThreadState ts, PyStr self) => PyTuple.Of(From(self.Value));

    [PyMethod]
    static long __sizeof__(ThreadState ts, PyStr self)
    {
        // CPython's compact layouts: 1, 2 or 4 bytes per code point plus the header.
        int max = 0;
        foreach (var r in self.Value.EnumerateRunes()) if (r.Value > max) max = r.Value;
        int n = self.CpLength;
        if (max < 128) return 49 + n;
        if (max < 256) return 72 + (n + 1);
        if (max < 0x10000) return 72 + 2 * (n + 1);
        return 72 + 4 * (n + 1);
    }
}
