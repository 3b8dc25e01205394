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

    /// <summary>An int or an object with fileno() (as PyObject_AsFileDescriptor).</summary>
    public static int FromObject(ThreadState ts, PyObject o)
    {
        int fd;
        if (o is PyInt) fd = ToFd(ts, o);
        else if (o.Type.Lookup("fileno") != null)
        {
            var r = Ops.CallMethod(ts, o, "fileno");
            if (r is not PyInt) throw PyExc.TypeError("fileno() returned a non-integer");
            fd = ToFd(ts, r);
        }
        else throw PyExc.TypeError("argument must be an int, or have a fileno() method.");
        if (fd < 0) throw PyExc.ValueError($"file descriptor cannot be a negative integer ({fd})");
        return fd;
    }
}
