#nullable enable
using System;
namespace StacklessIron.Runtime;

/// <summary>A stable merge sort over Python objects using `<` (and optional keys), as
/// list.sort/sorted need. Errors from comparisons propagate; the input is left unchanged then.</summary>
public static class Sorting
{
    public static void Sort(ThreadState ts, PyObject[] items, int count, PyObject? key, bool reverse)
    {
        if (count < 2) return;
        var keys = items;
        if (key != null && key != PyNone.Value)
        {
            keys = new PyObject[count];
            for (int i = 0; i < count; i++) keys[i] = Ops.Call(ts, key, items[i]);
        }
        var idx = new int[count];
        for (int i = 0; i < count; i++) idx[i] = i;
        var tmp = new int[count];
        // reverse keeps stability: compare with arguments swapped
        MergeSort(ts, idx, tmp, 0, count, keys, reverse);
        var copy = new PyObject[count];
        for (int i = 0; i < count; i++) copy[i] = items[idx[i]];
        Array.Copy(copy, items, count);
    }

    static bool Less(ThreadState ts, PyObject a, PyObject b)
    {
        if (a is PyInt x && b is PyInt y && x.FitsLong && y.FitsLong && a.Type == PyInt.TypeObject && b.Type == PyInt.TypeObject) return x.Small < y.Small;
        if (a is PyStr s && b is PyStr t && a.Type == TypeObjects.Str && b.Type == TypeObjects.Str) return string.CompareOrdinal(s.Value, t.Value) < 0;
        return Ops.RichCompareBool(ts, a, b, CompareOp.Lt);
    }

    static void MergeSort(ThreadState ts, int[] idx, int[] tmp, int lo, int hi, PyObject[] keys, bool reverse)
    {
        if (hi - lo <= 16)
        {
            for (int i = lo + 1; i < hi; i++)
            {
                int v = idx[i];
                int j = i - 1;
                while (j >= lo && (reverse ? Less(ts, keys[idx[j]], keys[v]) : Less(ts, keys[v], keys[idx[j]]))) { idx[j + 1] = idx[j]; j--; }
                idx[j + 1] = v;
            }
            return;
        }
        int mid = (lo + hi) / 2;
        MergeSort(ts, idx, tmp, lo, mid, keys, reverse);
        MergeSort(ts, idx, tmp, mid, hi, keys, reverse);
        int a = lo, b = mid, k = lo;
        while (a < mid && b < hi)
        {
            bool takeB = reverse ? Less(ts, keys[idx[a]], keys[idx[b]]) : Less(ts, keys[idx[b]], keys[idx[a]]);
            tmp[k++] = takeB ? idx[b++] : idx[a++];
        }
        while (a < mid) tmp[k++] = idx[a++];
        while (b < hi) tmp[k++] = idx[b++];
        Array.Copy(tmp, lo, idx, lo, hi - lo);
    }
}
