#nullable enable
using System.Collections.Concurrent;
using System.Text;
using System;
namespace StacklessIron.Objects;

/// <summary>`str`: wraps a .NET string; the hash is computed once. (Minimal core version: the
/// strings work adds the methods.)</summary>
[PyType("str")]
public class PyStr : PyObject
{
    public readonly string Value;
    long _hash;   // 0 = not computed yet

    static readonly ConcurrentDictionary<string, PyStr> _interned = new();
    public static readonly PyStr Empty = Intern("");

    public PyStr(string value) : base(TypeObjects.Str) { Value = value; }
    public PyStr(PyType type, string value) : base(type) { Value = value; }

    /// <summary>The shared instance for `s` (identifiers, attribute names, small constants).</summary>
    public static PyStr Intern(string s)
    {
        if (_interned.TryGetValue(s, out var r)) return r;
        return _interned.GetOrAdd(s, v => new PyStr(v));
    }

    public long GetHash()
    {
        if (_hash != 0) return _hash;
        long h = Value.GetHashCode();
        if (h == -1 || h == 0) h = -2;
        _hash = h;
        return h;
    }

    public override string ToString() => Value;

    /// <summary>Python's repr of a string (quotes chosen as CPython does).</summary>
    public static string ReprOf(string s)
    {
        char q = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2);
        sb.Append(q);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == q || c == '\\') { sb.Append('\\').Append(c); }
            else if (c == '\n') sb.Append("\\n");
            else if (c == '\r') sb.Append("\\r");
            else if (c == '\t') sb.Append("\\t");
            else if (c < 0x20 || c == 0x7f) sb.Append($"\\x{(int)c:x2}");
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(c).Append(s[i + 1]); i++; }
            else if (char.IsSurrogate(c)) sb.Append($"\\u{(int)c:x4}");
            else if (c >= 0x80 && c <= 0xa0 || c == 0xad) sb.Append($"\\x{(int)c:x2}");
            else sb.Append(c);
        }
        sb.Append(q);
        return sb.ToString();
    }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null) throw PyExc.TypeError("str() keyword arguments are not supported yet");
        var s = args.Length == 0 ? "" : args.Length == 1 ? Ops.StrString(ts, args[0]) : throw PyExc.TypeError($"str() takes at most 3 arguments ({args.Length} given)");
        return cls == TypeObjects.Str ? new PyStr(s) : new PyStrSubclass(cls, s);
    }

    [PySlot("__repr__")] static PyObject Repr(ThreadState ts, PyObject self) => new PyStr(ReprOf(((PyStr)self).Value));
    [PySlot("__str__")] static PyObject Str(ThreadState ts, PyObject self) => self.Type == TypeObjects.Str ? self : new PyStr(((PyStr)self).Value);
    [PySlot("__hash__")] static long Hash(ThreadState ts, PyObject self) => ((PyStr)self).GetHash();
    [PySlot("__len__")] static long Len(ThreadState ts, PyObject self) => ((PyStr)self).Value.Length;

    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if (a is not PyStr x || b is not PyStr y) return PyNotImplemented.Value;
        int c = string.CompareOrdinal(x.Value, y.Value);
        return PyBool.From(op switch
        {
            CompareOp.Lt => c < 0, CompareOp.Le => c <= 0, CompareOp.Eq => c == 0,
            CompareOp.Ne => c != 0, CompareOp.Gt => c > 0, _ => c >= 0,
        });
    }

    [PySlot("__add__")]
    static PyObject Add(ThreadState ts, PyObject a, PyObject b)
    {
        if (a is PyStr x && b is PyStr y) return new PyStr(x.Value + y.Value);
        if (a is PyStr) throw PyExc.TypeError($"can only concatenate str (not \"{b.Type.Name}\") to str");
        return PyNotImplemented.Value;
    }

    [PySlot("__mul__", "__rmul__")]
    static PyObject Mul(ThreadState ts, PyObject a, PyObject b)
    {
        var (s, n) = a is PyStr x ? (x, b) : ((PyStr)b, a);
        if (n is not PyInt count) return PyNotImplemented.Value;
        long k = count.ToLongChecked();
        if (k <= 0 || s.Value.Length == 0) return Empty;
        var sb = new StringBuilder(checked((int)(s.Value.Length * k)));
        for (long i = 0; i < k; i++) sb.Append(s.Value);
        return new PyStr(sb.ToString());
    }

    [PySlot("__contains__")]
    static bool Contains(ThreadState ts, PyObject self, PyObject item)
    {
        if (item is not PyStr s) throw PyExc.TypeError($"'in <string>' requires string as left operand, not {item.Type.Name}");
        return ((PyStr)self).Value.Contains(s.Value, StringComparison.Ordinal);
    }

    [PySlot("__getitem__")]
    static PyObject GetItem(ThreadState ts, PyObject self, PyObject key)
    {
        var s = ((PyStr)self).Value;
        if (key is PyInt i)
        {
            long k = i.ToLongChecked();
            if (k < 0) k += s.Length;
            if (k < 0 || k >= s.Length) throw PyExc.IndexError("string index out of range");
            return Intern(s[(int)k].ToString());
        }
        throw PyExc.TypeError($"string indices must be integers, not '{key.Type.Name}'");
    }

    [PySlot("__iter__")]
    static PyObject Iter(ThreadState ts, PyObject self) => new PySeqIterator(self);

    [PyMethod]
    static PyObject join(ThreadState ts, PyStr self, PyObject iterable)
    {
        var sb = new StringBuilder();
        int i = 0;
        foreach (var item in Ops.Iterate(ts, iterable))
        {
            if (item is not PyStr s) throw PyExc.TypeError($"sequence item {i}: expected str instance, {item.Type.Name} found");
            if (i++ > 0) sb.Append(self.Value);
            sb.Append(s.Value);
        }
        return new PyStr(sb.ToString());
    }

    [PyMethod]
    static PyObject __format__(ThreadState ts, PyStr self, PyObject spec)
    {
        if (spec is PyStr s && s.Value.Length == 0) return Str(ts, self);
        throw PyExc.ValueError("str format specs are not supported yet");
    }
}

