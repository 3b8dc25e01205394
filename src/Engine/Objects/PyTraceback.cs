#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`traceback`: one entry of an exception's traceback (a frame and the line it was at).</summary>
[PyType("traceback")]
public sealed class PyTraceback : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("traceback", typeof(PyTraceback), subclassable: false);
    public PyTraceback? Next;
    public readonly Frame Frame;
    public readonly int Lasti;
    public readonly int Lineno;

    public PyTraceback(PyTraceback? next, Frame frame, int lasti, int lineno) : base(TypeObject)
    {
        Next = next; Frame = frame; Lasti = lasti; Lineno = lineno;
        frame.Exposed = true;
    }

    [PyGetter("tb_next")] static PyObject GetNext(ThreadState ts, PyObject self) => (PyObject?)((PyTraceback)self).Next ?? PyNone.Value;
    [PySetter("tb_next")]
    static void SetNext(ThreadState ts, PyObject self, PyObject? v)
    {
        if (v == null) throw PyExc.TypeError("can't delete tb_next attribute");
        ((PyTraceback)self).Next = v == PyNone.Value ? null : v as PyTraceback ?? throw PyExc.TypeError($"expected traceback object or None, got '{v.Type.Name}'");
    }
    [PyGetter("tb_frame")] static PyObject GetFrame(ThreadState ts, PyObject self) => ((PyTraceback)self).Frame;
    [PyGetter("tb_lasti")] static PyObject GetLasti(ThreadState ts, PyObject self) => PyInt.From(((PyTraceback)self).Lasti * 2);
    [PyGetter("tb_lineno")] static PyObject GetLineno(ThreadState ts, PyObject self) => PyInt.From(((PyTraceback)self).Lineno);
}
