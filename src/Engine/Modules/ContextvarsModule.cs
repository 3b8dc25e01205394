#nullable enable
using System;
using System.Runtime.CompilerServices;
using StacklessIron.Objects;
namespace StacklessIron.Modules;

/// <summary>`_contextvars`: Context, ContextVar, Token and copy_context. The current context
/// belongs to the thread (its ThreadState), created empty on first use, as in CPython.
/// (Stackless gives each tasklet its own context; that is not built yet.)</summary>
public static class ContextvarsModule
{
    sealed class Current { public PyContext? Context; }
    static readonly ConditionalWeakTable<ThreadState, Current> s_current = new();

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_contextvars");
        NativeMembers.FillModule(m, typeof(ContextvarsModule));
        m.Dict!.SetStr("Context", PyContext.TypeObject);
        m.Dict!.SetStr("ContextVar", PyContextVar.TypeObject);
        m.Dict!.SetStr("Token", PyContextToken.TypeObject);
        return m;
    }

    public static void Register() => Importer.NativeModules["_contextvars"] = Create;

    /// <summary>The thread's current context (made on first use).</summary>
    public static PyContext CurrentContext(ThreadState ts)
    {
        var holder = s_current.GetOrCreateValue(ts);
        return holder.Context ??= new PyContext();
    }

    /// <summary>Makes `ctx` current and returns the one it replaces (for Context.run).</summary>
    internal static PyContext Swap(ThreadState ts, PyContext ctx)
    {
        var old = CurrentContext(ts);
        s_current.GetOrCreateValue(ts).Context = ctx;
        return old;
    }

    [PyMethod]
    static PyObject copy_context(ThreadState ts) => CurrentContext(ts).Copy();
}
