using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;
using StacklessIron.Objects;
using StacklessIron.Runtime;
using ThreadState = StacklessIron.Runtime.ThreadState;

namespace StacklessIron.Tests;

/// <summary>int, bool, float and complex: slots called directly, and many operations run on
/// the engine and on python3.11 with the outputs compared line by line.</summary>
public class NumberTypeTests
{
    static ThreadState NewTs() => new PythonEngine().MainThread;

    [Test]
    public void ComplexConstantHookMakesComplexObjects()
    {
        PyComplex.EnsureInitialized();
        var c = ConstantHooks.MakeComplex(new System.Numerics.Complex(1.5, -2));
        Assert.That(c, Is.InstanceOf<PyComplex>());
        Assert.That(Ops.ReprString(NewTs(), c), Is.EqualTo("(1.5-2j)"));
    }

    [Test]
    public void EqualNumbersHashEqualAcrossTypes()
    {
        var ts = NewTs();
        var values = new (PyObject, PyObject)[]
        {
            (PyInt.From(1), new PyFloat(1.0)), (PyBool.True, new PyComplex(1, 0)), (PyInt.From(-1), new PyFloat(-1.0)),
            (PyInt.From(System.Numerics.BigInteger.Pow(2, 80)), new PyFloat(Math.Pow(2, 80))),
            (PyInt.From((1L << 61) - 1), PyInt.From(0)), (new PyFloat(-0.0), new PyComplex(0, -0.0)),
        };
        foreach (var (a, b) in values)
        {
            if (Ops.RichCompareBool(ts, a, b, CompareOp.Eq))
                Assert.That(Ops.Hash(ts, a), Is.EqualTo(Ops.Hash(ts, b)), Ops.ReprString(ts, a));
        }
        Assert.That(Ops.Hash(ts, PyInt.From(-1)), Is.EqualTo(-2));
    }

    [Test]
    public void IntFloatComparisonIsExact()
    {
        var ts = NewTs();
        var big = PyInt.From((System.Numerics.BigInteger.One << 53) + 1);
        var f = new PyFloat(Math.Pow(2, 53));
        Assert.That(Ops.RichCompareBool(ts, big, f, CompareOp.Gt), Is.True);
        Assert.That(Ops.RichCompareBool(ts, f, big, CompareOp.Lt), Is.True);
        Assert.That(Ops.RichCompareBool(ts, big, f, CompareOp.Eq), Is.False);
    }

    /// <summary>Random operands through every binary operator, formatted with repr; both
    /// interpreters print the result or the exception type and message.</summary>
    [Test]
    public void RandomArithmeticMatchesCPython()
    {
        if (!File.Exists(Oracle.Python)) Assert.Ignore("python3.11 not available");
        var rng = new Random(1234);
        string[] ints = { "0", "1", "-1", "7", "-7", "3", "2**63", "-2**63", "2**64+5", "-(10**30)", "True", "False", "255", "2**53+1" };
        string[] floats = { "0.0", "-0.0", "1.5", "-2.25", "1e308", "1e-320", "float('inf')", "float('-inf')", "float('nan')", "0.1", "3.0", "-7.5" };
        string[] complexes = { "1j", "(1+2j)", "(-0.0-3j)", "complex(1e308, 1)", "0j", "(2.5-0.5j)" };
        string[] ops = { "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "<", "<=", "==", "!=", ">", ">=" };
        var all = ints.Concat(floats).Concat(complexes).ToArray();
        var sb = new StringBuilder();
        // X() hides the operands from the compiler's constant folding: this tests the runtime.
        sb.AppendLine("def X(v):\n    return v");
        sb.AppendLine("def show(f):\n    try:\n        r = f()\n        print(type(r).__name__, repr(r))\n    except Exception as e:\n        print(type(e).__name__, e)");
        for (int i = 0; i < 600; i++)
        {
            var a = all[rng.Next(all.Length)];
            var b = all[rng.Next(all.Length)];
            var op = ops[rng.Next(ops.Length)];
            if (op == "**" && (b.Contains("2**6") || b.Contains("10**30"))) continue;   // huge results
            if ((op == "<<") && !(b is "0" or "1" or "3" or "7" or "True" or "False" or "-1" or "255")) continue;
            sb.AppendLine($"show(lambda: X({a}) {op} X({b}))");
        }
        foreach (var x in all)
        {
            sb.AppendLine($"show(lambda: hash({x}) if {x} == {x} else 'nan')");
            sb.AppendLine($"show(lambda: (-({x}), abs({x}), bool({x})))");
            sb.AppendLine($"show(lambda: divmod({x}, 3))");
            sb.AppendLine($"show(lambda: round({x}) if not isinstance({x}, complex) else 0)");
            sb.AppendLine($"show(lambda: int({x}))");
            sb.AppendLine($"show(lambda: float({x}))");
            sb.AppendLine($"show(lambda: complex({x}))");
        }
        var src = sb.ToString();
        var (code, ours, err) = EngineRunner.Run(src);
        // The program goes through a file: it is too long for a command-line argument.
        var file = Path.Combine(Path.GetTempPath(), $"numbers_random_{Environment.ProcessId}.py");
        File.WriteAllText(file, src);
        string theirs;
        try { theirs = Oracle.Run(null, Array.Empty<string>(), scriptPath: file).Stdout; }
        finally { File.Delete(file); }
        Assert.That(err, Is.Empty);
        var o = ours.Split('\n'); var t = theirs.Split('\n');
        var srcLines = src.Split('\n').Skip(8).ToArray();
        var diffs = new List<string>();
        for (int i = 0; i < Math.Max(o.Length, t.Length); i++)
        {
            var ol = i < o.Length ? o[i] : "<missing>"; var tl = i < t.Length ? t[i] : "<missing>";
            if (ol != tl) diffs.Add($"{(i < srcLines.Length ? srcLines[i] : "?")}\n  ours:    {ol}\n  cpython: {tl}");
        }
        Assert.That(diffs, Is.Empty, string.Join("\n", diffs.Take(20)));
    }
}
