#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>The members of `coroutine` (instances are PyGenerator objects).</summary>
[PyType("coroutine")]
public static class PyCoroutine
{
    public static readonly PyType TypeObject = PyType.Builtin("coroutine", typeof(PyCoroutine), subclassable: false);

    static PyGenerator Self(PyObject o) => (PyGenerator)o;

    [PyMethod]
    static PyObject send(ThreadState ts, PyObject self, PyObject value)
    {
        // called from the loop: the coroutine runs in that loop (a tasklet switch inside it is soft)
        var g = Self(self);
        if (ts.TakeUnwindPermission() && g.CanResumeSoftly && !ts.SoftSwitchDisabled) return Interpreter.ResumeSoftly(ts, g, value);
        var r = g.Send(ts, value, out var v);
        if (r == null) throw v == PyNone.Value ? PyExc.StopIteration() : PyExc.StopIteration(v);
        return r;
    }

    [PyMethod("throw")]
    static PyObject ThrowMethod(ThreadState ts, PyObject self, PyObject typ, PyObject? val = null, PyObject? tb = null)
    {
        var r = Self(self).Throw(ts, PyGenerator.MakeThrown(ts, typ, val, tb), out var v);
        if (r == null) throw v == PyNone.Value ? PyExc.StopIteration() : PyExc.StopIteration(v);
        return r;
    }

    [PyMethod] static void close(ThreadState ts, PyObject self) => Self(self).Close(ts);
    [PyMethod] static PyObject __await__(ThreadState ts, PyObject self) => new PyCoroutineWrapper(Self(self));

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self) => new PyStr($"<coroutine object {Self(self).QualName} at 0x{Ops.Id(self):x}>");

    /// <summary>cr_origin: where the coroutine was made, while sys.set_coroutine_origin_tracking_depth
    /// is above 0 (kept beside the object: no field in every generator for this debug aid).</summary>
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PyGenerator, PyTuple> s_origins = new();

    /// <summary>Records the `depth` innermost frames of the creator: ((filename, lineno, name), ...).</summary>
    internal static void RecordOrigin(ThreadState ts, PyGenerator coro, int depth)
    {
        var items = new List<PyObject>();
        for (var f = ts.Frame; f != null && items.Count < depth; f = f.Back)
        {
            var c = f.Code.Code;
            items.Add(PyTuple.Of(new PyStr(c.Filename), PyInt.From(f.VisibleLineNo), new PyStr(c.Name)));
        }
        s_origins.AddOrUpdate(coro, PyTuple.Of(items.ToArray()));
    }

    /// <summary>cr_origin (null: not recorded), for pickling.</summary>
    public static PyTuple? OriginOf(PyGenerator coro) => s_origins.TryGetValue(coro, out var o) ? o : null;
    public static void SetOrigin(PyGenerator coro, PyTuple origin) => s_origins.AddOrUpdate(coro, origin);

    [PyGetter("cr_origin")] static PyObject GetOrigin(ThreadState ts, PyObject self) => s_origins.TryGetValue(Self(self), out var o) ? o : PyNone.Value;
    [PyGetter("cr_frame")] static PyObject GetFrame(ThreadState ts, PyObject self) => PyGenerator.GetFrame(ts, self);
    [PyGetter("cr_running")] static PyObject GetRunning(ThreadState ts, PyObject self) => PyGenerator.GetRunning(ts, self);
    [PyGetter("cr_code")] static PyObject GetCode(ThreadState ts, PyObject self) => PyGenerator.GetCode(ts, self);
    [PyGetter("cr_await")] static PyObject GetAwait(ThreadState ts, PyObject self) => PyGenerator.GetYieldFrom(ts, self);
    [PyGetter("cr_suspended")] static PyObject GetSuspended(ThreadState ts, PyObject self) => PyGenerator.GetSuspended(ts, self);
    [PyGetter("__name__")] static PyObject GetName(ThreadState ts, PyObject self) => PyGenerator.GetName(ts, self);
    [PyGetter("__qualname__")] static PyObject GetQualName(ThreadState ts, PyObject self) => PyGenerator.GetQualName(ts, self);
}
