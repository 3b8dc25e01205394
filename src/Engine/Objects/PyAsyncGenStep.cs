#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>The awaitable returned by asend/athrow/__anext__/aclose: each send() resumes the
/// async generator; a wrapped yield completes the step (StopIteration(value)), a bare yield
/// (from an inner await) passes through to the event loop, a return ends iteration.</summary>
[PyType("async_generator_asend")]
public sealed class PyAsyncGenStep : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("async_generator_asend", typeof(PyAsyncGenStep), subclassable: false);
    readonly PyGenerator _gen;
    PyObject _first;
    PyBaseException? _throw;
    readonly bool _closing;
    bool _started, _done;

    public PyAsyncGenStep(PyGenerator gen, PyObject value, PyBaseException? toThrow, bool closing) : base(TypeObject)
    {
        _gen = gen; _first = value; _throw = toThrow; _closing = closing;
    }

    PyObject Step(ThreadState ts, PyObject sent, PyBaseException? exc)
    {
        if (_done) throw PyExc.RuntimeError("cannot reuse already awaited __anext__()/asend()");
        PyObject? r;
        PyObject value;
        if (!_started)
        {
            _started = true;
            if (_throw != null) { exc = _throw; _throw = null; }
            else sent = _first;
            if (_gen.Finished)
            {
                _done = true;
                if (_closing) throw PyExc.StopIteration();
                throw PyExc.New(ExceptionTypes.StopAsyncIteration);
            }
        }
        try
        {
            r = exc != null ? _gen.Throw(ts, exc, out value) : _gen.Send(ts, sent, out value);
        }
        catch (PyException e) when (_closing && (e.Matches(ExceptionTypes.GeneratorExit) || e.Matches(ExceptionTypes.StopAsyncIteration)))
        {
            _done = true;
            throw PyExc.StopIteration();
        }
        catch (PyException) { _done = true; throw; }
        if (r == null)
        {
            _done = true;
            if (_closing) throw PyExc.StopIteration();
            throw PyExc.New(ExceptionTypes.StopAsyncIteration);
        }
        if (r is PyAsyncGenWrapped w)
        {
            _done = true;
            if (_closing) throw PyExc.RuntimeError("async generator ignored GeneratorExit");
            throw w.Value == PyNone.Value ? PyExc.StopIteration() : PyExc.StopIteration(w.Value);
        }
        return r;
    }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;
    [PyMethod] static PyObject __await__(ThreadState ts, PyAsyncGenStep self) => self;

    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        try { return ((PyAsyncGenStep)self).Step(ts, PyNone.Value, null); }
        catch (PyException e) when (e.Matches(ExceptionTypes.StopIteration) && e.Value.Dict!.GetStr("value") is null or PyNone) { return null; }
    }

    [PyMethod] static PyObject send(ThreadState ts, PyAsyncGenStep self, PyObject value) => self.Step(ts, value, null);

    [PyMethod("throw")]
    static PyObject ThrowMethod(ThreadState ts, PyAsyncGenStep self, PyObject typ, PyObject? val = null, PyObject? tb = null)
        => self.Step(ts, PyNone.Value, PyGenerator.MakeThrown(ts, typ, val, tb));

    [PyMethod] static void close(ThreadState ts, PyAsyncGenStep self) { self._done = true; }
}
