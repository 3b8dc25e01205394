#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`dict_keys`: d.keys(), a live set-like view.</summary>
[PyType("dict_keys")]
public sealed class PyDictKeys : PyDictSetView
{
    public static readonly PyType TypeObject = PyType.Builtin("dict_keys", typeof(PyDictKeys), subclassable: false);

    public PyDictKeys(PyDict d) : base(TypeObject, d, PyDictIterator.Kind.Keys) { }

    public static void InitType(PyType t) => AddSetViewMembers(t);

    public override bool ViewContains(ThreadState ts, PyObject item) => Dict_.ContainsKey(ts, item);

    [PySlot("__contains__")] static bool Contains(ThreadState ts, PyObject self, PyObject item) => ((PyDictKeys)self).ViewContains(ts, item);
}
