#nullable enable
using System;
using StacklessIron.Compiling;
namespace StacklessIron.Modules;

/// <summary>The `_collections` module: deque, defaultdict, the namedtuple field descriptor
/// and Counter's counting loop. collections/__init__.py imports them when present.</summary>
public static class CollectionsModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_collections", "High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n- defaultdict:  dict subclass with a default value factory\n");
        NativeMembers.FillModule(m, typeof(CollectionsModule));
        m.Set("deque", PyDeque.TypeObject);
        m.Set("defaultdict", PyDefaultDict.TypeObject);
        m.Set("_deque_iterator", PyDequeIterator.ForwardType);
        m.Set("_deque_reverse_iterator", PyDequeIterator.ReverseType);
        m.Set("_tuplegetter", PyTupleGetter.TypeObject);
        return m;
    }

    public static void Register() => Importer.NativeModules["_collections"] = Create;

    static readonly PyInt s_one = PyInt.From(1);

    /// <summary>Counter's update loop: mapping[elem] = mapping.get(elem, 0) + 1 for each element.
    /// A dict whose get/__setitem__ are dict's own is updated directly.</summary>
    [PyMethod]
    static void _count_elements(ThreadState ts, PyObject mapping, PyObject iterable)
    {
        var it = Ops.GetIter(ts, iterable);
        var dictGet = TypeObjects.Dict.Lookup("get");
        var dictSet = TypeObjects.Dict.Lookup("__setitem__");
        if (mapping is PyDict d && mapping.Type.Lookup("get") == dictGet && mapping.Type.Lookup("__setitem__") == dictSet)
        {
            while (Ops.Next(ts, it) is PyObject x)
            {
                var old = d.GetItem(ts, x);
                d.SetItem(ts, x, old == null ? s_one : Ops.BinaryOp(ts, old, s_one, (int)BinaryOpArg.Add));
            }
            return;
        }
        var get = Ops.GetAttr(ts, mapping, "get");
        var zero = PyInt.From(0);
        while (Ops.Next(ts, it) is PyObject x)
        {
            var old = Ops.Call(ts, get, x, zero);
            Ops.SetItem(ts, mapping, x, Ops.BinaryOp(ts, old, s_one, (int)BinaryOpArg.Add));
        }
    }
}
