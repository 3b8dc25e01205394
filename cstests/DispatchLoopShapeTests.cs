using System.Linq;
using System.Reflection;
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
}
