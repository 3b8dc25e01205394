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

    /// <summary>How a native function's argument errors read: CPython's C functions do not use
    /// the Python-function messages but those of their calling convention.</summary>
    public enum NativeStyle
    {
        /// <summary>A Python function: "f() takes 1 positional argument but 2 were given".</summary>
        Python,
        /// <summary>METH_NOARGS: "list.clear() takes no arguments (1 given)".</summary>
        NoArgs,
        /// <summary>METH_O: "list.append() takes exactly one argument (0 given)".</summary>
        One,
        /// <summary>Argument Clinic, positional-only: "get expected at least 1 argument, got 0".</summary>
        Positional,
        /// <summary>Argument Clinic with keywords: "'x' is an invalid keyword argument for sort()".</summary>
        Keywords,
    }

    public NativeStyle Style;
    /// <summary>The name in METH_NOARGS/METH_O messages ("list.append"; a function's own name).</summary>
    public string? QualifiedName;

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
        if (Style != NativeStyle.Python) CheckNative(npos, kwnames, optional);
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

    /// <summary>The argument errors of a native function, worded as its CPython counterpart's
    /// calling convention words them (getargs.c); anything it lets pass is bound normally.</summary>
    void CheckNative(int npos, PyTuple? kwnames, bool[]? optional)
    {
        int nkw = kwnames?.Items.Length ?? 0;
        string qn = QualifiedName ?? FuncName;
        static string S(int n) => n == 1 ? "" : "s";
        bool Required(int i) => optional == null || !optional[i];
        switch (Style)
        {
            case NativeStyle.NoArgs:
                if (nkw > 0) throw PyExc.TypeError($"{qn}() takes no keyword arguments");
                if (npos > 0) throw PyExc.TypeError($"{qn}() takes no arguments ({npos} given)");
                return;
            case NativeStyle.One:
                if (nkw > 0) throw PyExc.TypeError($"{qn}() takes no keyword arguments");
                if (npos != 1) throw PyExc.TypeError($"{qn}() takes exactly one argument ({npos} given)");
                return;
            case NativeStyle.Positional:
            {
                // The method descriptor refuses keywords before the method runs, naming it
                // with its type ("set.union()", "dict.get()").
                if (nkw > 0) throw PyExc.TypeError($"{qn}() takes no keyword arguments");
                if (VarArgs) return;
                int min = 0;
                while (min < PosCount && Required(min)) min++;
                if (npos >= min && npos <= PosCount) return;
                if (min == PosCount) throw PyExc.TypeError($"{FuncName} expected {min} argument{S(min)}, got {npos}");
                if (npos < min) throw PyExc.TypeError($"{FuncName} expected at least {min} argument{S(min)}, got {npos}");
                throw PyExc.TypeError($"{FuncName} expected at most {PosCount} argument{S(PosCount)}, got {npos}");
            }
            case NativeStyle.Keywords:
            {
                int maxArgs = PosCount + KwOnly;
                int minPos = 0;
                while (minPos < PosCount && Required(minPos)) minPos++;
                if (!VarArgs && !VarKw && npos + nkw > maxArgs)
                    throw PyExc.TypeError($"{FuncName}() takes at most {maxArgs} {(npos == 0 ? "keyword " : "")}argument{S(maxArgs)} ({npos + nkw} given)");
                if (!VarArgs && npos > PosCount)
                    throw PyExc.TypeError(PosCount == 0 ? $"{FuncName}() takes no positional arguments"
                        : $"{FuncName}() takes {(minPos < PosCount ? "at most" : "exactly")} {PosCount} positional argument{S(PosCount)} ({npos} given)");
                int minPosOnly = Math.Min(PosOnly, minPos);
                if (npos < minPosOnly)
                    throw PyExc.TypeError($"{FuncName}() takes {(minPosOnly < PosCount ? "at least" : "exactly")} {minPosOnly} positional argument{S(minPosOnly)} ({npos} given)");
                var byName = new bool[maxArgs];
                string? invalid = null;
                int both = -1;
                for (int k = 0; k < nkw; k++)
                {
                    var key = kwnames!.Items[k];
                    int idx = key is PyStr ? FindName(key) : -1;
                    if (idx < 0 || idx < PosOnly) { invalid ??= key is PyStr ks ? ks.Value : Ops.StrValue(key); continue; }
                    if (idx < npos && idx < PosCount) { if (both < 0) both = idx; continue; }
                    byName[idx] = true;
                }
                for (int i = Math.Max(Math.Min(npos, PosCount), PosOnly); i < maxArgs; i++)
                    if (!byName[i] && Required(i))
                        throw PyExc.TypeError($"{FuncName}() missing required argument '{Names[i]}' (pos {i + 1})");
                if (both >= 0)
                    throw PyExc.TypeError($"argument for {FuncName}() given by name ('{Names[both]}') and position ({both + 1})");
                if (invalid != null && !VarKw)
                    throw PyExc.TypeError($"'{invalid}' is an invalid keyword argument for {FuncName}()");
                return;
            }
        }
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
