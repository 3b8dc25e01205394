#nullable enable
using System;
namespace StacklessIron.Modules.Posix;

/// <summary>A path argument of a posix function converted as CPython's path_converter does:
/// str (encoded UTF-8 with surrogateescape), bytes, an os.PathLike (through __fspath__), or
/// (where the function allows it) an open file descriptor. Keeps the object errors name and
/// whether results should be bytes.</summary>
public readonly struct PathArg
{
    /// <summary>NUL-terminated filesystem bytes, or null when the argument is a descriptor.</summary>
    public readonly byte[]? Bytes;
    public readonly int Fd;
    /// <summary>The str/bytes object after __fspath__ (filename of an OSError).</summary>
    public readonly PyObject Object;
    public readonly bool IsBytes;

    PathArg(byte[]? bytes, int fd, PyObject obj, bool isBytes) { Bytes = bytes; Fd = fd; Object = obj; IsBytes = isBytes; }

    public bool IsFd => Bytes == null;

    /// <summary>Converts `o` for function `func` (argument `arg`); allowFd lets an int name a descriptor.</summary>
    public static PathArg From(ThreadState ts, PyObject o, string func, string arg = "path", bool allowFd = false, bool nullable = false)
    {
        if (allowFd && o is PyInt && o is not PyBool || allowFd && o is PyBool)
            return new PathArg(null, FdArg.ToFd(ts, o), o, false);
        if (nullable && o == PyNone.Value)
            return new PathArg(Terminated(new byte[] { (byte)'.' }, ts, o), -1, o, false);
        var p = FsPath(ts, o, allowBytes: true, out bool bad);
        if (bad)
        {
            string allowed = allowFd ? (nullable ? "string, bytes, os.PathLike, integer or None" : "string, bytes, os.PathLike or integer")
                                     : (nullable ? "string, bytes, os.PathLike or None" : "string, bytes or os.PathLike");
            throw PyExc.TypeError($"{func}: {arg} should be {allowed}, not {o.Type.Name}");
        }
        if (p is PyStr s) return new PathArg(Terminated(Encode(ts, s), ts, p), -1, p, false);
        return new PathArg(Terminated(((PyBytes)p).Data, ts, p), -1, p, true);
    }

    /// <summary>os.fspath: str or bytes unchanged, else the result of type(o).__fspath__(o).
    /// `bad` is set (and o returned) when `o` is none of these.</summary>
    public static PyObject FsPath(ThreadState ts, PyObject o, bool allowBytes, out bool bad)
    {
        bad = false;
        if (o is PyStr || (allowBytes && o is PyBytes)) return o;
        var f = o.Type.Lookup("__fspath__");
        if (f == null || f == PyNone.Value) { bad = true; return o; }
        var r = Ops.CallMethod(ts, o, "__fspath__");
        if (r is PyStr || (allowBytes && r is PyBytes)) return r;
        throw PyExc.TypeError($"expected {o.Type.Name}.__fspath__() to return str or bytes, not {r.Type.Name}");
    }

    static byte[] Terminated(byte[] data, ThreadState ts, PyObject obj)
    {
        if (Array.IndexOf(data, (byte)0) >= 0)
            throw PyExc.ValueError(obj is PyStr ? "embedded null character in path" : "embedded null byte");
        var r = new byte[data.Length + 1];
        data.CopyTo(r, 0);
        return r;
    }

    /// <summary>A str in the filesystem encoding (UTF-8, surrogateescape).</summary>
    public static byte[] Encode(ThreadState ts, PyStr s) => PyStrCodecs.Encode(ts, s, "utf-8", "surrogateescape");

    /// <summary>Filesystem bytes as str (UTF-8, surrogateescape).</summary>
    public static string Decode(ThreadState ts, byte[] b) => PyStrCodecs.Decode(ts, b, "utf-8", "surrogateescape", PyBytes.From(b));

    /// <summary>A name the OS returned, as str or bytes matching the argument's kind.</summary>
    public PyObject Result(ThreadState ts, byte[] b) => IsBytes ? PyBytes.From(b) : new PyStr(Decode(ts, b));

    /// <summary>The path without its NUL, for joining.</summary>
    public byte[] Raw => Bytes![..^1];
}
