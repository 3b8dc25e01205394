#nullable enable
using System.Text;
using System;
namespace StacklessIron.Objects;

/// <summary>
/// What dict_keys, dict_values and dict_items share: the live link to their dict, length,
/// iteration (forwards and reversed), repr and `mapping`. These members are declared here
/// and installed into each view type by its InitType.
/// </summary>
public abstract class PyDictView : PyObject
{
    public readonly PyDict Dict_;
    public readonly PyDictIterator.Kind Kind;

    protected PyDictView(PyType type, PyDict d, PyDictIterator.Kind kind) : base(type) { Dict_ = d; Kind = kind; }

    protected static void AddViewMembers(PyType t) => NativeMembers.Fill(t, typeof(PyDictView));

    [PySlot("__len__")] static long Len(ThreadState ts, PyObject self) => ((PyDictView)self).Dict_.Count;

    [PySlot("__iter__")]
    static PyObject Iter(ThreadState ts, PyObject self) { var v = (PyDictView)self; return new PyDictIterator(v.Dict_, v.Kind, false); }

    [PyMethod] static PyObject __reversed__(ThreadState ts, PyDictView self) => new PyDictIterator(self.Dict_, self.Kind, true);

    [PyGetter("mapping")] static PyObject GetMapping(ThreadState ts, PyObject self) => new PyMappingProxy(((PyDictView)self).Dict_);

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var v = (PyDictView)self;
        if (!ts.EnterRepr(v)) return PyStr.Intern("...");
        try
        {
            var sb = new StringBuilder(v.Type.Name).Append("([");
            bool first = true;
            var it = Iter(ts, v);
            while (Ops.Next(ts, it) is PyObject x)
            {
                if (!first) sb.Append(", ");
                first = false;
                sb.Append(Ops.ReprString(ts, x));
            }
            return new PyStr(sb.Append("])").ToString());
        }
        finally { ts.LeaveRepr(v); }
    }
}
