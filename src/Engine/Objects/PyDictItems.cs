#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`dict_items`: d.items(), a live set-like view of (key, value) pairs.</summary>
[PyType("dict_items")]
public sealed class PyDictItems : PyDictSetView
{
    public static readonly PyType TypeObject = PyType.Builtin("dict_items", typeof(PyDictItems), subclassable: false);

    public PyDictItems(PyDict d) : base(TypeObject, d, PyDictIterator.Kind.Items) { }

    public static void InitType(PyType t) => AddSetViewMembers(t);

    /// <summary>Only a 2-tuple can be an item; its value must equal the dict's.</summary>
    public override bool ViewContains(ThreadState ts, PyObject item)
    {
        if (item is not PyTuple t || t.Items.Length != 2) return false;
        var found = Dict_.GetItem(ts, t.Items[0]);
        return found != null && Ops.RichCompareBool(ts, found, t.Items[1], CompareOp.Eq);
    }

    [PySlot("__contains__")] static bool Contains(ThreadState ts, PyObject self, PyObject item) => ((PyDictItems)self).ViewContains(ts, item);
}
