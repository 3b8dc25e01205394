#nullable enable
using System;
using System.Collections.Generic;
using System.Text;
namespace StacklessIron.Modules.Sqlite;

/// <summary>`sqlite3.Cursor`: runs one statement at a time and hands out its rows. After
/// execute() the statement has been stepped once; a pending row stays in SQLite until fetched,
/// and fetching steps to the next one.</summary>
[PyType("Cursor")]
public class PySqliteCursor : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("Cursor", typeof(PySqliteCursor), module: SqliteModule.ModuleName);

    PyDict? _dict;
    PySqliteConnection? _connection;
    nint _stmt;
    bool _hasRow;
    bool _closed;
    bool _locked;
    PyObject _description = PyNone.Value;
    /// <summary>Per column: the converter chosen by detect_types, or null.</summary>
    PyObject?[]? _converters;
    long _rowCount = -1;
    PyObject _lastRowId = PyNone.Value;
    long _arraySize = 1;
    internal PyObject RowFactory = PyNone.Value;

    public PySqliteCursor(PyType type) : base(type)
    {
        if (type != TypeObject && type.InstanceHasDict) _dict = new PyDict();
    }

    public override PyDict? Dict { get => _dict; set => _dict = value; }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PySqliteCursor(cls);

    [PyMethod]
    static void __init__(ThreadState ts, PySqliteCursor self, PyObject connection)
    {
        if (connection is not PySqliteConnection c)
            throw PyExc.TypeError($"Cursor() argument 1 must be sqlite3.Connection, not {connection.Type.Name}");
        self._connection = c;
    }

    /// <summary>check_cursor: initialised, open, not re-entered, and its connection usable.</summary>
    PySqliteConnection Check(ThreadState ts)
    {
        if (_connection == null) throw PyExc.New(SqliteModule.ProgrammingError, "Base Cursor.__init__ not called.");
        if (_closed) throw PyExc.New(SqliteModule.ProgrammingError, "Cannot operate on a closed cursor.");
        if (_locked) throw PyExc.New(SqliteModule.ProgrammingError, "Recursive use of cursors not allowed.");
        _connection.CheckUsable(ts);
        return _connection;
    }

    void ReleaseStatement()
    {
        if (_stmt != 0) SqliteNative.sqlite3_finalize(_stmt);
        _stmt = 0;
        _hasRow = false;
    }

    [PyMethod]
    static PyObject execute(ThreadState ts, PySqliteCursor self, PyObject sql, PyObject? parameters = null)
    {
        if (sql is not PyStr s) throw PyExc.TypeError($"execute() argument 1 must be str, not {sql.Type.Name}");
        self.Execute(ts, s, parameters, multiple: false, "execute");
        return self;
    }

    [PyMethod]
    static PyObject executemany(ThreadState ts, PySqliteCursor self, PyObject sql, PyObject seq_of_parameters)
    {
        if (sql is not PyStr s) throw PyExc.TypeError($"executemany() argument 1 must be str, not {sql.Type.Name}");
        self.Execute(ts, s, seq_of_parameters, multiple: true, "executemany");
        return self;
    }

    unsafe void Execute(ThreadState ts, PyStr sql, PyObject? parameters, bool multiple, string what)
    {
        var conn = Check(ts);
        ReleaseStatement();
        _description = PyNone.Value;
        _converters = null;
        _rowCount = -1;
        if (sql.Value.Contains('\0')) throw PyExc.New(SqliteModule.ProgrammingError, "the query contains a null character");
        var utf8 = SqliteModule.EncodeText(sql);
        if (utf8.Length >= SqliteNative.sqlite3_limit(conn.Db, 1 /* SQLITE_LIMIT_SQL_LENGTH */, -1))
            throw PyExc.New(SqliteModule.DataError, "query string is too large");
        nint stmt;
        int rc;
        byte* tail;
        var z = new byte[utf8.Length + 1];
        utf8.CopyTo(z, 0);
        fixed (byte* p = z)
        {
            rc = SqliteNative.sqlite3_prepare_v2(conn.Db, p, z.Length, out stmt, out tail);
            if (rc != SqliteNative.OK) throw conn.LastError();
            if (HasMoreStatements(tail, p + utf8.Length))
            {
                SqliteNative.sqlite3_finalize(stmt);
                throw PyExc.New(SqliteModule.ProgrammingError, "You can only execute one statement at a time.");
            }
        }
        // only whitespace and comments: nothing to run
        if (stmt == 0) return;
        _stmt = stmt;
        bool isDml = IsDml(sql.Value);
        if (multiple && SqliteNative.sqlite3_stmt_readonly(stmt) != 0)
        {
            ReleaseStatement();
            throw PyExc.New(SqliteModule.ProgrammingError, "executemany() can only execute DML statements.");
        }
        _locked = true;
        try
        {
            IEnumerable<PyObject?> sets = multiple ? ParameterSets(ts, parameters!) : new[] { parameters };
            long changes = 0;
            foreach (var ps in sets)
            {
                if (conn.BeginStatement != null && isDml && !conn.InTransaction) conn.ExecSimple(conn.BeginStatement);
                SqliteNative.sqlite3_reset(stmt);
                SqliteNative.sqlite3_clear_bindings(stmt);
                Bind(ts, stmt, ps);
                rc = SqliteNative.sqlite3_step(stmt);
                if (rc != SqliteNative.ROW && rc != SqliteNative.DONE)
                {
                    var err = conn.LastError();
                    ReleaseStatement();
                    throw err;
                }
                if (_description == PyNone.Value) BuildDescription(ts, conn);
                if (isDml) changes += SqliteNative.sqlite3_changes(conn.Db);
                _hasRow = rc == SqliteNative.ROW;
            }
            _rowCount = isDml ? changes : -1;
            if (!multiple) _lastRowId = PyInt.From(SqliteNative.sqlite3_last_insert_rowid(conn.Db));
            if (!_hasRow) ReleaseStatement();
        }
        finally { _locked = false; }
    }

    static IEnumerable<PyObject?> ParameterSets(ThreadState ts, PyObject seq)
    {
        var it = Ops.GetIter(ts, seq);
        while (Ops.Next(ts, it) is PyObject ps) yield return ps;
    }

    /// <summary>Whether text after the first statement holds more than whitespace, comments and ';'.</summary>
    static unsafe bool HasMoreStatements(byte* p, byte* end)
    {
        while (p < end)
        {
            byte c = *p;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == ';') { p++; continue; }
            if (c == '-' && p + 1 < end && p[1] == '-')
            {
                while (p < end && *p != '\n') p++;
                continue;
            }
            if (c == '/' && p + 1 < end && p[1] == '*')
            {
                p += 2;
                while (p + 1 < end && !(p[0] == '*' && p[1] == '/')) p++;
                if (p + 1 >= end) return false;
                p += 2;
                continue;
            }
            return true;
        }
        return false;
    }

    /// <summary>INSERT, UPDATE, DELETE or REPLACE as the first keyword (after whitespace and comments).</summary>
    static bool IsDml(string sql)
    {
        int i = 0;
        while (i < sql.Length)
        {
            char c = sql[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                while (i < sql.Length && sql[i] != '\n') i++;
                continue;
            }
            if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                int close = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (close < 0) return false;
                i = close + 2;
                continue;
            }
            break;
        }
        foreach (var kw in new[] { "INSERT", "UPDATE", "DELETE", "REPLACE" })
            if (string.Compare(sql, i, kw, 0, kw.Length, StringComparison.OrdinalIgnoreCase) == 0) return true;
        return false;
    }

    void BuildDescription(ThreadState ts, PySqliteConnection conn)
    {
        int n = SqliteNative.sqlite3_column_count(_stmt);
        if (n == 0) return;
        var cols = new PyObject[n];
        PyObject?[]? converters = conn.DetectTypes != 0 ? new PyObject?[n] : null;
        for (int i = 0; i < n; i++)
        {
            string name = SqliteNative.Utf8(SqliteNative.sqlite3_column_name(_stmt, i));
            if ((conn.DetectTypes & SqliteModule.ParseColNames) != 0)
            {
                int open = name.IndexOf('[');
                if (open >= 0)
                {
                    int close = name.IndexOf(']', open + 1);
                    if (close > open) converters![i] = Converter(ts, name.Substring(open + 1, close - open - 1));
                    name = name.Substring(0, open > 0 && name[open - 1] == ' ' ? open - 1 : open);
                }
            }
            if (converters != null && converters[i] == null && (conn.DetectTypes & SqliteModule.ParseDeclTypes) != 0)
            {
                string decl = SqliteNative.Utf8(SqliteNative.sqlite3_column_decltype(_stmt, i));
                int stop = decl.IndexOfAny(new[] { ' ', '(' });
                if (stop >= 0) decl = decl.Substring(0, stop);
                if (decl.Length > 0) converters[i] = Converter(ts, decl);
            }
            var none = PyNone.Value;
            cols[i] = new PyTuple(new PyObject[] { new PyStr(name), none, none, none, none, none, none });
        }
        _description = new PyTuple(cols);
        _converters = converters;
    }

    static PyObject? Converter(ThreadState ts, string typeName)
        => SqliteModule.Converters.GetItem(ts, new PyStr(typeName.ToUpperInvariant()));

    // ---------------- binding ----------------

    unsafe void Bind(ThreadState ts, nint stmt, PyObject? parameters)
    {
        int needed = SqliteNative.sqlite3_bind_parameter_count(stmt);
        if (parameters == null) parameters = PyTuple.Empty;
        if (parameters is PyDict || (parameters is not PyTuple && parameters is not PyList && parameters.Type.Lookup("keys") != null && parameters.Type.Lookup("__getitem__") != null))
        {
            for (int i = 1; i <= needed; i++)
            {
                nint np = SqliteNative.sqlite3_bind_parameter_name(stmt, i);
                if (np == 0)
                    throw PyExc.New(SqliteModule.ProgrammingError, $"Binding {i} has no name, but you supplied a dictionary (which has only names).");
                string name = SqliteNative.Utf8(np).Substring(1);
                PyObject value;
                try { value = Ops.GetItem(ts, parameters, new PyStr(name)); }
                catch (PyException e) when (e.Value.Type.IsSubtypeOf(ExceptionTypes.KeyError))
                {
                    throw PyExc.New(SqliteModule.ProgrammingError, $"You did not supply a value for binding parameter :{name}.");
                }
                BindValue(ts, stmt, i, value, ":" + name);
            }
            return;
        }
        if (parameters is PyTuple || parameters is PyList || (parameters is not PyDict && parameters.Type.Lookup("__getitem__") != null && parameters.Type.Lookup("__len__") != null))
        {
            long given = Ops.Len(ts, parameters);
            if (given != needed)
                throw PyExc.New(SqliteModule.ProgrammingError, $"Incorrect number of bindings supplied. The current statement uses {needed}, and there are {given} supplied.");
            for (int i = 0; i < needed; i++)
                BindValue(ts, stmt, i + 1, Ops.GetItem(ts, parameters, PyInt.From(i)), (i + 1).ToString());
            return;
        }
        throw PyExc.New(SqliteModule.ProgrammingError, "parameters are of unsupported type");
    }

    static unsafe void BindValue(ThreadState ts, nint stmt, int index, PyObject value, string label)
    {
        bool plain = value.Type == PyInt.TypeObject || value.Type == PyFloat.TypeObject || value.Type == TypeObjects.Str || value.Type == PyByteArray.TypeObject;
        if (!plain || SqliteModule.BaseTypeAdapted)
            value = SqliteModule.Adapt(ts, value, PySqlitePrepareProtocol.TypeObject, value);
        int rc;
        switch (value)
        {
            case PyNone: rc = SqliteNative.sqlite3_bind_null(stmt, index); break;
            case PyInt i:
                if (!i.FitsLong) throw PyExc.OverflowError("Python int too large to convert to SQLite INTEGER");
                rc = SqliteNative.sqlite3_bind_int64(stmt, index, i.Small);
                break;
            case PyFloat f: rc = SqliteNative.sqlite3_bind_double(stmt, index, f.Value); break;
            case PyStr s:
            {
                var b = SqliteModule.EncodeText(s);
                fixed (byte* p = b) rc = SqliteNative.sqlite3_bind_text(stmt, index, p, b.Length, SqliteNative.Transient);
                break;
            }
            case var _ when PyBytes.TryGetBuffer(value, out var mem):
            {
                var span = mem.Span;
                // a zero-length blob still needs a non-null pointer, or SQLite binds NULL
                byte dummy = 0;
                fixed (byte* p = span) rc = SqliteNative.sqlite3_bind_blob(stmt, index, span.Length == 0 ? &dummy : p, span.Length, SqliteNative.Transient);
                break;
            }
            default:
                throw PyExc.New(SqliteModule.ProgrammingError, $"Error binding parameter {label}: type '{value.Type.Name}' is not supported");
        }
        if (rc != SqliteNative.OK)
            throw PyExc.New(SqliteModule.InterfaceError, $"Error binding parameter {label} - probably unsupported type.");
    }

    // ---------------- rows ----------------

    /// <summary>The pending row (converted, through row_factory), stepping to the next; null when done.</summary>
    unsafe PyObject? NextRow(ThreadState ts)
    {
        var conn = Check(ts);
        if (!_hasRow) return null;
        int n = SqliteNative.sqlite3_column_count(_stmt);
        var values = new PyObject[n];
        _locked = true;
        try
        {
            for (int i = 0; i < n; i++) values[i] = ColumnValue(ts, conn, i);
        }
        finally { _locked = false; }
        int rc = SqliteNative.sqlite3_step(_stmt);
        if (rc == SqliteNative.DONE) ReleaseStatement();
        else if (rc != SqliteNative.ROW)
        {
            var err = conn.LastError();
            ReleaseStatement();
            throw err;
        }
        PyObject row = new PyTuple(values);
        if (RowFactory != PyNone.Value) row = Ops.Call(ts, RowFactory, this, row);
        return row;
    }

    unsafe PyObject ColumnValue(ThreadState ts, PySqliteConnection conn, int i)
    {
        int type = SqliteNative.sqlite3_column_type(_stmt, i);
        var converter = _converters?[i];
        if (converter != null)
        {
            if (type == SqliteNative.NULL) return PyNone.Value;
            var p = SqliteNative.sqlite3_column_blob(_stmt, i);
            int nb = SqliteNative.sqlite3_column_bytes(_stmt, i);
            return Ops.Call(ts, converter, new PyBytes(new ReadOnlySpan<byte>(p, nb).ToArray()));
        }
        switch (type)
        {
            case SqliteNative.NULL: return PyNone.Value;
            case SqliteNative.INTEGER: return PyInt.From(SqliteNative.sqlite3_column_int64(_stmt, i));
            case SqliteNative.FLOAT: return new PyFloat(SqliteNative.sqlite3_column_double(_stmt, i));
            case SqliteNative.TEXT:
            {
                var p = SqliteNative.sqlite3_column_text(_stmt, i);
                int nb = SqliteNative.sqlite3_column_bytes(_stmt, i);
                var bytes = new ReadOnlySpan<byte>(p, nb);
                var tf = conn.TextFactory;
                if (tf == TypeObjects.Str)
                {
                    try { return new PyStr(new UTF8Encoding(false, true).GetString(bytes)); }
                    catch (DecoderFallbackException)
                    {
                        string col = SqliteNative.Utf8(SqliteNative.sqlite3_column_name(_stmt, i));
                        string text = Encoding.UTF8.GetString(bytes);
                        throw PyExc.New(SqliteModule.OperationalError, $"Could not decode to UTF-8 column '{col}' with text '{text}'");
                    }
                }
                var raw = new PyBytes(bytes.ToArray());
                return tf == PyBytes.TypeObject ? raw : Ops.Call(ts, tf, raw);
            }
            default:
            {
                var p = SqliteNative.sqlite3_column_blob(_stmt, i);
                int nb = SqliteNative.sqlite3_column_bytes(_stmt, i);
                return new PyBytes(new ReadOnlySpan<byte>(p, nb).ToArray());
            }
        }
    }

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;

    [PySlot("__next__")] static PyObject? Next(ThreadState ts, PyObject self) => ((PySqliteCursor)self).NextRow(ts);

    [PyMethod] static PyObject fetchone(ThreadState ts, PySqliteCursor self) => self.NextRow(ts) ?? PyNone.Value;

    [PyMethod]
    static PyObject fetchmany(ThreadState ts, PySqliteCursor self, [PyKeyword] long size = -1)
    {
        if (size < 0) size = self._arraySize;
        var list = new PyList();
        while (size-- > 0 && self.NextRow(ts) is PyObject row) list.Append(row);
        return list;
    }

    [PyMethod]
    static PyObject fetchall(ThreadState ts, PySqliteCursor self)
    {
        var list = new PyList();
        while (self.NextRow(ts) is PyObject row) list.Append(row);
        return list;
    }

    [PyMethod]
    static unsafe PyObject executescript(ThreadState ts, PySqliteCursor self, PyObject sql_script)
    {
        if (sql_script is not PyStr s) throw PyExc.TypeError($"executescript() argument must be str, not {sql_script.Type.Name}");
        var conn = self.Check(ts);
        self.ReleaseStatement();
        if (s.Value.Contains('\0')) throw PyExc.ValueError("embedded null character");
        // a pending transaction is committed first
        if (conn.InTransaction) conn.ExecSimple("COMMIT");
        var utf8 = SqliteModule.EncodeText(s);
        var z = new byte[utf8.Length + 1];
        utf8.CopyTo(z, 0);
        fixed (byte* start = z)
        {
            byte* p = start, end = start + utf8.Length;
            while (p < end)
            {
                int rc = SqliteNative.sqlite3_prepare_v2(conn.Db, p, (int)(end - p) + 1, out nint stmt, out byte* tail);
                if (rc != SqliteNative.OK) throw conn.LastError();
                if (stmt != 0)
                {
                    do rc = SqliteNative.sqlite3_step(stmt); while (rc == SqliteNative.ROW);
                    SqliteNative.sqlite3_finalize(stmt);
                    if (rc != SqliteNative.DONE) throw conn.LastError();
                }
                if (tail == p) break;
                p = tail;
            }
        }
        return self;
    }

    [PyMethod]
    static void close(ThreadState ts, PySqliteCursor self)
    {
        if (self._connection == null) throw PyExc.New(SqliteModule.ProgrammingError, "Base Cursor.__init__ not called.");
        self.ReleaseStatement();
        self._closed = true;
    }

    [PyMethod] static void setinputsizes(ThreadState ts, PySqliteCursor self, PyObject sizes) { }
    [PyMethod] static void setoutputsize(ThreadState ts, PySqliteCursor self, PyObject size, PyObject? column = null) { }

    [PyGetter("description")] static PyObject GetDescription(ThreadState ts, PyObject self) => ((PySqliteCursor)self)._description;
    [PyGetter("rowcount")] static PyObject GetRowCount(ThreadState ts, PyObject self) => PyInt.From(((PySqliteCursor)self)._rowCount);
    [PyGetter("lastrowid")] static PyObject GetLastRowId(ThreadState ts, PyObject self) => ((PySqliteCursor)self)._lastRowId;
    [PyGetter("connection")] static PyObject GetConnection(ThreadState ts, PyObject self) => (PyObject?)((PySqliteCursor)self)._connection ?? PyNone.Value;
    [PyGetter("arraysize")] static PyObject GetArraySize(ThreadState ts, PyObject self) => PyInt.From(((PySqliteCursor)self)._arraySize);
    [PySetter("arraysize")]
    static void SetArraySize(ThreadState ts, PyObject self, PyObject? value)
    {
        if (value is not PyInt i) throw PyExc.TypeError("an integer is required");
        ((PySqliteCursor)self)._arraySize = i.ToLongChecked();
    }
    [PyGetter("row_factory")] static PyObject GetRowFactory(ThreadState ts, PyObject self) => ((PySqliteCursor)self).RowFactory;
    [PySetter("row_factory")]
    static void SetRowFactory(ThreadState ts, PyObject self, PyObject? value)
        => ((PySqliteCursor)self).RowFactory = value ?? throw PyExc.AttributeError("cannot delete attribute");

    ~PySqliteCursor()
    {
        // a dropped cursor lets go of its statement (SQLite allows finalizing on any thread)
        if (_stmt != 0) SqliteNative.sqlite3_finalize(_stmt);
    }
}
