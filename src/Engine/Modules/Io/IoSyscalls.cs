#nullable enable
using System;
using System.Runtime.InteropServices;
using System.Text;
namespace StacklessIron.Modules;

/// <summary>The file-descriptor system calls FileIO needs (Linux, glibc); their errors are
/// posix's OSErrors. Real descriptors, so os.read/os.fstat/opener= interoperate.</summary>
public static class IoSyscalls
{
    public const int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0x40, O_EXCL = 0x80, O_TRUNC = 0x200,
                     O_APPEND = 0x400, O_NONBLOCK = 0x800, O_CLOEXEC = 0x80000;
    public const int EINTR = 4, EAGAIN = 11, EISDIR = 21, ESPIPE = 29;
    public const int S_IFMT = 0xF000, S_IFDIR = 0x4000, S_IFREG = 0x8000;

    [DllImport("libc.so.6", SetLastError = true, EntryPoint = "open")] static extern int sys_open(byte[] path, int flags, int mode);
    [DllImport("libc.so.6", SetLastError = true, EntryPoint = "read")] static extern nint sys_read(int fd, ref byte buf, nint count);
    [DllImport("libc.so.6", SetLastError = true, EntryPoint = "write")] static extern nint sys_write(int fd, ref byte buf, nint count);
    [DllImport("libc.so.6", SetLastError = true, EntryPoint = "lseek")] static extern long sys_lseek(int fd, long offset, int whence);
    [DllImport("libc.so.6", SetLastError = true, EntryPoint = "close")] static extern int sys_close(int fd);
    [DllImport("libc.so.6", SetLastError = true, EntryPoint = "ftruncate")] static extern int sys_ftruncate(int fd, long length);
    [DllImport("libc.so.6", SetLastError = true, EntryPoint = "isatty")] static extern int sys_isatty(int fd);
    [DllImport("libc.so.6", SetLastError = true, EntryPoint = "fstat")] static extern int sys_fstat(int fd, byte[] statbuf);

    /// <summary>A path as the OS sees it: UTF-8, with lone surrogates U+DC80..U+DCFF standing
    /// for the raw bytes they escaped (surrogateescape, the file-system encoding's handler).</summary>
    public static byte[] PathBytes(string path)
    {
        var bytes = new List<byte>(path.Length + 1);
        var one = new byte[4];
        for (int i = 0; i < path.Length; i++)
        {
            char c = path[i];
            if (c >= 0xDC80 && c <= 0xDCFF) { bytes.Add((byte)(c - 0xDC00)); continue; }
            int n;
            if (char.IsHighSurrogate(c) && i + 1 < path.Length && char.IsLowSurrogate(path[i + 1]))
            {
                n = Encoding.UTF8.GetBytes(path.AsSpan(i, 2), one);
                i++;
            }
            else n = Encoding.UTF8.GetBytes(path.AsSpan(i, 1), one);
            for (int k = 0; k < n; k++) bytes.Add(one[k]);
        }
        bytes.Add(0);
        return bytes.ToArray();
    }

    public static int Open(byte[] nulTerminatedPath, int flags, int mode)
    {
        while (true)
        {
            int fd = sys_open(nulTerminatedPath, flags, mode);
            if (fd >= 0 || Marshal.GetLastPInvokeError() != EINTR) return fd;
        }
    }

    /// <summary>read(2): bytes read, 0 at end of file, or -1 with the error in `errno`.
    /// A pipe, socket or terminal may block: other Python threads run meanwhile.</summary>
    public static int Read(ThreadState ts, int fd, Span<byte> buf, out int errno)
    {
        errno = 0;
        if (buf.Length == 0) return 0;
        using (ts.AllowThreads())
            while (true)
            {
                nint n = sys_read(fd, ref MemoryMarshal.GetReference(buf), buf.Length);
                if (n >= 0) return (int)n;
                errno = Marshal.GetLastPInvokeError();
                if (errno != EINTR) return -1;
            }
    }

    /// <summary>write(2): bytes written (maybe fewer than asked), or -1 with the error in
    /// `errno`; other Python threads run while it waits.</summary>
    public static int Write(ThreadState ts, int fd, ReadOnlySpan<byte> buf, out int errno)
    {
        errno = 0;
        if (buf.Length == 0) return 0;
        using (ts.AllowThreads())
            while (true)
            {
                nint n = sys_write(fd, ref MemoryMarshal.GetReference(buf), buf.Length);
                if (n >= 0) return (int)n;
                errno = Marshal.GetLastPInvokeError();
                if (errno != EINTR) return -1;
            }
    }

    public static long Seek(int fd, long offset, int whence) => sys_lseek(fd, offset, whence);
    public static int Close(int fd) => sys_close(fd);
    public static int Truncate(int fd, long length) => sys_ftruncate(fd, length);
    public static bool IsATty(int fd) => sys_isatty(fd) == 1;

    /// <summary>The errno of the last failed call above.</summary>
    public static int Errno => Marshal.GetLastPInvokeError();

    /// <summary>What FileIO needs from fstat(2): the file type bits, the size and the
    /// preferred block size; false (Errno set) on failure.</summary>
    public static bool Stat(int fd, out int mode, out long size, out long blksize)
    {
        // struct stat on x86_64 Linux: st_mode at 24, st_size at 48, st_blksize at 56.
        var buf = new byte[144];
        if (sys_fstat(fd, buf) != 0) { mode = 0; size = 0; blksize = 0; return false; }
        mode = BitConverter.ToInt32(buf, 24);
        size = BitConverter.ToInt64(buf, 48);
        blksize = BitConverter.ToInt64(buf, 56);
        return true;
    }

    /// <summary>OSError(errno, strerror[, filename]) of the right subclass (posix builds them).</summary>
    public static PyException Error(int errno, PyObject? filename = null) => Posix.PosixErrors.FromErrno(errno, filename);

    /// <summary>The error of the call that just failed.</summary>
    public static PyException LastError(PyObject? filename = null) => Error(Errno, filename);
}
