#nullable enable
using System;
using System.Text;
namespace StacklessIron.Modules.Sre;

/// <summary>`re.Pattern`: a compiled regular expression (made by _sre.compile from the code
/// that re._compiler produces). Its methods drive SreState runs and build the results.</summary>
[PyType("Pattern")]
public sealed class PyPattern : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("Pattern", typeof(PyPattern), subclassable: false, module: "re");

    /// <summary>The source: str, bytes, or None (patterns built by re.Scanner).</summary>
    internal readonly PyObject Source;
    internal readonly int Flags;
    internal readonly uint[] Code;
    internal readonly int Groups;
    /// <summary>name -> group number (null when the pattern has no named groups).</summary>
    internal readonly PyDict? GroupIndex;
    /// <summary>group number -> name or None (index 0 unused), or null.</summary>
    internal readonly PyTuple? IndexGroup;
    /// <summary>1 for a bytes pattern, 0 for str, -1 when unknown (source None).</summary>
    internal readonly int IsBytes;

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
        => throw PyExc.TypeError("cannot create 're.Pattern' instances");

    internal PyPattern(PyObject source, int flags, uint[] code, int groups, PyDict? groupIndex, PyTuple? indexGroup, int isBytes)
        : base(TypeObject)
    {
        Source = source; Flags = flags; Code = code; Groups = groups;
        GroupIndex = groupIndex; IndexGroup = indexGroup; IsBytes = isBytes;
    }

    internal SreState NewState(PyObject @string, long pos, long endpos)
    {
        var text = SreText.Get(@string);
        if (text.IsBytes && IsBytes == 0) throw PyExc.TypeError("cannot use a string pattern on a bytes-like object");
        if (!text.IsBytes && IsBytes > 0) throw PyExc.TypeError("cannot use a bytes pattern on a string-like object");
        return text.NewState(Code, Groups, pos, endpos);
    }

    [PyMethod]
    static PyObject match(ThreadState ts, PyPattern self, [PyKeyword] PyObject @string, long pos = 0, long endpos = long.MaxValue)
    {
        var st = self.NewState(@string, pos, endpos);
        return st.Match() ? new PyMatch(self, st) : PyNone.Value;
    }

    [PyMethod]
    static PyObject fullmatch(ThreadState ts, PyPattern self, [PyKeyword] PyObject @string, long pos = 0, long endpos = long.MaxValue)
    {
        var st = self.NewState(@string, pos, endpos);
        st.MatchAll = true;
        return st.Match() ? new PyMatch(self, st) : PyNone.Value;
    }

    [PyMethod]
    static PyObject search(ThreadState ts, PyPattern self, [PyKeyword] PyObject @string, long pos = 0, long endpos = long.MaxValue)
    {
        var st = self.NewState(@string, pos, endpos);
        return st.Search() ? new PyMatch(self, st) : PyNone.Value;
    }

    [PyMethod]
    static PyObject findall(ThreadState ts, PyPattern self, [PyKeyword] PyObject @string, long pos = 0, long endpos = long.MaxValue)
    {
        var st = self.NewState(@string, pos, endpos);
        var list = new PyList();
        var text = st.Text;
        while (st.Start <= st.End)
        {
            st.Reset();
            st.Ptr = st.Start;
            if (!st.Search()) break;
            PyObject item;
            if (self.Groups == 0) item = text.Slice(st.Start, st.Ptr);
            else if (self.Groups == 1) item = st.GroupSlice(1, text.Empty);
            else
            {
                var items = new PyObject[self.Groups];
                for (int i = 0; i < items.Length; i++) items[i] = st.GroupSlice(i + 1, text.Empty);
                item = new PyTuple(items);
            }
            list.Append(item);
            st.MustAdvance = st.Ptr == st.Start;
            st.Start = st.Ptr;
        }
        return list;
    }

    [PyMethod]
    static PyObject finditer(ThreadState ts, PyPattern self, [PyKeyword] PyObject @string, long pos = 0, long endpos = long.MaxValue)
    {
        // as CPython: iter(self.scanner(string, pos, endpos).search, None)
        var scanner = new PySreScanner(self, self.NewState(@string, pos, endpos));
        return new PyCallableIterator(Ops.GetAttr(ts, scanner, "search"), PyNone.Value);
    }

    [PyMethod]
    static PyObject scanner(ThreadState ts, PyPattern self, [PyKeyword] PyObject @string, long pos = 0, long endpos = long.MaxValue)
        => new PySreScanner(self, self.NewState(@string, pos, endpos));

    [PyMethod]
    static PyObject split(ThreadState ts, PyPattern self, [PyKeyword] PyObject @string, long maxsplit = 0)
    {
        var st = self.NewState(@string, 0, long.MaxValue);
        var text = st.Text;
        var list = new PyList();
        long n = 0;
        int last = st.Start;
        while (maxsplit == 0 || n < maxsplit)
        {
            st.Reset();
            st.Ptr = st.Start;
            if (!st.Search()) break;
            list.Append(text.Slice(last, st.Start));   // the text before the match
            for (int i = 0; i < self.Groups; i++) list.Append(st.GroupSlice(i + 1, PyNone.Value));
            n++;
            st.MustAdvance = st.Ptr == st.Start;
            last = st.Start = st.Ptr;
        }
        list.Append(text.Slice(last, st.EndPos));
        return list;
    }

    [PyMethod]
    static PyObject sub(ThreadState ts, PyPattern self, [PyKeyword] PyObject repl, PyObject @string, long count = 0)
        => self.Subx(ts, repl, @string, count, false);

    [PyMethod]
    static PyObject subn(ThreadState ts, PyPattern self, [PyKeyword] PyObject repl, PyObject @string, long count = 0)
        => self.Subx(ts, repl, @string, count, true);

    PyObject Subx(ThreadState ts, PyObject repl, PyObject @string, long count, bool wantCount)
    {
        PyObject filter;
        bool callable;
        if (Ops.IsCallable(repl)) { filter = repl; callable = true; }
        else
        {
            // a template without backslashes is used as is; anything else goes to re._subx
            bool literal = repl switch
            {
                PyStr s => s.Value.IndexOf('\\') < 0,
                _ => PyBytes.TryGetBuffer(repl, out var m) && m.Span.IndexOf((byte)'\\') < 0,
            };
            if (literal) { filter = repl; callable = false; }
            else
            {
                var re = Importer.ImportModule(ts, "re");
                filter = Ops.Call(ts, Ops.GetAttr(ts, re, "_subx"), this, repl);
                callable = Ops.IsCallable(filter);
            }
        }

        var st = NewState(@string, 0, long.MaxValue);
        var text = st.Text;
        var parts = new List<PyObject>();
        long n = 0;
        int i = 0;
        while (count == 0 || n < count)
        {
            st.Reset();
            st.Ptr = st.Start;
            if (!st.Search()) break;
            int b = st.Start, e = st.Ptr;
            if (i < b) parts.Add(text.Slice(i, b));
            var item = callable ? Ops.Call(ts, filter, new PyMatch(this, st)) : filter;
            if (item != PyNone.Value) parts.Add(item);
            i = e;
            n++;
            st.MustAdvance = st.Ptr == st.Start;
            st.Start = st.Ptr;
        }
        if (i < st.EndPos) parts.Add(text.Slice(i, st.EndPos));
        var result = Join(text, parts);
        return wantCount ? PyTuple.Of(result, PyInt.From(n)) : result;
    }

    /// <summary>"".join(parts) / b"".join(parts) with join's type errors.</summary>
    static PyObject Join(SreText text, List<PyObject> parts)
    {
        if (parts.Count == 0) return text.Empty;
        if (text.IsBytes)
        {
            var buf = new List<byte>();
            for (int k = 0; k < parts.Count; k++)
            {
                if (!PyBytes.TryGetBuffer(parts[k], out var m))
                    throw PyExc.TypeError($"sequence item {k}: expected a bytes-like object, {parts[k].Type.Name} found");
                buf.AddRange(m.ToArray());
            }
            return PyBytes.From(buf.ToArray());
        }
        if (parts.Count == 1 && parts[0] is PyStr one && one.Type == TypeObjects.Str) return one;
        var sb = new StringBuilder();
        for (int k = 0; k < parts.Count; k++)
        {
            if (parts[k] is not PyStr s)
                throw PyExc.TypeError($"sequence item {k}: expected str instance, {parts[k].Type.Name} found");
            sb.Append(s.Value);
        }
        return PyStr.From(sb.ToString());
    }

    [PyGetter("pattern")] static PyObject GetPattern(ThreadState ts, PyObject self) => ((PyPattern)self).Source;
    [PyGetter("flags")] static PyObject GetFlags(ThreadState ts, PyObject self) => PyInt.From(((PyPattern)self).Flags);
    [PyGetter("groups")] static PyObject GetGroups(ThreadState ts, PyObject self) => PyInt.From(((PyPattern)self).Groups);

    [PyGetter("groupindex")]
    static PyObject GetGroupIndex(ThreadState ts, PyObject self)
    {
        var gi = ((PyPattern)self).GroupIndex;
        return gi == null ? new PyDict() : new PyMappingProxy(gi);
    }

    [PyMethod] static PyObject __copy__(ThreadState ts, PyPattern self) => self;
    [PyMethod] static PyObject __deepcopy__(ThreadState ts, PyPattern self, PyObject memo) => self;
    [PyClassMethod] static PyObject __class_getitem__(ThreadState ts, PyType cls, PyObject item) => PyList.GenericAlias(ts, cls, item);

    static readonly (string Name, int Value)[] s_flagNames =
    {
        ("re.TEMPLATE", 1), ("re.IGNORECASE", 2), ("re.LOCALE", 4), ("re.MULTILINE", 8),
        ("re.DOTALL", 16), ("re.UNICODE", 32), ("re.VERBOSE", 64), ("re.DEBUG", 128), ("re.ASCII", 256),
    };

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var p = (PyPattern)self;
        int flags = p.Flags;
        // re.UNICODE is the default of str patterns: not shown
        if (p.IsBytes == 0 && (flags & (4 | 32 | 256)) == 32) flags &= ~32;
        var names = new List<string>();
        foreach (var (name, value) in s_flagNames)
            if ((flags & value) != 0) { names.Add(name); flags &= ~value; }
        if (flags != 0) names.Add($"0x{flags:x}");
        string src = Truncate(Ops.ReprString(ts, p.Source), 200);
        return new PyStr(names.Count == 0 ? $"re.compile({src})" : $"re.compile({src}, {string.Join("|", names)})");
    }

    /// <summary>The first `n` code points of s (printf's %.nR).</summary>
    internal static string Truncate(string s, int n)
    {
        if (s.Length <= n) return s;
        int cut = Objects.Formatting.CodePoints.ToCharIndex(s, n);
        return cut >= s.Length ? s : s.Substring(0, cut);
    }

    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if ((op != CompareOp.Eq && op != CompareOp.Ne) || a is not PyPattern x || b is not PyPattern y)
            return PyNotImplemented.Value;
        bool eq = x == y || (x.Flags == y.Flags && x.IsBytes == y.IsBytes && x.Code.AsSpan().SequenceEqual(y.Code)
                             && Ops.RichCompareBool(ts, x.Source, y.Source, CompareOp.Eq));
        return PyBool.From(op == CompareOp.Eq ? eq : !eq);
    }

    [PySlot("__hash__")]
    static long Hash(ThreadState ts, PyObject self)
    {
        var p = (PyPattern)self;
        long h = Ops.Hash(ts, p.Source);
        long hc = 17;
        foreach (var w in p.Code) hc = hc * 1000003 + w;
        h ^= hc ^ p.Flags ^ p.IsBytes ^ p.Code.Length;
        return h == -1 ? -2 : h;
    }
}
