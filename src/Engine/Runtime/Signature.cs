#nullable enable
using System;
namespace StacklessIron.Runtime;

/// <summary>
/// A parameter list and the one argument binder used by Python functions and native functions
/// alike, so both give CPython's TypeError messages. Bound layout: positional parameters,
/// keyword-only parameters, then the *args tuple and the **kwargs dict when declared.
/// </summary>
public sealed class Signature
{
    public string FuncName;            // as shown in messages: "f" or "C.f"
    public readonly string[] Names;    // positional then keyword-only parameter names
    public readonly int PosOnly;
    public readonly int PosCount;      // positional parameters, positional-only included
    public readonly int KwOnly;
    public readonly bool VarArgs, VarKw;
    public readonly int Total;         // length of the bound array
    readonly PyStr[] _names;

    public Signature(string funcName, string[] names, int posOnly, int posCount, int kwOnly, bool varArgs, bool varKw)
    {
        FuncName = funcName; Names = names; PosOnly = posOnly; PosCount = posCount; KwOnly = kwOnly;
        VarArgs = varArgs; VarKw = varKw;
        Total = posCount + kwOnly + (varArgs ? 1 : 0) + (varKw ? 1 : 0);
        _names = new PyStr[names.Length];
        for (int i = 0; i < names.Length; i++) _names[i] = PyStr.Intern(names[i]);
    }

    public int VarArgsIndex => PosCount + KwOnly;
    public int VarKwIndex => PosCount + KwOnly + (VarArgs ? 1 : 0);

    /// <summary>
    /// Binds `args` (positional values then the values of `kwnames`) into dest[0..Total).
    /// Missing parameters take posDefaults (the last ones of the positional parameters) or
    /// kwDefaults; for native functions `optional` marks parameters that may stay null.
    /// </summary>
    public void Bind(ThreadState ts, ReadOnlySpan<PyObject> args, PyTuple? kwnames, Span<PyObject?> dest,
                     PyObject[]? posDefaults = null, PyDict? kwDefaults = null, bool[]? optional = null)
    {
        int nkw = kwnames?.Items.Length ?? 0;
        int npos = args.Length - nkw;
        int n = Math.Min(npos, PosCount);
        for (int i = 0; i < n; i++) dest[i] = args[i];
        PyDict? kwdict = null;
        if (VarKw) { kwdict = new PyDict(); dest[VarKwIndex] = kwdict; }
        if (VarArgs)
        {
            dest[VarArgsIndex] = npos > PosCount ? new PyTuple(args.Slice(PosCount, npos - PosCount).ToArray()) : PyTuple.Empty;
        }
        else if (npos > PosCount)
        {
            throw TooManyPositional(npos, args, kwnames, posDefaults, optional);
        }
        List<string>? posOnlyAsKw = null;
        for (int k = 0; k < nkw; k++)
        {
            var key = kwnames!.Items[k];
            var value = args[npos + k];
            int idx = FindName(key);
            if (idx < 0 || idx < PosOnly)
            {
                if (kwdict != null) { kwdict.SetItem(ts, key, value); continue; }
                if (idx >= 0) { (posOnlyAsKw ??= new()).Add(Names[idx]); continue; }
                throw PyExc.TypeError($"{FuncName}() got an unexpected keyword argument '{Ops.StrValue(key)}'");
            }
            if (dest[idx] != null)
                throw PyExc.TypeError($"{FuncName}() got multiple values for argument '{Names[idx]}'");
            dest[idx] = value;
        }
        if (posOnlyAsKw != null)
            throw PyExc.TypeError($"{FuncName}() got some positional-only arguments passed as keyword arguments: '{string.Join(", ", posOnlyAsKw)}'");
        if (npos < PosCount || KwOnly > 0) FillDefaults(dest, posDefaults, kwDefaults, optional);
    }

    int FindName(PyObject key)
    {
        if (key is PyStr s)
        {
            for (int i = 0; i < _names.Length; i++) if ((object)_names[i] == s) return i;
            for (int i = 0; i < _names.Length; i++) if (_names[i].Value == s.Value) return i;
            return -1;
        }
        throw PyExc.TypeError($"{FuncName}() keywords must be strings");
    }

    void FillDefaults(Span<PyObject?> dest, PyObject[]? posDefaults, PyDict? kwDefaults, bool[]? optional)
    {
        int ndef = posDefaults?.Length ?? 0;
        List<string>? missing = null;
        for (int i = 0; i < PosCount; i++)
        {
            if (dest[i] != null) continue;
            int d = i - (PosCount - ndef);
            if (d >= 0) dest[i] = posDefaults![d];
            else if (optional == null || !optional[i]) (missing ??= new()).Add(Names[i]);
        }
        if (missing != null) throw Missing(missing, "positional");
        for (int i = PosCount; i < PosCount + KwOnly; i++)
        {
            if (dest[i] != null) continue;
            var v = kwDefaults?.GetStr(_names[i]);
            if (v != null) dest[i] = v;
            else if (optional == null || !optional[i]) (missing ??= new()).Add(Names[i]);
        }
        if (missing != null) throw Missing(missing, "keyword-only");
    }

    PyException Missing(List<string> names, string kind)
    {
        string list;
        if (names.Count == 1) list = $"'{names[0]}'";
        else if (names.Count == 2) list = $"'{names[0]}' and '{names[1]}'";
        else
        {
            var parts = new List<string>();
            for (int i = 0; i < names.Count - 1; i++) parts.Add($"'{names[i]}'");
            list = string.Join(", ", parts) + $", and '{names[^1]}'";
        }
        return PyExc.TypeError($"{FuncName}() missing {names.Count} required {kind} argument{(names.Count == 1 ? "" : "s")}: {list}");
    }

    PyException TooManyPositional(int npos, ReadOnlySpan<PyObject> args, PyTuple? kwnames, PyObject[]? posDefaults, bool[]? optional)
    {
        int ndef = posDefaults?.Length ?? 0;
        if (optional != null) for (int i = 0; i < PosCount; i++) if (optional[i]) { ndef = PosCount - i; break; }
        int kwGiven = 0;
        if (kwnames != null)
            foreach (var k in kwnames.Items)
            {
                int idx = k is PyStr ? FindName(k) : -1;
                if (idx >= PosCount) kwGiven++;
            }
        string takes = ndef > 0
            ? $"from {PosCount - ndef} to {PosCount} positional arguments"
            : $"{PosCount} positional argument{(PosCount == 1 ? "" : "s")}";
        string given = kwGiven > 0
            ? $"{npos} positional argument{(npos == 1 ? "" : "s")} (and {kwGiven} keyword-only argument{(kwGiven == 1 ? "" : "s")}) were given"
            : $"{npos} {(npos == 1 ? "was" : "were")} given";
        return PyExc.TypeError($"{FuncName}() takes {takes} but {given}");
    }
}
