#nullable enable
using System;
using System.Text;
namespace StacklessIron.Modules.Posix;

/// <summary>The `_stat` module: the S_* constants and mode tests that stat.py prefers over its
/// pure-Python fallbacks, and filemode().</summary>
public static class StatModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_stat", "S_IFMT_: file type bits\nS_IFDIR: directory\n...");
        NativeMembers.FillModule(m, typeof(StatModule));
        foreach (var (name, value) in PosixConstants.Stat) m.Set(name, PyInt.From(value));
        return m;
    }

    /// <summary>A mode argument: a non-negative int that fits a C mode_t (as CPython's _PyLong_AsMode_t).</summary>
    static long Mode(ThreadState ts, PyObject mode)
    {
        if (mode is not PyInt && mode.Type.Index == null) throw PyExc.TypeError("an integer is required");
        var i = Ops.Index(ts, mode);
        if (i.Sign < 0) throw PyExc.OverflowError("can't convert negative value to unsigned int");
        if (!i.FitsLong || i.Small > uint.MaxValue) throw PyExc.OverflowError("Python int too large to convert to C unsigned long");
        return i.Small;
    }

    const long IFMT = 0xF000;
    [PyMethod] static long S_IMODE(ThreadState ts, PyObject mode) => Mode(ts, mode) & 0xFFF;
    [PyMethod] static long S_IFMT(ThreadState ts, PyObject mode) => Mode(ts, mode) & IFMT;
    [PyMethod] static bool S_ISDIR(ThreadState ts, PyObject mode) => (Mode(ts, mode) & IFMT) == 0x4000;
    [PyMethod] static bool S_ISCHR(ThreadState ts, PyObject mode) => (Mode(ts, mode) & IFMT) == 0x2000;
    [PyMethod] static bool S_ISBLK(ThreadState ts, PyObject mode) => (Mode(ts, mode) & IFMT) == 0x6000;
    [PyMethod] static bool S_ISREG(ThreadState ts, PyObject mode) => (Mode(ts, mode) & IFMT) == 0x8000;
    [PyMethod] static bool S_ISFIFO(ThreadState ts, PyObject mode) => (Mode(ts, mode) & IFMT) == 0x1000;
    [PyMethod] static bool S_ISLNK(ThreadState ts, PyObject mode) => (Mode(ts, mode) & IFMT) == 0xA000;
    [PyMethod] static bool S_ISSOCK(ThreadState ts, PyObject mode) => (Mode(ts, mode) & IFMT) == 0xC000;
    [PyMethod] static bool S_ISDOOR(ThreadState ts, PyObject mode) { Mode(ts, mode); return false; }
    [PyMethod] static bool S_ISPORT(ThreadState ts, PyObject mode) { Mode(ts, mode); return false; }
    [PyMethod] static bool S_ISWHT(ThreadState ts, PyObject mode) { Mode(ts, mode); return false; }

    [PyMethod]
    static string filemode(ThreadState ts, PyObject mode)
    {
        long m = Mode(ts, mode);
        var sb = new StringBuilder(10);
        sb.Append((m & IFMT) switch
        {
            0x4000 => 'd', 0x2000 => 'c', 0x6000 => 'b', 0x8000 => '-', 0x1000 => 'p', 0xA000 => 'l', 0xC000 => 's', _ => '?',
        });
        sb.Append((m & 0x100) != 0 ? 'r' : '-').Append((m & 0x80) != 0 ? 'w' : '-');
        sb.Append((m & 0x800) != 0 ? ((m & 0x40) != 0 ? 's' : 'S') : ((m & 0x40) != 0 ? 'x' : '-'));
        sb.Append((m & 0x20) != 0 ? 'r' : '-').Append((m & 0x10) != 0 ? 'w' : '-');
        sb.Append((m & 0x400) != 0 ? ((m & 0x8) != 0 ? 's' : 'S') : ((m & 0x8) != 0 ? 'x' : '-'));
        sb.Append((m & 0x4) != 0 ? 'r' : '-').Append((m & 0x2) != 0 ? 'w' : '-');
        sb.Append((m & 0x200) != 0 ? ((m & 0x1) != 0 ? 't' : 'T') : ((m & 0x1) != 0 ? 'x' : '-'));
        return sb.ToString();
    }
}
