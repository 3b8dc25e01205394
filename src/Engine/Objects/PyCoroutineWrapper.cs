#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>`coroutine_wrapper`: what coroutine.__await__() returns, an iterator over the coroutine.</summary>
[PyType("coroutine_wrapper")]
public sealed class PyCoroutineWrapper : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("coroutine_wrapper", typeof(PyCoroutineWrapper), subclassable: false);
    readonly PyGenerator _coro;

    public PyCoroutineWrapper(PyGenerator coro) : base(TypeObject) { _coro = coro; }

    /// <summary>The coroutine it iterates (Stackless pickles a wrapper as its coroutine).</summary>
    public PyGenerator Coroutine => _coro;

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;
    [PySlot("__next__")] static PyObject? Next(ThreadState ts, PyObject self) => ((PyCoroutineWrapper)self)._coro.Send(ts, PyNone.Value, out _);

    [PyMethod]
    static PyObject send(ThreadState ts, PyCoroutineWrapper self, PyObject value)
    {
        // called from the loop: the coroutine runs in that loop (a tasklet switch inside it is soft)
        if (ts.TakeUnwindPermission() && self._coro.CanResumeSoftly && !ts.SoftSwitchDisabled) return Interpreter.ResumeSoftly(ts, self._coro, value);
        var r = self._coro.Send(ts, value, out var v);
        if (r == null) throw v == PyNone.Value ? PyExc.StopIteration() : PyExc.StopIteration(v);
        return r;
    }

    [PyMethod("throw")]
    static PyObject ThrowMethod(ThreadState ts, PyCoroutineWrapper self, PyObject typ, PyObject? val = null, PyObject? tb = null)
    {
        var r = self._coro.Throw(ts, PyGenerator.MakeThrown(ts, typ, val, tb), out var v);
        if (r == null) throw v == PyNone.Value ? PyExc.StopIteration() : PyExc.StopIteration(v);
        return r;
    }

    [PyMethod] static void close(ThreadState ts, PyCoroutineWrapper self) => self._coro.Close(ts);
}
