#nullable enable
using System;
using System.IO;
using System.Numerics;
using System.Text;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Compiling;

/// <summary>
/// Our own marshal format for code objects: a CodeObject (with its constants and nested code
/// objects) to bytes and back. Tasklet pickling carries code by value in it. The format starts
/// with a magic and a version, so bytes from another format or version are refused rather
/// than misread.
/// </summary>
public static class CodeObjectSerializer
{
    const uint Magic = 0x53494331;   // "SIC1"
    const int Version = 1;
    /// <summary>Nesting of constants (tuples, code objects) a reader accepts.</summary>
    const int MaxDepth = 200;

    public static byte[] Serialize(CodeObject code)
    {
        var ms = new MemoryStream();
        var w = new BinaryWriter(ms, Encoding.UTF8);
        w.Write(Magic);
        w.Write(Version);
        WriteCode(w, code, 0);
        w.Flush();
        return ms.ToArray();
    }

    /// <summary>Reads what Serialize wrote; malformed input raises FormatException.</summary>
    public static CodeObject Deserialize(byte[] data)
    {
        try
        {
            var r = new BinaryReader(new MemoryStream(data), Encoding.UTF8);
            if (r.ReadUInt32() != Magic) throw new FormatException("not a code object of this engine");
            if (r.ReadInt32() != Version) throw new FormatException("code object of another format version");
            var code = ReadCode(r, 0);
            if (r.BaseStream.Position != data.Length) throw new FormatException("extra data after the code object");
            return code;
        }
        catch (EndOfStreamException) { throw new FormatException("truncated code object"); }
        catch (DecoderFallbackException) { throw new FormatException("bad string in code object"); }
    }

    static void WriteCode(BinaryWriter w, CodeObject c, int depth)
    {
        if (depth > MaxDepth) throw new FormatException("code object nested too deeply");
        WriteString(w, c.Name); WriteString(w, c.QualName); WriteString(w, c.Filename);
        w.Write(c.FirstLineNo); w.Write(c.ArgCount); w.Write(c.PosOnlyArgCount); w.Write(c.KwOnlyArgCount);
        w.Write((int)c.Flags); w.Write(c.StackSize);
        WriteInts(w, c.Code);
        w.Write(c.Constants.Length);
        foreach (var k in c.Constants) WriteConst(w, k, depth + 1);
        WriteStrings(w, c.Names); WriteStrings(w, c.VarNames); WriteStrings(w, c.CellVars); WriteStrings(w, c.FreeVars);
        w.Write(c.ExceptionTable.Length);
        foreach (var e in c.ExceptionTable) { w.Write(e.Start); w.Write(e.End); w.Write(e.Target); w.Write(e.Depth); w.Write(e.PushLasti); }
        WriteInts(w, c.Lines); WriteInts(w, c.EndLines); WriteInts(w, c.Cols); WriteInts(w, c.EndCols);
        w.Write(c.DocString != null);
        if (c.DocString != null) WriteString(w, c.DocString);
    }

    static CodeObject ReadCode(BinaryReader r, int depth)
    {
        if (depth > MaxDepth) throw new FormatException("code object nested too deeply");
        var c = new CodeObject
        {
            Name = ReadString(r), QualName = ReadString(r), Filename = ReadString(r),
            FirstLineNo = r.ReadInt32(), ArgCount = r.ReadInt32(), PosOnlyArgCount = r.ReadInt32(), KwOnlyArgCount = r.ReadInt32(),
            Flags = (CodeFlags)r.ReadInt32(), StackSize = r.ReadInt32(),
        };
        c.Code = ReadInts(r);
        var consts = new object?[Count(r)];
        for (int i = 0; i < consts.Length; i++) consts[i] = ReadConst(r, depth + 1);
        c.Constants = consts;
        c.Names = ReadStrings(r); c.VarNames = ReadStrings(r); c.CellVars = ReadStrings(r); c.FreeVars = ReadStrings(r);
        var table = new ExceptionTableEntry[Count(r)];
        for (int i = 0; i < table.Length; i++)
            table[i] = new ExceptionTableEntry(r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadBoolean());
        c.ExceptionTable = table;
        c.Lines = ReadInts(r); c.EndLines = ReadInts(r); c.Cols = ReadInts(r); c.EndCols = ReadInts(r);
        if (r.ReadBoolean()) c.DocString = ReadString(r);
        Validate(c);
        return c;
    }

    /// <summary>The VM trusts a code object's indexes: a corrupted one must not get that far.</summary>
    static void Validate(CodeObject c)
    {
        int n = c.Code.Length;
        if (c.StackSize < 0 || c.StackSize > 1 << 20 || c.ArgCount < 0 || c.KwOnlyArgCount < 0 || c.PosOnlyArgCount < 0
            || c.ArgCount + c.KwOnlyArgCount > c.VarNames.Length)
            throw new FormatException("inconsistent code object");
        if (c.Lines.Length != n || c.EndLines.Length != n || c.Cols.Length != n || c.EndCols.Length != n)
            throw new FormatException("inconsistent code object positions");
        foreach (var e in c.ExceptionTable)
            if (e.Start < 0 || e.End > n || e.Target < 0 || e.Target >= n || e.Depth < 0 || e.Depth > c.StackSize)
                throw new FormatException("inconsistent exception table");
    }

    static int Count(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n < 0 || n > r.BaseStream.Length - r.BaseStream.Position) throw new FormatException("bad length in code object");
        return n;
    }

    static void WriteInts(BinaryWriter w, int[] a) { w.Write(a.Length); foreach (var x in a) w.Write(x); }
    static int[] ReadInts(BinaryReader r)
    {
        int n = Count(r);
        var a = new int[n];
        for (int i = 0; i < n; i++) a[i] = r.ReadInt32();
        return a;
    }

    /// <summary>Strings as UTF-16 code units: names and constants may hold lone surrogates.</summary>
    static void WriteString(BinaryWriter w, string s) { w.Write(s.Length); foreach (var ch in s) w.Write((ushort)ch); }
    static string ReadString(BinaryReader r)
    {
        int n = Count(r);
        var chars = new char[n];
        for (int i = 0; i < n; i++) chars[i] = (char)r.ReadUInt16();
        return new string(chars);
    }
    static void WriteStrings(BinaryWriter w, string[] a) { w.Write(a.Length); foreach (var s in a) WriteString(w, s); }
    static string[] ReadStrings(BinaryReader r)
    {
        var a = new string[Count(r)];
        for (int i = 0; i < a.Length; i++) a[i] = ReadString(r);
        return a;
    }

    static void WriteConst(BinaryWriter w, object? k, int depth)
    {
        if (depth > MaxDepth) throw new FormatException("constant nested too deeply");
        switch (k)
        {
            case null: w.Write((byte)'N'); break;
            case bool b: w.Write((byte)(b ? 'T' : 'F')); break;
            case int i: w.Write((byte)'i'); w.Write(i); break;
            case long l: w.Write((byte)'l'); w.Write(l); break;
            case BigInteger bi: w.Write((byte)'b'); var bytes = bi.ToByteArray(); w.Write(bytes.Length); w.Write(bytes); break;
            case double d: w.Write((byte)'d'); w.Write(d); break;
            case Complex z: w.Write((byte)'z'); w.Write(z.Real); w.Write(z.Imaginary); break;
            case string s: w.Write((byte)'s'); WriteString(w, s); break;
            case CodePointString cps: w.Write((byte)'u'); WriteInts(w, cps.CodePoints); break;
            case byte[] by: w.Write((byte)'y'); w.Write(by.Length); w.Write(by); break;
            case EllipsisConstant: w.Write((byte)'.'); break;
            case ConstTuple t: w.Write((byte)'('); w.Write(t.Items.Length); foreach (var x in t.Items) WriteConst(w, x, depth + 1); break;
            case ConstFrozenSet fs: w.Write((byte)'<'); w.Write(fs.Items.Length); foreach (var x in fs.Items) WriteConst(w, x, depth + 1); break;
            case CodeObject co: w.Write((byte)'c'); WriteCode(w, co, depth + 1); break;
            default: throw new FormatException($"unknown constant {k.GetType().Name}");
        }
    }

    static object? ReadConst(BinaryReader r, int depth)
    {
        if (depth > MaxDepth) throw new FormatException("constant nested too deeply");
        byte tag = r.ReadByte();
        switch ((char)tag)
        {
            case 'N': return null;
            case 'T': return true;
            case 'F': return false;
            case 'i': return r.ReadInt32();
            case 'l': return r.ReadInt64();
            case 'b': return new BigInteger(r.ReadBytes(Count(r)));
            case 'd': return r.ReadDouble();
            case 'z': return new Complex(r.ReadDouble(), r.ReadDouble());
            case 's': return ReadString(r);
            case 'u':
            {
                var cps = ReadInts(r);
                foreach (var cp in cps) if (cp < 0 || cp > 0x10FFFF) throw new FormatException("bad code point");
                return new CodePointString(cps);
            }
            case 'y': return r.ReadBytes(Count(r));
            case '.': return EllipsisConstant.Value;
            case '(': case '<':
            {
                var items = new object?[Count(r)];
                for (int i = 0; i < items.Length; i++) items[i] = ReadConst(r, depth + 1);
                return tag == '(' ? new ConstTuple(items) : new ConstFrozenSet(items);
            }
            case 'c': return ReadCode(r, depth + 1);
            default: throw new FormatException("unknown constant tag in code object");
        }
    }
}
