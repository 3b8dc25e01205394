#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>The `_heapq` module: the binary min-heap (and the max-heap helpers) over a list,
/// with the same comparison order as heapq.py and CPython's C version, so results and the
/// heap's layout are identical.</summary>
public static class HeapqModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_heapq", "Heap queue algorithm (a.k.a. priority queue).");
        NativeMembers.FillModule(m, typeof(HeapqModule));
        m.Set("__about__", new PyStr("Heap queues"));
        return m;
    }

    public static void Register() => Importer.NativeModules["_heapq"] = Create;

    /// <summary>The heap argument: a list (or subclass), with Argument Clinic's message otherwise.</summary>
    static PyList Heap(PyObject heap, string func, bool single)
        => heap as PyList ?? throw PyExc.TypeError($"{func}() argument{(single ? "" : " 1")} must be list, not {heap.Type.Name}");

    static bool Less(ThreadState ts, PyObject a, PyObject b, bool max)
        => max ? Ops.RichCompareBool(ts, b, a, CompareOp.Lt) : Ops.RichCompareBool(ts, a, b, CompareOp.Lt);

    /// <summary>Moves the item at pos up towards startpos while it is smaller than its parent.</summary>
    static void SiftDown(ThreadState ts, PyList heap, int startpos, int pos, bool max)
    {
        int size = heap.Count;
        if (pos >= size) throw PyExc.IndexError("index out of range");
        var newitem = heap.Items[pos];
        while (pos > startpos)
        {
            int parentpos = (pos - 1) >> 1;
            var parent = heap.Items[parentpos];
            bool lt = Less(ts, newitem, parent, max);
            if (size != heap.Count) throw PyExc.RuntimeError("list changed size during iteration");
            if (!lt) break;
            parent = heap.Items[parentpos];
            newitem = heap.Items[pos];
            heap.Items[parentpos] = newitem;
            heap.Items[pos] = parent;
            pos = parentpos;
        }
    }

    /// <summary>Bubbles the smaller child up until a leaf is reached, then sifts down.</summary>
    static void SiftUp(ThreadState ts, PyList heap, int pos, bool max)
    {
        int endpos = heap.Count, startpos = pos;
        if (pos >= endpos) throw PyExc.IndexError("index out of range");
        int limit = endpos >> 1;
        while (pos < limit)
        {
            int childpos = 2 * pos + 1;
            if (childpos + 1 < endpos)
            {
                bool lt = Less(ts, heap.Items[childpos], heap.Items[childpos + 1], max);
                if (endpos != heap.Count) throw PyExc.RuntimeError("list changed size during iteration");
                childpos += lt ? 0 : 1;
            }
            (heap.Items[childpos], heap.Items[pos]) = (heap.Items[pos], heap.Items[childpos]);
            pos = childpos;
        }
        SiftDown(ts, heap, startpos, pos, max);
    }

    [PyMethod]
    static void heappush(ThreadState ts, PyObject heap, PyObject item)
    {
        var h = Heap(heap, "heappush", false);
        h.Append(item);
        SiftDown(ts, h, 0, h.Count - 1, false);
    }

    static PyObject Pop(ThreadState ts, PyObject heap, bool max)
    {
        var h = Heap(heap, max ? "_heappop_max" : "heappop", true);
        if (h.Count == 0) throw PyExc.IndexError("index out of range");
        var last = h.Items[--h.Count];
        h.Items[h.Count] = null!;
        if (h.Count == 0) return last;
        var ret = h.Items[0];
        h.Items[0] = last;
        SiftUp(ts, h, 0, max);
        return ret;
    }

    static PyObject Replace(ThreadState ts, PyObject heap, PyObject item, bool max)
    {
        var h = Heap(heap, max ? "_heapreplace_max" : "heapreplace", false);
        if (h.Count == 0) throw PyExc.IndexError("index out of range");
        var ret = h.Items[0];
        h.Items[0] = item;
        SiftUp(ts, h, 0, max);
        return ret;
    }

    static void Heapify(ThreadState ts, PyObject heap, bool max)
    {
        var h = Heap(heap, max ? "_heapify_max" : "heapify", true);
        for (int i = h.Count / 2 - 1; i >= 0; i--) SiftUp(ts, h, i, max);
    }

    [PyMethod] static PyObject heappop(ThreadState ts, PyObject heap) => Pop(ts, heap, false);
    [PyMethod] static PyObject heapreplace(ThreadState ts, PyObject heap, PyObject item) => Replace(ts, heap, item, false);
    [PyMethod] static void heapify(ThreadState ts, PyObject heap) => Heapify(ts, heap, false);
    [PyMethod] static PyObject _heappop_max(ThreadState ts, PyObject heap) => Pop(ts, heap, true);
    [PyMethod] static PyObject _heapreplace_max(ThreadState ts, PyObject heap, PyObject item) => Replace(ts, heap, item, true);
    [PyMethod] static void _heapify_max(ThreadState ts, PyObject heap) => Heapify(ts, heap, true);

    [PyMethod]
    static PyObject heappushpop(ThreadState ts, PyObject heap, PyObject item)
    {
        var h = Heap(heap, "heappushpop", false);
        if (h.Count == 0) return item;
        var top = h.Items[0];
        bool lt = Ops.RichCompareBool(ts, top, item, CompareOp.Lt);
        if (!lt) return item;
        if (h.Count == 0) throw PyExc.IndexError("index out of range");
        var ret = h.Items[0];
        h.Items[0] = item;
        SiftUp(ts, h, 0, false);
        return ret;
    }
}
