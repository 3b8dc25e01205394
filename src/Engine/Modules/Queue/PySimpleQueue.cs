#nullable enable
using System;
using System.Collections.Concurrent;
using System.Threading;
namespace StacklessIron.Modules;

/// <summary>_queue.SimpleQueue: an unbounded FIFO for threads. put never blocks; get waits
/// with the interpreter lock released (other Python threads run), up to a timeout, and raises
/// _queue.Empty when nothing came. A semaphore counts the items, so every successful wait
/// owns exactly one of them.</summary>
public sealed class PySimpleQueue : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("SimpleQueue", typeof(PySimpleQueue), module: "_queue");
    public static readonly PyType Empty = NativeErrors.Define("_queue", "Empty");

    readonly ConcurrentQueue<PyObject> _items = new();
    readonly SemaphoreSlim _available = new(0);
    PyDict? _dict;

    PySimpleQueue(PyType type) : base(type)
    {
        if (type != TypeObject && type.InstanceHasDict) _dict = new PyDict();
    }

    public override PyDict? Dict { get => _dict; set => _dict = value; }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (cls == TypeObject)
        {
            int nkw = kwnames?.Items.Length ?? 0;
            if (args.Length > nkw) throw PyExc.TypeError("SimpleQueue() takes no positional arguments");
            if (nkw > 0) throw PyExc.TypeError("SimpleQueue() takes no keyword arguments");
        }
        return new PySimpleQueue(cls);
    }

    [PyMethod]
    static void put(ThreadState ts, PySimpleQueue self, [PyKeyword] PyObject item, bool block = true, PyObject? timeout = null)
    {
        // Unbounded: block and timeout exist for compatibility with queue.Queue.put.
        self._items.Enqueue(item);
        self._available.Release();
    }

    [PyMethod] static void put_nowait(ThreadState ts, PySimpleQueue self, [PyKeyword] PyObject item) => put(ts, self, item);

    [PyMethod]
    static PyObject get(ThreadState ts, PySimpleQueue self, [PyKeyword] bool block = true, PyObject? timeout = null)
    {
        double seconds = -1;
        if (block && timeout != null && timeout != PyNone.Value)
        {
            // As _PyTime_FromSecondsObject: a float, or else anything with __index__.
            seconds = timeout is PyFloat f ? f.Value : Ops.Index(ts, timeout).ToDouble();
            if (double.IsNaN(seconds)) throw PyExc.ValueError("Invalid value NaN (not a number)");
            if (seconds < 0) throw PyExc.ValueError("'timeout' must be a non-negative number");
            if (seconds > ThreadModule.TimeoutMax) throw PyExc.OverflowError("timeout value is too large");
        }
        if (!self.Take(ts, block ? seconds : 0)) throw PyExc.New(Empty);
        self._items.TryDequeue(out var item);
        return item!;
    }

    [PyMethod] static PyObject get_nowait(ThreadState ts, PySimpleQueue self) => get(ts, self, false);

    /// <summary>Claims one item, waiting up to `seconds` (negative: without limit).</summary>
    bool Take(ThreadState ts, double seconds)
    {
        if (_available.Wait(0)) return true;
        if (seconds == 0) return false;
        if (!ThreadModule.OtherThreadsPossible(ts))
        {
            // No other thread exists to put anything: CPython would wait forever here.
            if (seconds < 0) throw PyExc.RuntimeError("deadlock: get() on an empty SimpleQueue, and no other thread can put an item");
            System.Threading.Thread.Sleep(TimeSpan.FromSeconds(seconds));
            return _available.Wait(0);
        }
        using (ts.AllowThreads())
        {
            if (seconds < 0) { _available.Wait(); return true; }
            long deadline = Environment.TickCount64 + (long)Math.Ceiling(seconds * 1000);
            while (true)
            {
                long left = Math.Max(0, deadline - Environment.TickCount64);
                if (_available.Wait((int)Math.Min(left, int.MaxValue - 1))) return true;
                if (left <= int.MaxValue - 1) return false;
            }
        }
    }

    [PyMethod] static bool empty(ThreadState ts, PySimpleQueue self) => self._items.IsEmpty;
    [PyMethod] static long qsize(ThreadState ts, PySimpleQueue self) => self._items.Count;
    [PyClassMethod] static PyObject __class_getitem__(ThreadState ts, PyType cls, PyObject item) => new PyGenericAlias(cls, item);
}
