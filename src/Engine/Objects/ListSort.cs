#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>
/// The stable sort behind list.sort and sorted: a TimSort (natural runs, reversed strictly
/// descending runs, binary insertion up to a minimum run length, merges that keep the run
/// stack balanced, galloping when one run keeps winning). Sorts `keys` and moves `values`
/// (when given) in lockstep. The "less than" test may run Python code and may throw; the
/// arrays then still hold a permutation of their items.
/// </summary>
public sealed class ListSort
{
    readonly PyObject[] _keys;
    readonly PyObject[]? _values;
    readonly Func<PyObject, PyObject, bool> _lt;
    readonly List<(int Base, int Len)> _runs = new();
    PyObject[] _tmpK = Array.Empty<PyObject>();
    PyObject[]? _tmpV;
    int _minGallop = MinGallop;
    const int MinGallop = 7;

    ListSort(PyObject[] keys, PyObject[]? values, Func<PyObject, PyObject, bool> lt)
    {
        _keys = keys; _values = values; _lt = lt;
    }

    /// <summary>Sorts keys[0..n) (and values alongside) by `lt`.</summary>
    public static void Sort(PyObject[] keys, PyObject[]? values, int n, Func<PyObject, PyObject, bool> lt)
    {
        if (n < 2) return;
        new ListSort(keys, values, lt).Run(n);
    }

    /// <summary>The less-than for a homogeneous key array: machine compares when every key is
    /// an exact int that fits a long, an exact float or an exact str; otherwise `<` via the object model.</summary>
    public static Func<PyObject, PyObject, bool> ChooseCompare(ThreadState ts, PyObject[] keys, int n)
    {
        if (n > 0)
        {
            var t = keys[0].Type;
            bool same = true;
            for (int i = 1; i < n && same; i++) same = keys[i].Type == t;
            if (same)
            {
                if (t == TypeObjects.Str) return (a, b) => CompareCodePoints(((PyStr)a).Value, ((PyStr)b).Value) < 0;
                if (t == PyFloat.TypeObject) return (a, b) => ((PyFloat)a).Value < ((PyFloat)b).Value;
                if (t == PyInt.TypeObject)
                {
                    bool small = true;
                    for (int i = 0; i < n && small; i++) small = ((PyInt)keys[i]).FitsLong;
                    if (small) return (a, b) => ((PyInt)a).Small < ((PyInt)b).Small;
                }
            }
        }
        return (a, b) => Ops.RichCompareBool(ts, a, b, CompareOp.Lt);
    }

    /// <summary>Orders .NET strings by code point (UTF-16 order differs for surrogates).</summary>
    public static int CompareCodePoints(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            char x = a[i], y = b[i];
            if (x == y) continue;
            bool sx = char.IsSurrogate(x), sy = char.IsSurrogate(y);
            // a surrogate starts a code point above U+FFFF, beyond every non-surrogate unit >= U+E000
            if (sx != sy && (x >= 0xE000 || y >= 0xE000)) return sx ? 1 : -1;
            return x < y ? -1 : 1;
        }
        return a.Length.CompareTo(b.Length);
    }

    static int ComputeMinRun(int n)
    {
        int r = 0;
        while (n >= 64) { r |= n & 1; n >>= 1; }
        return n + r;
    }

    void Run(int n)
    {
        int minRun = ComputeMinRun(n);
        int lo = 0;
        while (lo < n)
        {
            int len = CountRun(lo, n);
            if (len < minRun)
            {
                int force = Math.Min(minRun, n - lo);
                BinaryInsertion(lo, lo + force, lo + len);
                len = force;
            }
            _runs.Add((lo, len));
            MergeCollapse();
            lo += len;
        }
        while (_runs.Count > 1)
        {
            int i = _runs.Count - 2;
            if (i > 0 && _runs[i - 1].Len < _runs[i + 1].Len) i--;
            MergeAt(i);
        }
    }

    void Swap(int i, int j)
    {
        (_keys[i], _keys[j]) = (_keys[j], _keys[i]);
        if (_values != null) (_values[i], _values[j]) = (_values[j], _values[i]);
    }

    /// <summary>Length of the run at lo; a strictly descending run is reversed in place.</summary>
    int CountRun(int lo, int hi)
    {
        if (lo + 1 == hi) return 1;
        int i = lo + 1;
        if (_lt(_keys[i], _keys[i - 1]))
        {
            for (i++; i < hi && _lt(_keys[i], _keys[i - 1]); i++) { }
            for (int a = lo, b = i - 1; a < b; a++, b--) Swap(a, b);
        }
        else
            for (i++; i < hi && !_lt(_keys[i], _keys[i - 1]); i++) { }
        return i - lo;
    }

    /// <summary>Extends the sorted prefix [lo, start) to [lo, hi) by binary insertion.</summary>
    void BinaryInsertion(int lo, int hi, int start)
    {
        for (; start < hi; start++)
        {
            var pivot = _keys[start];
            var pivotV = _values?[start];
            int l = lo, r = start;
            while (l < r)
            {
                int m = (l + r) >> 1;
                if (_lt(pivot, _keys[m])) r = m; else l = m + 1;
            }
            Array.Copy(_keys, l, _keys, l + 1, start - l);
            _keys[l] = pivot;
            if (_values != null) { Array.Copy(_values, l, _values, l + 1, start - l); _values[l] = pivotV!; }
        }
    }

    void MergeCollapse()
    {
        while (_runs.Count > 1)
        {
            int n = _runs.Count - 2;
            if ((n > 0 && _runs[n - 1].Len <= _runs[n].Len + _runs[n + 1].Len)
                || (n > 1 && _runs[n - 2].Len <= _runs[n - 1].Len + _runs[n].Len))
            {
                if (_runs[n - 1].Len < _runs[n + 1].Len) n--;
            }
            else if (_runs[n].Len > _runs[n + 1].Len) break;
            MergeAt(n);
        }
    }

    void MergeAt(int i)
    {
        var (base1, len1) = _runs[i];
        var (base2, len2) = _runs[i + 1];
        _runs[i] = (base1, len1 + len2);
        _runs.RemoveAt(i + 1);
        // Items of run 1 already <= run2[0] stay put; items of run 2 >= run1[last] too.
        int k = GallopRight(_keys[base2], base1, len1, 0);
        base1 += k; len1 -= k;
        if (len1 == 0) return;
        len2 = GallopLeft(_keys[base1 + len1 - 1], base2, len2, len2 - 1);
        if (len2 == 0) return;
        if (len1 <= len2) MergeLo(base1, len1, base2, len2);
        else MergeHi(base1, len1, base2, len2);
    }

    /// <summary>First position in a[b, b+n) where key would go before equal items (all a[..] < key to the left).</summary>
    int GallopLeft(PyObject key, int b, int n, int hint)
    {
        int lastOfs = 0, ofs = 1;
        if (_lt(_keys[b + hint], key))
        {
            int maxOfs = n - hint;
            while (ofs < maxOfs && _lt(_keys[b + hint + ofs], key)) { lastOfs = ofs; ofs = (ofs << 1) + 1; if (ofs <= 0) ofs = maxOfs; }
            if (ofs > maxOfs) ofs = maxOfs;
            lastOfs += hint; ofs += hint;
        }
        else
        {
            int maxOfs = hint + 1;
            while (ofs < maxOfs && !_lt(_keys[b + hint - ofs], key)) { lastOfs = ofs; ofs = (ofs << 1) + 1; if (ofs <= 0) ofs = maxOfs; }
            if (ofs > maxOfs) ofs = maxOfs;
            (lastOfs, ofs) = (hint - ofs, hint - lastOfs);
        }
        lastOfs++;
        while (lastOfs < ofs)
        {
            int m = lastOfs + ((ofs - lastOfs) >> 1);
            if (_lt(_keys[b + m], key)) lastOfs = m + 1; else ofs = m;
        }
        return ofs;
    }

    /// <summary>First position in a[b, b+n) where key would go after equal items.</summary>
    int GallopRight(PyObject key, int b, int n, int hint)
    {
        int lastOfs = 0, ofs = 1;
        if (_lt(key, _keys[b + hint]))
        {
            int maxOfs = hint + 1;
            while (ofs < maxOfs && _lt(key, _keys[b + hint - ofs])) { lastOfs = ofs; ofs = (ofs << 1) + 1; if (ofs <= 0) ofs = maxOfs; }
            if (ofs > maxOfs) ofs = maxOfs;
            (lastOfs, ofs) = (hint - ofs, hint - lastOfs);
        }
        else
        {
            int maxOfs = n - hint;
            while (ofs < maxOfs && !_lt(key, _keys[b + hint + ofs])) { lastOfs = ofs; ofs = (ofs << 1) + 1; if (ofs <= 0) ofs = maxOfs; }
            if (ofs > maxOfs) ofs = maxOfs;
            lastOfs += hint; ofs += hint;
        }
        lastOfs++;
        while (lastOfs < ofs)
        {
            int m = lastOfs + ((ofs - lastOfs) >> 1);
            if (_lt(key, _keys[b + m])) ofs = m; else lastOfs = m + 1;
        }
        return ofs;
    }

    void EnsureTmp(int n)
    {
        if (_tmpK.Length < n) _tmpK = new PyObject[Math.Max(n, _tmpK.Length * 2)];
        if (_values != null && (_tmpV == null || _tmpV.Length < n)) _tmpV = new PyObject[_tmpK.Length];
    }

    void Move(PyObject[] srcK, PyObject[]? srcV, int s, PyObject[] dstK, PyObject[]? dstV, int d, int n)
    {
        Array.Copy(srcK, s, dstK, d, n);
        if (srcV != null) Array.Copy(srcV, s, dstV!, d, n);
    }

    /// <summary>Merges run 1 (copied to tmp, the shorter) forward with run 2.</summary>
    void MergeLo(int base1, int len1, int base2, int len2)
    {
        EnsureTmp(len1);
        Move(_keys, _values, base1, _tmpK, _tmpV, 0, len1);
        int i = 0, j = base2, end2 = base2 + len2, d = base1;
        try
        {
            while (i < len1 && j < end2)
            {
                int countA = 0, countB = 0;
                // one pair at a time until a run wins often in a row
                while (i < len1 && j < end2)
                {
                    if (_lt(_keys[j], _tmpK[i])) { Put(d++, j++); countB++; countA = 0; if (countB >= _minGallop) break; }
                    else { PutTmp(d++, i++); countA++; countB = 0; if (countA >= _minGallop) break; }
                }
                if (i >= len1 || j >= end2) break;
                // galloping: copy whole stretches found by exponential search
                do
                {
                    int k = GallopRightTmp(_keys[j], i, len1 - i);
                    if (k > 0) { Move(_tmpK, _tmpV, i, _keys, _values, d, k); d += k; i += k; if (i >= len1) break; }
                    countA = k;
                    Put(d++, j++);
                    if (j >= end2) break;
                    k = GallopLeft(_tmpK[i], j, end2 - j, 0);
                    if (k > 0) { Move(_keys, _values, j, _keys, _values, d, k); d += k; j += k; if (j >= end2) break; }
                    countB = k;
                    PutTmp(d++, i++);
                    if (i >= len1) break;
                    if (_minGallop > 1) _minGallop--;
                } while (countA >= MinGallop || countB >= MinGallop);
                _minGallop += 2;
            }
        }
        finally
        {
            // whatever is left of run 1 fills the gap before the rest of run 2
            if (i < len1) Move(_tmpK, _tmpV, i, _keys, _values, d, len1 - i);
        }
    }

    int GallopRightTmp(PyObject key, int b, int n)
    {
        // GallopRight over tmp: a linear-exponential search from the left end
        int lastOfs = 0, ofs = 1;
        if (_lt(key, _tmpK[b])) return 0;
        while (ofs < n && !_lt(key, _tmpK[b + ofs])) { lastOfs = ofs; ofs = (ofs << 1) + 1; if (ofs <= 0) ofs = n; }
        if (ofs > n) ofs = n;
        lastOfs++;
        while (lastOfs < ofs)
        {
            int m = lastOfs + ((ofs - lastOfs) >> 1);
            if (_lt(key, _tmpK[b + m])) ofs = m; else lastOfs = m + 1;
        }
        return ofs;
    }

    void Put(int d, int s)
    {
        _keys[d] = _keys[s];
        if (_values != null) _values[d] = _values[s];
    }

    void PutTmp(int d, int s)
    {
        _keys[d] = _tmpK[s];
        if (_values != null) _values[d] = _tmpV![s];
    }

    /// <summary>Merges run 2 (copied to tmp, the shorter) backward with run 1.</summary>
    void MergeHi(int base1, int len1, int base2, int len2)
    {
        EnsureTmp(len2);
        Move(_keys, _values, base2, _tmpK, _tmpV, 0, len2);
        int i = base1 + len1 - 1, j = len2 - 1, d = base2 + len2 - 1;
        try
        {
            while (j >= 0 && i >= base1)
            {
                // the later of two equal items comes from run 2, so take run 1's only when strictly greater
                if (_lt(_tmpK[j], _keys[i])) Put(d--, i--);
                else PutTmp(d--, j--);
            }
        }
        finally
        {
            if (j >= 0) Move(_tmpK, _tmpV, 0, _keys, _values, d - j, j + 1);
        }
    }
}
