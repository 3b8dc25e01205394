#nullable enable
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
namespace StacklessIron.Modules.Sqlite;

/// <summary>The entry points SQLite calls back while a statement runs: user functions,
/// aggregate step/final and collations. Each catches everything: an exception must never cross
/// back into SQLite's C frames. A Python exception becomes an SQL error with CPython's message
/// (and a report through sys.unraisablehook when callback tracebacks are enabled).</summary>
static unsafe class SqliteCallbacks
{
    static PySqliteConnection.CallbackContext ContextOf(nint sqliteCtx)
        => (PySqliteConnection.CallbackContext)GCHandle.FromIntPtr(SqliteNative.sqlite3_user_data(sqliteCtx)).Target!;

    static ThreadState ThreadOf(PySqliteConnection c) => c.RunningTs ?? throw new InvalidOperationException("no running statement");

    [UnmanagedCallersOnly]
    public static void Function(nint ctx, int argc, nint* argv)
    {
        try
        {
            var cc = ContextOf(ctx);
            var ts = ThreadOf(cc.Connection);
            const string Message = "user-defined function raised exception";
            Guarded(ctx, ts, cc.Callable, Message, () => SetResult(ctx, Ops.Call(ts, cc.Callable, Arguments(argc, argv)), Message));
        }
        catch (Exception) { Error(ctx, "user-defined function raised exception"); }
    }

    [UnmanagedCallersOnly]
    public static void AggregateStep(nint ctx, int argc, nint* argv)
    {
        try
        {
            var cc = ContextOf(ctx);
            var ts = ThreadOf(cc.Connection);
            var slot = (nint*)SqliteNative.sqlite3_aggregate_context(ctx, sizeof(nint));
            if (slot == null) { Error(ctx, "out of memory"); return; }
            PyObject? instance = null;
            if (*slot == 0)
            {
                if (!Guarded(ctx, ts, cc.Callable, "user-defined aggregate's '__init__' method raised error", () => instance = Ops.Call(ts, cc.Callable)))
                    return;
                *slot = GCHandle.ToIntPtr(GCHandle.Alloc(instance!));
            }
            else instance = (PyObject)GCHandle.FromIntPtr(*slot).Target!;
            Guarded(ctx, ts, cc.Callable, "user-defined aggregate's 'step' method raised error",
                () => Ops.CallMethod(ts, instance!, "step", Arguments(argc, argv)));
        }
        catch (Exception) { Error(ctx, "user-defined aggregate's 'step' method raised error"); }
    }

    [UnmanagedCallersOnly]
    public static void AggregateFinal(nint ctx)
    {
        try
        {
            var cc = ContextOf(ctx);
            var ts = ThreadOf(cc.Connection);
            var slot = (nint*)SqliteNative.sqlite3_aggregate_context(ctx, 0);
            // no row reached step (or its __init__ failed): the result is NULL
            if (slot == null || *slot == 0) return;
            var handle = GCHandle.FromIntPtr(*slot);
            var instance = (PyObject)handle.Target!;
            handle.Free();
            *slot = 0;
            const string Message = "user-defined aggregate's 'finalize' method raised error";
            Guarded(ctx, ts, cc.Callable, Message, () => SetResult(ctx, Ops.CallMethod(ts, instance, "finalize"), Message));
        }
        catch (Exception) { Error(ctx, "user-defined aggregate's 'finalize' method raised error"); }
    }

    [UnmanagedCallersOnly]
    public static int Collation(nint arg, int len1, byte* s1, int len2, byte* s2)
    {
        try
        {
            var cc = (PySqliteConnection.CallbackContext)GCHandle.FromIntPtr(arg).Target!;
            var ts = ThreadOf(cc.Connection);
            try
            {
                var a = new PyStr(Encoding.UTF8.GetString(s1, len1));
                var b = new PyStr(Encoding.UTF8.GetString(s2, len2));
                var r = Ops.Call(ts, cc.Callable, a, b);
                if (r is not PyInt ri) return 0;
                return ri.Sign;
            }
            catch (PyException e)
            {
                SqliteModule.ReportCallbackError(ts, e.Value, cc.Callable);
                return 0;
            }
        }
        catch (Exception) { return 0; }
    }

    /// <summary>Runs the Python part of a callback: a Python exception becomes the SQL error
    /// `message` (and a report, when callback tracebacks are enabled). False when it raised.</summary>
    static bool Guarded(nint ctx, ThreadState ts, PyObject callable, string message, Action body)
    {
        try
        {
            body();
            return true;
        }
        catch (PyException e)
        {
            SqliteModule.ReportCallbackError(ts, e.Value, callable);
            Error(ctx, e.Value, message);
            return false;
        }
    }

    static PyObject[] Arguments(int argc, nint* argv)
    {
        var args = new PyObject[argc];
        for (int i = 0; i < argc; i++) args[i] = ValueOf(argv[i]);
        return args;
    }

    /// <summary>An sqlite3_value as a Python object (TEXT always as str, as CPython's callbacks do).</summary>
    static PyObject ValueOf(nint v)
    {
        switch (SqliteNative.sqlite3_value_type(v))
        {
            case SqliteNative.INTEGER: return PyInt.From(SqliteNative.sqlite3_value_int64(v));
            case SqliteNative.FLOAT: return new PyFloat(SqliteNative.sqlite3_value_double(v));
            case SqliteNative.TEXT:
            {
                var p = SqliteNative.sqlite3_value_text(v);
                int n = SqliteNative.sqlite3_value_bytes(v);
                return new PyStr(Encoding.UTF8.GetString(p, n));
            }
            case SqliteNative.BLOB:
            {
                int n = SqliteNative.sqlite3_value_bytes(v);
                var p = SqliteNative.sqlite3_value_blob(v);
                return new PyBytes(new ReadOnlySpan<byte>(p, n).ToArray());
            }
            default: return PyNone.Value;
        }
    }

    /// <summary>Sets a callback's SQL result from a Python value; an int beyond 64 bits is
    /// SQLite's "too big" error (DataError), another unsupported value the SQL error `message`.</summary>
    static void SetResult(nint ctx, PyObject r, string message)
    {
        switch (r)
        {
            case PyNone: SqliteNative.sqlite3_result_null(ctx); return;
            case PyInt i:
                if (!i.FitsLong) { SqliteNative.sqlite3_result_error_toobig(ctx); return; }
                SqliteNative.sqlite3_result_int64(ctx, i.Small);
                return;
            case PyFloat f: SqliteNative.sqlite3_result_double(ctx, f.Value); return;
            case PyStr s:
            {
                var b = SqliteModule.EncodeText(s);
                fixed (byte* p = b) SqliteNative.sqlite3_result_text(ctx, p, b.Length, SqliteNative.Transient);
                return;
            }
            case var _ when PyBytes.TryGetBuffer(r, out var mem):
            {
                var b = mem.Span;
                fixed (byte* p = b) SqliteNative.sqlite3_result_blob(ctx, p, b.Length, SqliteNative.Transient);
                return;
            }
            default: Error(ctx, message); return;
        }
    }

    /// <summary>The SQL error for a Python exception raised by a callback: MemoryError and
    /// OverflowError map to SQLite's own errors (MemoryError, DataError), as in CPython.</summary>
    static void Error(nint ctx, PyBaseException e, string message)
    {
        if (e.Type.IsSubtypeOf(ExceptionTypes.MemoryError)) SqliteNative.sqlite3_result_error_nomem(ctx);
        else if (e.Type.IsSubtypeOf(ExceptionTypes.OverflowError)) SqliteNative.sqlite3_result_error_toobig(ctx);
        else Error(ctx, message);
    }

    static void Error(nint ctx, string message)
    {
        var b = Encoding.UTF8.GetBytes(message);
        fixed (byte* p = b) SqliteNative.sqlite3_result_error(ctx, p, b.Length);
    }
}
