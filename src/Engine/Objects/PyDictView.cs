#nullable enable
using System.Text;
using System;
namespace StacklessIron.Objects;

/// <summary>dict.keys()/values()/items() views (core subset).</summary>
[PyType("dict_view")]
public sealed class PyDictView : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("dict_view", typeof(PyDictView), subclassable: false);
    public readonly PyDict Dict_;
    public readonly PyDictIterator.Kind Kind;

    public PyDictView(PyDict d, PyDictIterator.Kind kind) : base(TypeObject) { Dict_ = d; Kind = kind; }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) { var v = (PyDictView)self; return new PyDictIterator(v.Dict_, v.Kind); }
    [PySlot("__len__")] static long Len(ThreadState ts, PyObject self) => ((PyDictView)self).Dict_.Count;

    [PySlot("__contains__")]
    static bool Contains(ThreadState ts, PyObject self, PyObject item)
    {
        var v = (PyDictView)self;
        switch (v.Kind)
        {
            case PyDictIterator.Kind.Keys: return v.Dict_.ContainsKey(ts, item);
            case PyDictIterator.Kind.Items:
                if (item is not PyTuple t || t.Items.Length != 2) return false;
                var val = v.Dict_.GetItem(ts, t.Items[0]);
                return val != null && Ops.Equal(ts, val, t.Items[1]);
            default:
                foreach (var (_, x) in v.Dict_.Items()) if (Ops.Equal(ts, x, item)) return true;
                return false;
        }
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var v = (PyDictView)self;
        var name = v.Kind switch { PyDictIterator.Kind.Keys => "dict_keys", PyDictIterator.Kind.Values => "dict_values", _ => "dict_items" };
        var sb = new StringBuilder(name).Append("([");
        bool first = true;
        foreach (var (k, x) in v.Dict_.Items())
        {
            if (!first) sb.Append(", ");
            first = false;
            sb.Append(v.Kind switch
            {
                PyDictIterator.Kind.Keys => Ops.ReprString(ts, k),
                PyDictIterator.Kind.Values => Ops.ReprString(ts, x),
                _ => "(" + Ops.ReprString(ts, k) + ", " + Ops.ReprString(ts, x) + ")",
            });
        }
        return new PyStr(sb.Append("])").ToString());
    }
}
