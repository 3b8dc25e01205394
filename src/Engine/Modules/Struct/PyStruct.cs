#nullable enable
using System;
using System.Text;
namespace StacklessIron.Modules;

/// <summary>`_struct.Struct(format)`: a compiled format with pack/unpack methods.</summary>
[PyType("Struct")]
public class PyStruct : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("Struct", typeof(PyStruct), module: "_struct");

    StructFormat? _fmt;
    PyObject _formatObj = PyNone.Value;
    PyDict? _dict;

    public PyStruct(PyType t) : base(t) { if (t != TypeObject && t.InstanceHasDict) _dict = new PyDict(); }
    public override PyDict? Dict { get => _dict; set => _dict = value; }

    public StructFormat Fmt => _fmt ?? throw PyExc.ValueError("Struct object is not initialized");

    /// <summary>The format as text: a str, or bytes read as ASCII; anything else is CPython's TypeError.</summary>
    public static string FormatText(PyObject format) => format switch
    {
        PyStr s => s.Value,
        PyBytes b => Encoding.Latin1.GetString(b.Data),
        _ => throw PyExc.TypeError($"Struct() argument 1 must be a str or bytes object, not {format.Type.Name}"),
    };

    public static PyStruct Create(PyObject format)
    {
        var s = new PyStruct(TypeObject);
        s.Initialize(format);
        return s;
    }

    void Initialize(PyObject format)
    {
        _fmt = new StructFormat(FormatText(format));
        _formatObj = format is PyBytes b ? new PyStr(Encoding.Latin1.GetString(b.Data)) : format;
    }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyStruct(cls);

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        int nkw = kwnames?.Items.Length ?? 0;
        PyObject? format = args.Length - nkw == 1 ? args[0] : null;
        for (int k = 0; k < nkw; k++)
        {
            if (Ops.StrValue(kwnames!.Items[k]) != "format" || format != null)
                throw PyExc.TypeError($"Struct() got an unexpected keyword argument '{Ops.StrValue(kwnames!.Items[k])}'");
            format = args[args.Length - nkw + k];
        }
        if (args.Length > 1) throw PyExc.TypeError($"Struct() takes at most 1 argument ({args.Length} given)");
        if (format == null) throw PyExc.TypeError("Struct() missing required argument 'format' (pos 1)");
        ((PyStruct)self).Initialize(format);
    }

    public PyBytes Pack(ThreadState ts, ReadOnlySpan<PyObject> args, string who = "pack")
    {
        var f = Fmt;
        if (args.Length != f.Items.Length) throw StructFormat.Error($"{who} expected {f.Items.Length} items for packing (got {args.Length})");
        var buf = new byte[f.Size];
        f.Pack(ts, args, buf);
        return PyBytes.From(buf);
    }

    public void PackInto(ThreadState ts, ReadOnlySpan<PyObject> args)
    {
        var f = Fmt;
        if (args.Length != f.Items.Length + 2)
        {
            if (args.Length == 0) throw PyExc.TypeError("pack_into expected buffer argument");
            if (args.Length == 1) throw PyExc.TypeError("pack_into expected offset argument");
            throw StructFormat.Error($"pack_into expected {f.Items.Length} items for packing (got {args.Length - 2})");
        }
        var buffer = args[0];
        if (buffer is PyBytes || (buffer is PyMemoryView mv && mv.ReadOnly) || !PyBytes.TryGetBuffer(buffer, out var mem))
            throw PyExc.TypeError($"argument must be read-write bytes-like object, not {buffer.Type.Name}");
        long len = mem.Length;
        var oi = Ops.Index(ts, args[1]);
        if (!oi.FitsLong) throw PyExc.OverflowError("Python int too large to convert to C ssize_t");
        long offset = oi.Small;
        if (offset < 0)
        {
            if (offset + f.Size > 0) throw StructFormat.Error($"no space to pack {f.Size} bytes at offset {offset}");
            if (offset + len < 0) throw StructFormat.Error($"offset {offset} out of range for {len}-byte buffer");
            offset += len;
        }
        if (len - offset < f.Size)
            throw StructFormat.Error($"pack_into requires a buffer of at least {f.Size + offset} bytes for packing {f.Size} bytes at offset {offset} (actual buffer size is {len})");
        var tmp = new byte[f.Size];
        f.Pack(ts, args.Slice(2), tmp);
        if (buffer is PyByteArray ba) tmp.CopyTo(ba.WritableSpan.Slice((int)offset));
        else Ops.SetItem(ts, buffer, new PySlice(PyInt.From(offset), PyInt.From(offset + f.Size), PyNone.Value), PyBytes.From(tmp));
    }

    public PyTuple Unpack(PyObject buffer)
    {
        var data = PyBytes.Buffer(buffer);
        var f = Fmt;
        if (data.Length != f.Size) throw StructFormat.Error($"unpack requires a buffer of {f.Size} bytes");
        return f.Unpack(data);
    }

    public PyTuple UnpackFrom(ThreadState ts, PyObject buffer, PyObject? offsetObj)
    {
        var data = PyBytes.Buffer(buffer);
        var f = Fmt;
        long offset = 0;
        if (offsetObj != null)
        {
            var oi = Ops.Index(ts, offsetObj);
            if (!oi.FitsLong) throw PyExc.OverflowError("Python int too large to convert to C ssize_t");
            offset = oi.Small;
        }
        long len = data.Length;
        if (offset < 0)
        {
            if (offset + len < 0) throw StructFormat.Error($"offset {offset} out of range for {len}-byte buffer");
            if (len - (offset + len) < f.Size) throw StructFormat.Error($"not enough data to unpack {f.Size} bytes at offset {offset}");
            offset += len;
        }
        if (len - offset < f.Size)
            throw StructFormat.Error($"unpack_from requires a buffer of at least {f.Size + offset} bytes for unpacking {f.Size} bytes at offset {offset} (actual buffer size is {len})");
        return f.Unpack(data.Slice((int)offset));
    }

    public PyObject IterUnpack(PyObject buffer)
    {
        var f = Fmt;
        var data = PyBytes.Buffer(buffer).ToArray();
        if (f.Size == 0) throw StructFormat.Error("cannot iteratively unpack with a struct of length 0");
        if (data.Length % f.Size != 0) throw StructFormat.Error($"iterative unpacking requires a buffer of a multiple of {f.Size} bytes");
        return new PyStructUnpackIterator(f, data);
    }

    [PyMethod] static PyObject pack(ThreadState ts, PyStruct self, params PyObject[] args) => self.Pack(ts, args);
    [PyMethod] static void pack_into(ThreadState ts, PyStruct self, params PyObject[] args) => self.PackInto(ts, args);
    [PyMethod] static PyObject unpack(ThreadState ts, PyStruct self, PyObject buffer) => self.Unpack(buffer);
    [PyMethod] static PyObject unpack_from(ThreadState ts, PyStruct self, [PyKeyword] PyObject buffer, PyObject? offset = null) => self.UnpackFrom(ts, buffer, offset);
    [PyMethod] static PyObject iter_unpack(ThreadState ts, PyStruct self, PyObject buffer) => self.IterUnpack(buffer);
    [PyMethod] static long __sizeof__(ThreadState ts, PyStruct self) => 56 + 24L * (self._fmt?.Items.Length ?? 0);

    [PyGetter("format")] static PyObject GetFormat(ThreadState ts, PyObject self) => ((PyStruct)self)._formatObj;
    [PyGetter("size")] static PyObject GetSize(ThreadState ts, PyObject self) => PyInt.From(((PyStruct)self).Fmt.Size);
}
