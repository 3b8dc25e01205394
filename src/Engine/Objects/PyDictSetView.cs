#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>
/// The set-like dict views (dict_keys, dict_items): set comparisons, the operators & | ^ -
/// (results are sets, either operand may be the view), isdisjoint. CPython's dictviews_* rules.
/// </summary>
public abstract class PyDictSetView : PyDictView
{
    protected PyDictSetView(PyType type, PyDict d, PyDictIterator.Kind kind) : base(type, d, kind) { }

    protected static void AddSetViewMembers(PyType t)
    {
        AddViewMembers(t);
        NativeMembers.Fill(t, typeof(PyDictSetView));
        t.Namespace.SetStr("__hash__", PyNone.Value);
    }

    /// <summary>Membership without the generic iteration fallback.</summary>
    public abstract bool ViewContains(ThreadState ts, PyObject item);

    static bool IsSetLike(PyObject o) => o is PyAnySet || o is PyDictSetView;

    static bool AllContainedIn(ThreadState ts, PyObject self, PyObject other)
    {
        var it = Ops.GetIter(ts, self);
        while (Ops.Next(ts, it) is PyObject x)
            if (!Ops.Contains(ts, other, x)) return false;
        return true;
    }

    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if (!IsSetLike(b)) return PyNotImplemented.Value;
        long la = Ops.Len(ts, a), lb = Ops.Len(ts, b);
        bool ok = false;
        switch (op)
        {
            case CompareOp.Eq: case CompareOp.Ne:
                if (la == lb) ok = AllContainedIn(ts, a, b);
                if (op == CompareOp.Ne) ok = !ok;
                break;
            case CompareOp.Lt: if (la < lb) ok = AllContainedIn(ts, a, b); break;
            case CompareOp.Le: if (la <= lb) ok = AllContainedIn(ts, a, b); break;
            case CompareOp.Gt: if (la > lb) ok = AllContainedIn(ts, b, a); break;
            case CompareOp.Ge: if (la >= lb) ok = AllContainedIn(ts, b, a); break;
        }
        return PyBool.From(ok);
    }

    [PySlot("__sub__", "__rsub__")]
    static PyObject Sub(ThreadState ts, PyObject a, PyObject b)
    {
        var r = PySet.FromIterable(ts, a);
        r.DifferenceUpdate(ts, b);
        return r;
    }

    [PySlot("__or__", "__ror__")]
    static PyObject Or(ThreadState ts, PyObject a, PyObject b)
    {
        var r = PySet.FromIterable(ts, a);
        r.UpdateFrom(ts, b);
        return r;
    }

    [PySlot("__xor__", "__rxor__")]
    static PyObject Xor(ThreadState ts, PyObject a, PyObject b)
    {
        var r = PySet.FromIterable(ts, a);
        r.SymmetricDifferenceUpdate(ts, b);
        return r;
    }

    /// <summary>CPython's _PyDictView_Intersect: iterate the smaller side, test membership in the view.</summary>
    [PySlot("__and__", "__rand__")]
    static PyObject And(ThreadState ts, PyObject a, PyObject b)
    {
        PyObject self = a, other = b;
        if (self is not PyDictSetView) (self, other) = (other, self);
        var view = (PyDictSetView)self;
        long lenSelf = view.Dict_.Count;
        if (other is PySet os && os.Type == PySet.TypeObject && lenSelf <= os.Count) return os.Intersection(ts, view);
        if (other is PyDictSetView ov && ov.Dict_.Count > lenSelf) (view, other) = (ov, view);
        var result = new PySet();
        var it = Ops.GetIter(ts, other);
        while (Ops.Next(ts, it) is PyObject x)
            if (view.ViewContains(ts, x)) result.AddKey(ts, x);
        return result;
    }

    [PyMethod]
    static bool isdisjoint(ThreadState ts, PyDictSetView self, PyObject other)
    {
        if (self == other) return self.Dict_.Count == 0;
        PyObject container = self, iterated = other;
        if (IsSetLike(other) && Ops.Len(ts, other) > self.Dict_.Count) (container, iterated) = (other, self);
        var it = Ops.GetIter(ts, iterated);
        while (Ops.Next(ts, it) is PyObject x)
            if (Ops.Contains(ts, container, x)) return false;
        return true;
    }
}
