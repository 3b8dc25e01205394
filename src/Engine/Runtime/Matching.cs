#nullable enable
using System;
namespace StacklessIron.Runtime;

/// <summary>The runtime side of `match` statements (MATCH_CLASS, MATCH_MAPPING, MATCH_SEQUENCE, MATCH_KEYS).</summary>
public static class Matching
{
    static readonly PyStr s_matchargs = PyStr.Intern("__match_args__");

    /// <summary>Types whose class pattern `C(x)` matches the subject itself (CPython's list).</summary>
    static bool MatchesSelf(PyType t)
    {
        foreach (var name in new[] { "bool", "bytearray", "bytes", "dict", "float", "frozenset", "int", "list", "set", "str", "tuple" })
        {
            if (t.Name == name && !t.IsHeapType) return true;
        }
        return false;
    }

    public static PyTuple? MatchClass(ThreadState ts, PyObject subject, PyObject cls, int nargs, PyTuple kwNames)
    {
        if (cls is not PyType t) throw PyExc.TypeError("called match pattern must be a class");
        if (!Ops.IsInstance(ts, subject, t)) return null;
        var result = new List<PyObject>();
        var seen = new List<string>();
        if (nargs > 0)
        {
            var ma = t.Lookup(s_matchargs);
            if (ma == null)
            {
                var self = t;
                bool selfMatch = false;
                foreach (var m in t.Mro) if (MatchesSelf(m)) { selfMatch = true; break; }
                if (selfMatch && nargs == 1) { result.Add(subject); nargs = 0; }
                else throw PyExc.TypeError($"{t.Name}() accepts 0 positional sub-patterns ({nargs} given)");
            }
            else
            {
                if (ma.Type.DescrGet != null) ma = ma.Type.DescrGet(ts, ma, null, t);
                if (ma is not PyTuple mt) throw PyExc.TypeError($"{t.Name}.__match_args__ must be a tuple (got {ma.Type.Name})");
                if (nargs > mt.Items.Length)
                    throw PyExc.TypeError($"{t.Name}() accepts {mt.Items.Length} positional sub-pattern{(mt.Items.Length == 1 ? "" : "s")} ({nargs} given)");
                for (int i = 0; i < nargs; i++)
                {
                    if (mt.Items[i] is not PyStr name) throw PyExc.TypeError($"__match_args__ elements must be strings (got {mt.Items[i].Type.Name})");
                    if (seen.Contains(name.Value)) throw PyExc.TypeError($"{t.Name}() got multiple sub-patterns for attribute {Ops.ReprString(ts, name)}");
                    seen.Add(name.Value);
                    var v = Ops.GetAttrOrNull(ts, subject, name);
                    if (v == null) return null;
                    result.Add(v);
                }
            }
        }
        foreach (var k in kwNames.Items)
        {
            var name = (PyStr)k;
            if (seen.Contains(name.Value)) throw PyExc.TypeError($"{t.Name}() got multiple sub-patterns for attribute {Ops.ReprString(ts, name)}");
            seen.Add(name.Value);
            var v = Ops.GetAttrOrNull(ts, subject, name);
            if (v == null) return null;
            result.Add(v);
        }
        return new PyTuple(result.ToArray());
    }

    public static bool IsMapping(ThreadState ts, PyObject o)
    {
        if (o is PyDict) return true;
        return HasAbcFlag(ts, o, "Mapping");
    }

    public static bool IsSequence(ThreadState ts, PyObject o)
    {
        if (o is PyList || o is PyTuple) return true;
        if (o is PyStr) return false;
        var n = o.Type.Name;
        if (!o.Type.IsHeapType && (n == "bytes" || n == "bytearray")) return false;
        if (!o.Type.IsHeapType && (n == "range" || n == "memoryview" || n == "deque" || n == "array")) return true;
        return HasAbcFlag(ts, o, "Sequence");
    }

    /// <summary>Whether `o` is registered with collections.abc.Mapping/Sequence (if that module is loaded).</summary>
    static bool HasAbcFlag(ThreadState ts, PyObject o, string abc)
    {
        var mod = ts.Engine.Modules.GetStr("collections.abc") ?? ts.Engine.Modules.GetStr("_collections_abc");
        if (mod == null) return false;
        var cls = Ops.GetAttrOrNull(ts, mod, PyStr.Intern(abc));
        if (cls == null) return false;
        if (abc == "Sequence")
        {
            foreach (var m in o.Type.Mro) { var nm = m.Name; if (!m.IsHeapType && (nm == "str" || nm == "bytes" || nm == "bytearray")) return false; }
        }
        return Ops.IsInstance(ts, o, cls);
    }

    public static PyTuple? MatchKeys(ThreadState ts, PyObject subject, PyTuple keys)
    {
        if (keys.Items.Length == 0) return PyTuple.Empty;
        var values = new PyObject[keys.Items.Length];
        var seen = new PyDict();
        var get = subject is PyDict ? null : Ops.GetAttr(ts, subject, "get");
        var dummy = new PyInstance(TypeObjects.Object);
        for (int i = 0; i < keys.Items.Length; i++)
        {
            var k = keys.Items[i];
            if (seen.ContainsKey(ts, k)) throw PyExc.ValueError($"mapping pattern checks duplicate key ({Ops.ReprString(ts, k)})");
            seen.SetItem(ts, k, PyNone.Value);
            PyObject? v = subject is PyDict d && d.Type == TypeObjects.Dict ? d.GetItem(ts, k) : Ops.Call(ts, get ?? Ops.GetAttr(ts, subject, "get"), k, dummy);
            if (v == null || v == dummy) return null;
            values[i] = v;
        }
        return new PyTuple(values);
    }
}
