#nullable enable
using System;
using System.Runtime.InteropServices;
namespace StacklessIron.Modules.Posix;

/// <summary>The glibc functions posix needs where .NET has no equivalent that keeps the OS's
/// file descriptors and errno values (Linux x86-64). Paths are NUL-terminated byte arrays in
/// the filesystem encoding; errno comes from Marshal.GetLastPInvokeError.</summary>
internal static unsafe class LibC
{
    const string Lib = "libc";
    public const int AT_FDCWD = -100;
    public const int AT_SYMLINK_NOFOLLOW = 0x100;
    public const int AT_REMOVEDIR = 0x200;
    public const int AT_SYMLINK_FOLLOW = 0x400;
    public const int AT_EACCESS = 0x200;
    public const int F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4, FD_CLOEXEC = 1;
    public const int O_NONBLOCK = 0x800, O_CLOEXEC = 0x80000, O_DIRECTORY = 0x10000, O_RDONLY = 0;
    public const int EINTR = 4, EBADF = 9, ERANGE = 34, EINVAL = 22, ENOENT = 2;
    public const long UTIME_NOW = (1L << 30) - 1, UTIME_OMIT = (1L << 30) - 2;

    public static int Errno => Marshal.GetLastPInvokeError();

    [StructLayout(LayoutKind.Sequential)]
    public struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
        public static Timespec FromSeconds(double seconds) => new() { Seconds = (long)seconds, Nanoseconds = (long)((seconds - Math.Floor(seconds)) * 1e9) };
    }
    /// <summary>nanosleep(2): 0, or -1 with errno EINTR and the time left in `remaining`.</summary>
    [DllImport(Lib, SetLastError = true)] public static extern int nanosleep(in Timespec request, out Timespec remaining);
    /// <summary>ppoll(2) over struct pollfd entries; a null timeout waits without limit.</summary>
    [DllImport(Lib, SetLastError = true)] public static extern int ppoll(void* fds, ulong nfds, Timespec* timeout, void* sigmask);
    /// <summary>clock_gettime(2)/clock_getres(2)/clock_settime(2): 0, or -1 with errno.</summary>
    [DllImport(Lib, SetLastError = true)] public static extern int clock_gettime(int clockId, out Timespec time);
    [DllImport(Lib, SetLastError = true)] public static extern int clock_getres(int clockId, out Timespec resolution);
    [DllImport(Lib, SetLastError = true)] public static extern int clock_settime(int clockId, in Timespec time);
    public const int CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_PROCESS_CPUTIME_ID = 2, CLOCK_THREAD_CPUTIME_ID = 3,
        CLOCK_MONOTONIC_RAW = 4, CLOCK_BOOTTIME = 7, CLOCK_TAI = 11;
    [DllImport(Lib, SetLastError = true)] public static extern int openat(int dirfd, byte[] path, int flags, int mode);
    [DllImport(Lib, SetLastError = true)] public static extern int close(int fd);
    [DllImport(Lib, SetLastError = true)] public static extern int sigaction(int signum, byte* act, byte* oldact);
    [DllImport(Lib, SetLastError = true)] public static extern nint read(int fd, byte* buf, nint count);
    [DllImport(Lib, SetLastError = true)] public static extern nint write(int fd, byte* buf, nint count);
    [DllImport(Lib, SetLastError = true)] public static extern nint pread(int fd, byte* buf, nint count, long offset);
    [DllImport(Lib, SetLastError = true)] public static extern nint pwrite(int fd, byte* buf, nint count, long offset);
    [DllImport(Lib, SetLastError = true)] public static extern nint sendfile(int outFd, int inFd, long* offset, nint count);
    [DllImport(Lib, SetLastError = true)] public static extern long lseek(int fd, long offset, int whence);
    [DllImport(Lib, SetLastError = true)] public static extern int fsync(int fd);
    [DllImport(Lib, SetLastError = true)] public static extern int fdatasync(int fd);
    [DllImport(Lib, SetLastError = true)] public static extern int dup(int fd);
    [DllImport(Lib, SetLastError = true)] public static extern int dup3(int oldfd, int newfd, int flags);
    [DllImport(Lib, SetLastError = true)] public static extern int dup2(int oldfd, int newfd);
    [DllImport(Lib, SetLastError = true)] public static extern int pipe2(int* fds, int flags);
    [DllImport(Lib, SetLastError = true)] public static extern int isatty(int fd);
    [DllImport(Lib, SetLastError = true)] public static extern int openpty(int* master, int* slave, byte* name, void* termp, void* winp);
    [DllImport(Lib, SetLastError = true)] public static extern int fcntl(int fd, int cmd, int arg);
    [DllImport(Lib, SetLastError = true)] public static extern int ioctl(int fd, ulong request, void* arg);

    [DllImport(Lib, SetLastError = true)] public static extern int fstatat(int dirfd, byte[] path, byte* buf, int flags);
    [DllImport(Lib, SetLastError = true)] public static extern int fstat(int fd, byte* buf);
    [DllImport(Lib, SetLastError = true)] public static extern int faccessat(int dirfd, byte[] path, int mode, int flags);
    [DllImport(Lib, SetLastError = true)] public static extern int mkdirat(int dirfd, byte[] path, int mode);
    [DllImport(Lib, SetLastError = true)] public static extern int mkfifoat(int dirfd, byte[] path, int mode);
    [DllImport(Lib, SetLastError = true)] public static extern int unlinkat(int dirfd, byte[] path, int flags);
    [DllImport(Lib, SetLastError = true)] public static extern int renameat(int olddirfd, byte[] oldpath, int newdirfd, byte[] newpath);
    [DllImport(Lib, SetLastError = true)] public static extern int symlinkat(byte[] target, int dirfd, byte[] linkpath);
    [DllImport(Lib, SetLastError = true)] public static extern nint readlinkat(int dirfd, byte[] path, byte* buf, nint size);
    [DllImport(Lib, SetLastError = true)] public static extern int linkat(int olddirfd, byte[] oldpath, int newdirfd, byte[] newpath, int flags);
    [DllImport(Lib, SetLastError = true)] public static extern int fchmodat(int dirfd, byte[] path, int mode, int flags);
    [DllImport(Lib, SetLastError = true)] public static extern int fchmod(int fd, int mode);
    [DllImport(Lib, SetLastError = true)] public static extern int fchownat(int dirfd, byte[] path, int uid, int gid, int flags);
    [DllImport(Lib, SetLastError = true)] public static extern int fchown(int fd, int uid, int gid);
    [DllImport(Lib, SetLastError = true)] public static extern int utimensat(int dirfd, byte[] path, long* times, int flags);
    [DllImport(Lib, SetLastError = true)] public static extern int futimens(int fd, long* times);
    [DllImport(Lib, SetLastError = true)] public static extern int statvfs(byte[] path, ulong* buf);
    [DllImport(Lib, SetLastError = true)] public static extern int fstatvfs(int fd, ulong* buf);
    [DllImport(Lib, SetLastError = true)] public static extern int truncate(byte[] path, long length);
    [DllImport(Lib, SetLastError = true)] public static extern int ftruncate(int fd, long length);
    [DllImport(Lib, SetLastError = true)] public static extern int chdir(byte[] path);
    [DllImport(Lib, SetLastError = true)] public static extern int fchdir(int fd);
    [DllImport(Lib, SetLastError = true)] public static extern byte* getcwd(byte* buf, nint size);
    [DllImport(Lib, SetLastError = true)] public static extern int umask(int mask);
    [DllImport(Lib, SetLastError = true)] public static extern int mknodat(int dirfd, byte[] path, int mode, ulong dev);

    [DllImport(Lib, SetLastError = true)] public static extern IntPtr fdopendir(int fd);
    [DllImport(Lib, SetLastError = true)] public static extern IntPtr opendir(byte[] path);
    [DllImport(Lib, SetLastError = true)] public static extern byte* readdir64(IntPtr dir);
    [DllImport(Lib, SetLastError = true)] public static extern int closedir(IntPtr dir);
    [DllImport(Lib, SetLastError = true)] public static extern void rewinddir(IntPtr dir);

    [DllImport(Lib)] public static extern int getpid();
    [DllImport(Lib)] public static extern int getppid();
    [DllImport(Lib)] public static extern int getuid();
    [DllImport(Lib)] public static extern int geteuid();
    [DllImport(Lib)] public static extern int getgid();
    [DllImport(Lib)] public static extern int getegid();
    [DllImport(Lib)] public static extern int getpgrp();
    [DllImport(Lib, SetLastError = true)] public static extern int getpgid(int pid);
    [DllImport(Lib, SetLastError = true)] public static extern int getsid(int pid);
    [DllImport(Lib, SetLastError = true)] public static extern int setsid();
    [DllImport(Lib, SetLastError = true)] public static extern int setpgid(int pid, int pgid);
    [DllImport(Lib, SetLastError = true)] public static extern int getgroups(int size, int* list);
    [DllImport(Lib, SetLastError = true)] public static extern IntPtr getlogin();
    [DllImport(Lib, SetLastError = true)] public static extern int kill(int pid, int sig);
    [DllImport(Lib, SetLastError = true)] public static extern int killpg(int pgrp, int sig);
    [DllImport(Lib, SetLastError = true)] public static extern int raise(int sig);
    [DllImport(Lib, SetLastError = true)] public static extern uint alarm(uint seconds);
    /// <summary>struct itimerval is four longs on 64-bit Linux: interval (sec, usec), value (sec, usec).</summary>
    [DllImport(Lib, SetLastError = true)] public static extern int setitimer(int which, long* value, long* old);
    [DllImport(Lib, SetLastError = true)] public static extern int getitimer(int which, long* value);
    [DllImport(Lib, SetLastError = true)] public static extern int nice(int inc);
    [DllImport(Lib)] public static extern IntPtr strerror(int errnum);
    [DllImport(Lib)] public static extern IntPtr strsignal(int sig);
    [DllImport(Lib, SetLastError = true)] public static extern int uname(byte* buf);
    [DllImport(Lib, SetLastError = true)] public static extern long times(long* buf);
    [DllImport(Lib, SetLastError = true)] public static extern long sysconf(int name);
    [DllImport(Lib, SetLastError = true)] public static extern nint confstr(int name, byte* buf, nint len);
    [DllImport(Lib, SetLastError = true)] public static extern long fpathconf(int fd, int name);
    [DllImport(Lib, SetLastError = true)] public static extern long pathconf(byte[] path, int name);
    [DllImport(Lib, SetLastError = true)] public static extern int system(byte[] command);
    [DllImport(Lib, SetLastError = true)] public static extern int waitpid(int pid, int* status, int options);
    [DllImport(Lib)] public static extern IntPtr getenv(byte[] name);
    [DllImport(Lib, SetLastError = true)] public static extern int setenv(byte[] name, byte[] value, int overwrite);
    [DllImport(Lib, SetLastError = true)] public static extern int unsetenv(byte[] name);
    [DllImport(Lib, SetLastError = true)] public static extern int getloadavg(double* loadavg, int nelem);
    [DllImport(Lib, SetLastError = true)] public static extern IntPtr ttyname(int fd);
    [DllImport(Lib, SetLastError = true)] public static extern IntPtr getpwuid(uint uid);
    [DllImport(Lib, SetLastError = true)] public static extern IntPtr getpwnam(byte[] name);
    [DllImport(Lib)] public static extern void setpwent();
    [DllImport(Lib, SetLastError = true)] public static extern IntPtr getpwent();
    [DllImport(Lib)] public static extern void endpwent();
    [DllImport(Lib, SetLastError = true)] public static extern IntPtr getgrgid(uint gid);
    [DllImport(Lib, SetLastError = true)] public static extern IntPtr getgrnam(byte[] name);
    [DllImport(Lib)] public static extern void setgrent();
    [DllImport(Lib, SetLastError = true)] public static extern IntPtr getgrent();
    [DllImport(Lib)] public static extern void endgrent();
    [DllImport(Lib)] public static extern void sync();
    [DllImport(Lib)] public static extern void _exit(int status);
    [DllImport(Lib)] public static extern void abort();
    [DllImport(Lib, SetLastError = true)] public static extern int sched_yield();
    [DllImport(Lib, SetLastError = true)] public static extern int posix_spawnp(int* pid, byte[] file, IntPtr fileActions, IntPtr attr, IntPtr* argv, IntPtr* envp);
    [DllImport(Lib, SetLastError = true)] public static extern int posix_spawn(int* pid, byte[] file, IntPtr fileActions, IntPtr attr, IntPtr* argv, IntPtr* envp);
    [DllImport(Lib)] public static extern int posix_spawn_file_actions_init(IntPtr fa);
    [DllImport(Lib)] public static extern int posix_spawn_file_actions_destroy(IntPtr fa);
    [DllImport(Lib)] public static extern int posix_spawn_file_actions_adddup2(IntPtr fa, int fd, int newfd);
    [DllImport(Lib)] public static extern int posix_spawn_file_actions_addopen(IntPtr fa, int fd, byte[] path, int oflag, int mode);
    [DllImport(Lib, SetLastError = true)] public static extern int execve(byte[] path, IntPtr* argv, IntPtr* envp);
    [DllImport(Lib)] public static extern int posix_spawn_file_actions_addclose(IntPtr fa, int fd);
    [DllImport(Lib)] public static extern int posix_spawn_file_actions_addchdir_np(IntPtr fa, byte[] path);
    [DllImport(Lib)] public static extern int posix_spawnattr_init(IntPtr attr);
    [DllImport(Lib)] public static extern int posix_spawnattr_destroy(IntPtr attr);
    [DllImport(Lib)] public static extern int posix_spawnattr_setflags(IntPtr attr, short flags);
    [DllImport(Lib)] public static extern int posix_spawnattr_setsigdefault(IntPtr attr, byte* sigset);
    [DllImport(Lib)] public static extern int posix_spawnattr_setsigmask(IntPtr attr, byte* sigset);
    [DllImport(Lib)] public static extern int posix_spawnattr_setpgroup(IntPtr attr, int pgroup);

    /// <summary>The C string at `p` as bytes (without the NUL).</summary>
    public static byte[] CString(byte* p)
    {
        int n = 0;
        while (p[n] != 0) n++;
        return new ReadOnlySpan<byte>(p, n).ToArray();
    }

    public static string StrError(int errnum) => Marshal.PtrToStringUTF8(strerror(errnum)) ?? $"Unknown error {errnum}";
}
