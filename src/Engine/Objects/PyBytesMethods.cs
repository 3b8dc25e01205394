#nullable enable
using System.Text;
using StacklessIron.Objects.Formatting;
using System;
using System.Collections.Generic;
namespace StacklessIron.Objects;

/// <summary>
/// The methods and operators bytes and bytearray share (CPython's Objects/bytes_methods.c and
/// the common parts of bytesobject.c / bytearrayobject.c). Each type fills its namespace from
/// the closed generic class (PyBytesMethods&lt;PyBytes&gt;, PyBytesMethods&lt;PyByteArray&gt;), so
/// `self` is checked against the right type and results are of the caller's kind. Character
/// classes and case mappings are ASCII-only, as in CPython.
/// </summary>
public static class PyBytesMethods<T> where T : PyObject, IPyBytesLike
{
    static PyObject Make(T self, byte[] data) => self.Make(data);
    static PyObject Make(T self, ReadOnlySpan<byte> data) => self.Make(data.ToArray());
    static string Kind(T self) => self is PyByteArray ? "bytearray" : "bytes";

    // ---------------- argument helpers ----------------

    /// <summary>A find/count/index/in argument: an int byte value or a bytes-like object.</summary>
    static byte[] SubArg(ThreadState ts, PyObject o)
    {
        if (PyBytes.TryGetBuffer(o, out var m)) return m.ToArray();
        if (o is PyInt || o.Type.Index != null) return new[] { PyBytes.ByteValue(ts, o) };
        throw PyExc.TypeError($"argument should be integer or bytes-like object, not '{o.Type.Name}'");
    }

    static byte[] BufArg(PyObject o) => PyBytes.Buffer(o).ToArray();

    static bool IsSpace(byte b) => b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0b || b == 0x0c;
    static bool IsLower(byte b) => b >= 'a' && b <= 'z';
    static bool IsUpper(byte b) => b >= 'A' && b <= 'Z';
    static bool IsAlpha(byte b) => IsLower(b) || IsUpper(b);
    static bool IsDigit(byte b) => b >= '0' && b <= '9';

    // ---------------- sequence protocol ----------------

    [PySlot("__len__")] static long Len(ThreadState ts, PyObject self) => ((T)self).Span.Length;

    [PySlot("__getitem__")]
    static PyObject GetItem(ThreadState ts, PyObject selfObj, PyObject key)
    {
        var self = (T)selfObj;
        if (key is PyInt || key.Type.Index != null)
        {
            var iv = key is PyInt pi ? pi : Ops.Index(ts, key);
            if (!iv.FitsLong) throw PyExc.IndexError("cannot fit 'int' into an index-sized integer");
            var span = self.Span;
            long k = iv.Small;
            if (k < 0) k += span.Length;
            if (k < 0 || k >= span.Length) throw PyExc.IndexError(self is PyByteArray ? "bytearray index out of range" : "index out of range");
            return PyInt.From(span[(int)k]);
        }
        if (key is PySlice)
        {
            long count = ((PySlice)key).GetIndices(ts, self.Span.Length, out long start, out _, out long step);
            var span = self.Span;
            if (count <= 0) return Make(self, Array.Empty<byte>());
            if (step == 1) return count == span.Length ? self.SameOrCopy() : Make(self, span.Slice((int)start, (int)count));
            var r = new byte[count];
            for (long i = 0, j = start; i < count; i++, j += step) r[i] = span[(int)j];
            return Make(self, r);
        }
        throw PyExc.TypeError($"{(self is PyByteArray ? "bytearray" : "byte")} indices must be integers or slices, not {key.Type.Name}");
    }

    [PySlot("__contains__")]
    static bool Contains(ThreadState ts, PyObject self, PyObject item)
    {
        if (item is PyInt || (item.Type.Index != null && !PyBytes.TryGetBuffer(item, out _)))
            return ((T)self).Span.IndexOf(PyBytes.ByteValue(ts, item)) >= 0;
        return ((T)self).Span.IndexOf(BufArg(item)) >= 0;
    }

    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if ((a is not PyBytes && a is not PyByteArray) || (b is not PyBytes && b is not PyByteArray)) return PyNotImplemented.Value;
        var x = ((IPyBytesLike)a).Span;
        var y = ((IPyBytesLike)b).Span;
        if (op == CompareOp.Eq) return PyBool.From(x.SequenceEqual(y));
        if (op == CompareOp.Ne) return PyBool.From(!x.SequenceEqual(y));
        return PyBool.From(Ops.CompareResult(x.SequenceCompareTo(y), op));
    }

    [PySlot("__add__")]
    static PyObject Add(ThreadState ts, PyObject a, PyObject b)
    {
        if (a is not T self) return PyNotImplemented.Value;
        if (!PyBytes.TryGetBuffer(b, out var other))
        {
            if (b.Type.IsHeapType) return PyNotImplemented.Value;
            throw PyExc.TypeError($"can't concat {b.Type.Name} to {Kind(self)}");
        }
        var x = self.Span;
        var r = new byte[x.Length + other.Length];
        x.CopyTo(r);
        other.Span.CopyTo(r.AsSpan(x.Length));
        return Make(self, r);
    }

    [PySlot("__mul__", "__rmul__")]
    static PyObject Mul(ThreadState ts, PyObject a, PyObject b)
    {
        var (self, n) = a is T x ? (x, b) : ((T)b, a);
        var k = PyStr.RepeatCount(ts, n);
        if (k == null) return PyNotImplemented.Value;
        return Make(self, Repeat(self.Span, k.Value));
    }

    internal static byte[] Repeat(ReadOnlySpan<byte> s, long count)
    {
        if (count <= 0 || s.Length == 0) return Array.Empty<byte>();
        if (count > int.MaxValue / s.Length) throw PyExc.MemoryError();
        var r = new byte[s.Length * count];
        for (long i = 0; i < count; i++) s.CopyTo(r.AsSpan((int)(i * s.Length)));
        return r;
    }

    [PySlot("__mod__", "__rmod__")]
    static PyObject Mod(ThreadState ts, PyObject a, PyObject b)
    {
        if (a is not T self) return PyNotImplemented.Value;
        try { return Make(self, PercentFormat.FormatBytes(self.Span.ToArray(), b, new PyStrFormatHost(ts))); }
        catch (FormatError e) { throw PyStr.Raise(e); }
    }

    // ---------------- searching ----------------

    static void Adjust(ThreadState ts, T self, PyObject? start, PyObject? end, out int s, out int e)
        => PyStr.AdjustIndices(ts, start, end, self.Span.Length, out s, out e);

    static long FindCore(ThreadState ts, T self, PyObject sub, PyObject? start, PyObject? end, bool reverse)
    {
        var t = SubArg(ts, sub);
        Adjust(ts, self, start, end, out int s, out int e);
        if (e - s < t.Length) return -1;
        if (t.Length == 0) return reverse ? e : s;
        var span = self.Span.Slice(s, e - s);
        int k = reverse ? span.LastIndexOf(t) : span.IndexOf(t);
        return k < 0 ? -1 : k + s;
    }

    [PyMethod] static long find(ThreadState ts, T self, PyObject sub, PyObject? start = null, PyObject? end = null) => FindCore(ts, self, sub, start, end, false);
    [PyMethod] static long rfind(ThreadState ts, T self, PyObject sub, PyObject? start = null, PyObject? end = null) => FindCore(ts, self, sub, start, end, true);
    [PyMethod]
    static long index(ThreadState ts, T self, PyObject sub, PyObject? start = null, PyObject? end = null)
    {
        long r = FindCore(ts, self, sub, start, end, false);
        return r >= 0 ? r : throw PyExc.ValueError("subsection not found");
    }
    [PyMethod]
    static long rindex(ThreadState ts, T self, PyObject sub, PyObject? start = null, PyObject? end = null)
    {
        long r = FindCore(ts, self, sub, start, end, true);
        return r >= 0 ? r : throw PyExc.ValueError("subsection not found");
    }

    [PyMethod]
    static long count(ThreadState ts, T self, PyObject sub, PyObject? start = null, PyObject? end = null)
    {
        var t = SubArg(ts, sub);
        Adjust(ts, self, start, end, out int s, out int e);
        if (e - s < 0) return 0;
        if (t.Length == 0) return e - s + 1;
        var span = self.Span.Slice(s, Math.Max(0, e - s));
        long n = 0;
        while (true)
        {
            int k = span.IndexOf(t);
            if (k < 0) return n;
            n++;
            span = span.Slice(k + t.Length);
        }
    }

    static bool TailMatch(ThreadState ts, T self, byte[] sub, PyObject? start, PyObject? end, bool atEnd)
    {
        Adjust(ts, self, start, end, out int s, out int e);
        if ((long)e - sub.Length < s) return false;
        if (sub.Length == 0) return true;
        var span = self.Span.Slice(s, e - s);
        return atEnd ? span.EndsWith(sub) : span.StartsWith(sub);
    }

    static bool StartsOrEnds(ThreadState ts, T self, string name, PyObject prefix, PyObject? start, PyObject? end, bool atEnd)
    {
        if (prefix is PyTuple t)
        {
            foreach (var item in t.Items)
                if (TailMatch(ts, self, BufArg(item), start, end, atEnd)) return true;
            return false;
        }
        if (!PyBytes.TryGetBuffer(prefix, out var m))
            throw PyExc.TypeError($"{name} first arg must be bytes or a tuple of bytes, not {prefix.Type.Name}");
        return TailMatch(ts, self, m.ToArray(), start, end, atEnd);
    }

    [PyMethod] static bool startswith(ThreadState ts, T self, PyObject prefix, PyObject? start = null, PyObject? end = null) => StartsOrEnds(ts, self, "startswith", prefix, start, end, false);
    [PyMethod] static bool endswith(ThreadState ts, T self, PyObject suffix, PyObject? start = null, PyObject? end = null) => StartsOrEnds(ts, self, "endswith", suffix, start, end, true);

    [PyMethod]
    static PyObject removeprefix(ThreadState ts, T self, PyObject prefix)
    {
        var p = BufArg(prefix);
        var s = self.Span;
        return p.Length > 0 && s.StartsWith(p) ? Make(self, s.Slice(p.Length)) : self.SameOrCopy();
    }

    [PyMethod]
    static PyObject removesuffix(ThreadState ts, T self, PyObject suffix)
    {
        var p = BufArg(suffix);
        var s = self.Span;
        return p.Length > 0 && s.EndsWith(p) ? Make(self, s.Slice(0, s.Length - p.Length)) : self.SameOrCopy();
    }

    // ---------------- split / join / partition ----------------

    [PyMethod]
    static PyObject split(ThreadState ts, T self, [PyKeyword] PyObject? sep = null, PyObject? maxsplit = null) => SplitCore(ts, self, sep, maxsplit, false);
    [PyMethod]
    static PyObject rsplit(ThreadState ts, T self, [PyKeyword] PyObject? sep = null, PyObject? maxsplit = null) => SplitCore(ts, self, sep, maxsplit, true);

    static PyObject SplitCore(ThreadState ts, T self, PyObject? sepObj, PyObject? maxObj, bool reverse)
    {
        long max = maxObj == null ? -1 : PyStr.SizeArg(ts, maxObj);
        if (max < 0) max = long.MaxValue;
        if (!reverse && sepObj != null && sepObj.Type == PyBytes.TypeObject) return SplitOnBytes(self, ((PyBytes)sepObj).Span, max);
        var s = self.Span.ToArray();
        var parts = new List<PyObject>();
        int n = s.Length;
        if (sepObj == null || sepObj == PyNone.Value)
        {
            if (!reverse)
            {
                int i = 0;
                while (max-- > 0)
                {
                    while (i < n && IsSpace(s[i])) i++;
                    if (i == n) break;
                    int j = i;
                    while (i < n && !IsSpace(s[i])) i++;
                    parts.Add(Make(self, s.AsSpan(j, i - j)));
                }
                if (i < n)
                {
                    while (i < n && IsSpace(s[i])) i++;
                    if (i != n) parts.Add(Make(self, s.AsSpan(i)));
                }
            }
            else
            {
                int i = n - 1;
                while (max-- > 0)
                {
                    while (i >= 0 && IsSpace(s[i])) i--;
                    if (i < 0) break;
                    int j = i;
                    while (i >= 0 && !IsSpace(s[i])) i--;
                    parts.Add(Make(self, s.AsSpan(i + 1, j - i)));
                }
                if (i >= 0)
                {
                    while (i >= 0 && IsSpace(s[i])) i--;
                    if (i >= 0) parts.Add(Make(self, s.AsSpan(0, i + 1)));
                }
                parts.Reverse();
            }
            return new PyList(parts.ToArray());
        }
        var sep = BufArg(sepObj);
        if (sep.Length == 0) throw PyExc.ValueError("empty separator");
        if (!reverse)
        {
            int pos = 0;
            while (max > 0)
            {
                int k = s.AsSpan(pos).IndexOf(sep);
                if (k < 0) break;
                parts.Add(Make(self, s.AsSpan(pos, k)));
                pos += k + sep.Length;
                max--;
            }
            parts.Add(Make(self, s.AsSpan(pos)));
        }
        else
        {
            int end = n;
            while (max > 0)
            {
                int k = s.AsSpan(0, end).LastIndexOf(sep);
                if (k < 0) break;
                parts.Add(Make(self, s.AsSpan(k + sep.Length, end - k - sep.Length)));
                end = k;
                max--;
            }
            parts.Add(Make(self, s.AsSpan(0, end)));
            parts.Reverse();
        }
        return new PyList(parts.ToArray());
    }

    /// <summary>split() on a bytes separator (`line.split(b':', 1)`): the pieces counted
    /// first, then cut straight from the buffer into the list's array (no copy of the buffer
    /// nor of the separator, no growing list). No Python code runs in between, so the span
    /// of a bytearray stays valid.</summary>
    static PyObject SplitOnBytes(T self, ReadOnlySpan<byte> sep, long max)
    {
        if (sep.Length == 0) throw PyExc.ValueError("empty separator");
        var s = self.Span;
        long pieces = 1;
        for (int pos = 0; pieces <= max;)
        {
            int k = s.Slice(pos).IndexOf(sep);
            if (k < 0) break;
            pieces++;
            pos += k + sep.Length;
        }
        var items = new PyObject[pieces];
        int at = 0;
        for (int p = 0; p < items.Length - 1; p++)
        {
            int k = s.Slice(at).IndexOf(sep);
            items[p] = Make(self, s.Slice(at, k));
            at += k + sep.Length;
        }
        items[^1] = Make(self, s.Slice(at));
        return new PyList(items);
    }

    [PyMethod]
    static PyObject splitlines(ThreadState ts, T self, [PyKeyword] PyObject? keepends = null)
    {
        bool keep = keepends != null && (keepends is PyInt ki ? ki.Sign != 0 : Ops.Index(ts, keepends).Sign != 0);
        var s = self.Span.ToArray();
        var parts = new List<PyObject>();
        int i = 0, n = s.Length;
        while (i < n)
        {
            int j = i;
            while (i < n && s[i] != '\n' && s[i] != '\r') i++;
            int eol = i;
            if (i < n)
            {
                if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') i += 2; else i++;
                if (keep) eol = i;
            }
            parts.Add(Make(self, s.AsSpan(j, eol - j)));
        }
        return new PyList(parts.ToArray());
    }

    [PyMethod]
    static PyObject partition(ThreadState ts, T self, PyObject sep)
    {
        var p = BufArg(sep);
        if (p.Length == 0) throw PyExc.ValueError("empty separator");
        var s = self.Span;
        int k = s.IndexOf(p);
        if (k < 0) return PyTuple.Of(self.SameOrCopy(), Make(self, Array.Empty<byte>()), Make(self, Array.Empty<byte>()));
        return PyTuple.Of(Make(self, s.Slice(0, k)), Make(self, p), Make(self, s.Slice(k + p.Length)));
    }

    [PyMethod]
    static PyObject rpartition(ThreadState ts, T self, PyObject sep)
    {
        var p = BufArg(sep);
        if (p.Length == 0) throw PyExc.ValueError("empty separator");
        var s = self.Span;
        int k = s.LastIndexOf(p);
        if (k < 0) return PyTuple.Of(Make(self, Array.Empty<byte>()), Make(self, Array.Empty<byte>()), self.SameOrCopy());
        return PyTuple.Of(Make(self, s.Slice(0, k)), Make(self, p), Make(self, s.Slice(k + p.Length)));
    }

    [PyMethod]
    static PyObject join(ThreadState ts, T self, PyObject iterable_of_bytes)
    {
        if (iterable_of_bytes.Type.Iter == null && iterable_of_bytes.Type.GetItem == null) throw PyExc.TypeError("can only join an iterable");
        var items = Ops.ToArray(ts, iterable_of_bytes);
        var sep = self.Span.ToArray();
        var parts = new byte[items.Length][];
        long total = 0;
        for (int i = 0; i < items.Length; i++)
        {
            if (!PyBytes.TryGetBuffer(items[i], out var m))
                throw PyExc.TypeError($"sequence item {i}: expected a bytes-like object, {items[i].Type.Name} found");
            parts[i] = m.ToArray();
            total += parts[i].Length + (i > 0 ? sep.Length : 0);
        }
        if (total > int.MaxValue) throw PyExc.OverflowError("join() result is too long");
        var r = new byte[total];
        int pos = 0;
        for (int i = 0; i < parts.Length; i++)
        {
            if (i > 0) { sep.CopyTo(r, pos); pos += sep.Length; }
            parts[i].CopyTo(r, pos);
            pos += parts[i].Length;
        }
        return Make(self, r);
    }

    // ---------------- replace / translate ----------------

    [PyMethod]
    static PyObject replace(ThreadState ts, T self, PyObject old, PyObject @new, PyObject? count = null)
    {
        var o = BufArg(old);
        var r = BufArg(@new);
        long max = count == null ? -1 : PyStr.SizeArg(ts, count);
        if (max < 0) max = long.MaxValue;
        var s = self.Span.ToArray();
        var outp = new List<byte>(s.Length);
        if (max == 0) return self.SameOrCopy();
        if (o.Length == 0)
        {
            int i = 0;
            while (i < s.Length && max > 0) { outp.AddRange(r); outp.Add(s[i++]); max--; }
            if (max > 0) outp.AddRange(r);
            outp.AddRange(s.AsSpan(i).ToArray());
            return Make(self, outp.ToArray());
        }
        int pos = 0;
        bool any = false;
        while (max > 0)
        {
            int k = s.AsSpan(pos).IndexOf(o);
            if (k < 0) break;
            outp.AddRange(s.AsSpan(pos, k).ToArray());
            outp.AddRange(r);
            pos += k + o.Length;
            max--;
            any = true;
        }
        if (!any) return self.SameOrCopy();
        outp.AddRange(s.AsSpan(pos).ToArray());
        return Make(self, outp.ToArray());
    }

    [PyMethod]
    static PyObject translate(ThreadState ts, T self, PyObject? table, [PyKeyword] PyObject? delete = null)
    {
        byte[]? map = null;
        if (table != null && table != PyNone.Value)
        {
            map = BufArg(table);
            if (map.Length != 256) throw PyExc.ValueError("translation table must be 256 characters long");
        }
        var del = delete == null ? Array.Empty<byte>() : BufArg(delete);
        var s = self.Span;
        var r = new List<byte>(s.Length);
        foreach (byte b in s)
        {
            if (del.Length > 0 && Array.IndexOf(del, b) >= 0) continue;
            r.Add(map == null ? b : map[b]);
        }
        if (map == null && r.Count == s.Length) return self.SameOrCopy();
        return Make(self, r.ToArray());
    }

    [PyStaticMethod]
    static PyObject maketrans(ThreadState ts, PyObject frm, PyObject to)
    {
        var a = BufArg(frm);
        var b = BufArg(to);
        if (a.Length != b.Length) throw PyExc.ValueError("maketrans arguments must have same length");
        var r = new byte[256];
        for (int i = 0; i < 256; i++) r[i] = (byte)i;
        for (int i = 0; i < a.Length; i++) r[a[i]] = b[i];
        return PyBytes.From(r);
    }

    // ---------------- padding / stripping ----------------

    static byte FillByte(PyObject? fill, string name)
    {
        if (fill == null) return (byte)' ';
        if ((fill is PyBytes || fill is PyByteArray) && ((IPyBytesLike)fill).Span.Length == 1) return ((IPyBytesLike)fill).Span[0];
        throw PyExc.TypeError($"{name}() argument 2 must be a byte string of length 1, not {fill.Type.Name}");
    }

    static PyObject Pad(T self, long left, long right, byte fill)
    {
        if (left < 0) left = 0;
        if (right < 0) right = 0;
        var s = self.Span;
        if (left == 0 && right == 0) return self.SameOrCopy();
        if (left + right + s.Length > int.MaxValue) throw PyExc.OverflowError("padded bytes is too long");
        var r = new byte[left + right + s.Length];
        r.AsSpan(0, (int)left).Fill(fill);
        s.CopyTo(r.AsSpan((int)left));
        r.AsSpan((int)left + s.Length).Fill(fill);
        return Make(self, r);
    }

    [PyMethod]
    static PyObject center(ThreadState ts, T self, PyObject width, PyObject? fillchar = null)
    {
        long w = PyStr.SizeArg(ts, width);
        byte f = FillByte(fillchar, "center");
        long marg = w - self.Span.Length;
        if (marg <= 0) return self.SameOrCopy();
        long left = marg / 2 + (marg & w & 1);
        return Pad(self, left, marg - left, f);
    }

    [PyMethod]
    static PyObject ljust(ThreadState ts, T self, PyObject width, PyObject? fillchar = null)
        => Pad(self, 0, PyStr.SizeArg(ts, width) - self.Span.Length, FillByte(fillchar, "ljust"));

    [PyMethod]
    static PyObject rjust(ThreadState ts, T self, PyObject width, PyObject? fillchar = null)
        => Pad(self, PyStr.SizeArg(ts, width) - self.Span.Length, 0, FillByte(fillchar, "rjust"));

    [PyMethod]
    static PyObject zfill(ThreadState ts, T self, PyObject width)
    {
        long w = PyStr.SizeArg(ts, width);
        var s = self.Span;
        long fill = w - s.Length;
        if (fill <= 0) return self.SameOrCopy();
        var r = new byte[w];
        int start = 0;
        if (s.Length > 0 && (s[0] == '+' || s[0] == '-')) { r[0] = s[0]; start = 1; }
        r.AsSpan(start, (int)fill).Fill((byte)'0');
        s.Slice(start).CopyTo(r.AsSpan(start + (int)fill));
        return Make(self, r);
    }

    static PyObject StripCore(T self, PyObject? chars, bool left, bool right)
    {
        var s = self.Span;
        int i = 0, j = s.Length;
        if (chars == null || chars == PyNone.Value)
        {
            if (left) while (i < j && IsSpace(s[i])) i++;
            if (right) while (j > i && IsSpace(s[j - 1])) j--;
        }
        else
        {
            var set = BufArg(chars);
            if (left) while (i < j && Array.IndexOf(set, s[i]) >= 0) i++;
            if (right) while (j > i && Array.IndexOf(set, s[j - 1]) >= 0) j--;
        }
        if (i == 0 && j == s.Length) return self.SameOrCopy();
        return Make(self, s.Slice(i, j - i));
    }

    [PyMethod] static PyObject strip(ThreadState ts, T self, PyObject? bytes = null) => StripCore(self, bytes, true, true);
    [PyMethod] static PyObject lstrip(ThreadState ts, T self, PyObject? bytes = null) => StripCore(self, bytes, true, false);
    [PyMethod] static PyObject rstrip(ThreadState ts, T self, PyObject? bytes = null) => StripCore(self, bytes, false, true);

    [PyMethod]
    static PyObject expandtabs(ThreadState ts, T self, [PyKeyword] PyObject? tabsize = null)
    {
        long tab = tabsize == null ? 8 : PyStr.SizeArg(ts, tabsize);
        var r = new List<byte>();
        long col = 0;
        foreach (byte b in self.Span)
        {
            if (b == '\t')
            {
                if (tab > 0)
                {
                    long inc = tab - col % tab;
                    if (r.Count + inc > int.MaxValue / 2) throw PyExc.OverflowError("result too long");
                    for (long k = 0; k < inc; k++) r.Add((byte)' ');
                    col += inc;
                }
            }
            else
            {
                r.Add(b);
                col++;
                if (b == '\n' || b == '\r') col = 0;
            }
        }
        return Make(self, r.ToArray());
    }

    // ---------------- case (ASCII) ----------------

    /// <summary>lower()/upper(): ASCII letters changed, every other byte kept; the ASCII
    /// run by the vectorised converter, the rest (from the first byte >= 0x80) byte by byte.</summary>
    static PyObject MapCase(T self, bool toLower)
    {
        var s = self.Span;
        var r = new byte[s.Length];
        var status = toLower ? System.Text.Ascii.ToLower(s, r, out int done) : System.Text.Ascii.ToUpper(s, r, out done);
        if (status != System.Buffers.OperationStatus.Done)
            for (int i = done; i < s.Length; i++) r[i] = toLower ? Lower(s[i]) : Upper(s[i]);
        return Make(self, r);
    }

    static PyObject Map(T self, Func<byte, byte> f)
    {
        var s = self.Span;
        var r = new byte[s.Length];
        for (int i = 0; i < s.Length; i++) r[i] = f(s[i]);
        return Make(self, r);
    }

    static byte Lower(byte b) => IsUpper(b) ? (byte)(b + 32) : b;
    static byte Upper(byte b) => IsLower(b) ? (byte)(b - 32) : b;

    [PyMethod] static PyObject lower(ThreadState ts, T self) => MapCase(self, true);
    [PyMethod] static PyObject upper(ThreadState ts, T self) => MapCase(self, false);
    [PyMethod] static PyObject swapcase(ThreadState ts, T self) => Map(self, b => IsUpper(b) ? Lower(b) : Upper(b));

    [PyMethod]
    static PyObject capitalize(ThreadState ts, T self)
    {
        var s = self.Span;
        var r = new byte[s.Length];
        for (int i = 0; i < s.Length; i++) r[i] = i == 0 ? Upper(s[i]) : Lower(s[i]);
        return Make(self, r);
    }

    [PyMethod]
    static PyObject title(ThreadState ts, T self)
    {
        var s = self.Span;
        var r = new byte[s.Length];
        bool prev = false;
        for (int i = 0; i < s.Length; i++)
        {
            byte b = s[i];
            r[i] = prev ? Lower(b) : Upper(b);
            prev = IsAlpha(b);
        }
        return Make(self, r);
    }

    static bool AllOf(T self, Func<byte, bool> pred)
    {
        var s = self.Span;
        if (s.Length == 0) return false;
        foreach (byte b in s) if (!pred(b)) return false;
        return true;
    }

    [PyMethod] static bool isalnum(ThreadState ts, T self) => AllOf(self, b => IsAlpha(b) || IsDigit(b));
    [PyMethod] static bool isalpha(ThreadState ts, T self) => AllOf(self, IsAlpha);
    [PyMethod] static bool isdigit(ThreadState ts, T self) => AllOf(self, IsDigit);
    [PyMethod] static bool isspace(ThreadState ts, T self) => AllOf(self, IsSpace);
    [PyMethod] static bool isascii(ThreadState ts, T self) { foreach (byte b in self.Span) if (b >= 0x80) return false; return true; }

    [PyMethod]
    static bool islower(ThreadState ts, T self)
    {
        bool cased = false;
        foreach (byte b in self.Span) { if (IsUpper(b)) return false; if (IsLower(b)) cased = true; }
        return cased;
    }

    [PyMethod]
    static bool isupper(ThreadState ts, T self)
    {
        bool cased = false;
        foreach (byte b in self.Span) { if (IsLower(b)) return false; if (IsUpper(b)) cased = true; }
        return cased;
    }

    [PyMethod]
    static bool istitle(ThreadState ts, T self)
    {
        bool cased = false, prev = false;
        foreach (byte b in self.Span)
        {
            if (IsUpper(b)) { if (prev) return false; prev = cased = true; }
            else if (IsLower(b)) { if (!prev) return false; prev = cased = true; }
            else prev = false;
        }
        return cased;
    }

    // ---------------- hex / decode ----------------

    [PyClassMethod]
    static PyObject fromhex(ThreadState ts, PyType cls, PyObject @string)
    {
        if (@string is not PyStr ps) throw PyExc.TypeError($"fromhex() argument must be str, not {@string.Type.Name}");
        string s = ps.Value;
        var r = new List<byte>(s.Length / 2);
        int i = 0;
        while (true)
        {
            while (i < s.Length && s[i] < 0x80 && IsSpace((byte)s[i])) i++;
            if (i >= s.Length) break;
            int hi = HexVal(s[i]);
            if (hi < 0) throw PyExc.ValueError($"non-hexadecimal number found in fromhex() arg at position {i}");
            int lo = i + 1 < s.Length ? HexVal(s[i + 1]) : -1;
            if (lo < 0) throw PyExc.ValueError($"non-hexadecimal number found in fromhex() arg at position {i + 1}");
            r.Add((byte)(hi * 16 + lo));
            i += 2;
        }
        var data = r.ToArray();
        if (cls == PyBytes.TypeObject) return PyBytes.From(data);
        if (cls == PyByteArray.TypeObject) return new PyByteArray(data);
        return Ops.Call(ts, cls, cls.IsSubtypeOf(PyByteArray.TypeObject) ? new PyByteArray(data) : PyBytes.From(data));
    }

    static int HexVal(char c) => c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

    [PyMethod]
    static PyObject hex(ThreadState ts, T self, [PyKeyword] PyObject? sep = null, PyObject? bytes_per_sep = null)
        => PyStr.From(HexOf(ts, self.Span, sep, bytes_per_sep));

    internal static string HexOf(ThreadState ts, ReadOnlySpan<byte> s, PyObject? sep, PyObject? bytesPerSep)
    {
        const string digits = "0123456789abcdef";
        char sepChar = '\0';
        if (sep != null && sep != PyNone.Value)
        {
            if (sep is PyStr ss)
            {
                if (ss.Value.Length != 1) throw PyExc.ValueError("sep must be length 1.");
                if (ss.Value[0] >= 0x80) throw PyExc.ValueError("sep must be ASCII.");
                sepChar = ss.Value[0];
            }
            else if (PyBytes.TryGetBuffer(sep, out var sb2))
            {
                if (sb2.Length != 1) throw PyExc.ValueError("sep must be length 1.");
                if (sb2.Span[0] >= 0x80) throw PyExc.ValueError("sep must be ASCII.");
                sepChar = (char)sb2.Span[0];
            }
            else
            {
                // CPython measures the separator before checking its type.
                if (Ops.Len(ts, sep) != 1) throw PyExc.ValueError("sep must be length 1.");
                throw PyExc.TypeError("sep must be str or bytes.");
            }
        }
        long group = bytesPerSep == null ? 1 : PyStr.SizeArg(ts, bytesPerSep);
        var sb = new StringBuilder(s.Length * 3);
        long g = Math.Abs(group);
        for (int i = 0; i < s.Length; i++)
        {
            if (sepChar != '\0' && i > 0 && g > 0)
            {
                bool boundary = group > 0 ? (s.Length - i) % g == 0 : i % g == 0;
                if (boundary) sb.Append(sepChar);
            }
            sb.Append(digits[s[i] >> 4]).Append(digits[s[i] & 15]);
        }
        return sb.ToString();
    }

    [PyMethod]
    static PyObject decode(ThreadState ts, T self, [PyKeyword] PyObject? encoding = null, PyObject? errors = null)
    {
        string enc = encoding == null ? "utf-8" : NativeConvert.ToStr(encoding, "decode", "encoding");
        string err = errors == null ? "strict" : NativeConvert.ToStr(errors, "decode", "errors");
        // the codecs CPython's PyUnicode_Decode also takes directly, under their usual
        // spellings: ASCII text (and any Latin-1) is each byte widened, with no codec lookup
        // and no copy of the bytes first
        if (err == "strict" && PyStr.DecodeFast(self.Span, enc) is PyStr fast) return fast;
        return PyStr.From(PyStrCodecs.Decode(ts, self.Span.ToArray(), enc, err, self));
    }
}
