#nullable enable
using System.Numerics;
using StacklessIron.Objects.Formatting;
using System;
using System.Collections.Generic;
namespace StacklessIron.Objects;

/// <summary>
/// The object protocols that Formatting/PercentFormat needs (str % args, bytes % args),
/// answered through Ops for values that are Python objects. Python errors raised inside
/// the callbacks propagate unchanged as PyException.
/// </summary>
public sealed class PyStrFormatHost : IFormatHost
{
    readonly ThreadState _ts;
    public PyStrFormatHost(ThreadState ts) { _ts = ts; }

    static PyObject Obj(object? v) => v switch
    {
        PyObject o => o,
        null => PyNone.Value,
        string s => PyStr.From(s),
        byte[] b => new PyBytes(b),
        BigInteger i => PyInt.From(i),
        long l => PyInt.From(l),
        int n => PyInt.From(n),
        double d => new PyFloat(d),
        _ => throw PyExc.SystemError($"format host: unexpected value {v.GetType().Name}"),
    };

    public string Str(object? value) => Ops.StrString(_ts, Obj(value));
    public string Repr(object? value) => Ops.ReprString(_ts, Obj(value));
    public string Ascii(object? value) => PyStr.AsciiOf(_ts, Obj(value));
    public string Format(object? value, string spec) => ((PyStr)Ops.Format(_ts, Obj(value), PyStr.From(spec))).Value;
    public string TypeName(object? value) => Obj(value).Type.Name;

    public bool TryGetInt(object? value, out BigInteger result)
    {
        if (Obj(value) is PyInt i) { result = i.Big; return true; }
        result = default;
        return false;
    }

    public bool TryIndex(object? value, out BigInteger result)
    {
        var o = Obj(value);
        if (o is PyInt i) { result = i.Big; return true; }
        if (o.Type.Index != null) { result = Ops.Index(_ts, o).Big; return true; }
        result = default;
        return false;
    }

    public bool TryInt(object? value, out BigInteger result)
    {
        var o = Obj(value);
        if (o is PyInt i) { result = i.Big; return true; }
        if (o.Type.Int != null || o.Type.Index != null) { result = Ops.ToIntValue(_ts, o).Big; return true; }
        result = default;
        return false;
    }

    public bool TryFloat(object? value, out double result)
    {
        var o = Obj(value);
        if (o is PyFloat || o is PyInt || o.Type.Float != null || o.Type.Index != null) { result = Ops.ToDouble(_ts, o); return true; }
        result = 0;
        return false;
    }

    public bool TryGetTuple(object? value, out IReadOnlyList<object?> items)
    {
        if (Obj(value) is PyTuple t) { items = t.Items; return true; }
        items = Array.Empty<object?>();
        return false;
    }

    public bool IsMapping(object? value)
    {
        var o = Obj(value);
        return o.Type.GetItem != null && o is not PyTuple && o is not PyStr;
    }

    public object? GetItem(object? value, object key) => Ops.GetItem(_ts, Obj(value), Obj(key));
    public object? GetAttr(object? value, string name) => Ops.GetAttr(_ts, Obj(value), name);

    public bool TryGetBytes(object? value, out byte[] bytes)
    {
        var o = Obj(value);
        if (PyBytes.TryGetBuffer(o, out var mem)) { bytes = mem.ToArray(); return true; }
        var m = o.Type.Lookup("__bytes__");
        if (m != null && o is not PyStr)
        {
            var r = Ops.CallMethod(_ts, o, "__bytes__");
            if (r is not PyBytes b) throw PyExc.TypeError($"__bytes__ returned non-bytes (type {r.Type.Name})");
            bytes = b.Data;
            return true;
        }
        bytes = Array.Empty<byte>();
        return false;
    }

    public int MaxStrDigits => _ts.Engine.IntMaxStrDigits;

    public bool TryGetString(object? value, out string text)
    {
        if (Obj(value) is PyStr s) { text = s.Value; return true; }
        text = "";
        return false;
    }
}
