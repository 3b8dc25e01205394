#nullable enable
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
namespace StacklessIron.Modules.Lzma;

/// <summary>A filter chain from Python filter specifiers (dicts with "id" and the filter's
/// options) in unmanaged memory, as liblzma reads it; and filter properties back to dicts.
/// Dispose frees the options.</summary>
internal sealed unsafe class LzmaFilters : IDisposable
{
    public const int MaxFilters = 4;
    public readonly LzmaFilter* Chain;
    readonly List<IntPtr> _options = new();
    public int Count;

    public LzmaFilters()
    {
        Chain = (LzmaFilter*)NativeMemory.AllocZeroed((nuint)(sizeof(LzmaFilter) * (MaxFilters + 1)));
        Chain[0].Id = LibLzma.VLI_UNKNOWN;
    }

    public void Dispose()
    {
        foreach (var p in _options) NativeMemory.Free((void*)p);
        NativeMemory.Free(Chain);
    }

    public static LzmaFilters FromSpecs(ThreadState ts, PyObject filters)
    {
        var specs = Ops.ToArray(ts, filters);
        if (specs.Length > MaxFilters) throw PyExc.ValueError($"Too many filters - liblzma supports a maximum of {MaxFilters}");
        var f = new LzmaFilters();
        try
        {
            foreach (var spec in specs) f.Add(ts, spec);
        }
        catch { f.Dispose(); throw; }
        return f;
    }

    void* NewOptions()
    {
        var p = NativeMemory.AllocZeroed(LibLzma.OptionsSize);
        _options.Add((IntPtr)p);
        return p;
    }

    static uint U32(ThreadState ts, PyObject v)
    {
        var i = Ops.Index(ts, v);
        if (!i.FitsLong || i.Small < 0 || i.Small > uint.MaxValue) throw PyExc.OverflowError("Value too large for uint32_t type");
        return (uint)i.Small;
    }

    /// <summary>The options struct of one specifier: lzma_options_lzma (preset first, then
    /// the named fields), lzma_options_delta or lzma_options_bcj.</summary>
    void Add(ThreadState ts, PyObject spec)
    {
        if (spec is not PyDict && spec.Type.Lookup("__getitem__") == null)
            throw PyExc.TypeError("Filter specifier must be a dict or dict-like object");
        var idObj = GetOrNull(ts, spec, "id") ?? throw PyExc.ValueError("Filter specifier must have an \"id\" entry");
        var idInt = Ops.Index(ts, idObj);
        ulong id = idInt.FitsLong ? (ulong)idInt.Small : (ulong)idInt.Big;
        var keys = new List<string>();
        foreach (var k in Ops.Iterate(ts, Ops.CallMethod(ts, spec, "keys"))) keys.Add(Ops.StrValue(k));
        void* opts = NewOptions();
        if (id == LibLzma.FILTER_LZMA1 || id == LibLzma.FILTER_LZMA2)
        {
            uint preset = 6;
            if (GetOrNull(ts, spec, "preset") is PyObject p) preset = U32(ts, p);
            if (LibLzma.lzma_lzma_preset(opts, preset) != 0) throw LzmaModule.Fail($"Invalid compression preset: {preset}");
            // lzma_options_lzma: dict_size@0, lc@20, lp@24, pb@28, mode@32, nice_len@36, mf@40, depth@44
            var fields = new Dictionary<string, int> { ["dict_size"] = 0, ["lc"] = 20, ["lp"] = 24, ["pb"] = 28, ["mode"] = 32, ["nice_len"] = 36, ["mf"] = 40, ["depth"] = 44 };
            foreach (var k in keys)
            {
                if (k == "id" || k == "preset") continue;
                if (!fields.TryGetValue(k, out int at)) throw PyExc.ValueError("Invalid filter specifier for LZMA filter");
                *(uint*)((byte*)opts + at) = U32(ts, Ops.GetItem(ts, spec, new PyStr(k)));
            }
        }
        else if (id == LibLzma.FILTER_DELTA)
        {
            // lzma_options_delta: type@0 (LZMA_DELTA_TYPE_BYTE = 0), dist@4
            uint dist = 1;
            foreach (var k in keys)
            {
                if (k == "id") continue;
                if (k != "dist") throw PyExc.ValueError("Invalid filter specifier for delta filter");
                dist = U32(ts, Ops.GetItem(ts, spec, new PyStr(k)));
            }
            ((uint*)opts)[1] = dist;
        }
        else if (id >= LibLzma.FILTER_X86 && id <= LibLzma.FILTER_SPARC)
        {
            // lzma_options_bcj: start_offset@0
            foreach (var k in keys)
            {
                if (k == "id") continue;
                if (k != "start_offset") throw PyExc.ValueError("Invalid filter specifier for BCJ filter");
                *(uint*)opts = U32(ts, Ops.GetItem(ts, spec, new PyStr(k)));
            }
        }
        else throw PyExc.ValueError($"Invalid filter ID: {id}");
        Chain[Count].Id = id;
        Chain[Count].Options = opts;
        Count++;
        Chain[Count].Id = LibLzma.VLI_UNKNOWN;
        Chain[Count].Options = null;
    }

    static PyObject? GetOrNull(ThreadState ts, PyObject spec, string key)
    {
        try { return Ops.GetItem(ts, spec, new PyStr(key)); }
        catch (PyException e) when (e.Matches(ExceptionTypes.KeyError)) { return null; }
    }

    /// <summary>The dict describing decoded options of filter `id` (None options: just the id).</summary>
    public static PyDict ToDict(ThreadState ts, ulong id, void* opts)
    {
        var d = new PyDict();
        d.SetItem(ts, new PyStr("id"), PyInt.From(new System.Numerics.BigInteger(id)));
        if (opts == null) return d;
        uint U(int at) => *(uint*)((byte*)opts + at);
        if (id == LibLzma.FILTER_LZMA1)
        {
            d.SetItem(ts, new PyStr("lc"), PyInt.From(U(20)));
            d.SetItem(ts, new PyStr("lp"), PyInt.From(U(24)));
            d.SetItem(ts, new PyStr("pb"), PyInt.From(U(28)));
            d.SetItem(ts, new PyStr("dict_size"), PyInt.From(U(0)));
        }
        else if (id == LibLzma.FILTER_LZMA2) d.SetItem(ts, new PyStr("dict_size"), PyInt.From(U(0)));
        else if (id == LibLzma.FILTER_DELTA) d.SetItem(ts, new PyStr("dist"), PyInt.From(U(4)));
        else if (id >= LibLzma.FILTER_X86 && id <= LibLzma.FILTER_SPARC) d.SetItem(ts, new PyStr("start_offset"), PyInt.From(U(0)));
        return d;
    }
}
