using System;
using System.IO;
using NUnit.Framework;
using StacklessIron.Objects;
using StacklessIron.Runtime;

namespace StacklessIron.Tests;

/// <summary>Spare frames (a returned function's frame kept for its next call) are reused only
/// while no collection has happened since they were made: an older one sits in an old
/// generation, where every store into its slots takes the GC write barrier's slow path.</summary>
public class SpareFrameTests
{
    static void Collect()
    {
        GC.Collect(); GC.WaitForPendingFinalizers();
        GC.Collect(); GC.WaitForPendingFinalizers();
    }

    [Test]
    public void GcEpochCountsCollections()
    {
        int before = GcEpoch.Value;
        Collect();
        Assert.That(GcEpoch.Value, Is.Not.EqualTo(before));
    }

    [Test]
    public void SpareMadeBeforeACollectionIsReplaced()
    {
        var engine = new PythonEngine(new StringWriter(), new StringWriter(), new StringReader(""));
        Frame? first = null, reused = null, after = null, staleForNative = null;
        PyObject? nativeFrame = null;
        int epochAfter = 0;
        bool sameEpoch = false;
        int code = engine.RunMain(ts =>
        {
            var main = engine.CreateMain(null);
            PyObject Run(string src) =>
                Interpreter.RunModuleCode(ts, (PyCode)engine.CompileSource(ts, src, "<test>", Compiling.CompileMode.Exec, 0), main.Namespace);
            // f(1) returns its own frame (which exposes it: never a spare); f(0) leaves a spare
            Run("import sys\ndef f(x):\n    if x:\n        return sys._getframe()\n    return [x]\nf(0)\n");
            var f = Ops.GetItem(ts, main.Namespace, new PyStr("f"));
            var fc = ((PyFunction)f).Code;
            Frame Spare() { Assert.That(fc.SpareCount, Is.GreaterThan(0)); return fc.Spares![fc.SpareCount - 1]!; }
            first = Spare();
            int e0 = GcEpoch.Value;
            Run("f(0)\n");                 // the loop's call path takes the spare and gives it back
            reused = Spare();
            sameEpoch = e0 == GcEpoch.Value && first.Epoch == e0;
            Collect();
            Run("f(0)\n");                 // the loop's call path: a new frame, which becomes the spare
            after = Spare();
            epochAfter = GcEpoch.Value;
            staleForNative = after;
            Collect();
            nativeFrame = Ops.Call(ts, f, PyInt.From(1));   // a call from C# (Frame.ForCall)
            return PyNone.Value;
        });
        Assert.That(code, Is.EqualTo(0));
        if (sameEpoch) Assert.That(reused, Is.SameAs(first), "a spare made since the last collection is reused");
        Assert.That(after, Is.Not.SameAs(first), "a spare made before a collection is dropped (loop call)");
        Assert.That(after!.Epoch, Is.EqualTo(epochAfter));
        Assert.That(nativeFrame, Is.InstanceOf<Frame>());
        Assert.That(nativeFrame, Is.Not.SameAs(staleForNative), "a spare made before a collection is dropped (Frame.ForCall)");
    }
}
