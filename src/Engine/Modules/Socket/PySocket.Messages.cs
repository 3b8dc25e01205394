#nullable enable
using System;
using System.Runtime.InteropServices;
using StacklessIron.Modules.Posix;
namespace StacklessIron.Modules.Socket;

// sendmsg/recvmsg/recvmsg_into: scatter/gather I/O with ancillary data (SCM_RIGHTS passes
// descriptors over AF_UNIX, as multiprocessing.reduction does). The message header, its
// buffers and its control data live in unmanaged memory for the duration of the call, so
// the call can run with the interpreter lock released.
public sealed unsafe partial class PySocket
{
    // x86-64 glibc layouts: struct msghdr (56 bytes), struct iovec (16), struct cmsghdr (16 + data)
    [StructLayout(LayoutKind.Sequential)]
    struct MsgHdr
    {
        public byte* Name; public uint NameLen; public byte* Iov; public nint IovLen;
        public byte* Control; public nint ControlLen; public int Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    struct IoVec { public byte* Base; public nint Len; }

    const int CmsgHeader = 16;
    static nint CmsgAlign(nint n) => (n + 7) & ~7;

    [DllImport("libc", SetLastError = true)] static extern nint sendmsg(int fd, MsgHdr* msg, int flags);
    [DllImport("libc", SetLastError = true)] static extern nint recvmsg(int fd, MsgHdr* msg, int flags);

    /// <summary>CMSG_LEN(length): the cmsg_len of an item with `length` data bytes.</summary>
    internal static long CmsgLen(long length)
    {
        if (length < 0 || length > int.MaxValue - CmsgHeader) throw PyExc.OverflowError("CMSG_LEN() argument out of range");
        return CmsgHeader + length;
    }

    /// <summary>CMSG_SPACE(length): the buffer space an item with `length` data bytes takes.</summary>
    internal static long CmsgSpace(long length)
    {
        if (length < 0 || length > int.MaxValue - CmsgHeader - 8) throw PyExc.OverflowError("CMSG_SPACE() argument out of range");
        return CmsgHeader + CmsgAlign((nint)length);
    }

    [PyMethod]
    static long sendmsg(ThreadState ts, PySocket self, PyObject buffers, PyObject? ancdata = null, int flags = 0, PyObject? address = null)
    {
        if (buffers.Type.Lookup("__iter__") == null && buffers.Type.Lookup("__getitem__") == null)
            throw PyExc.TypeError("sendmsg() argument 1 must be an iterable");
        var data = new System.Collections.Generic.List<byte[]>();
        foreach (var b in Ops.Iterate(ts, buffers)) data.Add(PyBytes.Buffer(b).ToArray());
        var items = new System.Collections.Generic.List<(int Level, int Type, byte[] Data)>();
        if (ancdata != null)
        {
            if (ancdata.Type.Lookup("__iter__") == null && ancdata.Type.Lookup("__getitem__") == null)
                throw PyExc.TypeError("sendmsg() argument 2 must be an iterable");
            foreach (var item in Ops.Iterate(ts, ancdata))
            {
                if (item is not PyTuple && item is not PyList)
                    throw PyExc.TypeError($"[sendmsg() ancillary data items]() argument must be 3-item sequence, not {item.Type.Name}");
                var parts = Ops.ToArray(ts, item);
                if (parts.Length != 3)
                    throw PyExc.TypeError($"[sendmsg() ancillary data items]() argument must be sequence of length 3, not {parts.Length}");
                items.Add((Int(ts, parts[0]), Int(ts, parts[1]), PyBytes.Buffer(parts[2]).ToArray()));
            }
        }
        byte[]? sa = address == null || address == PyNone.Value ? null : self.Address(ts, address, "sendmsg");

        nint controlLen = 0;
        foreach (var it in items) controlLen += CmsgHeader + CmsgAlign(it.Data.Length);
        nint dataLen = 0;
        foreach (var d in data) dataLen += d.Length;
        // one block: the header, the iovecs, the address, the control data, the bytes
        nint size = sizeof(MsgHdr) + data.Count * sizeof(IoVec) + (sa?.Length ?? 0) + 8 + controlLen + dataLen;
        var block = (byte*)NativeMemory.AllocZeroed((nuint)Math.Max(size, 1));
        try
        {
            var msg = (MsgHdr*)block;
            var iov = (IoVec*)(block + sizeof(MsgHdr));
            byte* at = (byte*)(iov + data.Count);
            if (sa != null)
            {
                sa.CopyTo(new Span<byte>(at, sa.Length));
                msg->Name = at; msg->NameLen = (uint)sa.Length;
                at += sa.Length;
            }
            at = (byte*)CmsgAlign((nint)at);
            if (controlLen > 0)
            {
                msg->Control = at; msg->ControlLen = controlLen;
                foreach (var it in items)
                {
                    *(nint*)at = CmsgHeader + it.Data.Length;
                    *(int*)(at + 8) = it.Level;
                    *(int*)(at + 12) = it.Type;
                    it.Data.CopyTo(new Span<byte>(at + CmsgHeader, it.Data.Length));
                    at += CmsgHeader + CmsgAlign(it.Data.Length);
                }
            }
            for (int i = 0; i < data.Count; i++)
            {
                data[i].CopyTo(new Span<byte>(at, data[i].Length));
                iov[i].Base = at; iov[i].Len = data[i].Length;
                at += data[i].Length;
            }
            msg->Iov = (byte*)iov; msg->IovLen = data.Count;
            return SocketIo.Call(ts, self, true, (fd, dw) => sendmsg(fd, msg, flags | dw));
        }
        finally
        {
            NativeMemory.Free(block);
        }
    }

    /// <summary>The received message's control data as [(level, type, data)] (a truncated
    /// last item keeps the bytes that arrived).</summary>
    static PyList AncillaryItems(MsgHdr* msg)
    {
        var result = new PyList();
        byte* p = msg->Control;
        nint len = msg->ControlLen;
        nint off = 0;
        while (p != null && off + CmsgHeader <= len)
        {
            nint cmsgLen = *(nint*)(p + off);
            if (cmsgLen < CmsgHeader) break;
            int level = *(int*)(p + off + 8), type = *(int*)(p + off + 12);
            nint n = Math.Min(cmsgLen, len - off) - CmsgHeader;
            result.Append(PyTuple.Of(PyInt.From(level), PyInt.From(type), PyBytes.From(new ReadOnlySpan<byte>(p + off + CmsgHeader, (int)n).ToArray())));
            off += CmsgAlign(cmsgLen);
        }
        return result;
    }

    /// <summary>recvmsg's core: receives into `sizes` fresh buffers; returns their bytes
    /// (copied out before the block is freed), the count, the items, the flags, the address.</summary>
    (byte[] Data, long N, PyList Anc, int Flags, PyObject Addr) Receive(ThreadState ts, long bufsize, long ancbufsize, int flags, string who)
    {
        if (ancbufsize < 0) throw PyExc.ValueError("invalid ancillary data buffer length");
        if (ancbufsize > int.MaxValue) throw PyExc.OverflowError("Python int too large to convert to C int");
        nint size = sizeof(MsgHdr) + sizeof(IoVec) + LibSocket.SockaddrStorageSize + 8 + (nint)ancbufsize + (nint)bufsize;
        var block = (byte*)NativeMemory.AllocZeroed((nuint)size);
        try
        {
            var msg = (MsgHdr*)block;
            var iov = (IoVec*)(block + sizeof(MsgHdr));
            byte* name = (byte*)(iov + 1);
            byte* control = (byte*)CmsgAlign((nint)(name + LibSocket.SockaddrStorageSize));
            byte* data = control + ancbufsize;
            iov->Base = data; iov->Len = (nint)bufsize;
            nint n = SocketIo.Call(ts, this, false, (fd, dw) =>
            {
                msg->Name = name; msg->NameLen = LibSocket.SockaddrStorageSize;
                msg->Iov = (byte*)iov; msg->IovLen = 1;
                msg->Control = ancbufsize > 0 ? control : null; msg->ControlLen = (nint)ancbufsize;
                msg->Flags = 0;
                return recvmsg(fd, msg, flags | dw);
            });
            var bytes = new ReadOnlySpan<byte>(data, (int)n).ToArray();
            var addr = msg->NameLen == 0 ? PyNone.Value : SockAddr.ToPython(ts, new ReadOnlySpan<byte>(name, (int)Math.Min(msg->NameLen, (uint)LibSocket.SockaddrStorageSize)));
            return (bytes, n, AncillaryItems(msg), msg->Flags, addr);
        }
        finally
        {
            NativeMemory.Free(block);
        }
    }

    [PyMethod]
    static PyObject recvmsg(ThreadState ts, PySocket self, long bufsize, long ancbufsize = 0, int flags = 0)
    {
        if (bufsize < 0) throw PyExc.ValueError("negative buffer size in recvmsg()");
        if (bufsize > Array.MaxLength) throw PyExc.MemoryError();
        var (data, _, anc, msgFlags, addr) = self.Receive(ts, bufsize, ancbufsize, flags, "recvmsg");
        return PyTuple.Of(PyBytes.From(data), anc, PyInt.From(msgFlags), addr);
    }

    [PyMethod]
    static PyObject recvmsg_into(ThreadState ts, PySocket self, PyObject buffers, long ancbufsize = 0, int flags = 0)
    {
        if (buffers.Type.Lookup("__iter__") == null && buffers.Type.Lookup("__getitem__") == null)
            throw PyExc.TypeError("recvmsg_into() argument 1 must be an iterable");
        var targets = Ops.ToArray(ts, buffers);
        long total = 0;
        foreach (var t in targets) total += Target(t, "recvmsg_into").Length;
        var (data, n, anc, msgFlags, addr) = self.Receive(ts, total, ancbufsize, flags, "recvmsg_into");
        // scatter what arrived over the buffers in order
        int at = 0;
        foreach (var t in targets)
        {
            if (at >= data.Length) break;
            var span = Target(t, "recvmsg_into");
            int k = Math.Min(span.Length, data.Length - at);
            data.AsSpan(at, k).CopyTo(span);
            at += k;
        }
        return PyTuple.Of(PyInt.From(n), anc, PyInt.From(msgFlags), addr);
    }
}
