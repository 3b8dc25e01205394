#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>The `_bisect` module: binary search and insertion in sorted sequences, with the
/// same comparisons (x &lt; a[mid] for the right variants, a[mid] &lt; x for the left) as CPython.</summary>
public static class BisectModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_bisect", "Bisection algorithms.");
        NativeMembers.FillModule(m, typeof(BisectModule));
        return m;
    }

    public static void Register() => Importer.NativeModules["_bisect"] = Create;

    static PyObject Item(ThreadState ts, PyObject a, long i)
        => a is PyList l && a.Type == PyList.TypeObject && i < l.Count ? l.Items[i] : Ops.GetItem(ts, a, PyInt.From(i));

    static long Search(ThreadState ts, PyObject a, PyObject x, long lo, PyObject? hiObj, PyObject? key, bool right)
    {
        if (lo < 0) throw PyExc.ValueError("lo must be non-negative");
        long hi = hiObj == null || hiObj == PyNone.Value ? -1 : Ops.Index(ts, hiObj).ToLongChecked();
        if (hi == -1) hi = Ops.Len(ts, a);  // CPython's default is -1 too
        bool useKey = key != null && key != PyNone.Value;
        while (lo < hi)
        {
            long mid = (long)(((ulong)lo + (ulong)hi) / 2);
            var item = Item(ts, a, mid);
            if (useKey) item = Ops.Call(ts, key!, item);
            bool goLeft = right ? Ops.RichCompareBool(ts, x, item, CompareOp.Lt) : !Ops.RichCompareBool(ts, item, x, CompareOp.Lt);
            if (goLeft) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    static void Insert(ThreadState ts, PyObject a, long index, PyObject x)
    {
        if (a is PyList l && a.Type == PyList.TypeObject) Ops.CallMethod(ts, l, "insert", PyInt.From(index), x);
        else Ops.CallMethod(ts, a, "insert", PyInt.From(index), x);
    }

    static PyObject KeyOf(ThreadState ts, PyObject x, PyObject? key)
        => key == null || key == PyNone.Value ? x : Ops.Call(ts, key, x);

    [PyMethod]
    static long bisect_right(ThreadState ts, [PyKeyword] PyObject a, PyObject x, long lo = 0, PyObject? hi = null, [PyKwOnly] PyObject? key = null)
        => Search(ts, a, x, lo, hi, key, true);

    [PyMethod]
    static long bisect_left(ThreadState ts, [PyKeyword] PyObject a, PyObject x, long lo = 0, PyObject? hi = null, [PyKwOnly] PyObject? key = null)
        => Search(ts, a, x, lo, hi, key, false);

    [PyMethod]
    static void insort_right(ThreadState ts, [PyKeyword] PyObject a, PyObject x, long lo = 0, PyObject? hi = null, [PyKwOnly] PyObject? key = null)
        => Insert(ts, a, Search(ts, a, KeyOf(ts, x, key), lo, hi, key, true), x);

    [PyMethod]
    static void insort_left(ThreadState ts, [PyKeyword] PyObject a, PyObject x, long lo = 0, PyObject? hi = null, [PyKwOnly] PyObject? key = null)
        => Insert(ts, a, Search(ts, a, KeyOf(ts, x, key), lo, hi, key, false), x);
}
