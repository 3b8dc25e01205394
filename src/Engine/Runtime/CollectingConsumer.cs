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

    public CollectingConsumer(Func<ThreadState, PyList, PyObject> finish) { _items = new PyList(); _finish = finish; }

    /// <summary>list.extend(gen): appends to `list` itself (each item as it comes, as CPython
    /// does) and returns None.</summary>
    public CollectingConsumer(PyList list) { _items = list; }

    public override bool AddQuick(ThreadState ts, PyObject item) { _items.Append(item); return true; }
    public override bool Add(ThreadState ts, PyObject item) { _items.Append(item); return true; }
    public override PyObject Finish(ThreadState ts) => _finish == null ? PyNone.Value : _finish(ts, _items);
}
