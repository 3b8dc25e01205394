#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>The members of `async_generator` (instances are PyGenerator objects). Each of
/// asend/athrow/__anext__/aclose returns an awaitable (PyAsyncGenStep) that drives one step.</summary>
[PyType("async_generator")]
public static class PyAsyncGenerator
{
    public static readonly PyType TypeObject = PyType.Builtin("async_generator", typeof(PyAsyncGenerator), subclassable: false);

    static PyGenerator Self(PyObject o) => (PyGenerator)o;

    [PyMethod] static PyObject __aiter__(ThreadState ts, PyObject self) => self;
    [PyMethod] static PyObject __anext__(ThreadState ts, PyObject self) => new PyAsyncGenStep(InitHooks(ts, self), PyNone.Value, null, false);
    [PyMethod] static PyObject asend(ThreadState ts, PyObject self, PyObject value) => new PyAsyncGenStep(InitHooks(ts, self), value, null, false, hasSendValue: true);
    [PyMethod]
    static PyObject athrow(ThreadState ts, PyObject self, PyObject typ, PyObject? val = null, PyObject? tb = null)
    {
        var g = InitHooks(ts, self);
        return new PyAsyncGenStep(g, PyNone.Value, PyGenerator.MakeThrown(ts, typ, val, tb), false);
    }
    [PyMethod]
    static PyObject aclose(ThreadState ts, PyObject self)
        => new PyAsyncGenStep(InitHooks(ts, self), PyNone.Value, ExceptionTypes.Create(ExceptionTypes.GeneratorExit), true);

    /// <summary>PEP 525: the first __anext__/asend/athrow/aclose calls sys's firstiter hook
    /// with the generator, and remembers the finalizer hook of that moment: if the generator
    /// is dropped unfinished, that hook gets it (asyncio schedules its aclose()) instead of a close.</summary>
    public static PyGenerator InitHooks(ThreadState ts, PyObject self)
    {
        var g = Self(self);
        if (g.AsyncHooksInited) return g;
        g.AsyncHooksInited = true;
        var finalizer = SysModule.AsyncGenFinalizer;
        if (finalizer != PyNone.Value) g.SetAsyncFinalizer(ts, finalizer);
        var firstiter = SysModule.AsyncGenFirstIter;
        if (firstiter != PyNone.Value) Ops.Call(ts, firstiter, g);
        return g;
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self) => new PyStr($"<async_generator object {Self(self).QualName} at 0x{Ops.Id(self):x}>");

    [PyGetter("ag_frame")] static PyObject GetFrame(ThreadState ts, PyObject self) => PyGenerator.GetFrame(ts, self);
    [PyGetter("ag_running")] static PyObject GetRunning(ThreadState ts, PyObject self) => PyGenerator.GetRunning(ts, self);
    [PyGetter("ag_code")] static PyObject GetCode(ThreadState ts, PyObject self) => PyGenerator.GetCode(ts, self);
    [PyGetter("ag_await")] static PyObject GetAwait(ThreadState ts, PyObject self) => PyGenerator.GetYieldFrom(ts, self);
    [PyGetter("__name__")] static PyObject GetName(ThreadState ts, PyObject self) => PyGenerator.GetName(ts, self);
    [PyGetter("__qualname__")] static PyObject GetQualName(ThreadState ts, PyObject self) => PyGenerator.GetQualName(ts, self);
}
