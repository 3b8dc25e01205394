#nullable enable
using System;
namespace StacklessIron.Runtime;

/// <summary>
/// Collects every item into a list, then hands the list to `finish` (list() returns it,
/// tuple() and str.join() read it, sorted() sorts it): the natives that take the whole
/// iterable first, as CPython's PySequence_Fast does. Appending runs no Python code, so the
/// loop gives each yielded item to AddQuick without suspending the generator.
/// </summary>
public sealed class CollectingConsumer : IterationConsumer
{
    readonly PyList _items;
    readonly Func<ThreadState, PyList, PyObject>? _finish;
    /// <summary>The finish as a Python callable taking the list (list, tuple, a partial of
    /// sorted, sep.join), made when a tasklet stopped inside the generator is pickled.</summary>
    readonly Func<ThreadState, PyObject>? _finishCallable;

    public CollectingConsumer(Func<ThreadState, PyList, PyObject> finish, Func<ThreadState, PyObject>? finishCallable = null)
    {
        _items = new PyList(); _finish = finish; _finishCallable = finishCallable;
    }

    CollectingConsumer(PyList items, PyObject callable)
    {
        _items = items;
        _finish = (ts, l) => Ops.Call(ts, callable, l);
        _finishCallable = _ => callable;
    }

    /// <summary>("collect", items so far, the finish callable, or None for list.extend's).</summary>
    public override PyTuple? PickleState(ThreadState ts)
    {
        if (_finish != null && _finishCallable == null) return null;
        return new PyTuple(new PyObject[] { new PyStr("collect"), _items, _finish == null ? PyNone.Value : _finishCallable!(ts) });
    }

    internal static CollectingConsumer Restore(PyList items, PyObject finish)
        => finish == PyNone.Value ? new CollectingConsumer(items) : new CollectingConsumer(items, finish);

    /// <summary>list.extend(gen): appends to `list` itself (each item as it comes, as CPython
    /// does) and returns None.</summary>
    public CollectingConsumer(PyList list) { _items = list; }

    public override bool AddQuick(ThreadState ts, PyObject item) { _items.Append(item); return true; }
    public override bool Add(ThreadState ts, PyObject item) { _items.Append(item); return true; }
    public override PyObject Finish(ThreadState ts) => _finish == null ? PyNone.Value : _finish(ts, _items);
}
