#nullable enable
using System;
using System.Collections.Generic;
namespace StacklessIron.Modules.Csv;

/// <summary>The `_csv` module under csv.py: reader and writer factories, the dialect registry,
/// the field size limit, the QUOTE_* constants and csv.Error.</summary>
public static class CsvModule
{
    public static readonly PyType Error = NativeErrors.Define("_csv", "Error");
    static readonly Dictionary<string, PyCsvDialect> s_dialects = new();
    public static long FieldLimit = 128 * 1024;

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_csv", "CSV parsing and writing.");
        NativeMembers.FillModule(m, typeof(CsvModule));
        m.Set("Error", Error);
        m.Set("Dialect", PyCsvDialect.TypeObject);
        m.Set("QUOTE_MINIMAL", PyInt.From(PyCsvDialect.QuoteMinimal));
        m.Set("QUOTE_ALL", PyInt.From(PyCsvDialect.QuoteAll));
        m.Set("QUOTE_NONNUMERIC", PyInt.From(PyCsvDialect.QuoteNonNumeric));
        m.Set("QUOTE_NONE", PyInt.From(PyCsvDialect.QuoteNone));
        m.Set("__version__", new PyStr("1.0"));
        return m;
    }

    public static void Register() => Importer.NativeModules["_csv"] = Create;

    internal static PyException Fail(string message) => PyExc.New(Error, message);

    internal static PyCsvDialect Lookup(PyStr name)
        => s_dialects.TryGetValue(name.Value, out var d) ? d : throw Fail("unknown dialect");

    /// <summary>The dialect for reader()/writer()/register_dialect(): `dialect` (a name, a
    /// Dialect, or an object with the attributes) with the keyword overrides in `kw`.</summary>
    static PyCsvDialect CallDialect(ThreadState ts, PyObject? dialect, PyDict? kw)
    {
        var values = new PyObject?[PyCsvDialect.Names.Length];
        values[0] = dialect;
        if (kw != null)
            foreach (var (k, v) in kw.Items())
            {
                string name = Ops.StrValue(k);
                int at = Array.IndexOf(PyCsvDialect.Names, name);
                if (at < 0) throw PyExc.TypeError($"'{name}' is an invalid keyword argument for this function");
                if (at == 0 && values[0] != null) throw PyExc.TypeError("argument for function given by name ('dialect') and position (1)");
                values[at] = v;
            }
        return PyCsvDialect.Make(ts, PyCsvDialect.TypeObject, values);
    }

    [PyMethod]
    static PyObject reader(ThreadState ts, PyObject csvfile, PyObject? dialect = null, [PyKwArgs] PyDict? kw = null)
    {
        var iter = Ops.GetIter(ts, csvfile);
        return new PyCsvReader(iter, CallDialect(ts, dialect, kw));
    }

    [PyMethod]
    static PyObject writer(ThreadState ts, PyObject fileobj, PyObject? dialect = null, [PyKwArgs] PyDict? kw = null)
    {
        var write = Ops.GetAttrOrNull(ts, fileobj, PyStr.Intern("write"));
        if (write == null || !Ops.IsCallable(write)) throw PyExc.TypeError("argument 1 must have a \"write\" method");
        return new PyCsvWriter(write, CallDialect(ts, dialect, kw));
    }

    [PyMethod]
    static void register_dialect(ThreadState ts, PyObject name, PyObject? dialect = null, [PyKwArgs] PyDict? kw = null)
    {
        if (name is not PyStr s) throw PyExc.TypeError("dialect name must be a string");
        s_dialects[s.Value] = CallDialect(ts, dialect, kw);
    }

    [PyMethod]
    static void unregister_dialect(ThreadState ts, PyObject name)
    {
        if (name is not PyStr s || !s_dialects.Remove(s.Value)) throw Fail("unknown dialect");
    }

    [PyMethod]
    static PyObject get_dialect(ThreadState ts, PyObject name)
    {
        if (name is not PyStr s) throw Fail("unknown dialect");
        return Lookup(s);
    }

    [PyMethod]
    static PyObject list_dialects(ThreadState ts)
    {
        var l = new PyList();
        foreach (var k in s_dialects.Keys) l.Append(new PyStr(k));
        return l;
    }

    [PyMethod]
    static long field_size_limit(ThreadState ts, [PyKeyword] PyObject? new_limit = null)
    {
        long old = FieldLimit;
        if (new_limit != null)
        {
            if (new_limit is not PyInt i) throw PyExc.TypeError("limit must be an integer");
            if (!i.FitsLong) throw PyExc.OverflowError("Python int too large to convert to C long");
            FieldLimit = i.Small;
        }
        return old;
    }
}
