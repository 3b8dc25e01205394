#nullable enable
using System;
namespace StacklessIron.Modules.Posix;

/// <summary>Raising OSError from an errno as CPython does: the errno's subclass
/// (FileNotFoundError ...), errno, strerror (glibc's text) and filename/filename2.</summary>
public static class PosixErrors
{
    public static PyException FromErrno(int errno, PyObject? filename = null, PyObject? filename2 = null)
    {
        var args = filename2 != null
            ? new PyObject[] { PyInt.From(errno), new PyStr(LibC.StrError(errno)), filename ?? PyNone.Value, PyNone.Value, filename2 }
            : filename != null
                ? new PyObject[] { PyInt.From(errno), new PyStr(LibC.StrError(errno)), filename }
                : new PyObject[] { PyInt.From(errno), new PyStr(LibC.StrError(errno)) };
        return PyExc.New(ExceptionTypes.OSError, args);
    }

    /// <summary>The error of the last libc call (errno), naming `path` when it is a path.</summary>
    public static PyException Last(in PathArg path) => FromErrno(LibC.Errno, path.Object);
    public static PyException Last(in PathArg a, in PathArg b) => FromErrno(LibC.Errno, a.Object, b.Object);
    public static PyException Last() => FromErrno(LibC.Errno);
}
