#nullable enable
using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using StacklessIron.Modules.Posix;
namespace StacklessIron.Modules.Socket;

/// <summary>Socket addresses between Python and the OS: a Python address for a family
/// ((host, port) for AF_INET, (host, port, flowinfo, scope_id) for AF_INET6, a path for
/// AF_UNIX) to sockaddr bytes, and back, with CPython's messages.</summary>
internal static unsafe class SockAddr
{
    const int SunPathSize = 108;

    /// <summary>The sockaddr for `address` on a socket of `family`; `caller` names the
    /// function in messages ("bind(): port must be 0-65535.").</summary>
    public static byte[] FromPython(ThreadState ts, int family, PyObject address, string caller)
    {
        switch (family)
        {
            case LibSocket.AF_INET:
            {
                if (address is not PyTuple t) throw PyExc.TypeError($"{caller}(): AF_INET address must be tuple, not {address.Type.Name}");
                if (t.Items.Length != 2) throw PyExc.TypeError("AF_INET address must be a pair (host, port)");
                var host = HostBytes(t.Items[0]);
                int port = Port(ts, t.Items[1], caller);
                var ip = Resolve(ts, host, LibSocket.AF_INET);
                return Inet(ip, port);
            }
            case LibSocket.AF_INET6:
            {
                if (address is not PyTuple t) throw PyExc.TypeError($"{caller}(): AF_INET6 address must be tuple, not {address.Type.Name}");
                if (t.Items.Length < 2 || t.Items.Length > 4) throw PyExc.TypeError("AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
                var host = HostBytes(t.Items[0]);
                int port = Port(ts, t.Items[1], caller);
                uint flowinfo = t.Items.Length > 2 ? UInt(ts, t.Items[2]) : 0;
                uint scope = t.Items.Length > 3 ? UInt(ts, t.Items[3]) : 0;
                if (flowinfo > 0xfffff) throw PyExc.OverflowError($"{caller}(): flowinfo must be 0-1048575.");
                var ip = Resolve(ts, host, LibSocket.AF_INET6);
                return Inet6(ip, port, flowinfo, scope);
            }
            case LibSocket.AF_UNIX:
            {
                byte[] path;
                if (address is PyStr s) path = PathArg.Encode(ts, s);
                else if (PyBytes.TryGetBuffer(address, out var m)) path = m.ToArray();
                else
                {
                    var p = PathArg.FsPath(ts, address, true, out bool bad);
                    if (bad) throw PyExc.TypeError($"a bytes-like object is required, not '{address.Type.Name}'");
                    path = p is PyStr ps ? PathArg.Encode(ts, ps) : ((PyBytes)p).Data;
                }
                bool abstractName = path.Length > 0 && path[0] == 0;
                if (path.Length > SunPathSize) throw PyExc.OSError("AF_UNIX path too long");
                // the length covers the path without a terminating NUL (the kernel adds it);
                // an empty path is the family alone: "autobind" to a fresh abstract name
                var sa = new byte[2 + path.Length];
                BinaryPrimitives.WriteUInt16LittleEndian(sa, LibSocket.AF_UNIX);
                path.CopyTo(sa, 2);
                return sa;
            }
            default:
                throw PyExc.OSError("getsockaddrarg: bad family");
        }
    }

    static int Port(ThreadState ts, PyObject o, string caller)
    {
        if (o is PyFloat) throw PyExc.TypeError("'float' object cannot be interpreted as an integer");
        var v = Ops.Index(ts, o);
        if (!v.FitsLong || v.Small < 0 || v.Small > 65535) throw PyExc.OverflowError($"{caller}(): port must be 0-65535.");
        return (int)v.Small;
    }

    static uint UInt(ThreadState ts, PyObject o)
    {
        var v = Ops.Index(ts, o);
        if (!v.FitsLong || v.Small < 0 || v.Small > uint.MaxValue) throw PyExc.OverflowError("Python int too large to convert to C unsigned long");
        return (uint)v.Small;
    }

    /// <summary>A host argument: str (IDNA for non-ASCII names), bytes or bytearray.</summary>
    public static byte[] HostBytes(PyObject o)
    {
        switch (o)
        {
            case PyStr s:
                foreach (char c in s.Value)
                    if (c > 127) return Encoding.ASCII.GetBytes(new System.Globalization.IdnMapping().GetAscii(s.Value));
                return Encoding.ASCII.GetBytes(s.Value);
            case PyBytes b: return b.Data;
            case PyByteArray ba: return ba.Memory.ToArray();
        }
        throw PyExc.TypeError($"str, bytes or bytearray expected, not {o.Type.Name}");
    }

    /// <summary>The binary address of `host` in `family` (4 or 16 bytes), as CPython's setipaddr:
    /// '' is the wildcard, '&lt;broadcast&gt;' the IPv4 broadcast address, numeric addresses are
    /// parsed, and other names resolved (gaierror when that fails).</summary>
    public static byte[] Resolve(ThreadState ts, byte[] host, int family)
    {
        if (host.Length == 0) return new byte[family == LibSocket.AF_INET6 ? 16 : 4];
        string name = Encoding.ASCII.GetString(host);
        if (name == "<broadcast>" || name == "255.255.255.255")
        {
            if (family != LibSocket.AF_INET && family != LibSocket.AF_UNSPEC) throw PyExc.OSError("address family mismatched");
            return new byte[] { 255, 255, 255, 255 };
        }
        var nul = Terminated(host);
        var buf = new byte[16];
        fixed (byte* p = buf)
        {
            if (family == LibSocket.AF_INET && LibSocket.inet_pton(LibSocket.AF_INET, nul, p) == 1) return buf[..4];
            if (family == LibSocket.AF_INET6 && LibSocket.inet_pton(LibSocket.AF_INET6, nul, p) == 1) return buf;
        }
        var hints = new LibSocket.AddrInfo { Family = family };
        LibSocket.AddrInfo* res;
        int err = LibSocket.getaddrinfo(nul, null, &hints, &res);
        if (err != 0) throw SocketModule.GaiError(err);
        try
        {
            for (var ai = res; ai != null; ai = ai->Next)
            {
                if (ai->Family == LibSocket.AF_INET && family == LibSocket.AF_INET) return new ReadOnlySpan<byte>(ai->Addr + 4, 4).ToArray();
                if (ai->Family == LibSocket.AF_INET6 && family == LibSocket.AF_INET6) return new ReadOnlySpan<byte>(ai->Addr + 8, 16).ToArray();
            }
            throw PyExc.OSError("address family mismatched");
        }
        finally { LibSocket.freeaddrinfo(res); }
    }

    public static byte[] Terminated(byte[] s)
    {
        var r = new byte[s.Length + 1];
        s.CopyTo(r, 0);
        return r;
    }

    public static byte[] Inet(ReadOnlySpan<byte> ip, int port)
    {
        var sa = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(sa, LibSocket.AF_INET);
        BinaryPrimitives.WriteUInt16BigEndian(sa.AsSpan(2), (ushort)port);
        ip.CopyTo(sa.AsSpan(4));
        return sa;
    }

    public static byte[] Inet6(ReadOnlySpan<byte> ip, int port, uint flowinfo, uint scope)
    {
        var sa = new byte[28];
        BinaryPrimitives.WriteUInt16LittleEndian(sa, LibSocket.AF_INET6);
        BinaryPrimitives.WriteUInt16BigEndian(sa.AsSpan(2), (ushort)port);
        BinaryPrimitives.WriteUInt32BigEndian(sa.AsSpan(4), flowinfo);
        ip.CopyTo(sa.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(sa.AsSpan(24), scope);
        return sa;
    }

    /// <summary>The text form of a 4- or 16-byte binary address (inet_ntop).</summary>
    public static string IpText(ReadOnlySpan<byte> ip)
    {
        int af = ip.Length == 4 ? LibSocket.AF_INET : LibSocket.AF_INET6;
        byte* buf = stackalloc byte[64];
        fixed (byte* p = ip)
            if (LibSocket.inet_ntop(af, p, buf, 64) == IntPtr.Zero) throw PosixErrors.FromErrno(LibSocket.Errno);
        return Marshal.PtrToStringAnsi((IntPtr)buf)!;
    }

    /// <summary>The Python form of the first `len` bytes of a sockaddr (None when empty).</summary>
    public static PyObject ToPython(ThreadState ts, ReadOnlySpan<byte> sa)
    {
        if (sa.Length < 2) return PyNone.Value;
        int family = BinaryPrimitives.ReadUInt16LittleEndian(sa);
        switch (family)
        {
            case LibSocket.AF_INET:
                return PyTuple.Of(new PyStr(IpText(sa.Slice(4, 4))), PyInt.From(BinaryPrimitives.ReadUInt16BigEndian(sa[2..])));
            case LibSocket.AF_INET6:
                return PyTuple.Of(new PyStr(IpText(sa.Slice(8, 16))), PyInt.From(BinaryPrimitives.ReadUInt16BigEndian(sa[2..])),
                    PyInt.From(BinaryPrimitives.ReadUInt32BigEndian(sa[4..])), PyInt.From(BinaryPrimitives.ReadUInt32LittleEndian(sa[24..])));
            case LibSocket.AF_UNIX:
            {
                var path = sa[2..];
                // Linux's abstract namespace: a leading NUL, the name is every byte after it.
                if (path.Length > 0 && path[0] == 0) return PyBytes.From(path.ToArray());
                int n = path.IndexOf((byte)0);
                if (n >= 0) path = path[..n];
                return new PyStr(PathArg.Decode(ts, path.ToArray()));
            }
            default:
                return PyTuple.Of(PyInt.From(family), PyBytes.From(sa.Slice(2, Math.Min(14, sa.Length - 2)).ToArray()));
        }
    }
}
