#nullable enable
using System;
using System.Text;
namespace StacklessIron.Modules.Sre;

/// <summary>A replacement template as re._compile_repl returns it (3.11: a list of
/// (literal position, group number) pairs and the list of literals with None holes), expanded
/// natively for each match instead of calling _parser.expand_template: the same result
/// ("" for an unmatched group, the same error for a group number out of range) without a
/// Python call per match.</summary>
internal sealed class SreTemplate
{
    readonly int[] _positions, _groups;
    readonly PyObject?[] _literals;

    SreTemplate(int[] positions, int[] groups, PyObject?[] literals)
    {
        _positions = positions; _groups = groups; _literals = literals;
    }

    /// <summary>The template, or null if the object does not have the expected shape.</summary>
    public static SreTemplate? From(ThreadState ts, PyObject compiled, bool isBytes)
    {
        if (compiled is not PyTuple { Items.Length: 2 } t || t.Items[0] is not PyList groups || t.Items[1] is not PyList literals)
            return null;
        var lits = new PyObject?[literals.Count];
        for (int i = 0; i < lits.Length; i++)
        {
            var l = literals.Items[i];
            if (l == PyNone.Value) continue;
            if (isBytes ? l is not PyBytes : l is not PyStr) return null;
            lits[i] = l;
        }
        var positions = new int[groups.Count];
        var numbers = new int[groups.Count];
        for (int i = 0; i < positions.Length; i++)
        {
            if (groups.Items[i] is not PyTuple { Items.Length: 2 } pair || pair.Items[0] is not PyInt p || pair.Items[1] is not PyInt g
                || !p.FitsLong || !g.FitsLong || p.Small < 0 || p.Small >= lits.Length || g.Small < 0 || g.Small > int.MaxValue)
                return null;
            positions[i] = (int)p.Small;
            numbers[i] = (int)g.Small;
        }
        return new SreTemplate(positions, numbers, lits);
    }

    /// <summary>A template without group references is one literal (or none).</summary>
    public PyObject? Literal => _groups.Length == 0 && _literals.Length == 1 ? _literals[0] : null;

    public PyObject Expand(ThreadState ts, SreState st, int groupCount)
    {
        var text = st.Text;
        var parts = (PyObject?[])_literals.Clone();
        for (int i = 0; i < _groups.Length; i++)
        {
            int g = _groups[i];
            if (g > groupCount)
            {
                var re = Importer.ImportModule(ts, "re");
                var err = Ops.Call(ts, Ops.GetAttr(ts, re, "error"), new PyStr($"invalid group reference {_positions[i]}"));
                throw new PyException((PyBaseException)err);
            }
            parts[_positions[i]] = g == 0 ? text.Slice(st.Start, st.Ptr) : st.GroupSlice(g, text.Empty);
        }
        if (text.IsBytes)
        {
            int n = 0;
            foreach (var p in parts) n += p is PyBytes b ? b.Data.Length : 0;
            var buf = new byte[n];
            int at = 0;
            foreach (var p in parts)
                if (p is PyBytes b) { b.Data.CopyTo(buf, at); at += b.Data.Length; }
            return PyBytes.From(buf);
        }
        var sb = new StringBuilder();
        foreach (var p in parts) if (p is PyStr s) sb.Append(s.Value);
        return PyStr.From(sb.ToString());
    }
}
