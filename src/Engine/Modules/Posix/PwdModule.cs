#nullable enable
using System;
namespace StacklessIron.Modules.Posix;

/// <summary>The `pwd` and `grp` modules: the user and group databases through glibc's
/// getpw*/getgr* (so NSS sources count too). Results are struct sequences as in CPython.</summary>
public static unsafe class PwdModule
{
    public static readonly PyType StructPasswd = PyStructSeq.MakeType("pwd.struct_passwd",
        new string?[] { "pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell" }, 7,
        "pwd.struct_passwd: Results from getpw*() routines.");
    public static readonly PyType StructGroup = PyStructSeq.MakeType("grp.struct_group",
        new string?[] { "gr_name", "gr_passwd", "gr_gid", "gr_mem" }, 4, "grp.struct_group: Results from getgr*() routines.");

    public static void Register()
    {
        Importer.NativeModules["pwd"] = ts =>
        {
            var m = new PyModule("pwd", "This module provides access to the Unix password database.");
            NativeMembers.FillModule(m, typeof(PwdFunctions));
            m.Set("struct_passwd", StructPasswd);
            return m;
        };
        Importer.NativeModules["grp"] = ts =>
        {
            var m = new PyModule("grp", "Access to the Unix group database.");
            NativeMembers.FillModule(m, typeof(GrpFunctions));
            m.Set("struct_group", StructGroup);
            return m;
        };
    }

    static PyObject Str(ThreadState ts, IntPtr p) => new PyStr(p == IntPtr.Zero ? "" : PathArg.Decode(ts, LibC.CString((byte*)p)));

    /// <summary>struct passwd: name, passwd (pointers), uid, gid (uint), gecos, dir, shell.</summary>
    internal static PyObject Passwd(ThreadState ts, IntPtr pw)
    {
        byte* b = (byte*)pw;
        return PyStructSeq.Create(StructPasswd, Str(ts, *(IntPtr*)b), Str(ts, *(IntPtr*)(b + 8)),
            PyInt.From(*(uint*)(b + 16)), PyInt.From(*(uint*)(b + 20)),
            Str(ts, *(IntPtr*)(b + 24)), Str(ts, *(IntPtr*)(b + 32)), Str(ts, *(IntPtr*)(b + 40)));
    }

    /// <summary>struct group: name, passwd (pointers), gid (uint, padded), mem (NULL-ended array).</summary>
    internal static PyObject Group(ThreadState ts, IntPtr gr)
    {
        byte* b = (byte*)gr;
        var mem = new PyList();
        for (IntPtr* m = *(IntPtr**)(b + 24); m != null && *m != IntPtr.Zero; m++) mem.Append(Str(ts, *m));
        return PyStructSeq.Create(StructGroup, Str(ts, *(IntPtr*)b), Str(ts, *(IntPtr*)(b + 8)), PyInt.From(*(uint*)(b + 16)), mem);
    }

    /// <summary>A uid/gid argument; null when it cannot name an id (negative or too large).</summary>
    internal static uint? Id(ThreadState ts, PyObject o)
    {
        if (o is PyFloat) throw PyExc.TypeError("'float' object cannot be interpreted as an integer");
        var i = Ops.Index(ts, o);
        if (i.FitsLong && i.Small >= 0 && i.Small <= uint.MaxValue - 1) return (uint)i.Small;
        if (i.FitsLong && i.Small == -1) return uint.MaxValue;
        return null;
    }

    internal static byte[] Name(ThreadState ts, PyObject name, string func)
    {
        if (name is not PyStr s) throw PyExc.TypeError($"{func}() argument must be str, not {name.Type.Name}");
        var b = PathArg.Encode(ts, s);
        if (Array.IndexOf(b, (byte)0) >= 0) throw PyExc.ValueError("embedded null character");
        return [.. b, 0];
    }
}

/// <summary>The functions of `pwd`.</summary>
public static class PwdFunctions
{
    [PyMethod]
    static PyObject getpwuid(ThreadState ts, PyObject uidobj)
    {
        var uid = PwdModule.Id(ts, uidobj);
        var pw = uid is uint u ? LibC.getpwuid(u) : IntPtr.Zero;
        if (pw == IntPtr.Zero)
            throw PyExc.KeyError(new PyStr(uid == null ? "getpwuid(): uid not found" : "getpwuid(): uid not found: " + Ops.StrString(ts, uidobj)));
        return PwdModule.Passwd(ts, pw);
    }

    [PyMethod]
    static PyObject getpwnam(ThreadState ts, PyObject name)
    {
        var pw = LibC.getpwnam(PwdModule.Name(ts, name, "getpwnam"));
        if (pw == IntPtr.Zero) throw PyExc.KeyError(new PyStr("getpwnam(): name not found: " + Ops.ReprString(ts, name)));
        return PwdModule.Passwd(ts, pw);
    }

    [PyMethod]
    static PyObject getpwall(ThreadState ts)
    {
        var list = new PyList();
        LibC.setpwent();
        try { for (IntPtr p; (p = LibC.getpwent()) != IntPtr.Zero;) list.Append(PwdModule.Passwd(ts, p)); }
        finally { LibC.endpwent(); }
        return list;
    }
}

/// <summary>The functions of `grp`.</summary>
public static class GrpFunctions
{
    [PyMethod]
    static PyObject getgrgid(ThreadState ts, [PyKeyword] PyObject id)
    {
        var gid = PwdModule.Id(ts, id);
        var gr = gid is uint g ? LibC.getgrgid(g) : IntPtr.Zero;
        if (gr == IntPtr.Zero)
            throw PyExc.KeyError(new PyStr(gid == null ? "getgrgid(): gid not found" : "getgrgid(): gid not found: " + Ops.StrString(ts, id)));
        return PwdModule.Group(ts, gr);
    }

    [PyMethod]
    static PyObject getgrnam(ThreadState ts, [PyKeyword] PyObject name)
    {
        var gr = LibC.getgrnam(PwdModule.Name(ts, name, "getgrnam"));
        if (gr == IntPtr.Zero) throw PyExc.KeyError(new PyStr("getgrnam(): name not found: " + Ops.ReprString(ts, name)));
        return PwdModule.Group(ts, gr);
    }

    [PyMethod]
    static PyObject getgrall(ThreadState ts)
    {
        var list = new PyList();
        LibC.setgrent();
        try { for (IntPtr p; (p = LibC.getgrent()) != IntPtr.Zero;) list.Append(PwdModule.Group(ts, p)); }
        finally { LibC.endgrent(); }
        return list;
    }
}
