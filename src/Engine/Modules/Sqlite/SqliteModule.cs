#nullable enable
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
namespace StacklessIron.Modules.Sqlite;

/// <summary>The `_sqlite3` module under sqlite3/dbapi2.py, over the system's libsqlite3: connect,
/// the DB-API exception classes, adapters (Python value -> SQLite) and converters (declared or
/// column-name types -> Python), complete_statement and the SQLITE_* constants.</summary>
public static class SqliteModule
{
    public const string ModuleName = "sqlite3";
    public const int ParseDeclTypes = 1, ParseColNames = 2;

    public static readonly PyType Warning = NativeErrors.Define(ModuleName, "Warning");
    public static readonly PyType Error = NativeErrors.Define(ModuleName, "Error");
    public static readonly PyType InterfaceError = NativeErrors.Define(ModuleName, "InterfaceError", Error);
    public static readonly PyType DatabaseError = NativeErrors.Define(ModuleName, "DatabaseError", Error);
    public static readonly PyType InternalError = NativeErrors.Define(ModuleName, "InternalError", DatabaseError);
    public static readonly PyType OperationalError = NativeErrors.Define(ModuleName, "OperationalError", DatabaseError);
    public static readonly PyType ProgrammingError = NativeErrors.Define(ModuleName, "ProgrammingError", DatabaseError);
    public static readonly PyType IntegrityError = NativeErrors.Define(ModuleName, "IntegrityError", DatabaseError);
    public static readonly PyType DataError = NativeErrors.Define(ModuleName, "DataError", DatabaseError);
    public static readonly PyType NotSupportedError = NativeErrors.Define(ModuleName, "NotSupportedError", DatabaseError);

    /// <summary>The exception classes a Connection also carries as attributes (con.Error ...).</summary>
    internal static readonly (string Name, PyType Type)[] ExceptionClasses =
    {
        ("Warning", Warning), ("Error", Error), ("InterfaceError", InterfaceError), ("DatabaseError", DatabaseError),
        ("InternalError", InternalError), ("OperationalError", OperationalError), ("ProgrammingError", ProgrammingError),
        ("IntegrityError", IntegrityError), ("DataError", DataError), ("NotSupportedError", NotSupportedError),
    };

    /// <summary>{(type, PrepareProtocol): adapter} and {UPPER NAME: converter}, shared with
    /// the module's `adapters` / `converters` attributes.</summary>
    internal static readonly PyDict Adapters = new(), Converters = new();
    /// <summary>An adapter was registered for int, float, str or bytearray: values of those
    /// exact types must go through adapt() too (CPython's BaseTypeAdapted).</summary>
    internal static bool BaseTypeAdapted;
    internal static bool CallbackTracebacks;

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_sqlite3", null);
        NativeMembers.FillModule(m, typeof(SqliteModule));
        foreach (var (name, type) in ExceptionClasses) m.Set(name, type);
        m.Set("Connection", PySqliteConnection.TypeObject);
        m.Set("Cursor", PySqliteCursor.TypeObject);
        m.Set("Row", PySqliteRow.TypeObject);
        m.Set("PrepareProtocol", PySqlitePrepareProtocol.TypeObject);
        m.Set("adapters", Adapters);
        m.Set("converters", Converters);
        m.Set("PARSE_DECLTYPES", PyInt.From(ParseDeclTypes));
        m.Set("PARSE_COLNAMES", PyInt.From(ParseColNames));
        m.Set("version", new PyStr("2.6.0"));
        m.Set("sqlite_version", new PyStr(SqliteNative.Utf8(SqliteNative.sqlite3_libversion())));
        // the library is built serialized (SQLITE_THREADSAFE=1): DB-API threadsafety 3
        m.Set("threadsafety", PyInt.From(3));
        foreach (var (name, value) in SqliteConstants.All) m.Set(name, PyInt.From(value));
        return m;
    }

    public static void Register() => Importer.NativeModules["_sqlite3"] = Create;

    [PyMethod]
    static PyObject connect(ThreadState ts, [PyKwArgs] PyDict kwargs, params PyObject[] args)
    {
        PyObject factory = PySqliteConnection.TypeObject;
        if (kwargs.GetStr(PyStr.Intern("factory")) is PyObject f)
        {
            factory = f;
            kwargs.Pop(ts, PyStr.Intern("factory"));
        }
        else if (args.Length > 5)
        {
            factory = args[5];
            args = args.AsSpan(0, 5).ToArray();
        }
        return Ops.CallWithDict(ts, factory, args, kwargs);
    }

    [PyMethod]
    static unsafe bool complete_statement(ThreadState ts, [PyKeyword] string statement)
    {
        fixed (byte* p = SqliteNative.Z(statement)) return SqliteNative.sqlite3_complete(p) != 0;
    }

    [PyMethod]
    static void register_adapter(ThreadState ts, PyType type, PyObject caster)
    {
        if (type == PyInt.TypeObject || type == PyFloat.TypeObject || type == TypeObjects.Str || type == PyByteArray.TypeObject)
            BaseTypeAdapted = true;
        Adapters.SetItem(ts, new PyTuple(new PyObject[] { type, PySqlitePrepareProtocol.TypeObject }), caster);
    }

    [PyMethod]
    static void register_converter(ThreadState ts, PyObject name, PyObject converter)
    {
        if (name is not PyStr s) throw PyExc.TypeError($"register_converter() argument 1 must be str, not {name.Type.Name}");
        Converters.SetItem(ts, new PyStr(s.Value.ToUpperInvariant()), converter);
    }

    [PyMethod]
    static PyObject adapt(ThreadState ts, PyObject obj, PyObject? proto = null, PyObject? alt = null)
        => Adapt(ts, obj, proto ?? PySqlitePrepareProtocol.TypeObject, alt);

    /// <summary>The microprotocols lookup: a registered adapter, proto.__adapt__, obj.__conform__,
    /// then `alt` (or ProgrammingError "can't adapt").</summary>
    internal static PyObject Adapt(ThreadState ts, PyObject obj, PyObject proto, PyObject? alt)
    {
        var key = new PyTuple(new PyObject[] { obj.Type, proto });
        if (Adapters.GetItem(ts, key) is PyObject adapter) return Ops.Call(ts, adapter, obj);
        if (Ops.GetAttrOrNull(ts, proto, PyStr.Intern("__adapt__")) is PyObject adaptFn)
        {
            var r = Ops.Call(ts, adaptFn, obj);
            if (r != PyNone.Value) return r;
        }
        if (Ops.GetAttrOrNull(ts, obj, PyStr.Intern("__conform__")) is PyObject conform)
        {
            var r = Ops.Call(ts, conform, proto);
            if (r != PyNone.Value) return r;
        }
        return alt ?? throw PyExc.New(ProgrammingError, "can't adapt");
    }

    [PyMethod] static void enable_callback_tracebacks(ThreadState ts, bool enable) => CallbackTracebacks = enable;

    [PyMethod]
    static void enable_shared_cache(ThreadState ts, [PyKeyword] bool do_enable)
    {
        int rc = sqlite3_enable_shared_cache(do_enable ? 1 : 0);
        if (rc != SqliteNative.OK) throw PyExc.New(OperationalError, "Changing the shared_cache flag failed");
    }

    [DllImport("libsqlite3.so.0")] static extern int sqlite3_enable_shared_cache(int enable);

    /// <summary>The exception for SQLite result code `code` (primary or extended) with the
    /// connection's message, carrying sqlite_errorcode and sqlite_errorname as in 3.11.</summary>
    internal static PyException ErrorFor(int code, string message)
    {
        var type = (code & 0xFF) switch
        {
            SqliteNative.INTERNAL or SqliteNative.NOTFOUND => InternalError,
            SqliteNative.NOMEM => ExceptionTypes.MemoryError,
            SqliteNative.ERROR or SqliteNative.PERM or SqliteNative.ABORT or SqliteNative.BUSY or SqliteNative.LOCKED
                or SqliteNative.READONLY or SqliteNative.INTERRUPT or SqliteNative.IOERR or SqliteNative.FULL
                or SqliteNative.CANTOPEN or SqliteNative.PROTOCOL or SqliteNative.EMPTY or SqliteNative.SCHEMA => OperationalError,
            SqliteNative.CORRUPT => DatabaseError,
            SqliteNative.TOOBIG => DataError,
            SqliteNative.CONSTRAINT or SqliteNative.MISMATCH => IntegrityError,
            SqliteNative.MISUSE or SqliteNative.RANGE => InterfaceError,
            _ => DatabaseError,
        };
        var e = PyExc.New(type, message);
        if (type != ExceptionTypes.MemoryError && e.Value.Dict is PyDict d)
        {
            d.SetStr(PyStr.Intern("sqlite_errorcode"), PyInt.From(code));
            d.SetStr(PyStr.Intern("sqlite_errorname"), new PyStr(ErrorName(code)));
        }
        return e;
    }

    static string ErrorName(int code)
    {
        foreach (var (name, value) in SqliteConstants.ResultCodes)
            if (value == code) return name;
        return "unknown error code";
    }

    /// <summary>An exception raised by a user callback (function, aggregate, collation):
    /// reported through sys.unraisablehook when enable_callback_tracebacks(True) was called.</summary>
    internal static void ReportCallbackError(ThreadState ts, PyBaseException exc, PyObject callable)
    {
        if (CallbackTracebacks) Finalization.ReportUnraisable(ts, exc, callable);
    }

    /// <summary>Strict UTF-8 of a str bound as TEXT (a lone surrogate raises UnicodeEncodeError).</summary>
    internal static byte[] EncodeText(PyStr s)
    {
        try { return new UTF8Encoding(false, true).GetBytes(s.Value); }
        catch (EncoderFallbackException)
        {
            throw PyExc.New(ExceptionTypes.UnicodeEncodeError, new PyStr("utf-8"), s, PyInt.From(0), PyInt.From(s.Value.Length),
                new PyStr("surrogates not allowed"));
        }
    }
}
