#nullable enable
using System;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
namespace StacklessIron.Runtime;

/// <summary>
/// One background thread for compile work that makes later code faster but that nothing
/// has to wait for, so it overlaps with start-up and imports instead of delaying them:
/// <list type="bullet">
/// <item>the JIT compiles of the methods marked AggressiveOptimization, which ReadyToRun
/// cannot precompile (the VM loop, Interpreter.Dispatch, a 13 KB-IL method, took 70 ms of a
/// 140 ms `-c pass`; the regular-expression matcher another big one): started at once for
/// the loop, and when `_sre` is first imported for the matcher. A thread that needs a method
/// first waits for the compile under way instead of starting its own.</item>
/// <item>compiled native invokers for natives that turned hot (NativeFunction.TierUp): the
/// caller goes on with the adapter until the compiled one is ready.</item>
/// </list>
/// Work items never touch Python objects, so they need no interpreter lock; a failing one is
/// dropped (its only effect was speed).
/// </summary>
public static class BackgroundCompiler
{
    static readonly Queue<Action> s_queue = new();
    static Thread? s_thread;
    static int s_loopPrepared, s_regexPrepared;
    /// <summary>Set once an engine has initialised the runtime's types (PythonEngine's
    /// constructor) and the interpreter's statics.</summary>
    static readonly ManualResetEventSlim s_runtimeReady = new();

    /// <summary>Called when the runtime's types and the interpreter's statics are initialised:
    /// the loop's compile may begin.</summary>
    public static void RuntimeReady() => s_runtimeReady.Set();

    public static void Enqueue(Action work)
    {
        lock (s_queue)
        {
            s_queue.Enqueue(work);
            if (s_thread == null)
            {
                s_thread = new Thread(Loop) { IsBackground = true, Name = "stackless-iron compiler" };
                s_thread.Start();
            }
            else Monitor.Pulse(s_queue);
        }
    }

    static void Loop()
    {
        while (true)
        {
            Action work;
            lock (s_queue)
            {
                while (s_queue.Count == 0) Monitor.Wait(s_queue);
                work = s_queue.Dequeue();
            }
            try { work(); }
            catch (Exception) { }
        }
    }

    /// <summary>The VM loop's JIT compile, started before the engine is built (the host does).</summary>
    public static void PrepareInterpreterLoop()
    {
        if (Interlocked.Exchange(ref s_loopPrepared, 1) == 0) Enqueue(() => PrepareLoopNow());
    }

    /// <summary>Compiles the VM loop on this thread; returns how many methods.</summary>
    /// <remarks>Waits until the engine's types are built: the JIT folds a static readonly field
    /// of an initialised class into a constant (`a.Type == PyInt.TypeObject` one compare, the
    /// STACKLESS_TRACE branch gone), where for a class not yet initialised it emits an
    /// initialisation test and a load through the statics base at each use. Compiled at once
    /// at start-up, the loop had 79 such tests, one of them in every instruction's dispatch.
    /// The wait has a time limit: a host that builds no engine still gets the loop compiled.</remarks>
    public static int PrepareLoopNow()
    {
        s_runtimeReady.Wait(2000);
        return PrepareOptimized(typeof(Interpreter), "Dispatch");
    }

    /// <summary>Compiles the regular-expression matcher on this thread; returns how many methods.</summary>
    public static int PrepareRegexNow()
        => PrepareOptimized(typeof(Modules.Sre.SreMatcher<Modules.Sre.SreStrSubject>), "Run", "SearchCore", "Count")
            + PrepareOptimized(typeof(Modules.Sre.SreChars), "InSet");

    /// <summary>Called when a native module is first created: warm-ups that pay off once it is used.</summary>
    public static void NativeModuleCreated(string name)
    {
        if (name == "_sre" && Interlocked.Exchange(ref s_regexPrepared, 1) == 0)
            Enqueue(() => PrepareRegexNow());
    }

    /// <summary>JIT-compiles the named methods of `type` that are marked AggressiveOptimization
    /// (the ones ReadyToRun leaves to the JIT); returns how many. Looked up by name: listing
    /// all methods of Interpreter cost more than the lookup saves.</summary>
    static int PrepareOptimized(Type type, params string[] names)
    {
        int n = 0;
        foreach (var name in names)
        {
            var m = type.GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly);
            if (m == null || (m.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) == 0 || m.IsGenericMethodDefinition) continue;
            if (type.IsGenericType)
                RuntimeHelpers.PrepareMethod(m.MethodHandle, Array.ConvertAll(type.GetGenericArguments(), t => t.TypeHandle));
            else
                RuntimeHelpers.PrepareMethod(m.MethodHandle);
            n++;
        }
        return n;
    }
}
