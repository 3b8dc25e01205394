#nullable enable
using System;
using System.Text;
namespace StacklessIron.Objects;

/// <summary>A "struct sequence" (CPython's structseq: os.stat_result, os.terminal_size,
/// posix.times_result ...): a tuple of the visible fields whose named fields are also
/// attributes; fields past n_sequence_fields are attributes only. Each such type is made by
/// MakeType and shares this implementation; its layout lives in a per-type Layout.</summary>
[PyType("structseq")]
public sealed class PyStructSeq : PyTuple
{
    /// <summary>Field names of one struct sequence type (null = unnamed, visible by index only).</summary>
    public sealed class Layout
    {
        public readonly string FullName;
        public readonly string?[] Fields;
        public readonly int NSequence;
        /// <summary>Type-specific completion of an instance made by Python code (T(sequence, dict)).</summary>
        public readonly Action<PyStructSeq>? AfterNew;
        /// <summary>False for types Python code may not create (sys.flags, sys.float_info ...).</summary>
        public bool Instantiable = true;
        public Layout(string fullName, string?[] fields, int nSequence, Action<PyStructSeq>? afterNew)
        {
            FullName = fullName; Fields = fields; NSequence = nSequence; AfterNew = afterNew;
        }
    }

    static readonly System.Collections.Concurrent.ConcurrentDictionary<PyType, Layout> Layouts = new(ReferenceEqualityComparer.Instance);

    /// <summary>All fields past the visible ones (n_fields - n_sequence_fields of them).</summary>
    public readonly PyObject[] Hidden;

    public PyStructSeq(PyType type, PyObject[] visible, PyObject[] hidden) : base(type, visible) { Hidden = hidden; }

    /// <summary>An instance from all n_fields values in order.</summary>
    public static PyStructSeq Create(PyType type, params PyObject[] all)
    {
        var l = LayoutOf(type);
        return new PyStructSeq(type, all[..l.NSequence], all[l.NSequence..]);
    }

    static Layout LayoutOf(PyType t)
    {
        for (var k = t; k != null; k = k.Base)
            if (Layouts.TryGetValue(k, out var l)) return l;
        throw PyExc.TypeError($"{t.Name} is not a struct sequence type");
    }

    /// <summary>Creates a struct sequence type named `fullName` ("os.stat_result"): fields in order,
    /// the first nSequence of them visible as tuple items.</summary>
    public static PyType MakeType(string fullName, string?[] fields, int nSequence = -1, string? doc = null, Action<PyStructSeq>? afterNew = null, bool instantiable = true)
    {
        if (nSequence < 0) nSequence = fields.Length;
        int dot = fullName.LastIndexOf('.');
        var t = PyType.Builtin(fullName[(dot + 1)..], typeof(PyStructSeq), TypeObjects.Tuple, module: dot < 0 ? "builtins" : fullName[..dot]);
        Layouts[t] = new Layout(fullName, fields, nSequence, afterNew) { Instantiable = instantiable };
        var ns = t.Namespace;
        int unnamed = 0;
        var match = new List<PyObject>();
        for (int i = 0; i < fields.Length; i++)
        {
            var name = fields[i];
            if (name == null) { unnamed++; continue; }
            int index = i;
            ns.SetStr(name, new PyGetSetDescriptor(t, name, (ts, self) =>
            {
                var s = (PyStructSeq)self;
                return index < s.Items.Length ? s.Items[index] : s.Hidden[index - s.Items.Length];
            }, (ts, self, v) => throw PyExc.AttributeError("readonly attribute")));
            if (i < nSequence) match.Add(new PyStr(name));
        }
        ns.SetStr("n_sequence_fields", PyInt.From(nSequence));
        ns.SetStr("n_fields", PyInt.From(fields.Length));
        ns.SetStr("n_unnamed_fields", PyInt.From(unnamed));
        ns.SetStr("__match_args__", new PyTuple(match.ToArray()));
        if (doc != null) ns.SetStr("__doc__", new PyStr(doc));
        return t;
    }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var l = LayoutOf(cls);
        if (!l.Instantiable) throw PyExc.TypeError($"cannot create '{l.FullName}' instances");
        int nkw = kwnames?.Items.Length ?? 0, npos = args.Length - nkw;
        PyObject? seq = null, dict = null;
        for (int i = 0; i < npos; i++)
        {
            if (i == 0) seq = args[0];
            else if (i == 1) dict = args[1];
            else throw PyExc.TypeError($"{l.FullName}() takes at most 2 arguments ({npos} given)");
        }
        for (int i = 0; i < nkw; i++)
        {
            var k = ((PyStr)kwnames!.Items[i]).Value;
            if (k == "sequence" && seq == null) seq = args[npos + i];
            else if (k == "dict" && dict == null) dict = args[npos + i];
            else throw PyExc.TypeError($"'{k}' is an invalid keyword argument for {l.FullName}()");
        }
        if (seq == null) throw PyExc.TypeError($"{l.FullName}() missing required argument 'sequence' (pos 1)");
        var items = Ops.ToArray(ts, seq);
        int min = l.NSequence, max = l.Fields.Length;
        if (items.Length < min)
            throw PyExc.TypeError(min == max ? $"{l.FullName}() takes a {min}-sequence ({items.Length}-sequence given)"
                                             : $"{l.FullName}() takes an at least {min}-sequence ({items.Length}-sequence given)");
        if (items.Length > max)
            throw PyExc.TypeError(min == max ? $"{l.FullName}() takes a {min}-sequence ({items.Length}-sequence given)"
                                             : $"{l.FullName}() takes an at most {max}-sequence ({items.Length}-sequence given)");
        if (dict != null && dict != PyNone.Value && dict is not PyDict)
            throw PyExc.TypeError($"{l.FullName}() takes a dict as second arg, if any");
        var hidden = new PyObject[max - min];
        for (int i = min; i < max; i++)
        {
            PyObject v = PyNone.Value;
            if (i < items.Length) v = items[i];
            else if (dict is PyDict d && l.Fields[i] is string name && d.GetStr(name) is PyObject dv) v = dv;
            hidden[i - min] = v;
        }
        var r = new PyStructSeq(cls, items[..min], hidden);
        l.AfterNew?.Invoke(r);
        return r;
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var s = (PyStructSeq)self;
        var l = LayoutOf(s.Type);
        // As CPython: the i-th visible value is shown under the i-th *named* field's name.
        var names = new List<string>();
        foreach (var f in l.Fields) if (f != null) names.Add(f);
        var sb = new StringBuilder(l.FullName).Append('(');
        for (int i = 0; i < s.Items.Length && i < names.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(names[i]).Append('=').Append(Ops.ReprString(ts, s.Items[i]));
        }
        return new PyStr(sb.Append(')').ToString());
    }

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyStructSeq self)
    {
        var l = LayoutOf(self.Type);
        var d = new PyDict();
        for (int i = l.NSequence; i < l.Fields.Length; i++)
            if (l.Fields[i] is string name) d.SetStr(name, self.Hidden[i - l.NSequence]);
        return new PyTuple(new PyObject[] { self.Type, new PyTuple(new PyObject[] { new PyTuple(self.Items), d }) });
    }
}
