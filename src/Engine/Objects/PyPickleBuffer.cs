#nullable enable
using System;
using System.Runtime.InteropServices;
namespace StacklessIron.Objects;

/// <summary>`pickle.PickleBuffer(obj)`: wraps a bytes-like object so that protocol 5 pickles
/// its content in-band (BYTEARRAY8/BINBYTES) or hands it to the buffer_callback out-of-band.
/// It exports its object's buffer itself (bytes(pb), memoryview(pb)). A type of its own, as in
/// CPython (Objects/picklebufobject.c); pickle takes it from _pickle.</summary>
[PyType("PickleBuffer")]
public sealed class PyPickleBuffer : PyObject, IPyBuffer
{
    public static readonly PyType TypeObject = PyType.Builtin("PickleBuffer", typeof(PyPickleBuffer), subclassable: false, module: "pickle");

    PyObject? _obj;

    PyPickleBuffer(PyObject obj) : base(TypeObject) { _obj = obj; }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null && kwnames.Items.Length > 0) throw PyExc.TypeError("PickleBuffer() takes no keyword arguments");
        if (args.Length != 1) throw PyExc.TypeError($"PickleBuffer expected 1 argument, got {args.Length}");
        var o = args[0];
        if (!PyBytes.TryGetBuffer(o, out _)) throw PyExc.TypeError($"a bytes-like object is required, not '{o.Type.Name}'");
        return new PyPickleBuffer(o);
    }

    /// <summary>The wrapped object; ValueError once released.</summary>
    public PyObject Obj => _obj ?? throw PyExc.ValueError("operation forbidden on released PickleBuffer object");

    public ReadOnlyMemory<byte> View(ThreadState ts)
    {
        PyBytes.TryGetBuffer(Obj, out var m);
        return m;
    }

    public bool ReadOnly(ThreadState ts) => Obj switch
    {
        PyBytes => true,
        PyByteArray => false,
        PyMemoryView mv => mv.ReadOnly,
        IPyBuffer b => b.BufferReadOnly,
        _ => true,
    };

    public Memory<byte> BufferMemory => MemoryMarshal.AsMemory(View(null!));
    public bool BufferReadOnly => ReadOnly(null!);

    /// <summary>A memoryview of the whole buffer, as unsigned bytes.</summary>
    [PyMethod]
    static PyObject raw(ThreadState ts, PyPickleBuffer self)
    {
        var o = self.Obj;
        if (o is PyBytes or PyByteArray or PyMemoryView) return Ops.Call(ts, PyMemoryView.TypeObject, o);
        return Ops.Call(ts, PyMemoryView.TypeObject, PyBytes.From(self.View(ts).ToArray()));
    }

    [PyMethod] static void release(ThreadState ts, PyPickleBuffer self) => self._obj = null;
}
