#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`dict_values`: d.values(), a live view; not set-like (`in` iterates, hash is identity).</summary>
[PyType("dict_values")]
public sealed class PyDictValues : PyDictView
{
    public static readonly PyType TypeObject = PyType.Builtin("dict_values", typeof(PyDictValues), subclassable: false);

    public PyDictValues(PyDict d) : base(TypeObject, d, PyDictIterator.Kind.Values) { }

    public static void InitType(PyType t) => AddViewMembers(t);
}
