#nullable enable
using System;
using System.Runtime.CompilerServices;
namespace StacklessIron.Modules;

/// <summary>_abc._abc_data: the per-class state of an ABC (cls._abc_impl): the registry of
/// virtual subclasses, the positive and negative caches of subclass checks, and the
/// invalidation count the negative cache was filled at. The sets hold their classes weakly
/// (a registered or cached class may still be collected) and compare by identity.</summary>
public sealed class PyAbcData : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("_abc_data", typeof(PyAbcData), subclassable: false, module: "_abc");

    public readonly WeakClassSet Registry = new(), Cache = new(), NegativeCache = new();
    public long NegativeCacheVersion;

    public PyAbcData(long version) : base(TypeObject) { NegativeCacheVersion = version; }

    /// <summary>A set of classes held weakly, by identity.</summary>
    public sealed class WeakClassSet
    {
        ConditionalWeakTable<PyObject, object?> _table = new();

        public bool Contains(PyObject o) => _table.TryGetValue(o, out _);
        public void Add(PyObject o) => _table.AddOrUpdate(o, null);
        public void Clear() => _table.Clear();

        /// <summary>The live members (a snapshot: checks may add to the set while it is walked).</summary>
        public List<PyObject> Members()
        {
            var list = new List<PyObject>();
            foreach (var pair in _table) list.Add(pair.Key);
            return list;
        }
    }
}
