#nullable enable
using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using StacklessIron.Modules.Posix;
namespace StacklessIron.Modules.Socket;

/// <summary>The `_socket` module under the standard library's socket.py: the socket type,
/// name resolution (getaddrinfo, getnameinfo, gethostbyname ...), address conversions
/// (inet_*, hton*), socketpair, the default timeout and the constants.</summary>
public static unsafe class SocketModule
{
    public static readonly PyType HError = NativeErrors.Define("socket", "herror", ExceptionTypes.OSError);
    public static readonly PyType GaiErrorType = NativeErrors.Define("socket", "gaierror", ExceptionTypes.OSError);

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_socket", "Implementation module for socket operations.\n\nSee the socket module for documentation.");
        NativeMembers.FillModule(m, typeof(SocketModule));
        m.Set("socket", PySocket.TypeObject);
        m.Set("SocketType", PySocket.TypeObject);
        m.Set("error", ExceptionTypes.OSError);
        m.Set("timeout", ExceptionTypes.TimeoutError);
        m.Set("herror", HError);
        m.Set("gaierror", GaiErrorType);
        m.Set("has_ipv6", PyBool.True);
        foreach (var (name, value) in SocketConstants.All) m.Set(name, PyInt.From(value));
        return m;
    }

    public static void Register() => Importer.NativeModules["_socket"] = Create;

    /// <summary>gaierror(code, message) for a getaddrinfo/getnameinfo failure (EAI_SYSTEM: the errno's OSError).</summary>
    internal static PyException GaiError(int code)
    {
        if (code == LibSocket.EAI_SYSTEM) return PosixErrors.FromErrno(LibSocket.Errno);
        string msg = Marshal.PtrToStringUTF8(LibSocket.gai_strerror(code)) ?? "unknown error";
        return PyExc.New(GaiErrorType, PyInt.From(code), new PyStr(msg));
    }

    // ---------------- timeouts ----------------

    [PyMethod]
    static PyObject getdefaulttimeout(ThreadState ts) => PySocket.DefaultTimeout < 0 ? PyNone.Value : new PyFloat(PySocket.DefaultTimeout);

    [PyMethod]
    static void setdefaulttimeout(ThreadState ts, PyObject timeout) => PySocket.DefaultTimeout = PySocket.ParseTimeout(ts, timeout);

    [PyMethod] static long CMSG_LEN(ThreadState ts, long length) => PySocket.CmsgLen(length);
    [PyMethod] static long CMSG_SPACE(ThreadState ts, long length) => PySocket.CmsgSpace(length);

    // ---------------- descriptors ----------------

    [PyMethod]
    static PyObject socketpair(ThreadState ts, int family = LibSocket.AF_UNIX, int type = LibSocket.SOCK_STREAM, int proto = 0)
    {
        int* sv = stackalloc int[2];
        if (LibSocket.socketpair(family, type | LibSocket.SOCK_CLOEXEC, proto, sv) < 0) throw PosixErrors.FromErrno(LibSocket.Errno);
        var a = new PySocket(PySocket.TypeObject);
        var b = new PySocket(PySocket.TypeObject);
        foreach (var (s, fd) in new[] { (a, sv[0]), (b, sv[1]) })
        {
            s.Fd = fd; s.Family = family; s.Proto = proto;
            s.Track(ts);
            s.SockType = type & ~(LibSocket.SOCK_NONBLOCK | LibSocket.SOCK_CLOEXEC);
            s.Timeout = (type & LibSocket.SOCK_NONBLOCK) != 0 ? 0 : PySocket.DefaultTimeout;
            if (s.Timeout >= 0) PySocket.SetOsBlocking(fd, false);
        }
        return PyTuple.Of(a, b);
    }

    [PyMethod]
    static long dup(ThreadState ts, PyObject fd)
    {
        int r = LibC.fcntl(FdArg.ToFd(ts, fd), 1030 /* F_DUPFD_CLOEXEC */, 0);
        if (r < 0) throw PosixErrors.FromErrno(LibSocket.Errno);
        return r;
    }

    [PyMethod]
    static void close(ThreadState ts, PyObject fd)
    {
        if (LibSocket.close(FdArg.ToFd(ts, fd)) < 0 && LibSocket.Errno is int err && err != LibSocket.ECONNRESET) throw PosixErrors.FromErrno(err);
    }

    // ---------------- byte order ----------------

    static long Unsigned(ThreadState ts, PyObject x)
    {
        if (x is PyFloat) throw PyExc.TypeError("'float' object cannot be interpreted as an integer");
        var v = Ops.Index(ts, x);
        if (v.Sign < 0) throw PyExc.OverflowError("can't convert negative value to unsigned int");
        if (!v.FitsLong || v.Small > uint.MaxValue) throw PyExc.OverflowError("int larger than 32 bits");
        return v.Small;
    }

    static long Short(ThreadState ts, PyObject x, string who)
    {
        if (x is PyFloat) throw PyExc.TypeError("'float' object cannot be interpreted as an integer");
        var v = Ops.Index(ts, x);
        if (v.Sign < 0) throw PyExc.OverflowError($"{who}: can't convert negative Python int to C 16-bit unsigned integer");
        if (!v.FitsLong || v.Small > ushort.MaxValue) throw PyExc.OverflowError($"{who}: Python int too large to convert to C 16-bit unsigned integer");
        return v.Small;
    }

    [PyMethod] static long htons(ThreadState ts, PyObject x) => BinaryPrimitives.ReverseEndianness((ushort)Short(ts, x, "htons"));
    [PyMethod] static long ntohs(ThreadState ts, PyObject x) => BinaryPrimitives.ReverseEndianness((ushort)Short(ts, x, "ntohs"));
    [PyMethod] static long htonl(ThreadState ts, PyObject x) => BinaryPrimitives.ReverseEndianness((uint)Unsigned(ts, x));
    [PyMethod] static long ntohl(ThreadState ts, PyObject x) => BinaryPrimitives.ReverseEndianness((uint)Unsigned(ts, x));

    // ---------------- address text ----------------

    [PyMethod]
    static PyObject inet_aton(ThreadState ts, string ip_string)
    {
        uint addr;
        if (ip_string.IndexOf('\0') >= 0 || LibSocket.inet_aton(SockAddr.Terminated(Encoding.UTF8.GetBytes(ip_string)), &addr) == 0)
            throw PyExc.OSError("illegal IP address string passed to inet_aton");
        var r = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(r, addr);
        return PyBytes.From(r);
    }

    [PyMethod]
    static PyObject inet_ntoa(ThreadState ts, PyObject packed_ip)
    {
        var b = PyBytes.Buffer(packed_ip);
        if (b.Length != 4) throw PyExc.OSError("packed IP wrong length for inet_ntoa");
        return new PyStr($"{b[0]}.{b[1]}.{b[2]}.{b[3]}");
    }

    [PyMethod]
    static PyObject inet_pton(ThreadState ts, int address_family, string ip_string)
    {
        var buf = new byte[16];
        int r;
        fixed (byte* p = buf) r = LibSocket.inet_pton(address_family, SockAddr.Terminated(Encoding.UTF8.GetBytes(ip_string)), p);
        if (r < 0) throw PosixErrors.FromErrno(LibSocket.Errno);
        if (r == 0) throw PyExc.OSError("illegal IP address string passed to inet_pton");
        return PyBytes.From(address_family == LibSocket.AF_INET ? buf[..4] : buf);
    }

    [PyMethod]
    static PyObject inet_ntop(ThreadState ts, int address_family, PyObject packed_ip)
    {
        var b = PyBytes.Buffer(packed_ip);
        if (address_family == LibSocket.AF_INET)
        {
            if (b.Length != 4) throw PyExc.ValueError("invalid length of packed IP address string");
        }
        else if (address_family == LibSocket.AF_INET6)
        {
            if (b.Length != 16) throw PyExc.ValueError("invalid length of packed IP address string");
        }
        else throw PyExc.ValueError($"unknown address family {address_family}");
        return new PyStr(SockAddr.IpText(b));
    }

    // ---------------- name resolution ----------------

    [PyMethod]
    static PyObject getaddrinfo(ThreadState ts, [PyKeyword] PyObject host, PyObject port, int family = 0, int type = 0, int proto = 0, int flags = 0)
    {
        byte[]? node = host switch
        {
            PyNone => null,
            PyStr or PyBytes or PyByteArray => SockAddr.Terminated(SockAddr.HostBytes(host)),
            _ => throw PyExc.TypeError("getaddrinfo() argument 1 must be string or None"),
        };
        byte[]? service = port switch
        {
            PyNone => null,
            PyInt i => SockAddr.Terminated(Encoding.ASCII.GetBytes(i.ToString())),
            PyStr s => SockAddr.Terminated(PyStrCodecs.Encode(ts, s, "utf-8", "strict")),
            PyBytes b => SockAddr.Terminated(b.Data),
            _ => throw PyExc.OSError("Int or String expected"),
        };
        var hints = new LibSocket.AddrInfo { Family = family, SockType = type, Protocol = proto, Flags = flags };
        LibSocket.AddrInfo* res;
        int err;
        // name resolution may wait on the network: other threads run meanwhile
        using (ts.AllowThreads()) err = LibSocket.getaddrinfo(node, service, &hints, &res);
        if (err != 0) throw GaiError(err);
        var list = new PyList();
        try
        {
            for (var ai = res; ai != null; ai = ai->Next)
            {
                string canon = ai->CanonName == null ? "" : Marshal.PtrToStringUTF8((IntPtr)ai->CanonName) ?? "";
                var addr = SockAddr.ToPython(ts, new ReadOnlySpan<byte>(ai->Addr, (int)ai->AddrLen));
                list.Append(PyTuple.Of(PyInt.From(ai->Family), PyInt.From(ai->SockType), PyInt.From(ai->Protocol), new PyStr(canon), addr));
            }
        }
        finally { LibSocket.freeaddrinfo(res); }
        return list;
    }

    [PyMethod]
    static PyObject getnameinfo(ThreadState ts, PyObject sockaddr, int flags)
    {
        if (sockaddr is not PyTuple t) throw PyExc.TypeError("getnameinfo() argument 1 must be a tuple");
        if (t.Items.Length < 2 || t.Items.Length > 4 || t.Items[0] is not PyStr host || t.Items[1] is not PyInt)
            throw PyExc.TypeError("getnameinfo(): illegal sockaddr argument");
        int port = (int)Ops.Index(ts, t.Items[1]).Small;
        uint flowinfo = t.Items.Length > 2 ? (uint)Ops.Index(ts, t.Items[2]).Small : 0;
        uint scope = t.Items.Length > 3 ? (uint)Ops.Index(ts, t.Items[3]).Small : 0;
        if (flowinfo > 0xfffff) throw PyExc.OverflowError("getnameinfo(): flowinfo must be 0-1048575.");
        var hints = new LibSocket.AddrInfo { Family = LibSocket.AF_UNSPEC, SockType = LibSocket.SOCK_DGRAM, Flags = LibSocket.AI_NUMERICHOST };
        LibSocket.AddrInfo* res;
        int err = LibSocket.getaddrinfo(SockAddr.Terminated(SockAddr.HostBytes(host)), SockAddr.Terminated(Encoding.ASCII.GetBytes(port.ToString())), &hints, &res);
        if (err != 0) throw GaiError(err);
        byte[] sa;
        try
        {
            if (res->Next != null) throw PyExc.OSError("sockaddr resolved to multiple addresses");
            sa = new ReadOnlySpan<byte>(res->Addr, (int)res->AddrLen).ToArray();
            if (res->Family == LibSocket.AF_INET && t.Items.Length != 2) throw PyExc.OSError("IPv4 sockaddr must be 2 tuple");
            if (res->Family == LibSocket.AF_INET6)
            {
                BinaryPrimitives.WriteUInt32BigEndian(sa.AsSpan(4), flowinfo);
                BinaryPrimitives.WriteUInt32LittleEndian(sa.AsSpan(24), scope);
            }
        }
        finally { LibSocket.freeaddrinfo(res); }
        byte* hbuf = stackalloc byte[1025];
        byte* sbuf = stackalloc byte[32];
        fixed (byte* p = sa) err = LibSocket.getnameinfo(p, (uint)sa.Length, hbuf, 1025, sbuf, 32, flags);
        if (err != 0) throw GaiError(err);
        return PyTuple.Of(new PyStr(Marshal.PtrToStringUTF8((IntPtr)hbuf)!), new PyStr(Marshal.PtrToStringUTF8((IntPtr)sbuf)!));
    }

    [PyMethod]
    static PyObject gethostname(ThreadState ts)
    {
        byte* buf = stackalloc byte[1025];
        if (LibSocket.gethostname(buf, 1024) < 0) throw PosixErrors.FromErrno(LibSocket.Errno);
        buf[1024] = 0;
        return new PyStr(PathArg.Decode(ts, LibC.CString(buf)));
    }

    [PyMethod]
    static void sethostname(ThreadState ts, PyObject name)
    {
        var b = name is PyStr s ? PathArg.Encode(ts, s) : PyBytes.Buffer(name).ToArray();
        fixed (byte* p = b)
            if (LibSocket.sethostname(p, b.Length) < 0) throw PosixErrors.FromErrno(LibSocket.Errno);
    }

    [PyMethod]
    static PyObject gethostbyname(ThreadState ts, PyObject hostname)
        => new PyStr(SockAddr.IpText(SockAddr.Resolve(ts, HostArg(hostname, "gethostbyname"), LibSocket.AF_INET)));

    static byte[] HostArg(PyObject o, string who)
    {
        if (o is PyStr or PyBytes or PyByteArray) return SockAddr.HostBytes(o);
        throw PyExc.TypeError($"{who}() argument 1 must be str, bytes or bytearray, not {o.Type.Name}");
    }

    /// <summary>The addresses and canonical name of `host` in `family` (AF_UNSPEC: both).</summary>
    static (string? canon, System.Collections.Generic.List<string> ips) Lookup(byte[] host, int family)
    {
        var hints = new LibSocket.AddrInfo { Family = family, SockType = LibSocket.SOCK_STREAM, Flags = LibSocket.AI_CANONNAME };
        LibSocket.AddrInfo* res;
        int err = LibSocket.getaddrinfo(SockAddr.Terminated(host), null, &hints, &res);
        if (err != 0) throw GaiError(err);
        var ips = new System.Collections.Generic.List<string>();
        string? canon = null;
        try
        {
            for (var ai = res; ai != null; ai = ai->Next)
            {
                if (canon == null && ai->CanonName != null) canon = Marshal.PtrToStringUTF8((IntPtr)ai->CanonName);
                var sa = new ReadOnlySpan<byte>(ai->Addr, (int)ai->AddrLen);
                string ip = ai->Family == LibSocket.AF_INET ? SockAddr.IpText(sa.Slice(4, 4)) : SockAddr.IpText(sa.Slice(8, 16));
                if (!ips.Contains(ip)) ips.Add(ip);
            }
        }
        finally { LibSocket.freeaddrinfo(res); }
        return (canon, ips);
    }

    static PyList StrList(System.Collections.Generic.IEnumerable<string> items)
    {
        var l = new PyList();
        foreach (var s in items) l.Append(new PyStr(s));
        return l;
    }

    [PyMethod]
    static PyObject gethostbyname_ex(ThreadState ts, PyObject hostname)
    {
        var host = HostArg(hostname, "gethostbyname_ex");
        var (canon, ips) = Lookup(host, LibSocket.AF_INET);
        return PyTuple.Of(new PyStr(canon ?? Encoding.ASCII.GetString(host)), new PyList(), StrList(ips));
    }

    [PyMethod]
    static PyObject gethostbyaddr(ThreadState ts, PyObject ip_address)
    {
        var host = HostArg(ip_address, "gethostbyaddr");
        var (_, ips) = Lookup(host, LibSocket.AF_UNSPEC);
        string ip = ips[0];
        bool v6 = ip.Contains(':');
        byte[] sa = v6 ? SockAddr.Inet6(SockAddr.Resolve(ts, Encoding.ASCII.GetBytes(ip), LibSocket.AF_INET6), 0, 0, 0)
                       : SockAddr.Inet(SockAddr.Resolve(ts, Encoding.ASCII.GetBytes(ip), LibSocket.AF_INET), 0);
        byte* hbuf = stackalloc byte[1025];
        int err;
        fixed (byte* p = sa) err = LibSocket.getnameinfo(p, (uint)sa.Length, hbuf, 1025, null, 0, LibSocket.NI_NAMEREQD);
        if (err != 0) throw PyExc.New(HError, PyInt.From(1), new PyStr("Unknown host"));
        return PyTuple.Of(new PyStr(Marshal.PtrToStringUTF8((IntPtr)hbuf)!), new PyList(), StrList(new[] { ip }));
    }

    static byte[]? ProtoArg(PyObject? proto) => proto == null || proto == PyNone.Value ? null
        : proto is PyStr s ? SockAddr.Terminated(Encoding.UTF8.GetBytes(s.Value))
        : throw PyExc.TypeError($"getservbyname() argument 2 must be str, not {proto.Type.Name}");

    // struct servent { char *s_name; char **s_aliases; int s_port; char *s_proto; } and
    // struct protoent { char *p_name; char **p_aliases; int p_proto; }: the number is at offset 16.
    [PyMethod]
    static long getservbyname(ThreadState ts, string servicename, PyObject? protocolname = null)
    {
        var se = LibSocket.getservbyname(SockAddr.Terminated(Encoding.UTF8.GetBytes(servicename)), ProtoArg(protocolname));
        if (se == IntPtr.Zero) throw PyExc.OSError("service/proto not found");
        return BinaryPrimitives.ReverseEndianness((ushort)Marshal.ReadInt32(se, 16));
    }

    [PyMethod]
    static PyObject getservbyport(ThreadState ts, int port, PyObject? protocolname = null)
    {
        if (port < 0 || port > 65535) throw PyExc.OverflowError("getservbyport: port must be 0-65535.");
        var se = LibSocket.getservbyport(BinaryPrimitives.ReverseEndianness((ushort)port), ProtoArg(protocolname));
        if (se == IntPtr.Zero) throw PyExc.OSError("port/proto not found");
        return new PyStr(Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(se))!);
    }

    [PyMethod]
    static long getprotobyname(ThreadState ts, string protocolname)
    {
        var pe = LibSocket.getprotobyname(SockAddr.Terminated(Encoding.UTF8.GetBytes(protocolname)));
        if (pe == IntPtr.Zero) throw PyExc.OSError("protocol not found");
        return Marshal.ReadInt32(pe, 16);
    }

    // ---------------- interfaces ----------------

    [PyMethod]
    static PyObject if_nameindex(ThreadState ts)
    {
        var list = LibSocket.if_nameindex();
        if (list == IntPtr.Zero) throw PosixErrors.FromErrno(LibSocket.Errno);
        var result = new PyList();
        try
        {
            // struct if_nameindex { unsigned int if_index; char *if_name; }: 16 bytes each
            for (var p = list; Marshal.ReadInt32(p) != 0; p += 16)
                result.Append(PyTuple.Of(PyInt.From((uint)Marshal.ReadInt32(p)), new PyStr(Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(p, 8))!)));
        }
        finally { LibSocket.if_freenameindex(list); }
        return result;
    }

    [PyMethod]
    static long if_nametoindex(ThreadState ts, PyObject oname)
    {
        var name = oname is PyStr s ? PathArg.Encode(ts, s) : PyBytes.Buffer(oname).ToArray();
        uint index = LibSocket.if_nametoindex(SockAddr.Terminated(name));
        if (index == 0) throw PyExc.OSError("no interface with this name");
        return index;
    }

    [PyMethod]
    static PyObject if_indextoname(ThreadState ts, PyObject index)
    {
        if (index is PyFloat) throw PyExc.TypeError("'float' object cannot be interpreted as an integer");
        var v = Ops.Index(ts, index);
        if (!v.FitsLong || v.Small < 0 || v.Small > uint.MaxValue) throw PyExc.OverflowError("index is too large");
        byte* buf = stackalloc byte[17];
        if (LibSocket.if_indextoname((uint)v.Small, buf) == IntPtr.Zero) throw PosixErrors.FromErrno(LibSocket.Errno);
        return new PyStr(PathArg.Decode(ts, LibC.CString(buf)));
    }
}
