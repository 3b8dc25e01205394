#nullable enable
using System;
using System.Text;
namespace StacklessIron.Runtime;

/// <summary>The "Did you mean: 'x'?" of AttributeError and NameError reports: the closest
/// name by a Levenshtein distance where a case flip costs less than any other edit, within a
/// third of the characters involved (the rules of CPython 3.11's suggestions.c).</summary>
public static class Suggestions
{
    const int MaxCandidateItems = 750, MaxStringSize = 40, MoveCost = 2, CaseCost = 1;

    /// <summary>The suggested name for `exc`, or null.</summary>
    public static string? For(ThreadState ts, PyBaseException exc)
    {
        try
        {
            if (exc.Type.IsSubtypeOf(ExceptionTypes.AttributeError)) return ForAttribute(ts, exc);
            if (exc.Type.IsSubtypeOf(ExceptionTypes.NameError)) return ForName(ts, exc);
        }
        catch (PyException) { }
        return null;
    }

    static string? ForAttribute(ThreadState ts, PyBaseException exc)
    {
        var d = exc.DictIfAny;
        if (d?.GetStr("name") is not PyStr name || name.Type != TypeObjects.Str) return null;
        var obj = d.GetStr("obj");
        if (obj == null) return null;
        var dir = Ops.Call(ts, ts.Engine.BuiltinsDict.GetStr("dir")!, obj);
        return Closest(ts, Ops.ToArray(ts, dir), name.Value);
    }

    static string? ForName(ThreadState ts, PyBaseException exc)
    {
        if (exc.DictIfAny?.GetStr("name") is not PyStr name || name.Type != TypeObjects.Str) return null;
        var tb = exc.Traceback;
        if (tb == null) return null;
        while (tb.Next != null) tb = tb.Next;
        var frame = tb.Frame;
        var local = Array.ConvertAll(frame.Code.Code.VarNames, v => (PyObject)new PyStr(v));
        return Closest(ts, local, name.Value)
            ?? Closest(ts, Ops.ToArray(ts, frame.Globals), name.Value)
            ?? Closest(ts, Ops.ToArray(ts, frame.Builtins), name.Value);
    }

    static string? Closest(ThreadState ts, PyObject[] candidates, string name)
    {
        if (candidates.Length >= MaxCandidateItems) return null;
        var nameBytes = Encoding.UTF8.GetBytes(name);
        int best = int.MaxValue;
        string? suggestion = null;
        foreach (var c in candidates)
        {
            if (c is not PyStr s) return null;   // CPython gives up on a non-str name
            if (s.Value == name) continue;
            var item = Encoding.UTF8.GetBytes(s.Value);
            int max = (nameBytes.Length + item.Length + 3) * MoveCost / 6;
            max = Math.Min(max, best - 1);
            int dist = Distance(nameBytes, item, max);
            if (dist > max) continue;
            if (suggestion == null || dist < best) { suggestion = s.Value; best = dist; }
        }
        return suggestion;
    }

    static int SubstitutionCost(byte a, byte b)
    {
        if ((a & 31) != (b & 31)) return MoveCost;
        if (a == b) return 0;
        if (a >= 'A' && a <= 'Z') a += 'a' - 'A';
        if (b >= 'A' && b <= 'Z') b += 'a' - 'A';
        return a == b ? CaseCost : MoveCost;
    }

    static int Distance(byte[] aArr, byte[] bArr, int maxCost)
    {
        ReadOnlySpan<byte> a = aArr, b = bArr;
        while (a.Length > 0 && b.Length > 0 && a[0] == b[0]) { a = a[1..]; b = b[1..]; }
        while (a.Length > 0 && b.Length > 0 && a[^1] == b[^1]) { a = a[..^1]; b = b[..^1]; }
        if (a.Length == 0 || b.Length == 0) return (a.Length + b.Length) * MoveCost;
        if (a.Length > MaxStringSize || b.Length > MaxStringSize) return maxCost + 1;
        if (b.Length < a.Length) { var t = a; a = b; b = t; }
        if ((b.Length - a.Length) * MoveCost > maxCost) return maxCost + 1;
        Span<int> row = stackalloc int[a.Length];
        for (int i = 0, cost = MoveCost; i < a.Length; i++, cost += MoveCost) row[i] = cost;
        int result = 0;
        for (int bi = 0; bi < b.Length; bi++)
        {
            byte code = b[bi];
            int distance = result = bi * MoveCost;
            int minimum = int.MaxValue;
            for (int i = 0; i < a.Length; i++)
            {
                int substitute = distance + SubstitutionCost(code, a[i]);
                distance = row[i];
                int insertDelete = Math.Min(result, distance) + MoveCost;
                result = Math.Min(insertDelete, substitute);
                row[i] = result;
                if (result < minimum) minimum = result;
            }
            if (minimum > maxCost) return maxCost + 1;
        }
        return result;
    }
}
