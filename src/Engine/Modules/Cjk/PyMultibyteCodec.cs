#nullable enable
using System;
using System.Text;
using StacklessIron.Objects.Formatting;
namespace StacklessIron.Modules;

/// <summary>`_multibytecodec.MultibyteCodec`: what `_codecs_jp.getcodec('shift_jis')` returns;
/// encode/decode whole inputs with CPython's error handling ("illegal multibyte sequence",
/// "incomplete multibyte sequence"), and the loops the incremental and stream classes share.</summary>
[PyType("MultibyteCodec")]
public sealed class PyMultibyteCodec : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("MultibyteCodec", typeof(PyMultibyteCodec), subclassable: false, module: "_multibytecodec");

    public readonly CjkCodecTable Table;

    public PyMultibyteCodec(CjkCodecTable table) : base(TypeObject) { Table = table; }

    public static string ErrorsArg(PyObject? errors)
    {
        if (errors == null || errors == PyNone.Value) return "strict";
        return errors is PyStr s ? s.Value : throw PyExc.TypeError("errors must be a string, not " + errors.Type.Name);
    }

    /// <summary>Encodes all of `input`; unencodable characters go through the error handler.</summary>
    public byte[] Encode(ThreadState ts, PyStr input, string errors)
    {
        var cps = CodePoints.ToArray(input.Value);
        var output = new List<byte>(cps.Length * 2);
        int pos = 0;
        while (pos < cps.Length)
        {
            var b = Table.EncodeOne(cps[pos]);
            if (b != null) { output.AddRange(b); pos++; continue; }
            var (repl, newPos) = CodecsModule.HandleError(ts, errors, true, Table.Name, input, cps.Length, pos, pos + 1, "illegal multibyte sequence");
            if (repl is PyBytes rb) output.AddRange(rb.Data);
            else
                foreach (int c in CodePoints.ToArray(((PyStr)repl).Value))
                    output.AddRange(Table.EncodeOne(c) ?? throw PyExc.New(ExceptionTypes.UnicodeEncodeError,
                        new PyStr(Table.Name), input, PyInt.From(pos), PyInt.From(pos + 1), new PyStr("illegal multibyte sequence")));
            pos = newPos;
        }
        return output.ToArray();
    }

    /// <summary>Decodes `data`. Unless `final`, a sequence cut off by the end of the input is
    /// left undecoded (`consumed` stops before it) for the next call.</summary>
    public string Decode(ThreadState ts, ReadOnlySpan<byte> data, Func<PyObject> inputObject, string errors, bool final, out int consumed)
    {
        var sb = new StringBuilder(data.Length);
        int pos = 0;
        while (pos < data.Length)
        {
            int n = Table.DecodeOne(data, pos, sb, out int errorLength);
            if (n > 0) { pos += n; continue; }
            if (n == 0 && !final) break;
            int end = n == 0 ? data.Length : pos + errorLength;
            string reason = n == 0 ? "incomplete multibyte sequence" : "illegal multibyte sequence";
            var (repl, newPos) = CodecsModule.HandleError(ts, errors, false, Table.Name, inputObject(), data.Length, pos, end, reason);
            sb.Append(((PyStr)repl).Value);
            pos = newPos;
        }
        consumed = pos;
        return sb.ToString();
    }

    [PyMethod]
    static PyObject encode(ThreadState ts, PyMultibyteCodec self, [PyKeyword] PyObject input, PyObject? errors = null)
    {
        if (input is not PyStr s) throw PyExc.TypeError("couldn't convert the object to unicode.");
        var bytes = self.Encode(ts, s, ErrorsArg(errors));
        return PyTuple.Of(PyBytes.From(bytes), PyInt.From(s.CpLength));
    }

    [PyMethod]
    static PyObject decode(ThreadState ts, PyMultibyteCodec self, [PyKeyword] PyObject input, PyObject? errors = null)
    {
        var data = PyBytes.Buffer(input).ToArray();
        string text = self.Decode(ts, data, () => PyBytes.From(data), ErrorsArg(errors), true, out _);
        return PyTuple.Of(new PyStr(text), PyInt.From(data.Length));
    }

    /// <summary>The codec a MultibyteIncrementalEncoder (or ...Decoder, StreamReader, StreamWriter)
    /// subclass names in its class attribute `codec`.</summary>
    public static PyMultibyteCodec OfClass(ThreadState ts, PyType cls)
        => Ops.GetAttr(ts, cls, PyStr.Intern("codec")) as PyMultibyteCodec ?? throw PyExc.TypeError("codec is unexpected type");
}
