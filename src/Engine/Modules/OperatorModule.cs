#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>The `_operator` module, so far only what has no pure-Python fallback:
/// `_compare_digest` (hmac imports it unconditionally). operator.py keeps its own Python
/// definitions for every name this module does not export.</summary>
public static class OperatorModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_operator", "Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience.");
        NativeMembers.FillModule(m, typeof(OperatorModule));
        return m;
    }

    public static void Register() => Importer.NativeModules["_operator"] = Create;

    /// <summary>a == b for two ASCII strs or two bytes-like objects, in time that depends only
    /// on the length of b (hmac.compare_digest).</summary>
    [PyMethod]
    static bool _compare_digest(ThreadState ts, PyObject a, PyObject b)
    {
        byte[] x, y;
        if (a is PyStr sa && b is PyStr sb)
        {
            foreach (var s in new[] { sa.Value, sb.Value })
                foreach (char c in s)
                    if (c > 127) throw PyExc.TypeError("comparing strings with non-ASCII characters is not supported");
            x = System.Text.Encoding.ASCII.GetBytes(sa.Value);
            y = System.Text.Encoding.ASCII.GetBytes(sb.Value);
        }
        else
        {
            if (a is PyStr || b is PyStr)
                throw PyExc.TypeError($"a bytes-like object is required, not '{(a is PyStr ? a : b).Type.Name}'");
            if (!PyBytes.TryGetBuffer(a, out var ma) || !PyBytes.TryGetBuffer(b, out var mb))
                throw PyExc.TypeError($"unsupported operand types(s) or combination of types: '{a.Type.Name}' and '{b.Type.Name}'");
            x = ma.ToArray();
            y = mb.ToArray();
        }
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(x, y);
    }
}
