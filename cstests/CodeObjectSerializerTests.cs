using System;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Reflection;
using NUnit.Framework;
using StacklessIron.Compiling;
using StacklessIron.Parsing;
using CodePointString = StacklessIron.Parsing.Ast.CodePointString;

namespace StacklessIron.Tests;

/// <summary>The code format of the module cache, marshal and tasklet pickling
/// (CodeObjectSerializer): every field of every code object of real modules comes back
/// equal, and damaged bytes are refused with FormatException, never another error.</summary>
public class CodeObjectSerializerTests
{
    static CodeObject CompileFile(string path) =>
        Compiler.Compile(PythonParser.ParseModule(File.ReadAllBytes(path), path), path, CompileMode.Exec);

    /// <summary>Compares every public field by reflection, so a field added to CodeObject and
    /// forgotten by the serializer fails here (the cache would silently drop it).</summary>
    static void AssertSame(object? a, object? b, string where)
    {
        if (a is CodeObject ca && b is CodeObject cb)
        {
            foreach (var f in typeof(CodeObject).GetFields(BindingFlags.Public | BindingFlags.Instance))
            {
                if (f.Name == nameof(CodeObject.RuntimeCache)) continue;
                AssertSame(f.GetValue(ca), f.GetValue(cb), where + "." + ca.Name + "." + f.Name);
            }
            return;
        }
        if (a is ConstTuple ta && b is ConstTuple tb) { AssertSame(ta.Items, tb.Items, where + "()"); return; }
        if (a is ConstFrozenSet fa && b is ConstFrozenSet fb) { AssertSame(fa.Items, fb.Items, where + "{}"); return; }
        if (a is CodePointString pa && b is CodePointString pb) { AssertSame(pa.CodePoints, pb.CodePoints, where + "u"); return; }
        if (a is double da && b is double db)
        {
            Assert.That(BitConverter.DoubleToInt64Bits(db), Is.EqualTo(BitConverter.DoubleToInt64Bits(da)), where);
            return;
        }
        if (a is Complex za && b is Complex zb)
        {
            AssertSame(za.Real, zb.Real, where + ".real"); AssertSame(za.Imaginary, zb.Imaginary, where + ".imag");
            return;
        }
        if (a is Array aa && b is Array ab)
        {
            Assert.That(ab.Length, Is.EqualTo(aa.Length), where + " length");
            Assert.That(b.GetType(), Is.EqualTo(a.GetType()), where + " type");
            for (int i = 0; i < aa.Length; i++) AssertSame(aa.GetValue(i), ab.GetValue(i), where + "[" + i + "]");
            return;
        }
        Assert.That(b?.GetType(), Is.EqualTo(a?.GetType()), where + " type");
        Assert.That(b, Is.EqualTo(a), where);
    }

    [Test]
    public void ConstantsOfEveryKindRoundTrip()
    {
        const string src = "x = (-0.0, float('nan'), 1e308 * 10, 12345678901234567890123456789, -2**100, 7, -1, 'a\\udcff\\ud800', '\\U0001F600é',\n"
            + "     b'\\x00\\xff', 2-3j, ..., None, True, False, ((1, (2,)), ()))\n"
            + "y = 1 in {1, 2, 'a'}\nz = -0.0j\n"
            + "def f(a, /, b=1, *c, d, e=2, **g):\n    '''doc'''\n    def h():\n        nonlocal a\n        return a, b\n    try:\n        return h\n    finally:\n        pass\n"
            + "async def co():\n    async with x as y:\n        await y\n    return [i async for i in y]\n"
            + "class K:\n    def m(self): return __class__\n";
        var code = Compiler.Compile(PythonParser.ParseModule(src, "<t>"), "<t>", CompileMode.Exec);
        var back = CodeObjectSerializer.Deserialize(CodeObjectSerializer.Serialize(code));
        AssertSame(code, back, "module");
    }

    [Test]
    public void StandardLibraryModulesRoundTrip()
    {
        foreach (var name in new[] { "json/decoder.py", "asyncio/base_events.py", "typing.py", "re/_parser.py", "dataclasses.py" })
        {
            var path = Path.Combine("/usr/lib/python3.11", name);
            if (!File.Exists(path)) continue;
            var code = CompileFile(path);
            var bytes = CodeObjectSerializer.Serialize(code);
            AssertSame(code, CodeObjectSerializer.Deserialize(bytes), name);
            Assert.That(CodeObjectSerializer.Serialize(CodeObjectSerializer.Deserialize(bytes)), Is.EqualTo(bytes), name + " bytes");
        }
    }

    [Test]
    public void DamagedBytesAreRefusedWithFormatException()
    {
        var code = Compiler.Compile(PythonParser.ParseModule("def f(x):\n    return [x, 'y', 1.5, (2, 3)]\nclass C:\n    pass\n", "<t>"), "<t>", CompileMode.Exec);
        var good = CodeObjectSerializer.Serialize(code);
        int refused = 0;
        void Expect(byte[] bad)
        {
            try { CodeObjectSerializer.Deserialize(bad); }
            catch (FormatException) { refused++; return; }
            Assert.Fail("damaged code object accepted");
        }
        for (int n = 0; n < good.Length; n++) Expect(good[..n]);
        var rnd = new Random(12345);
        for (int i = 0; i < good.Length; i++)
        {
            var bad = (byte[])good.Clone();
            bad[i] ^= (byte)(1 << rnd.Next(8));
            Expect(bad);
        }
        for (int i = 0; i < 200; i++)
        {
            var bad = new byte[rnd.Next(0, 300)];
            rnd.NextBytes(bad);
            Expect(bad);
        }
        Assert.That(refused, Is.EqualTo(2 * good.Length + 200));
    }
}
