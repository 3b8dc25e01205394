#nullable enable
using System;
namespace StacklessIron.Runtime;

/// <summary>The one factory for raising Python exceptions from C#: `throw PyExc.TypeError("...")`.</summary>
public static class PyExc
{
    public static PyException New(PyType type, string message) => new(ExceptionTypes.Create(type, new PyStr(message)));
    public static PyException New(PyType type, params PyObject[] args) => new(ExceptionTypes.Create(type, args));

    public static PyException TypeError(string m) => New(ExceptionTypes.TypeError, m);
    public static PyException ValueError(string m) => New(ExceptionTypes.ValueError, m);
    public static PyException AttributeError(string m) => New(ExceptionTypes.AttributeError, m);
    public static PyException IndexError(string m) => New(ExceptionTypes.IndexError, m);
    public static PyException KeyError(PyObject key) => New(ExceptionTypes.KeyError, key);
    public static PyException NameError(string m) => New(ExceptionTypes.NameError, m);
    public static PyException UnboundLocalError(string m) => New(ExceptionTypes.UnboundLocalError, m);
    public static PyException RuntimeError(string m) => New(ExceptionTypes.RuntimeError, m);
    public static PyException RecursionError(string m) => New(ExceptionTypes.RecursionError, m);
    public static PyException NotImplementedError(string m) => New(ExceptionTypes.NotImplementedError, m);
    public static PyException ZeroDivisionError(string m) => New(ExceptionTypes.ZeroDivisionError, m);
    public static PyException OverflowError(string m) => New(ExceptionTypes.OverflowError, m);
    public static PyException ImportError(string m) => New(ExceptionTypes.ImportError, m);
    public static PyException ModuleNotFoundError(string m) => New(ExceptionTypes.ModuleNotFoundError, m);
    public static PyException SystemError(string m) => New(ExceptionTypes.SystemError, m);
    public static PyException OSError(string m) => New(ExceptionTypes.OSError, m);
    public static PyException StopIteration(PyObject? value = null)
        => value == null ? New(ExceptionTypes.StopIteration) : New(ExceptionTypes.StopIteration, value);
    public static PyException AssertionError(string m) => New(ExceptionTypes.AssertionError, m);
    public static PyException MemoryError() => New(ExceptionTypes.MemoryError);
    public static PyException EOFError(string m) => New(ExceptionTypes.EOFError, m);
    public static PyException UnicodeError(string m) => New(ExceptionTypes.UnicodeError, m);
    public static PyException LookupError(string m) => New(ExceptionTypes.LookupError, m);

    /// <summary>"'X' object has no attribute 'y'" with name/obj set as CPython does.</summary>
    public static PyException NoAttribute(PyObject obj, PyStr name)
    {
        string msg = obj is PyType t
            ? $"type object '{t.Name}' has no attribute '{name.Value}'"
            : obj is PyModule m ? $"module '{m.NameOrQ}' has no attribute '{name.Value}'"
            : $"'{obj.Type.TpName}' object has no attribute '{name.Value}'";
        var e = ExceptionTypes.Create(ExceptionTypes.AttributeError, new PyStr(msg));
        e.Dict!.SetStr("name", name);
        e.Dict!.SetStr("obj", obj);
        return new PyException(e);
    }
}
