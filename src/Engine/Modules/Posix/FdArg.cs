#nullable enable
using System;
namespace StacklessIron.Modules.Posix;

/// <summary>File descriptor arguments: a C int from an int (or __index__), as CPython's
/// fildes converters take them.</summary>
public static class FdArg
{
    public static int ToFd(ThreadState ts, PyObject o)
    {
        if (o is PyFloat) throw PyExc.TypeError("'float' object cannot be interpreted as an integer");
        var i = Ops.Index(ts, o);
        if (!i.FitsLong || i.Small > int.MaxValue) throw PyExc.OverflowError("signed integer is greater than maximum");
        if (i.Small < int.MinValue) throw PyExc.OverflowError("signed integer is less than minimum");
        return (int)i.Small;
    }

    static readonly PyStr s_fileno = PyStr.Intern("fileno");

    /// <summary>An int or an object with fileno() (as PyObject_AsFileDescriptor).</summary>
    public static int FromObject(ThreadState ts, PyObject o)
    {
        int fd;
        if (o is PyInt) fd = AsCInt((PyInt)o);
        else if (Ops.GetAttrOrNull(ts, o, s_fileno) is { } fileno)
        {
            // An attribute lookup, not a type lookup: wrappers (tempfile's) forward fileno via __getattr__.
            var r = Ops.Call(ts, fileno);
            if (r is not PyInt ri) throw PyExc.TypeError("fileno() returned a non-integer");
            fd = AsCInt(ri);
        }
        else throw PyExc.TypeError("argument must be an int, or have a fileno() method.");
        if (fd < 0) throw PyExc.ValueError($"file descriptor cannot be a negative integer ({fd})");
        return fd;
    }

    /// <summary>An int as C int with _PyLong_AsInt's error, which PyObject_AsFileDescriptor gives.</summary>
    static int AsCInt(PyInt i)
    {
        if (!i.FitsLong || i.Small > int.MaxValue || i.Small < int.MinValue)
            throw PyExc.OverflowError("Python int too large to convert to C int");
        return (int)i.Small;
    }
}
