#nullable enable
using System;
using System.Collections.Generic;
namespace StacklessIron.Modules.Csv;

/// <summary>`_csv.Dialect`: a validated, immutable set of formatting parameters. Built from a
/// registered name, any object with the attributes (csv.py's Dialect classes) and keyword
/// overrides, with CPython 3.11's checks and messages. Characters are code points; -1 = not set.</summary>
[PyType("Dialect")]
public class PyCsvDialect : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("Dialect", typeof(PyCsvDialect), module: "_csv");
    public const int QuoteMinimal = 0, QuoteAll = 1, QuoteNonNumeric = 2, QuoteNone = 3;
    public const int NotSet = -1;

    public int Delimiter = ',', QuoteChar = '"', EscapeChar = NotSet, Quoting = QuoteMinimal;
    public bool DoubleQuote = true, SkipInitialSpace, Strict;
    public string? LineTerminator = "\r\n";

    PyDict? _dict;

    public PyCsvDialect(PyType type) : base(type)
    {
        if (type != TypeObject && type.InstanceHasDict) _dict = new PyDict();
    }

    public override PyDict? Dict { get => _dict; set => _dict = value; }

    internal static readonly string[] Names =
        { "dialect", "delimiter", "doublequote", "escapechar", "lineterminator", "quotechar", "quoting", "skipinitialspace", "strict" };

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        int nkw = kwnames?.Items.Length ?? 0, npos = args.Length - nkw;
        if (npos > Names.Length) throw PyExc.TypeError($"function takes at most {Names.Length} arguments ({npos} given)");
        var values = new PyObject?[Names.Length];
        for (int i = 0; i < npos; i++) values[i] = args[i];
        for (int k = 0; k < nkw; k++)
        {
            string name = ((PyStr)kwnames!.Items[k]).Value;
            int at = Array.IndexOf(Names, name);
            if (at < 0) throw PyExc.TypeError($"'{name}' is an invalid keyword argument for this function");
            if (values[at] != null) throw PyExc.TypeError($"argument for function given by name ('{name}') and position ({at + 1})");
            values[at] = args[npos + k];
        }
        return Make(ts, cls, values);
    }

    /// <summary>A dialect from `values` (indexed as Names; null = not given).</summary>
    internal static PyCsvDialect Make(ThreadState ts, PyType cls, PyObject?[] values)
    {
        var dialect = values[0];
        if (dialect is PyStr name) dialect = CsvModule.Lookup(name);
        bool overrides = false;
        for (int i = 1; i < values.Length; i++) overrides |= values[i] != null;
        // A ready dialect with nothing to change is shared, as CPython does.
        if (dialect is PyCsvDialect ready && ready.Type == TypeObject && cls == TypeObject && !overrides) return ready;
        PyObject? Get(int i)
        {
            if (values[i] != null) return values[i];
            return dialect == null ? null : Ops.GetAttrOrNull(ts, dialect, PyStr.Intern(Names[i]));
        }
        var d = new PyCsvDialect(cls);
        var delimiter = Get(1); var doublequote = Get(2); var escapechar = Get(3); var lineterminator = Get(4);
        var quotechar = Get(5); var quoting = Get(6); var skipinitialspace = Get(7); var strict = Get(8);
        d.Delimiter = delimiter == null ? ',' : Char(delimiter, "delimiter", allowNone: false);
        d.DoubleQuote = doublequote == null || Ops.IsTrue(ts, doublequote);
        d.EscapeChar = escapechar == null ? NotSet : Char(escapechar, "escapechar", allowNone: true);
        if (lineterminator == PyNone.Value) d.LineTerminator = null;
        else if (lineterminator != null)
        {
            if (lineterminator is not PyStr lt) throw PyExc.TypeError("\"lineterminator\" must be a string");
            d.LineTerminator = lt.Value;
        }
        d.QuoteChar = quotechar == null ? '"' : Char(quotechar, "quotechar", allowNone: true);
        if (quoting != null)
        {
            if (quoting is not PyInt qi || quoting.Type != PyInt.TypeObject) throw PyExc.TypeError("\"quoting\" must be an integer");
            d.Quoting = qi.FitsLong && qi.Small >= int.MinValue && qi.Small <= int.MaxValue ? (int)qi.Small : int.MaxValue;
        }
        d.SkipInitialSpace = skipinitialspace != null && Ops.IsTrue(ts, skipinitialspace);
        d.Strict = strict != null && Ops.IsTrue(ts, strict);
        if (d.Quoting < QuoteMinimal || d.Quoting > QuoteNone) throw PyExc.TypeError("bad \"quoting\" value");
        if (quotechar == PyNone.Value && quoting == null) d.Quoting = QuoteNone;
        if (d.Quoting != QuoteNone && d.QuoteChar == NotSet) throw PyExc.TypeError("quotechar must be set if quoting enabled");
        if (d.LineTerminator == null) throw PyExc.TypeError("lineterminator must be set");
        return d;
    }

    /// <summary>A one-character parameter as a code point (None = not set where allowed).</summary>
    static int Char(PyObject o, string name, bool allowNone)
    {
        if (allowNone && o == PyNone.Value) return NotSet;
        if (o is not PyStr s) throw PyExc.TypeError(allowNone ? $"\"{name}\" must be string or None, not {o.Type.Name}" : $"\"{name}\" must be string, not {o.Type.Name}");
        var v = s.Value;
        if (v.Length == 1) return v[0];
        if (v.Length == 2 && char.IsSurrogatePair(v[0], v[1])) return char.ConvertToUtf32(v[0], v[1]);
        throw PyExc.TypeError($"\"{name}\" must be a 1-character string");
    }

    static PyObject CharObject(int c) => c == NotSet ? PyNone.Value : new PyStr(char.ConvertFromUtf32(c));

    [PyGetter("delimiter")] static PyObject GetDelimiter(ThreadState ts, PyObject self) => CharObject(((PyCsvDialect)self).Delimiter);
    [PyGetter("quotechar")] static PyObject GetQuoteChar(ThreadState ts, PyObject self) => CharObject(((PyCsvDialect)self).QuoteChar);
    [PyGetter("escapechar")] static PyObject GetEscapeChar(ThreadState ts, PyObject self) => CharObject(((PyCsvDialect)self).EscapeChar);
    [PyGetter("lineterminator")] static PyObject GetLineTerminator(ThreadState ts, PyObject self) => new PyStr(((PyCsvDialect)self).LineTerminator!);
    [PyGetter("quoting")] static PyObject GetQuoting(ThreadState ts, PyObject self) => PyInt.From(((PyCsvDialect)self).Quoting);
    [PyGetter("doublequote")] static PyObject GetDoubleQuote(ThreadState ts, PyObject self) => PyBool.From(((PyCsvDialect)self).DoubleQuote);
    [PyGetter("skipinitialspace")] static PyObject GetSkipInitialSpace(ThreadState ts, PyObject self) => PyBool.From(((PyCsvDialect)self).SkipInitialSpace);
    [PyGetter("strict")] static PyObject GetStrict(ThreadState ts, PyObject self) => PyBool.From(((PyCsvDialect)self).Strict);
}
