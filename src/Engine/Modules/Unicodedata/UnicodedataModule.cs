#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>The `unicodedata` module: CPython 3.11's Unicode 14.0.0 database, plus
/// `ucd_3_2_0` for stringprep/idna.</summary>
public static class UnicodedataModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("unicodedata", "This module provides access to the Unicode Character Database which\ndefines character properties for all Unicode characters. The data in\nthis database is based on the UnicodeData.txt file version\n14.0.0 which is publicly available from ftp://ftp.unicode.org/.\n\nThe module uses the same names and symbols as defined by the\nUnicodeData File Format 14.0.0.");
        NativeMembers.FillModule(m, typeof(UnicodedataModule));
        m.Set("unidata_version", new PyStr(UnicodeData.Version));
        m.Set("ucd_3_2_0", PyUcd.Old);
        m.Set("UCD", PyUcd.TypeObject);
        return m;
    }

    public static void Register() => Importer.NativeModules["unicodedata"] = Create;

    static PyUcd Cur => PyUcd.Current;
    static int Char(PyObject o, string f) => PyUcd.Char(o, f, false);

    [PyMethod] static string category(ThreadState ts, PyObject chr) => UnicodeData.Category(Char(chr, "category"), false);
    [PyMethod] static string bidirectional(ThreadState ts, PyObject chr) => UnicodeData.Bidirectional(Char(chr, "bidirectional"), false);
    [PyMethod] static string east_asian_width(ThreadState ts, PyObject chr) => UnicodeData.EastAsianWidth(Char(chr, "east_asian_width"), false);
    [PyMethod] static long mirrored(ThreadState ts, PyObject chr) => UnicodeData.Mirrored(Char(chr, "mirrored"), false) ? 1 : 0;
    [PyMethod] static long combining(ThreadState ts, PyObject chr) => UnicodeData.Combining(Char(chr, "combining"), false);
    [PyMethod] static string decomposition(ThreadState ts, PyObject chr) => UnicodeData.Decomposition(Char(chr, "decomposition"), false);
    [PyMethod] static PyObject @decimal(ThreadState ts, PyObject chr, PyObject? @default = null) => Cur.Decimal(chr, @default);
    [PyMethod] static PyObject digit(ThreadState ts, PyObject chr, PyObject? @default = null) => Cur.Digit(chr, @default);
    [PyMethod] static PyObject numeric(ThreadState ts, PyObject chr, PyObject? @default = null) => Cur.Numeric(chr, @default);
    [PyMethod] static PyObject name(ThreadState ts, PyObject chr, PyObject? @default = null) => Cur.Name(chr, @default);
    [PyMethod] static PyObject lookup(ThreadState ts, PyObject name) => Cur.Lookup(name);
    [PyMethod] static string normalize(ThreadState ts, PyStr form, PyStr unistr) => PyUcd.Normalize(PyUcd.Form(form, out _), unistr.Value);
    [PyMethod] static bool is_normalized(ThreadState ts, PyStr form, PyStr unistr) => PyUcd.Normalize(PyUcd.Form(form, out _), unistr.Value) == unistr.Value;
}
