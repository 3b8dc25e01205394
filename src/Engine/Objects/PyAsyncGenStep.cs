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
    PyGenerator _gen;
    PyObject _first;
    PyBaseException? _throw;
    bool _closing, _hasSendValue;
    bool _started, _done;
    /// <summary>CPython 3.7's awaitable state, which Stackless pickles: 0 not started, 1
    /// iterating, 2 closed (asend: it completed; athrow/aclose: the generator ended or closed).</summary>
    byte _state;

    public PyAsyncGenStep(PyGenerator gen, PyObject value, PyBaseException? toThrow, bool closing, bool hasSendValue = false) : base(TypeObject)
    {
        _gen = gen; _first = value; _throw = toThrow; _closing = closing; _hasSendValue = hasSendValue;
    }

    // ---- state for Stackless's pickling: (gen, value or throw args, state, has value) ----
    public PyGenerator Generator => _gen;
    /// <summary>athrow/aclose (as opposed to asend/__anext__).</summary>
    public bool IsThrow => _throw != null || _closing;
    public bool IsClosing => _closing;
    public PyObject SendValue => _first;
    public bool HasSendValue => _hasSendValue;
    public PyBaseException? ThrowValue => _throw;
    public int State => _state;

    /// <summary>Sets the state a pickle kept (see State).</summary>
    public void Restore(PyGenerator gen, PyObject sendValue, bool hasSendValue, PyBaseException? toThrow, bool closing, int state)
    {
        if (state < 0 || state > 2) throw PyExc.ValueError("async generator awaitable state must be 0, 1 or 2");
        _gen = gen; _first = sendValue; _hasSendValue = hasSendValue; _throw = toThrow; _closing = closing;
        _state = (byte)state;
        _started = state > 0;
        _done = state == 2;
    }

    PyObject Step(ThreadState ts, PyObject sent, PyBaseException? exc)
    {
        if (_done) throw PyExc.RuntimeError("cannot reuse already awaited __anext__()/asend()");
        PyObject? r;
        PyObject value;
        bool isThrow = IsThrow;
        if (!_started)
        {
            _started = true;
            _state = 1;
            if (_throw != null) exc = _throw;   // kept: a pickle of the step names it
            else sent = _first;
            if (_gen.Finished)
            {
                _done = true; _state = 2;
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
            _done = true; _state = 2;
            throw PyExc.StopIteration();
        }
        catch (PyException) { _done = true; if (!isThrow) _state = 2; throw; }
        if (r == null)
        {
            _done = true; _state = 2;
            if (_closing) throw PyExc.StopIteration();
            throw PyExc.New(ExceptionTypes.StopAsyncIteration);
        }
        if (r is PyAsyncGenWrapped w)
        {
            _done = true;
            if (!isThrow) _state = 2;
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

    [PyMethod] static void close(ThreadState ts, PyAsyncGenStep self) { self._done = true; self._state = 2; }

    /// <summary>Stackless's pickling sets the state of a step it rebuilt: (gen, value or (exc,)
    /// or None, state, has value), as async_generator_asend/athrow reduce to.</summary>
    [PyMethod]
    static void __setstate__(ThreadState ts, PyAsyncGenStep self, PyObject state)
    {
        if (state is not PyTuple { Items.Length: 4 } t || t.Items[0] is not PyGenerator { IsAsyncGen: true } g)
            throw PyExc.TypeError("async_generator_asend state must be (async_generator, value, state, has_value)");
        int st = (int)Ops.Index(ts, t.Items[2]).Small;
        bool has = Ops.IsTrue(ts, t.Items[3]);
        if (!self.IsThrow) { self.Restore(g, t.Items[1], has, null, false, st); return; }
        PyBaseException? exc = null;
        if (has)
        {
            if (t.Items[1] is not PyTuple { Items.Length: >= 1 and <= 3 } a) throw PyExc.TypeError("async_generator_athrow state must hold the throw arguments");
            exc = PyGenerator.MakeThrown(ts, a.Items[0], a.Items.Length > 1 ? a.Items[1] : null, a.Items.Length > 2 ? a.Items[2] : null);
        }
        else exc = ExceptionTypes.Create(ExceptionTypes.GeneratorExit);
        self.Restore(g, PyNone.Value, false, exc, !has, st);
    }
}
