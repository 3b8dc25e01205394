#nullable enable
using System;
using System.Runtime.CompilerServices;
namespace StacklessIron.Stackless;

/// <summary>
/// An ordered ring of tasklets in a circular array: the run queue (its front is the current
/// tasklet whenever that one is runnable) and each channel's queue of blocked tasklets.
/// An array instead of links through the tasklets because every stored reference costs a GC
/// write barrier: appending is one store and taking the front none, where a doubly linked
/// ring writes four links per insert and three per removal (measured: ~40% of a channel
/// switch's barrier work). Removing from the middle shifts the shorter side.
/// </summary>
public sealed class TaskletQueue
{
    Entry[] _items = new Entry[4];
    int _front, _count;
    /// <summary>A struct element: stores into it skip the covariant array-store check.</summary>
    struct Entry { public PyTasklet? T; }

    public int Count => _count;
    public PyTasklet? Front => _count == 0 ? null : _items[_front].T;
    public PyTasklet? Back => _count == 0 ? null : _items[(_front + _count - 1) & (_items.Length - 1)].T;

    public PyTasklet this[int i] => _items[(_front + i) & (_items.Length - 1)].T!;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PushBack(PyTasklet t)
    {
        if (_count == _items.Length) Grow();
        _items[(_front + _count) & (_items.Length - 1)].T = t;
        _count++;
    }

    public void PushFront(PyTasklet t)
    {
        if (_count == _items.Length) Grow();
        _front = (_front - 1) & (_items.Length - 1);
        _items[_front].T = t;
        _count++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PyTasklet PopFront()
    {
        var t = _items[_front].T!;
        _items[_front].T = null;
        _front = (_front + 1) & (_items.Length - 1);
        _count--;
        return t;
    }

    /// <summary>The front moves to the back (the ring turns by one: the next one is in front).</summary>
    public void RotateFrontToBack()
    {
        if (_count < 2) return;
        int mask = _items.Length - 1;
        var t = _items[_front].T;
        _items[_front].T = null;
        _front = (_front + 1) & mask;
        _items[(_front + _count - 1) & mask].T = t;
    }

    /// <summary>The front is replaced by `t` and goes to the back (what "insert t after the
    /// front, then make t the front" does to the ring).</summary>
    public void ReplaceFrontAndPushBack(PyTasklet t)
    {
        var old = _items[_front].T!;
        _items[_front].T = t;
        PushBack(old);
    }

    public int IndexOf(PyTasklet t)
    {
        int mask = _items.Length - 1;
        for (int i = 0; i < _count; i++)
            if (_items[(_front + i) & mask].T == t) return i;
        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Remove(PyTasklet t)
    {
        if (_count > 0 && _items[_front].T == t) { PopFront(); return true; }
        int i = IndexOf(t);
        if (i < 0) return false;
        RemoveAt(i);
        return true;
    }

    public void RemoveAt(int i)
    {
        int mask = _items.Length - 1;
        if (i < _count / 2)
        {
            // shift the elements before it one place back
            for (int j = i; j > 0; j--) _items[(_front + j) & mask].T = _items[(_front + j - 1) & mask].T;
            _items[_front].T = null;
            _front = (_front + 1) & mask;
        }
        else
        {
            for (int j = i; j < _count - 1; j++) _items[(_front + j) & mask].T = _items[(_front + j + 1) & mask].T;
            _items[(_front + _count - 1) & mask].T = null;
        }
        _count--;
    }

    /// <summary>Inserts `t` at position i (0 = front), keeping the order of the others.</summary>
    public void InsertAt(int i, PyTasklet t)
    {
        if (i <= 0) { PushFront(t); return; }
        if (i >= _count) { PushBack(t); return; }
        PushBack(t);
        int mask = _items.Length - 1;
        for (int j = _count - 1; j > i; j--) _items[(_front + j) & mask].T = _items[(_front + j - 1) & mask].T;
        _items[(_front + i) & mask].T = t;
    }

    /// <summary>Turns the ring so that the element at i is in front (the order stays).</summary>
    public void RotateToFront(int i)
    {
        if (i <= 0 || _count < 2) return;
        if (i <= _count / 2) { for (int k = 0; k < i; k++) RotateFrontToBack(); return; }
        int mask = _items.Length - 1;
        for (int k = i; k < _count; k++)
        {
            int back = (_front + _count - 1) & mask;
            var t = _items[back].T;
            _items[back].T = null;
            _front = (_front - 1) & mask;
            _items[_front].T = t;
        }
    }

    /// <summary>The neighbour after `t` in the ring (the front after the back), or null.</summary>
    public PyTasklet? After(PyTasklet t, bool ring)
    {
        int i = IndexOf(t);
        if (i < 0) return null;
        if (i + 1 < _count) return this[i + 1];
        return ring ? this[0] : null;
    }

    public PyTasklet? Before(PyTasklet t, bool ring)
    {
        int i = IndexOf(t);
        if (i < 0) return null;
        if (i > 0) return this[i - 1];
        return ring ? this[_count - 1] : null;
    }

    void Grow()
    {
        var a = new Entry[_items.Length * 2];
        int mask = _items.Length - 1;
        for (int i = 0; i < _count; i++) a[i] = _items[(_front + i) & mask];
        _items = a;
        _front = 0;
    }
}
