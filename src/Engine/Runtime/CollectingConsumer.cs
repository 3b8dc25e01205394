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
    readonly PyList _items = new();
    readonly Func<ThreadState, PyList, PyObject> _finish;

    public CollectingConsumer(Func<ThreadState, PyList, PyObject> finish) { _finish = finish; }

    public override bool AddQuick(ThreadState ts, PyObject item) { _items.Append(item); return true; }
    public override bool Add(ThreadState ts, PyObject item) { _items.Append(item); return true; }
    public override PyObject Finish(ThreadState ts) => _finish(ts, _items);
}
