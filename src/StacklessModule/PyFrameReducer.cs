#nullable enable
using System;
using System.Runtime.CompilerServices;
using StacklessIron.Objects;
using StacklessIron.Runtime;
namespace StacklessIron.Stackless;

/// <summary>
/// Stands for a frame inside a pickled tasklet or generator. Frames themselves have no
/// reduction (as in Stackless, `pickle.dumps(frame)` still fails, and a program may register
/// its own for frames); a tasklet's or generator's state holds these instead. There is one per
/// frame, so that a frame shared by a generator and a tasklet's chain is pickled once.
/// </summary>
[PyType("frame_reducer")]
public sealed class PyFrameReducer : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("frame_reducer", typeof(PyFrameReducer), subclassable: false, module: "_stackless._wrap");

    static readonly ConditionalWeakTable<Frame, PyFrameReducer> s_byFrame = new();

    public readonly Frame Frame;
    /// <summary>Whether the frame's registers are saved (false: it was inside a native call).</summary>
    public bool Valid = true;

    PyFrameReducer(Frame frame) : base(TypeObject) { Frame = frame; }

    /// <summary>The reducer of `frame` (a tasklet's reduction sets Valid for its chain; a
    /// generator's leaves it as that made it).</summary>
    public static PyFrameReducer For(Frame frame) => s_byFrame.GetValue(frame, f => new PyFrameReducer(f));

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyFrameReducer self)
    {
        var f = self.Frame;
        // a finished frame (one a traceback refers to) keeps its locals and line
        var state = f.GetPickleState(self.Valid);
        // PICKLEFLAGS_PRESERVE_TRACING_STATE: f_trace too (3.7.5 keeps it in its frame state)
        if (f.TraceFunc != null && (PicklingModule.Flags(ts, -1, 0, false) & PicklingModule.PreserveTracingState) != 0)
            state = new PyTuple([.. state.Items, f.TraceFunc]);
        return new PyTuple(new PyObject[] { PicklingModule.Wrap(ts, "frame"), new PyTuple(new PyObject[] { f.Code }), state });
    }

    [PyMethod]
    static PyObject __reduce_ex__(ThreadState ts, PyFrameReducer self, PyObject protocol) => __reduce__(ts, self);

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self) => new PyStr($"<frame_reducer for {Ops.ReprString(ts, ((PyFrameReducer)self).Frame)}>");
}
