#nullable enable
using System;
using System.Runtime.CompilerServices;
namespace StacklessIron.Objects;

/// <summary>
/// A struct sequence (CPython's structseq: sys.flags, sys.float_info, os.stat_result ...): a
/// tuple of its first n_sequence_fields values whose fields are also attributes; further
/// fields are attributes only. Each kind is its own type made by <see cref="MakeType"/>.
/// </summary>
[PyType("structseq")]
public sealed class PyStructSeq : PyTuple
{
    /// <summary>What one struct-sequence type knows: its field names and how many are in the tuple.</summary>
    sealed class Layout
    {
        public required string[] Fields;
        public required int NSequence;
        public required bool Instantiable;
    }

    static readonly ConditionalWeakTable<PyType, Layout> s_layouts = new();

    /// <summary>The fields after the tuple part (attributes only).</summary>
    public readonly PyObject[] Extra;

    PyStructSeq(PyType type, PyObject[] sequence, PyObject[] extra) : base(type, sequence) { Extra = extra; }

    /// <summary>A new struct-sequence type `module.name`. `instantiable`: whether Python code
    /// may call it (sys's types may not).</summary>
    public static PyType MakeType(string name, string module, string[] fields, int nSequence = -1, string? doc = null, bool instantiable = true)
    {
        if (nSequence < 0) nSequence = fields.Length;
        var t = PyType.Builtin(name, typeof(PyStructSeq), TypeObjects.Tuple, subclassable: false, module: module);
        s_layouts.Add(t, new Layout { Fields = fields, NSequence = nSequence, Instantiable = instantiable });
        for (int i = 0; i < fields.Length; i++)
        {
            int index = i;
            t.Namespace.SetStr(fields[i], new PyGetSetDescriptor(t, fields[i], (ts, self) => ((PyStructSeq)self).Field(index),
                (ts, self, v) => throw PyExc.AttributeError("readonly attribute")));
        }
        t.Namespace.SetStr("n_sequence_fields", PyInt.From(nSequence));
        t.Namespace.SetStr("n_fields", PyInt.From(fields.Length));
        t.Namespace.SetStr("n_unnamed_fields", PyInt.From(0));
        var matchArgs = new PyObject[nSequence];
        for (int i = 0; i < nSequence; i++) matchArgs[i] = new PyStr(fields[i]);
        t.Namespace.SetStr("__match_args__", new PyTuple(matchArgs));
        if (doc != null) t.Namespace.SetStr("__doc__", new PyStr(doc));
        t.Modified(null);
        return t;
    }

    /// <summary>An instance of struct-sequence type `type` from all its field values.</summary>
    public static PyStructSeq Create(PyType type, params PyObject[] values)
    {
        var layout = LayoutOf(type);
        if (values.Length != layout.Fields.Length)
            throw new ArgumentException($"{type.Name} has {layout.Fields.Length} fields, got {values.Length}");
        return new PyStructSeq(type, values[..layout.NSequence], values[layout.NSequence..]);
    }

    static Layout LayoutOf(PyType t)
        => s_layouts.TryGetValue(t, out var l) ? l : throw PyExc.TypeError($"'{t.Name}' is not a struct sequence type");

    PyObject Field(int i) => i < Items.Length ? Items[i] : Extra[i - Items.Length];

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var layout = LayoutOf(cls);
        var full = FullName(cls);
        if (!layout.Instantiable) throw PyExc.TypeError($"cannot create '{full}' instances");
        PyObject? sequence = null, dict = null;
        int npos = args.Length - (kwnames?.Items.Length ?? 0);
        if (npos > 2) throw PyExc.TypeError($"{cls.Name}() takes at most 2 arguments ({npos} given)");
        if (npos >= 1) sequence = args[0];
        if (npos >= 2) dict = args[1];
        if (kwnames != null)
            for (int i = 0; i < kwnames.Items.Length; i++)
            {
                var k = ((PyStr)kwnames.Items[i]).Value;
                if (k == "sequence" && sequence == null) sequence = args[npos + i];
                else if (k == "dict" && dict == null) dict = args[npos + i];
                else throw PyExc.TypeError($"{cls.Name}() got an unexpected keyword argument '{k}'");
            }
        if (sequence == null) throw PyExc.TypeError($"{cls.Name}() missing required argument 'sequence' (pos 1)");
        var items = Ops.ToArray(ts, sequence);
        int min = layout.NSequence, max = layout.Fields.Length;
        if (items.Length < min)
            throw PyExc.TypeError(min == max ? $"{full}() takes a {min}-sequence ({items.Length}-sequence given)"
                                             : $"{full}() takes an at least {min}-sequence ({items.Length}-sequence given)");
        if (items.Length > max)
            throw PyExc.TypeError(min == max ? $"{full}() takes a {min}-sequence ({items.Length}-sequence given)"
                                             : $"{full}() takes an at most {max}-sequence ({items.Length}-sequence given)");
        if (dict != null && dict != PyNone.Value && dict is not PyDict)
            throw PyExc.TypeError($"{full}() takes a dict as second arg, if any");
        var extra = new PyObject[max - min];
        for (int i = 0; i < extra.Length; i++)
        {
            int f = min + i;
            extra[i] = f < items.Length ? items[f]
                : (dict as PyDict)?.GetStr(layout.Fields[f]) ?? PyNone.Value;
        }
        return new PyStructSeq(cls, items[..min], extra);
    }

    static string FullName(PyType t)
    {
        var m = t.ModuleName;
        return m == "builtins" ? t.Name : m + "." + t.Name;
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var s = (PyStructSeq)self;
        var layout = LayoutOf(s.Type);
        var sb = new System.Text.StringBuilder(FullName(s.Type)).Append('(');
        for (int i = 0; i < s.Items.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(layout.Fields[i]).Append('=').Append(Ops.ReprString(ts, s.Items[i]));
        }
        return new PyStr(sb.Append(')').ToString());
    }

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyStructSeq self)
    {
        var layout = LayoutOf(self.Type);
        var d = new PyDict();
        for (int i = 0; i < self.Extra.Length; i++) d.SetItem(ts, new PyStr(layout.Fields[layout.NSequence + i]), self.Extra[i]);
        return PyTuple.Of(self.Type, PyTuple.Of(new PyTuple(self.Items), d));
    }
}
