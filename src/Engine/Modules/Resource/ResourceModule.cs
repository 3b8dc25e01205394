#nullable enable
using System;
using System.Runtime.InteropServices;
using StacklessIron.Modules.Posix;
namespace StacklessIron.Modules.Resource;

/// <summary>The `resource` module: process resource limits (getrlimit, setrlimit, prlimit),
/// usage (getrusage as struct_rusage) and the page size, over glibc, with CPython 3.11's
/// conversions (RLIM_INFINITY is -1) and messages.</summary>
public static unsafe class ResourceModule
{
    const int RLIM_NLIMITS = 16;
    const int EINVAL = 22, EPERM = 1;

    public static readonly PyType StructRusage = PyStructSeq.MakeType("resource.struct_rusage", new string?[] {
        "ru_utime", "ru_stime", "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt", "ru_majflt",
        "ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw" }, 16,
        "struct_rusage: Result from getrusage.\n\nThis object may be accessed either as a tuple of\n" +
        "    (utime,stime,maxrss,ixrss,idrss,isrss,minflt,majflt,\n    nswap,inblock,oublock,msgsnd,msgrcv,nsignals,nvcsw,nivcsw)\n" +
        "or via the attributes ru_utime, ru_stime, ru_maxrss, and so on.");

    [DllImport("libc", SetLastError = true)] static extern int getrlimit(int resource, long* rlim);
    [DllImport("libc", SetLastError = true)] static extern int setrlimit(int resource, long* rlim);
    [DllImport("libc", SetLastError = true)] static extern int prlimit(int pid, int resource, long* newLimit, long* oldLimit);
    [DllImport("libc", SetLastError = true)] static extern int getrusage(int who, long* usage);
    [DllImport("libc")] static extern int getpagesize();

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("resource");
        NativeMembers.FillModule(m, typeof(ResourceModule));
        m.Set("error", ExceptionTypes.OSError);
        m.Set("struct_rusage", StructRusage);
        foreach (var (name, value) in ResourceConstants.All) m.Set(name, PyInt.From(value));
        return m;
    }

    public static void Register() => Importer.NativeModules["resource"] = Create;

    static void CheckResource(int resource)
    {
        if (resource < 0 || resource >= RLIM_NLIMITS) throw PyExc.ValueError("invalid resource specified");
    }

    /// <summary>(soft, hard) as CPython shows rlim_t: a signed long long, so RLIM_INFINITY is -1.</summary>
    static PyObject Pair(long* rl) => PyTuple.Of(PyInt.From(rl[0]), PyInt.From(rl[1]));

    /// <summary>A (soft, hard) sequence of two ints into rlim_t values.</summary>
    static void ToRlimit(ThreadState ts, PyObject limits, long* rl)
    {
        var items = Ops.ToArray(ts, limits);
        if (items.Length != 2) throw PyExc.ValueError("expected a tuple of 2 integers");
        for (int i = 0; i < 2; i++)
        {
            var v = items[i];
            if (v is PyFloat || v is not PyInt && v.Type.Index == null)
                throw PyExc.TypeError($"'{v.Type.Name}' object cannot be interpreted as an integer");
            var n = Ops.Index(ts, v);
            if (!n.FitsLong) throw PyExc.OverflowError("Python int too large to convert to C long");
            rl[i] = n.Small;
        }
    }

    [PyMethod]
    static PyObject getrlimit(ThreadState ts, int resource)
    {
        CheckResource(resource);
        long* rl = stackalloc long[2];
        if (getrlimit(resource, rl) == -1) throw PosixErrors.Last();
        return Pair(rl);
    }

    [PyMethod]
    static void setrlimit(ThreadState ts, int resource, PyObject limits)
    {
        CheckResource(resource);
        long* rl = stackalloc long[2];
        ToRlimit(ts, limits, rl);
        if (setrlimit(resource, rl) == -1)
        {
            int err = LibC.Errno;
            if (err == EINVAL) throw PyExc.ValueError("current limit exceeds maximum limit");
            if (err == EPERM) throw PyExc.ValueError("not allowed to raise maximum limit");
            throw PosixErrors.FromErrno(err);
        }
    }

    [PyMethod]
    static PyObject prlimit(ThreadState ts, int pid, int resource, PyObject? limits = null)
    {
        CheckResource(resource);
        long* newLimit = stackalloc long[2];
        long* oldLimit = stackalloc long[2];
        bool set = limits != null && limits != PyNone.Value;
        if (set) ToRlimit(ts, limits!, newLimit);
        if (prlimit(pid, resource, set ? newLimit : null, oldLimit) == -1)
        {
            int err = LibC.Errno;
            if (err == EINVAL) throw PyExc.ValueError("current limit exceeds maximum limit");
            throw PosixErrors.FromErrno(err);
        }
        return Pair(oldLimit);
    }

    [PyMethod]
    static PyObject getrusage(ThreadState ts, int who)
    {
        // struct rusage: two timevals (seconds, microseconds), then fourteen longs.
        long* ru = stackalloc long[18];
        if (getrusage(who, ru) == -1)
        {
            int err = LibC.Errno;
            if (err == EINVAL) throw PyExc.ValueError("invalid who parameter");
            throw PosixErrors.FromErrno(err);
        }
        var fields = new PyObject[16];
        fields[0] = new PyFloat(ru[0] + ru[1] * 0.000001);
        fields[1] = new PyFloat(ru[2] + ru[3] * 0.000001);
        for (int i = 2; i < 16; i++) fields[i] = PyInt.From(ru[i + 2]);
        return PyStructSeq.Create(StructRusage, fields);
    }

    [PyMethod] static long getpagesize(ThreadState ts) => getpagesize();
}
