#nullable enable
using System;
using System.Runtime.InteropServices;
namespace StacklessIron.Modules.Socket;

/// <summary>The glibc socket functions (Linux x86-64). Addresses are passed as raw sockaddr
/// bytes (SockAddr builds and reads them); errno comes from Marshal.GetLastPInvokeError.</summary>
internal static unsafe class LibSocket
{
    const string Lib = "libc";
    public const int AF_UNSPEC = 0, AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10;
    public const int SOCK_STREAM = 1, SOCK_DGRAM = 2, SOCK_NONBLOCK = 0x800, SOCK_CLOEXEC = 0x80000;
    public const int SOL_SOCKET = 1, SO_ERROR = 4, SO_TYPE = 3, SO_PROTOCOL = 38, SO_DOMAIN = 39;
    public const int EAGAIN = 11, EINPROGRESS = 115, EISCONN = 106, ECONNRESET = 104, ENOTSOCK = 88;
    public const int AI_PASSIVE = 1, AI_CANONNAME = 2, AI_NUMERICHOST = 4;
    public const int NI_NUMERICHOST = 1, NI_NUMERICSERV = 2, NI_NAMEREQD = 8, NI_DGRAM = 16;
    public const int EAI_SYSTEM = -11;
    public const int SockaddrStorageSize = 128;

    [StructLayout(LayoutKind.Sequential)]
    public struct AddrInfo
    {
        public int Flags, Family, SockType, Protocol;
        public uint AddrLen;
        public byte* Addr;
        public byte* CanonName;
        public AddrInfo* Next;
    }

    [DllImport(Lib, SetLastError = true)] public static extern int socket(int domain, int type, int protocol);
    [DllImport(Lib, SetLastError = true)] public static extern int socketpair(int domain, int type, int protocol, int* sv);
    [DllImport(Lib, SetLastError = true)] public static extern int bind(int fd, byte* addr, uint len);
    [DllImport(Lib, SetLastError = true)] public static extern int connect(int fd, byte* addr, uint len);
    [DllImport(Lib, SetLastError = true)] public static extern int listen(int fd, int backlog);
    [DllImport(Lib, SetLastError = true)] public static extern int accept4(int fd, byte* addr, uint* len, int flags);
    [DllImport(Lib, SetLastError = true)] public static extern nint send(int fd, byte* buf, nint len, int flags);
    [DllImport(Lib, SetLastError = true)] public static extern nint sendto(int fd, byte* buf, nint len, int flags, byte* addr, uint addrLen);
    [DllImport(Lib, SetLastError = true)] public static extern nint recv(int fd, byte* buf, nint len, int flags);
    [DllImport(Lib, SetLastError = true)] public static extern nint recvfrom(int fd, byte* buf, nint len, int flags, byte* addr, uint* addrLen);
    [DllImport(Lib, SetLastError = true)] public static extern int shutdown(int fd, int how);
    [DllImport(Lib, SetLastError = true)] public static extern int close(int fd);
    [DllImport(Lib, SetLastError = true)] public static extern int dup(int fd);
    [DllImport(Lib, SetLastError = true)] public static extern int fcntl(int fd, int cmd, int arg);
    [DllImport(Lib, SetLastError = true)] public static extern int setsockopt(int fd, int level, int name, byte* value, uint len);
    [DllImport(Lib, SetLastError = true)] public static extern int getsockopt(int fd, int level, int name, byte* value, uint* len);
    [DllImport(Lib, SetLastError = true)] public static extern int getsockname(int fd, byte* addr, uint* len);
    [DllImport(Lib, SetLastError = true)] public static extern int getpeername(int fd, byte* addr, uint* len);
    [DllImport(Lib)] public static extern int getaddrinfo(byte[]? node, byte[]? service, AddrInfo* hints, AddrInfo** res);
    [DllImport(Lib)] public static extern void freeaddrinfo(AddrInfo* res);
    [DllImport(Lib)] public static extern IntPtr gai_strerror(int code);
    [DllImport(Lib)] public static extern int getnameinfo(byte* addr, uint addrLen, byte* host, uint hostLen, byte* serv, uint servLen, int flags);
    [DllImport(Lib, SetLastError = true)] public static extern int gethostname(byte* name, nint len);
    [DllImport(Lib, SetLastError = true)] public static extern int sethostname(byte* name, nint len);
    [DllImport(Lib, SetLastError = true)] public static extern int inet_pton(int af, byte[] src, byte* dst);
    [DllImport(Lib)] public static extern IntPtr inet_ntop(int af, byte* src, byte* dst, uint size);
    [DllImport(Lib)] public static extern int inet_aton(byte[] cp, uint* inp);
    [DllImport(Lib)] public static extern IntPtr getservbyname(byte[] name, byte[]? proto);
    [DllImport(Lib)] public static extern IntPtr getservbyport(int port, byte[]? proto);
    [DllImport(Lib)] public static extern IntPtr getprotobyname(byte[] name);
    [DllImport(Lib, SetLastError = true)] public static extern uint if_nametoindex(byte[] name);
    [DllImport(Lib, SetLastError = true)] public static extern IntPtr if_indextoname(uint index, byte* name);
    [DllImport(Lib, SetLastError = true)] public static extern IntPtr if_nameindex();
    [DllImport(Lib)] public static extern void if_freenameindex(IntPtr ptr);

    public static int Errno => Marshal.GetLastPInvokeError();
}
