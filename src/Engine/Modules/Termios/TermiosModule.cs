#nullable enable
using System;
using System.Runtime.InteropServices;
using StacklessIron.Modules.Posix;
namespace StacklessIron.Modules.Termios;

/// <summary>The `termios` module: terminal attributes (tcgetattr/tcsetattr as CPython's
/// 7-element lists), line control (tcdrain, tcflush, tcflow, tcsendbreak), the window size
/// and the constants, over glibc. tty, pty and getpass stand on it.</summary>
public static unsafe class TermiosModule
{
    public static readonly PyType Error = NativeErrors.Define("termios", "error");
    const int NCCS = 32, ICANON = 2, VTIME = 5, VMIN = 6;
    const ulong TIOCGWINSZ = 0x5413, TIOCSWINSZ = 0x5414;

    /// <summary>glibc's struct termios (60 bytes).</summary>
    [StructLayout(LayoutKind.Sequential)]
    struct Termios
    {
        public uint IFlag, OFlag, CFlag, LFlag;
        public byte Line;
        public fixed byte CC[NCCS];
        public uint ISpeed, OSpeed;
    }

    [DllImport("libc", SetLastError = true)] static extern int tcgetattr(int fd, Termios* t);
    [DllImport("libc", SetLastError = true)] static extern int tcsetattr(int fd, int when, Termios* t);
    [DllImport("libc")] static extern uint cfgetispeed(Termios* t);
    [DllImport("libc")] static extern uint cfgetospeed(Termios* t);
    [DllImport("libc", SetLastError = true)] static extern int cfsetispeed(Termios* t, uint speed);
    [DllImport("libc", SetLastError = true)] static extern int cfsetospeed(Termios* t, uint speed);
    [DllImport("libc", SetLastError = true)] static extern int tcsendbreak(int fd, int duration);
    [DllImport("libc", SetLastError = true)] static extern int tcdrain(int fd);
    [DllImport("libc", SetLastError = true)] static extern int tcflush(int fd, int queue);
    [DllImport("libc", SetLastError = true)] static extern int tcflow(int fd, int action);

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("termios", "This module provides an interface to the Posix calls for tty I/O control.");
        NativeMembers.FillModule(m, typeof(TermiosModule));
        m.Set("error", Error);
        foreach (var (name, value) in TermiosConstants.All) m.Set(name, PyInt.From(value));
        return m;
    }

    public static void Register() => Importer.NativeModules["termios"] = Create;

    /// <summary>termios.error(errno, strerror) for the last failed call.</summary>
    static PyException Fail()
    {
        int err = Marshal.GetLastPInvokeError();
        return PyExc.New(Error, PyInt.From(err), new PyStr(LibC.StrError(err)));
    }

    static Termios Get(int fd)
    {
        Termios t;
        if (tcgetattr(fd, &t) < 0) throw Fail();
        return t;
    }

    [PyMethod]
    static PyObject tcgetattr(ThreadState ts, PyObject fd)
    {
        var t = Get(FdArg.FromObject(ts, fd));
        var cc = new PyList();
        for (int i = 0; i < NCCS; i++) cc.Append(PyBytes.From(new[] { t.CC[i] }));
        // In non-canonical mode VMIN and VTIME are counts, not characters.
        if ((t.LFlag & ICANON) == 0)
        {
            cc.Items[VMIN] = PyInt.From(t.CC[VMIN]);
            cc.Items[VTIME] = PyInt.From(t.CC[VTIME]);
        }
        var r = new PyList();
        foreach (var v in new long[] { t.IFlag, t.OFlag, t.CFlag, t.LFlag, cfgetispeed(&t), cfgetospeed(&t) }) r.Append(PyInt.From(v));
        r.Append(cc);
        return r;
    }

    static uint Flag(ThreadState ts, PyObject o)
    {
        var v = Ops.Index(ts, o);
        if (!v.FitsLong) throw PyExc.OverflowError("Python int too large to convert to C long");
        return unchecked((uint)v.Small);
    }

    [PyMethod]
    static void tcsetattr(ThreadState ts, PyObject fd, int when, PyObject attributes)
    {
        int f = FdArg.FromObject(ts, fd);
        if (attributes is not PyList l || l.Count != 7) throw PyExc.TypeError("tcsetattr, arg 3: must be 7 element list");
        var t = Get(f);
        var items = Ops.ToArray(ts, l);
        t.IFlag = Flag(ts, items[0]); t.OFlag = Flag(ts, items[1]); t.CFlag = Flag(ts, items[2]); t.LFlag = Flag(ts, items[3]);
        uint ispeed = Flag(ts, items[4]), ospeed = Flag(ts, items[5]);
        if (items[6] is not PyList cc || cc.Count != NCCS) throw PyExc.TypeError($"tcsetattr: attributes[6] must be {NCCS} element list");
        var ccItems = Ops.ToArray(ts, cc);
        for (int i = 0; i < NCCS; i++)
        {
            var v = ccItems[i];
            if (v is PyBytes b && b.Data.Length == 1) t.CC[i] = b.Data[0];
            else if (v is PyInt n) t.CC[i] = unchecked((byte)(n.FitsLong ? n.Small : 0));
            else throw PyExc.TypeError("tcsetattr: elements of attributes must be characters or integers");
        }
        if (cfsetispeed(&t, ispeed) < 0) throw Fail();
        if (cfsetospeed(&t, ospeed) < 0) throw Fail();
        if (tcsetattr(f, when, &t) < 0) throw Fail();
    }

    [PyMethod] static void tcsendbreak(ThreadState ts, PyObject fd, int duration) { if (tcsendbreak(FdArg.FromObject(ts, fd), duration) < 0) throw Fail(); }
    [PyMethod] static void tcdrain(ThreadState ts, PyObject fd) { if (tcdrain(FdArg.FromObject(ts, fd)) < 0) throw Fail(); }
    [PyMethod] static void tcflush(ThreadState ts, PyObject fd, int queue) { if (tcflush(FdArg.FromObject(ts, fd), queue) < 0) throw Fail(); }
    [PyMethod] static void tcflow(ThreadState ts, PyObject fd, int action) { if (tcflow(FdArg.FromObject(ts, fd), action) < 0) throw Fail(); }

    [PyMethod]
    static PyObject tcgetwinsize(ThreadState ts, PyObject fd)
    {
        ushort* ws = stackalloc ushort[4];
        if (LibC.ioctl(FdArg.FromObject(ts, fd), TIOCGWINSZ, ws) < 0) throw Fail();
        return PyTuple.Of(PyInt.From(ws[0]), PyInt.From(ws[1]));
    }

    [PyMethod]
    static void tcsetwinsize(ThreadState ts, PyObject fd, PyObject winsize)
    {
        int f = FdArg.FromObject(ts, fd);
        if (winsize is not PyTuple and not PyList || Ops.Len(ts, winsize) != 2)
            throw PyExc.TypeError("tcsetwinsize, arg 2: must be a two-item sequence");
        var rows = Ops.Index(ts, Ops.GetItem(ts, winsize, PyInt.From(0)));
        var cols = Ops.Index(ts, Ops.GetItem(ts, winsize, PyInt.From(1)));
        ushort* ws = stackalloc ushort[4];
        if (LibC.ioctl(f, TIOCGWINSZ, ws) < 0) throw Fail();
        if (!rows.FitsLong || !cols.FitsLong || rows.Small < 0 || cols.Small < 0 || rows.Small > ushort.MaxValue || cols.Small > ushort.MaxValue)
            throw PyExc.OverflowError("winsize value(s) out of range.");
        ws[0] = (ushort)rows.Small; ws[1] = (ushort)cols.Small;
        if (LibC.ioctl(f, TIOCSWINSZ, ws) < 0) throw Fail();
    }
}
