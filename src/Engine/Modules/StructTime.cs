#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>`time.struct_time`: a 9-tuple with tm_* names; tm_zone and tm_gmtoff are extra
/// attributes outside the tuple, as in CPython.</summary>
[PyType("time.struct_time")]
public sealed class StructTime : PyTuple
{
    public static readonly PyType TypeObject = PyType.Builtin("struct_time", typeof(StructTime), TypeObjects.Tuple, module: "time");
    internal static readonly string[] FieldNames = { "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst" };
    public readonly PyObject Zone, GmtOff;

    public StructTime(PyType type, PyObject[] items, PyObject zone, PyObject gmtoff) : base(type, items) { Zone = zone; GmtOff = gmtoff; }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (args.Length != 1 || kwnames != null) throw PyExc.TypeError($"struct_time() takes exactly 1 argument ({args.Length} given)");
        var items = Ops.ToArray(ts, args[0]);
        if (items.Length < 9) throw PyExc.TypeError($"time.struct_time() takes an at least 9-sequence ({items.Length}-sequence given)");
        if (items.Length > 11) throw PyExc.TypeError($"time.struct_time() takes an at most 11-sequence ({items.Length}-sequence given)");
        return new StructTime(cls, items[..9], items.Length > 9 ? items[9] : PyNone.Value, items.Length > 10 ? items[10] : PyNone.Value);
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var t = (StructTime)self;
        var parts = new string[9];
        for (int i = 0; i < 9; i++) parts[i] = FieldNames[i] + "=" + Ops.ReprString(ts, t.Items[i]);
        return new PyStr("time.struct_time(" + string.Join(", ", parts) + ")");
    }

    [PyGetter("tm_year")] static PyObject Year(ThreadState ts, PyObject s) => ((StructTime)s).Items[0];
    [PyGetter("tm_mon")] static PyObject Mon(ThreadState ts, PyObject s) => ((StructTime)s).Items[1];
    [PyGetter("tm_mday")] static PyObject MDay(ThreadState ts, PyObject s) => ((StructTime)s).Items[2];
    [PyGetter("tm_hour")] static PyObject Hour(ThreadState ts, PyObject s) => ((StructTime)s).Items[3];
    [PyGetter("tm_min")] static PyObject Min(ThreadState ts, PyObject s) => ((StructTime)s).Items[4];
    [PyGetter("tm_sec")] static PyObject Sec(ThreadState ts, PyObject s) => ((StructTime)s).Items[5];
    [PyGetter("tm_wday")] static PyObject WDay(ThreadState ts, PyObject s) => ((StructTime)s).Items[6];
    [PyGetter("tm_yday")] static PyObject YDay(ThreadState ts, PyObject s) => ((StructTime)s).Items[7];
    [PyGetter("tm_isdst")] static PyObject IsDst(ThreadState ts, PyObject s) => ((StructTime)s).Items[8];
    [PyGetter("tm_zone")] static PyObject TmZone(ThreadState ts, PyObject s) => ((StructTime)s).Zone;
    [PyGetter("tm_gmtoff")] static PyObject TmGmtOff(ThreadState ts, PyObject s) => ((StructTime)s).GmtOff;

    public static void InitType(PyType t)
    {
        t.Namespace.SetStr("n_sequence_fields", PyInt.From(9));
        t.Namespace.SetStr("n_fields", PyInt.From(11));
        t.Namespace.SetStr("n_unnamed_fields", PyInt.From(0));
    }
}
