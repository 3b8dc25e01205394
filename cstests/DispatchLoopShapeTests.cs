using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using NUnit.Framework;
using StacklessIron.Runtime;

namespace StacklessIron.Tests;

/// <summary>The shape of the dispatch loop that lets the JIT keep its frame, pc, sp and slots
/// in registers: no exception handler in the method (a try/finally, e.g. a foreach over an
/// IEnumerable, pins every local live across it to the stack frame) and no ref/out parameters
/// (each holds a callee-saved register for the whole loop). Measured: the loop ran fib 20-35%
/// slower with either.</summary>
public class DispatchLoopShapeTests
{
    static MethodInfo Dispatch => typeof(Interpreter).GetMethod("Dispatch", BindingFlags.NonPublic | BindingFlags.Static)!;

    [Test]
    public void DispatchHasNoExceptionHandler()
    {
        var body = Dispatch.GetMethodBody()!;
        Assert.That(body.ExceptionHandlingClauses, Is.Empty,
            "move the code with try/finally/foreach/using into a helper outside Dispatch");
    }

    /// <summary>The JIT tracks (keeps in registers) at most 1024 locals of a method, its
    /// inlinees' included, and stops inlining near that count: Dispatch at 199 IL locals was
    /// there, and one more instruction in it cost the ping-pong benchmark 15%. Its IL locals are
    /// a lower bound of what the JIT counts; slow paths belong in the helpers beside it
    /// (Interpreter.SlowPaths.cs, Interpreter.Calls.cs, DispatchCold).</summary>
    [Test]
    public void DispatchKeepsItsLocalsWellBelowTheJitLimit()
    {
        int locals = Dispatch.GetMethodBody()!.LocalVariables.Count;
        TestContext.Out.WriteLine($"Dispatch: {locals} IL locals");
        Assert.That(locals, Is.LessThanOrEqualTo(180),
            "move slow paths out of Dispatch into non-inlined helpers before adding to it");
    }

    [Test]
    public void DispatchTakesNoReferenceParameters()
    {
        var byRef = Dispatch.GetParameters().Where(p => p.ParameterType.IsByRef).Select(p => p.Name);
        Assert.That(byRef, Is.Empty);
    }

    /// <summary>The host compiles the loop on a background thread at start-up; it must wait
    /// until the engine's types and the interpreter's statics are initialised, or the JIT emits
    /// an initialisation test and a load through the statics base for every static it reads
    /// (79 of them, one at every instruction's dispatch: ~5% of compute.py's CPU). Counted in
    /// the JIT's own listing of Dispatch in a run of the host.</summary>
    [Test]
    public void HostCompilesDispatchWithItsStaticsFolded()
    {
        string listing = Path.Combine(Path.GetTempPath(), $"si-dispatch-{Environment.ProcessId}-{Guid.NewGuid():N}.asm");
        try
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(RepoPaths.HostDll);
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add("print(sum(i * 2 for i in range(10)))");
            psi.Environment["DOTNET_JitDisasm"] = "Dispatch";
            psi.Environment["DOTNET_JitStdOutFile"] = listing;
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            Assert.That(p.WaitForExit(120_000), Is.True, "the host finished");
            Assert.That(stdout.Result.Trim(), Is.EqualTo("90"), stderr.Result);
            var text = File.ReadAllText(listing);
            Assert.That(text, Does.Contain("Interpreter:Dispatch"), "the listing holds the loop");
            int staticBases = Regex.Matches(text, "CORINFO_HELP_GET_(NON)?GCSTATIC_BASE").Count;
            TestContext.Out.WriteLine($"Dispatch: {staticBases} static-base helper calls");
            Assert.That(staticBases, Is.LessThanOrEqualTo(10),
                "the loop was compiled before the classes it reads were initialised (BackgroundCompiler.PrepareLoopNow)");
            // the switch on the opcode is one jump table over every instruction it runs inline
            // (the hot ones are numbered first, up to the last superinstruction, FOR_ITER__UNPACK_PAIR)
            int largest = 0, current = 0;
            foreach (var line in text.Split('\n'))
            {
                if (line.StartsWith("RWD")) { largest = Math.Max(largest, current); current = 0; }
                if (line.Contains("\tdd\t") || line.TrimStart().StartsWith("dd")) current++;
                else if (!line.StartsWith("RWD")) { largest = Math.Max(largest, current); current = 0; }
            }
            largest = Math.Max(largest, current);
            TestContext.Out.WriteLine($"Dispatch: largest jump table {largest} entries");
            Assert.That(largest, Is.GreaterThanOrEqualTo((int)Compiling.Opcode.FOR_ITER__UNPACK_PAIR + 1),
                "hot opcodes numbered after cold ones split Dispatch's switch into several tables (Opcode.cs)");
        }
        finally { File.Delete(listing); }
    }
}
