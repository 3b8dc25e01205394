#nullable enable
using System;
using System.Text;
namespace StacklessIron.Modules.Csv;

/// <summary>`_csv.writer` objects: format rows as delimited lines and pass each to the file's
/// write(), quoting and escaping fields as the dialect says (CPython's _csv.c rules).</summary>
[PyType("writer")]
public sealed class PyCsvWriter : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("writer", typeof(PyCsvWriter), subclassable: false, module: "_csv");

    readonly PyObject _write;
    readonly PyCsvDialect _dialect;
    readonly StringBuilder _rec = new();
    int _numFields;

    internal PyCsvWriter(PyObject write, PyCsvDialect dialect) : base(TypeObject) { _write = write; _dialect = dialect; }

    [PyGetter("dialect")] static PyObject GetDialect(ThreadState ts, PyObject self) => ((PyCsvWriter)self)._dialect;

    static void AppendChar(StringBuilder sb, int c)
    {
        if (c < 0x10000) sb.Append((char)c); else sb.Append(char.ConvertFromUtf32(c));
    }

    /// <summary>Whether a field must be quoted, then the field itself, as CPython's two passes
    /// over join_append_data (the first decides the quoting, the second copies).</summary>
    void AppendField(string field, bool quoted)
    {
        var d = _dialect;
        for (int pass = 0; pass < 2; pass++)
        {
            bool copy = pass == 1;
            var sb = copy ? _rec : null;
            if (copy && _numFields > 0) AppendChar(_rec, d.Delimiter);
            if (copy && quoted) AppendChar(_rec, d.QuoteChar);
            for (int i = 0; i < field.Length; i++)
            {
                int c = field[i];
                if (char.IsHighSurrogate(field[i]) && i + 1 < field.Length && char.IsLowSurrogate(field[i + 1]))
                    c = char.ConvertToUtf32(field[i], field[++i]);
                bool wantEscape = false;
                if (c == d.Delimiter || c == d.EscapeChar || c == d.QuoteChar || (c < 0x10000 && d.LineTerminator!.IndexOf((char)c) >= 0))
                {
                    if (d.Quoting == PyCsvDialect.QuoteNone) wantEscape = true;
                    else
                    {
                        if (c == d.QuoteChar)
                        {
                            if (d.DoubleQuote) { if (copy) AppendChar(_rec, d.QuoteChar); }
                            else wantEscape = true;
                        }
                        else if (c == d.EscapeChar) wantEscape = true;
                        if (!wantEscape) quoted = true;
                    }
                    if (wantEscape)
                    {
                        if (d.EscapeChar == PyCsvDialect.NotSet) throw CsvModule.Fail("need to escape, but no escapechar set");
                        if (copy) AppendChar(_rec, d.EscapeChar);
                    }
                }
                if (copy) AppendChar(_rec, c);
            }
            if (copy && quoted) AppendChar(_rec, d.QuoteChar);
        }
        _numFields++;
    }

    static bool IsNumber(PyObject o) => o is PyInt || o is PyFloat || o is PyComplex
        || o.Type.Lookup("__index__") != null || o.Type.Lookup("__int__") != null || o.Type.Lookup("__float__") != null;

    [PyMethod]
    static PyObject writerow(ThreadState ts, PyCsvWriter self, PyObject row)
    {
        var d = self._dialect;
        PyObject iter;
        try { iter = Ops.GetIter(ts, row); }
        catch (PyException e) when (e.Matches(ExceptionTypes.TypeError)) { throw CsvModule.Fail($"iterable expected, not {row.Type.Name}"); }
        self._rec.Clear();
        self._numFields = 0;
        PyObject? field;
        while ((field = Ops.Next(ts, iter)) != null)
        {
            bool quoted = d.Quoting switch
            {
                PyCsvDialect.QuoteNonNumeric => !IsNumber(field),
                PyCsvDialect.QuoteAll => true,
                _ => false,
            };
            string text = field is PyStr s ? s.Value : field == PyNone.Value ? "" : Ops.StrString(ts, field);
            self.AppendField(text, quoted);
        }
        if (self._numFields > 0 && self._rec.Length == 0)
        {
            // One empty field alone would read back as an empty record: quote it.
            if (d.Quoting == PyCsvDialect.QuoteNone) throw CsvModule.Fail("single empty field record must be quoted");
            self._numFields--;
            self.AppendField("", true);
        }
        self._rec.Append(d.LineTerminator);
        return Ops.Call(ts, self._write, new PyStr(self._rec.ToString()));
    }

    [PyMethod]
    static void writerows(ThreadState ts, PyCsvWriter self, PyObject rows)
    {
        foreach (var row in Ops.Iterate(ts, rows)) writerow(ts, self, row);
    }
}
