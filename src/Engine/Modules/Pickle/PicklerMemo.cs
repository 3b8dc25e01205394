#nullable enable
using System;
using System.Collections.Generic;
namespace StacklessIron.Modules.Pickle;

/// <summary>The Pickler's memo: object (by identity) -> memo index. It holds its objects, so
/// that an object stays alive (and its identity unique) while the pickler may refer to it.</summary>
sealed class PicklerMemo
{
    readonly Dictionary<PyObject, int> _map = new(ReferenceEqualityComparer.Instance);

    public int Count => _map.Count;

    public bool TryGet(PyObject o, out int index) => _map.TryGetValue(o, out index);

    public bool Contains(PyObject o) => _map.ContainsKey(o);

    public void Set(PyObject o, int index) => _map[o] = index;

    public void Clear() => _map.Clear();

    public PicklerMemo Copy()
    {
        var m = new PicklerMemo();
        foreach (var (k, v) in _map) m._map[k] = v;
        return m;
    }

    public IEnumerable<KeyValuePair<PyObject, int>> Entries => _map;
}
