#nullable enable
using System.Text;
using System;
namespace StacklessIron.Objects;

/// <summary>Instances of BaseException and every builtin or user exception class. Attributes
/// specific to one class (StopIteration.value, OSError.errno, SystemExit.code ...) live in
/// the instance dict, set by that class's native initialiser (ExceptionTypes).</summary>
[PyType("BaseException")]
public class PyBaseException : PyObject
{
    public PyTuple Args = PyTuple.Empty;
    public PyObject? Cause;              // __cause__ (null = None)
    public PyObject? Context;            // __context__
    public bool SuppressContext;
    public PyTraceback? Traceback;
    PyDict? _dict;

    public PyBaseException(PyType type) : base(type) { }
    public PyBaseException(PyType type, PyTuple args) : base(type) { Args = args; }

    public override PyDict? Dict { get => _dict ??= new PyDict(); set => _dict = value; }
    public PyDict? DictIfAny => _dict;

    /// <summary>str(exc) without going through a user __str__.</summary>
    public static string StrOf(PyBaseException e)
    {
        return e.Args.Items.Length switch
        {
            0 => "",
            1 => e.Args.Items[0] is PyStr s ? s.Value : "<" + e.Args.Items[0].Type.Name + ">",
            _ => "(...)",
        };
    }

    // ---- Python-visible members of BaseException ----

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        int npos = args.Length - (kwnames?.Items.Length ?? 0);
        var e = new PyBaseException(ExceptionTypes.MapOSErrorType(cls, args.Slice(0, npos)));
        e.Args = new PyTuple(args.Slice(0, npos).ToArray());
        return e;
    }

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var e = (PyBaseException)self;
        int npos = args.Length - (kwnames?.Items.Length ?? 0);
        e.Args = new PyTuple(args.Slice(0, npos).ToArray());
        ExceptionTypes.RunNativeInit(e, args.Slice(npos), kwnames);
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var e = (PyBaseException)self;
        var sb = new StringBuilder(e.Type.Name);
        if (e.Args.Items.Length == 1) sb.Append('(').Append(Ops.ReprString(ts, e.Args.Items[0])).Append(')');
        else sb.Append(Ops.ReprString(ts, e.Args));
        return new PyStr(sb.ToString());
    }

    [PySlot("__str__")]
    static PyObject Str(ThreadState ts, PyObject self)
    {
        var e = (PyBaseException)self;
        return e.Args.Items.Length switch
        {
            0 => PyStr.Empty,
            1 => Ops.Str(ts, e.Args.Items[0]),
            _ => Ops.Str(ts, e.Args),
        };
    }

    [PyGetter("args")] static PyObject GetArgs(ThreadState ts, PyObject self) => ((PyBaseException)self).Args;
    [PySetter("args")]
    static void SetArgs(ThreadState ts, PyObject self, PyObject? value)
    {
        if (value == null) throw PyExc.TypeError("args may not be deleted");
        ((PyBaseException)self).Args = new PyTuple(Ops.ToArray(ts, value));
    }

    [PyGetter("__cause__")] static PyObject GetCause(ThreadState ts, PyObject self) => ((PyBaseException)self).Cause ?? PyNone.Value;
    [PySetter("__cause__")]
    static void SetCause(ThreadState ts, PyObject self, PyObject? value)
    {
        var e = (PyBaseException)self;
        if (value == null) throw PyExc.TypeError("__cause__ may not be deleted");
        if (value == PyNone.Value) e.Cause = null;
        else if (value is PyBaseException) e.Cause = value;
        else throw PyExc.TypeError("exception cause must be None or derive from BaseException");
        e.SuppressContext = true;
    }

    [PyGetter("__context__")] static PyObject GetContext(ThreadState ts, PyObject self) => ((PyBaseException)self).Context ?? PyNone.Value;
    [PySetter("__context__")]
    static void SetContext(ThreadState ts, PyObject self, PyObject? value)
    {
        var e = (PyBaseException)self;
        if (value == null) throw PyExc.TypeError("__context__ may not be deleted");
        if (value == PyNone.Value) e.Context = null;
        else if (value is PyBaseException) e.Context = value;
        else throw PyExc.TypeError("exception context must be None or derive from BaseException");
    }

    [PyGetter("__suppress_context__")] static PyObject GetSuppress(ThreadState ts, PyObject self) => PyBool.From(((PyBaseException)self).SuppressContext);
    [PySetter("__suppress_context__")]
    static void SetSuppress(ThreadState ts, PyObject self, PyObject? value)
        => ((PyBaseException)self).SuppressContext = value != null && Ops.IsTrue(ts, value);

    [PyGetter("__traceback__")] static PyObject GetTb(ThreadState ts, PyObject self) => (PyObject?)((PyBaseException)self).Traceback ?? PyNone.Value;
    [PySetter("__traceback__")]
    static void SetTb(ThreadState ts, PyObject self, PyObject? value)
    {
        var e = (PyBaseException)self;
        if (value == null) throw PyExc.TypeError("__traceback__ may not be deleted");
        if (value == PyNone.Value) e.Traceback = null;
        else if (value is PyTraceback tb) e.Traceback = tb;
        else throw PyExc.TypeError("__traceback__ must be a traceback or None");
    }

    [PyMethod]
    static PyObject with_traceback(ThreadState ts, PyBaseException self, PyObject tb)
    {
        SetTb(ts, self, tb);
        return self;
    }

    [PyMethod]
    static void add_note(ThreadState ts, PyBaseException self, PyObject note)
    {
        if (note is not PyStr) throw PyExc.TypeError($"note must be a str, not '{note.Type.Name}'");
        var d = self.Dict!;
        var notes = d.GetStr("__notes__");
        if (notes == null) { notes = new PyList(); d.SetStr("__notes__", notes); }
        if (notes is not PyList l) throw PyExc.TypeError("Cannot add note: __notes__ is not a list");
        l.Append(note);
    }

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyBaseException self)
    {
        var d = self.DictIfAny;
        return d != null && d.Count > 0 ? new PyTuple(new PyObject[] { self.Type, self.Args, d }) : new PyTuple(new PyObject[] { self.Type, self.Args });
    }
}
