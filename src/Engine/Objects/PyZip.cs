#nullable enable
using System;
namespace StacklessIron.Objects;

[PyType("zip")]
public sealed class PyZip : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("zip", typeof(PyZip));
    PyObject[] _its = Array.Empty<PyObject>();
    bool _strict;

    PyZip(PyType t) : base(t) { }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        int nkw = kwnames?.Items.Length ?? 0;
        bool strict = false;
        for (int i = 0; i < nkw; i++)
        {
            if (((PyStr)kwnames!.Items[i]).Value != "strict") throw PyExc.TypeError($"zip() got an unexpected keyword argument '{((PyStr)kwnames.Items[i]).Value}'");
            strict = Ops.IsTrue(ts, args[args.Length - nkw + i]);
        }
        var its = new PyObject[args.Length - nkw];
        for (int i = 0; i < its.Length; i++)
        {
            var a = args[i];
            if (a.Type.Iter == null && a.Type.GetItem == null) throw PyExc.TypeError($"zip argument #{i + 1} must support iteration");
            its[i] = Ops.GetIter(ts, a);
        }
        return new PyZip(cls) { _its = its, _strict = strict };
    }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;
    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var z = (PyZip)self;
        if (z._its.Length == 0) return null;
        var r = new PyObject[z._its.Length];
        for (int i = 0; i < r.Length; i++)
        {
            var v = Ops.Next(ts, z._its[i]);
            if (v == null)
            {
                if (z._strict)
                {
                    if (i > 0) throw PyExc.ValueError($"zip() argument {i + 1} is shorter than argument{(i == 1 ? "" : "s")} 1{(i == 1 ? "" : "-" + i)}");
                    for (int j = 1; j < r.Length; j++)
                        if (Ops.Next(ts, z._its[j]) != null)
                            throw PyExc.ValueError($"zip() argument {j + 1} is longer than argument{(j == 1 ? "" : "s")} 1{(j == 1 ? "" : "-" + j)}");
                }
                z._its = Array.Empty<PyObject>();
                return null;
            }
            r[i] = v;
        }
        return new PyTuple(r);
    }
}
