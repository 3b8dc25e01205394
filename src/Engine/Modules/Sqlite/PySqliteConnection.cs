#nullable enable
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
namespace StacklessIron.Modules.Sqlite;

/// <summary>`sqlite3.Connection`: one open database. Transactions follow 3.11's legacy rule:
/// unless isolation_level is None, a BEGIN is issued before an INSERT/UPDATE/DELETE/REPLACE
/// when no transaction is open; commit()/rollback() end it. User functions, aggregates and
/// collations are called back from SQLite on the thread that runs the statement.</summary>
[PyType("Connection")]
public class PySqliteConnection : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("Connection", typeof(PySqliteConnection), module: SqliteModule.ModuleName);

    PyDict? _dict;
    internal nint Db;
    bool _initialized;
    /// <summary>"BEGIN" / "BEGIN IMMEDIATE" ...; null in autocommit mode (isolation_level None).</summary>
    internal string? BeginStatement;
    PyObject _isolationLevel = PyStr.Empty;
    internal int DetectTypes;
    internal PyObject RowFactory = PyNone.Value;
    internal PyObject TextFactory = TypeObjects.Str;
    long _ownerThread;
    bool _checkSameThread;
    /// <summary>The thread state running a statement, for SQLite's callbacks into Python.</summary>
    internal ThreadState? RunningTs;
    /// <summary>Handles SQLite holds to our callback contexts; freed on close.</summary>
    readonly List<GCHandle> _callbackHandles = new();

    public PySqliteConnection(PyType type) : base(type)
    {
        if (type != TypeObject && type.InstanceHasDict) _dict = new PyDict();
    }

    public override PyDict? Dict { get => _dict; set => _dict = value; }

    public static void InitType(PyType t)
    {
        foreach (var (name, type) in SqliteModule.ExceptionClasses) t.Namespace.SetStr(PyStr.Intern(name), type);
    }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PySqliteConnection(cls);

    [PyMethod]
    static unsafe void __init__(ThreadState ts, PySqliteConnection self, [PyKeyword] PyObject database, double timeout = 5.0,
        long detect_types = 0, PyObject? isolation_level = null, bool check_same_thread = true, PyObject? factory = null,
        long cached_statements = 128, bool uri = false)
    {
        var path = Posix.PathArg.FsPath(ts, database, true, out bool bad);
        if (bad) throw PyExc.TypeError($"expected str, bytes or os.PathLike object, not {database.Type.Name}");
        byte[] name = path is PyBytes pb ? [.. pb.Data, 0] : SqliteNative.Z(Ops.StrValue(path));
        if (self.Db != 0) self.Close();
        int flags = SqliteNative.OPEN_READWRITE | SqliteNative.OPEN_CREATE | (uri ? SqliteNative.OPEN_URI : 0);
        int rc;
        nint db;
        fixed (byte* p = name) rc = SqliteNative.sqlite3_open_v2(p, out db, flags, null);
        if (rc != SqliteNative.OK)
        {
            var msg = db != 0 ? SqliteNative.Utf8(SqliteNative.sqlite3_errmsg(db)) : "out of memory";
            if (db != 0) SqliteNative.sqlite3_close_v2(db);
            throw SqliteModule.ErrorFor(rc, msg);
        }
        self.Db = db;
        SqliteNative.sqlite3_busy_timeout(db, (int)Math.Clamp(timeout * 1000, 0, int.MaxValue));
        self.DetectTypes = (int)detect_types;
        self._checkSameThread = check_same_thread;
        self._ownerThread = ts.Ident;
        self._initialized = true;
        self.SetIsolationLevel(ts, isolation_level ?? PyStr.Empty);
    }

    /// <summary>pysqlite_check_thread + pysqlite_check_connection, as every operation does first.</summary>
    internal void CheckUsable(ThreadState ts)
    {
        if (!_initialized) throw PyExc.New(SqliteModule.ProgrammingError, "Base Connection.__init__ not called.");
        CheckThread(ts);
        if (Db == 0) throw PyExc.New(SqliteModule.ProgrammingError, "Cannot operate on a closed database.");
        RunningTs = ts;
    }

    void CheckThread(ThreadState ts)
    {
        if (_checkSameThread && ts.Ident != _ownerThread)
            throw PyExc.New(SqliteModule.ProgrammingError,
                $"SQLite objects created in a thread can only be used in that same thread. The object was created in thread id {_ownerThread} and this is thread id {ts.Ident}.");
    }

    internal PyException LastError() => SqliteModule.ErrorFor(SqliteNative.sqlite3_extended_errcode(Db), SqliteNative.Utf8(SqliteNative.sqlite3_errmsg(Db)));

    internal bool InTransaction => SqliteNative.sqlite3_get_autocommit(Db) == 0;

    /// <summary>Runs one statement that returns no rows (BEGIN, COMMIT, ROLLBACK).</summary>
    internal unsafe void ExecSimple(string sql)
    {
        nint stmt;
        int rc;
        fixed (byte* p = SqliteNative.Z(sql)) rc = SqliteNative.sqlite3_prepare_v2(Db, p, -1, out stmt, out _);
        if (rc != SqliteNative.OK) throw LastError();
        rc = SqliteNative.sqlite3_step(stmt);
        SqliteNative.sqlite3_finalize(stmt);
        if (rc != SqliteNative.DONE && rc != SqliteNative.ROW) throw LastError();
    }

    void SetIsolationLevel(ThreadState ts, PyObject? value)
    {
        if (value == null) throw PyExc.AttributeError("cannot delete attribute");
        if (value == PyNone.Value)
        {
            // autocommit mode: an open transaction is committed now
            if (Db != 0 && InTransaction) ExecSimple("COMMIT");
            BeginStatement = null;
            _isolationLevel = PyNone.Value;
            return;
        }
        if (value is not PyStr s) throw PyExc.TypeError("isolation_level must be str or None");
        string level = s.Value.ToUpperInvariant();
        if (level is not ("" or "DEFERRED" or "IMMEDIATE" or "EXCLUSIVE"))
            throw PyExc.ValueError("isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'");
        BeginStatement = level.Length == 0 ? "BEGIN " : "BEGIN " + level;
        _isolationLevel = value;
    }

    [PyGetter("isolation_level")]
    static PyObject GetIsolationLevel(ThreadState ts, PyObject self)
    {
        var c = (PySqliteConnection)self;
        c.CheckUsable(ts);
        return c._isolationLevel;
    }

    [PySetter("isolation_level")]
    static void SetIsolationLevelAttr(ThreadState ts, PyObject self, PyObject? value)
    {
        var c = (PySqliteConnection)self;
        c.CheckUsable(ts);
        c.SetIsolationLevel(ts, value);
    }

    [PyGetter("in_transaction")]
    static PyObject GetInTransaction(ThreadState ts, PyObject self)
    {
        var c = (PySqliteConnection)self;
        c.CheckUsable(ts);
        return PyBool.From(c.InTransaction);
    }

    [PyGetter("total_changes")]
    static PyObject GetTotalChanges(ThreadState ts, PyObject self)
    {
        var c = (PySqliteConnection)self;
        c.CheckUsable(ts);
        return PyInt.From(SqliteNative.sqlite3_total_changes(c.Db));
    }

    [PyGetter("row_factory")] static PyObject GetRowFactory(ThreadState ts, PyObject self) => ((PySqliteConnection)self).RowFactory;
    [PySetter("row_factory")]
    static void SetRowFactory(ThreadState ts, PyObject self, PyObject? value)
        => ((PySqliteConnection)self).RowFactory = value ?? throw PyExc.AttributeError("cannot delete attribute");

    [PyGetter("text_factory")] static PyObject GetTextFactory(ThreadState ts, PyObject self) => ((PySqliteConnection)self).TextFactory;
    [PySetter("text_factory")]
    static void SetTextFactory(ThreadState ts, PyObject self, PyObject? value)
        => ((PySqliteConnection)self).TextFactory = value ?? throw PyExc.AttributeError("cannot delete attribute");

    [PyMethod]
    static PyObject cursor(ThreadState ts, PySqliteConnection self, [PyKeyword] PyObject? factory = null)
    {
        self.CheckUsable(ts);
        var cur = Ops.Call(ts, factory ?? PySqliteCursor.TypeObject, self);
        if (cur is not PySqliteCursor c) throw PyExc.TypeError($"factory must return a cursor, not {cur.Type.Name}");
        if (self.RowFactory != PyNone.Value) c.RowFactory = self.RowFactory;
        return cur;
    }

    /// <summary>The cursor of Connection.execute and friends: the base cursor() even when a
    /// subclass overrides it, as CPython does.</summary>
    static PyObject NewCursor(ThreadState ts, PySqliteConnection self) => cursor(ts, self);

    [PyMethod]
    static PyObject execute(ThreadState ts, PySqliteConnection self, PyObject sql, PyObject? parameters = null)
    {
        var cur = NewCursor(ts, self);
        return parameters == null ? Ops.CallMethod(ts, cur, "execute", sql) : Ops.CallMethod(ts, cur, "execute", sql, parameters);
    }

    [PyMethod]
    static PyObject executemany(ThreadState ts, PySqliteConnection self, PyObject sql, PyObject parameters)
        => Ops.CallMethod(ts, NewCursor(ts, self), "executemany", sql, parameters);

    [PyMethod]
    static PyObject executescript(ThreadState ts, PySqliteConnection self, PyObject sql_script)
        => Ops.CallMethod(ts, NewCursor(ts, self), "executescript", sql_script);

    [PyMethod]
    static void commit(ThreadState ts, PySqliteConnection self)
    {
        self.CheckUsable(ts);
        if (self.InTransaction) self.ExecSimple("COMMIT");
    }

    [PyMethod]
    static void rollback(ThreadState ts, PySqliteConnection self)
    {
        self.CheckUsable(ts);
        if (self.InTransaction) self.ExecSimple("ROLLBACK");
    }

    [PyMethod]
    static void close(ThreadState ts, PySqliteConnection self)
    {
        if (!self._initialized) throw PyExc.New(SqliteModule.ProgrammingError, "Base Connection.__init__ not called.");
        self.CheckThread(ts);
        self.Close();
    }

    void Close()
    {
        if (Db != 0)
        {
            // close_v2: statements of open cursors are finalized when those cursors let go of them
            SqliteNative.sqlite3_close_v2(Db);
            Db = 0;
        }
        foreach (var h in _callbackHandles) h.Free();
        _callbackHandles.Clear();
    }

    [PyMethod]
    static void interrupt(ThreadState ts, PySqliteConnection self)
    {
        if (self.Db == 0) throw PyExc.New(SqliteModule.ProgrammingError, "Cannot operate on a closed database.");
        SqliteNative.sqlite3_interrupt(self.Db);
    }

    [PyMethod]
    static PyObject __enter__(ThreadState ts, PySqliteConnection self)
    {
        self.CheckUsable(ts);
        return self;
    }

    [PyMethod]
    static bool __exit__(ThreadState ts, PySqliteConnection self, PyObject type, PyObject value, PyObject traceback)
    {
        self.CheckUsable(ts);
        if (self.InTransaction) self.ExecSimple(type == PyNone.Value ? "COMMIT" : "ROLLBACK");
        return false;
    }

    [PyMethod]
    static PyObject iterdump(ThreadState ts, PySqliteConnection self)
    {
        self.CheckUsable(ts);
        var dump = Importer.ImportModule(ts, "sqlite3.dump");
        return Ops.Call(ts, Ops.GetAttr(ts, dump, PyStr.Intern("_iterdump")), self);
    }

    [PyMethod]
    static long getlimit(ThreadState ts, PySqliteConnection self, long category)
    {
        self.CheckUsable(ts);
        return Limit(self, category, -1);
    }

    [PyMethod]
    static long setlimit(ThreadState ts, PySqliteConnection self, long category, long limit)
    {
        self.CheckUsable(ts);
        return Limit(self, category, (int)Math.Clamp(limit, int.MinValue, int.MaxValue));
    }

    static long Limit(PySqliteConnection c, long category, int value)
    {
        // SQLITE_LIMIT_LENGTH .. SQLITE_LIMIT_WORKER_THREADS
        if (category < 0 || category > 11) throw PyExc.New(SqliteModule.ProgrammingError, "'category' is out of bounds");
        return SqliteNative.sqlite3_limit(c.Db, (int)category, value);
    }

    // ---------------- user functions, aggregates, collations ----------------

    internal sealed class CallbackContext
    {
        public required PySqliteConnection Connection;
        public required PyObject Callable;
    }

    nint Keep(PyObject callable)
    {
        var h = GCHandle.Alloc(new CallbackContext { Connection = this, Callable = callable });
        _callbackHandles.Add(h);
        return GCHandle.ToIntPtr(h);
    }

    [PyMethod]
    static unsafe void create_function(ThreadState ts, PySqliteConnection self, [PyKeyword] PyObject name, long narg, PyObject func, [PyKwOnly] bool deterministic = false)
    {
        self.CheckUsable(ts);
        if (name is not PyStr ns) throw PyExc.TypeError($"create_function() argument 'name' must be str, not {name.Type.Name}");
        int flags = SqliteNative.UTF8 | (deterministic ? SqliteNative.DETERMINISTIC : 0);
        int rc;
        fixed (byte* p = SqliteNative.Z(ns.Value))
            rc = func == PyNone.Value
                ? SqliteNative.sqlite3_create_function_v2(self.Db, p, (int)narg, flags, 0, null, null, null, null)
                : SqliteNative.sqlite3_create_function_v2(self.Db, p, (int)narg, flags, self.Keep(func), &SqliteCallbacks.Function, null, null, null);
        if (rc != SqliteNative.OK) throw PyExc.New(SqliteModule.OperationalError, "Error creating function");
    }

    [PyMethod]
    static unsafe void create_aggregate(ThreadState ts, PySqliteConnection self, [PyKeyword] PyObject name, long n_arg, PyObject aggregate_class)
    {
        self.CheckUsable(ts);
        if (name is not PyStr ns) throw PyExc.TypeError($"create_aggregate() argument 'name' must be str, not {name.Type.Name}");
        int rc;
        fixed (byte* p = SqliteNative.Z(ns.Value))
            rc = aggregate_class == PyNone.Value
                ? SqliteNative.sqlite3_create_function_v2(self.Db, p, (int)n_arg, SqliteNative.UTF8, 0, null, null, null, null)
                : SqliteNative.sqlite3_create_function_v2(self.Db, p, (int)n_arg, SqliteNative.UTF8, self.Keep(aggregate_class), null,
                    &SqliteCallbacks.AggregateStep, &SqliteCallbacks.AggregateFinal, null);
        if (rc != SqliteNative.OK) throw PyExc.New(SqliteModule.OperationalError, "Error creating aggregate");
    }

    [PyMethod]
    static unsafe void create_collation(ThreadState ts, PySqliteConnection self, PyObject name, PyObject callable)
    {
        self.CheckUsable(ts);
        if (name is not PyStr ns) throw PyExc.TypeError($"create_collation() argument 1 must be str, not {name.Type.Name}");
        if (callable != PyNone.Value && !Ops.IsCallable(callable)) throw PyExc.TypeError("parameter must be callable");
        int rc;
        fixed (byte* p = SqliteNative.Z(ns.Value))
            rc = callable == PyNone.Value
                ? SqliteNative.sqlite3_create_collation_v2(self.Db, p, SqliteNative.UTF8, 0, null, null)
                : SqliteNative.sqlite3_create_collation_v2(self.Db, p, SqliteNative.UTF8, self.Keep(callable), &SqliteCallbacks.Collation, null);
        if (rc != SqliteNative.OK) throw self.LastError();
    }
}
