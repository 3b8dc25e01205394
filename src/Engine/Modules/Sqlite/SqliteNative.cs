#nullable enable
using System;
using System.Runtime.InteropServices;
using System.Text;
namespace StacklessIron.Modules.Sqlite;

/// <summary>The SQLite C API used by _sqlite3 (the system's libsqlite3, Debian libsqlite3-0).</summary>
static unsafe class SqliteNative
{
    const string Lib = "libsqlite3.so.0";

    public const int OK = 0, ERROR = 1, INTERNAL = 2, PERM = 3, ABORT = 4, BUSY = 5, LOCKED = 6, NOMEM = 7,
        READONLY = 8, INTERRUPT = 9, IOERR = 10, CORRUPT = 11, NOTFOUND = 12, FULL = 13, CANTOPEN = 14,
        PROTOCOL = 15, EMPTY = 16, SCHEMA = 17, TOOBIG = 18, CONSTRAINT = 19, MISMATCH = 20, MISUSE = 21,
        NOLFS = 22, AUTH = 23, FORMAT = 24, RANGE = 25, NOTADB = 26, ROW = 100, DONE = 101;
    public const int INTEGER = 1, FLOAT = 2, TEXT = 3, BLOB = 4, NULL = 5;
    public const int OPEN_READWRITE = 0x2, OPEN_CREATE = 0x4, OPEN_URI = 0x40;
    public const int UTF8 = 1, DETERMINISTIC = 0x800;
    /// <summary>SQLITE_TRANSIENT: SQLite copies the bound text or blob.</summary>
    public static readonly nint Transient = -1;

    [DllImport(Lib)] public static extern int sqlite3_open_v2(byte* filename, out nint db, int flags, byte* vfs);
    [DllImport(Lib)] public static extern int sqlite3_close_v2(nint db);
    [DllImport(Lib)] public static extern int sqlite3_busy_timeout(nint db, int ms);
    [DllImport(Lib)] public static extern nint sqlite3_errmsg(nint db);
    [DllImport(Lib)] public static extern int sqlite3_extended_errcode(nint db);
    [DllImport(Lib)] public static extern nint sqlite3_errstr(int code);
    [DllImport(Lib)] public static extern int sqlite3_get_autocommit(nint db);
    [DllImport(Lib)] public static extern int sqlite3_changes(nint db);
    [DllImport(Lib)] public static extern int sqlite3_total_changes(nint db);
    [DllImport(Lib)] public static extern long sqlite3_last_insert_rowid(nint db);
    [DllImport(Lib)] public static extern void sqlite3_interrupt(nint db);
    [DllImport(Lib)] public static extern nint sqlite3_libversion();
    [DllImport(Lib)] public static extern int sqlite3_complete(byte* sql);
    [DllImport(Lib)] public static extern int sqlite3_limit(nint db, int id, int newVal);

    [DllImport(Lib)] public static extern int sqlite3_prepare_v2(nint db, byte* sql, int nByte, out nint stmt, out byte* tail);
    [DllImport(Lib)] public static extern int sqlite3_step(nint stmt);
    [DllImport(Lib)] public static extern int sqlite3_reset(nint stmt);
    [DllImport(Lib)] public static extern int sqlite3_finalize(nint stmt);
    [DllImport(Lib)] public static extern int sqlite3_clear_bindings(nint stmt);
    [DllImport(Lib)] public static extern int sqlite3_stmt_readonly(nint stmt);
    [DllImport(Lib)] public static extern int sqlite3_bind_parameter_count(nint stmt);
    [DllImport(Lib)] public static extern nint sqlite3_bind_parameter_name(nint stmt, int i);
    [DllImport(Lib)] public static extern int sqlite3_bind_null(nint stmt, int i);
    [DllImport(Lib)] public static extern int sqlite3_bind_int64(nint stmt, int i, long v);
    [DllImport(Lib)] public static extern int sqlite3_bind_double(nint stmt, int i, double v);
    [DllImport(Lib)] public static extern int sqlite3_bind_text(nint stmt, int i, byte* text, int n, nint destructor);
    [DllImport(Lib)] public static extern int sqlite3_bind_blob(nint stmt, int i, byte* data, int n, nint destructor);
    [DllImport(Lib)] public static extern int sqlite3_column_count(nint stmt);
    [DllImport(Lib)] public static extern nint sqlite3_column_name(nint stmt, int i);
    [DllImport(Lib)] public static extern nint sqlite3_column_decltype(nint stmt, int i);
    [DllImport(Lib)] public static extern int sqlite3_column_type(nint stmt, int i);
    [DllImport(Lib)] public static extern long sqlite3_column_int64(nint stmt, int i);
    [DllImport(Lib)] public static extern double sqlite3_column_double(nint stmt, int i);
    [DllImport(Lib)] public static extern byte* sqlite3_column_blob(nint stmt, int i);
    [DllImport(Lib)] public static extern byte* sqlite3_column_text(nint stmt, int i);
    [DllImport(Lib)] public static extern int sqlite3_column_bytes(nint stmt, int i);

    [DllImport(Lib)] public static extern int sqlite3_create_function_v2(nint db, byte* name, int nArg, int flags, nint app,
        delegate* unmanaged<nint, int, nint*, void> func, delegate* unmanaged<nint, int, nint*, void> step,
        delegate* unmanaged<nint, void> final, delegate* unmanaged<nint, void> destroy);
    [DllImport(Lib)] public static extern int sqlite3_create_collation_v2(nint db, byte* name, int textRep, nint arg,
        delegate* unmanaged<nint, int, byte*, int, byte*, int> compare, delegate* unmanaged<nint, void> destroy);
    [DllImport(Lib)] public static extern nint sqlite3_user_data(nint ctx);
    [DllImport(Lib)] public static extern nint sqlite3_aggregate_context(nint ctx, int nBytes);
    [DllImport(Lib)] public static extern void sqlite3_result_null(nint ctx);
    [DllImport(Lib)] public static extern void sqlite3_result_int64(nint ctx, long v);
    [DllImport(Lib)] public static extern void sqlite3_result_double(nint ctx, double v);
    [DllImport(Lib)] public static extern void sqlite3_result_text(nint ctx, byte* text, int n, nint destructor);
    [DllImport(Lib)] public static extern void sqlite3_result_blob(nint ctx, byte* data, int n, nint destructor);
    [DllImport(Lib)] public static extern void sqlite3_result_error(nint ctx, byte* msg, int n);
    [DllImport(Lib)] public static extern void sqlite3_result_error_toobig(nint ctx);
    [DllImport(Lib)] public static extern void sqlite3_result_error_nomem(nint ctx);
    [DllImport(Lib)] public static extern int sqlite3_value_type(nint value);
    [DllImport(Lib)] public static extern long sqlite3_value_int64(nint value);
    [DllImport(Lib)] public static extern double sqlite3_value_double(nint value);
    [DllImport(Lib)] public static extern byte* sqlite3_value_text(nint value);
    [DllImport(Lib)] public static extern byte* sqlite3_value_blob(nint value);
    [DllImport(Lib)] public static extern int sqlite3_value_bytes(nint value);

    public static string Utf8(nint p) => p == 0 ? "" : Marshal.PtrToStringUTF8(p) ?? "";

    /// <summary>A NUL-terminated UTF-8 copy of `s`.</summary>
    public static byte[] Z(string s)
    {
        var b = new byte[Encoding.UTF8.GetByteCount(s) + 1];
        Encoding.UTF8.GetBytes(s, 0, s.Length, b, 0);
        return b;
    }
}
