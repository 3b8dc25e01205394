#nullable enable
using System;
using StacklessIron.Parsing;
namespace StacklessIron.Modules;

/// <summary>`unicodedata.UCD`: a Unicode database version (the module's own functions use the
/// current one; `ucd_3_2_0` is the 3.2.0 one). The module-level functions share these bodies.</summary>
[PyType("UCD")]
public sealed class PyUcd : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("UCD", typeof(PyUcd), subclassable: false, module: "unicodedata");
    public static readonly PyUcd Current = new(false), Old = new(true);

    public readonly bool IsOld;
    PyUcd(bool old) : base(TypeObject) { IsOld = old; }

    public string VersionString => IsOld ? "3.2.0" : UnicodeData.Version;

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
        => throw PyExc.TypeError("cannot create 'unicodedata.UCD' instances");

    /// <summary>The single code point of a one-character str, else CPython's TypeError.</summary>
    public static int Char(PyObject o, string func, bool numbered)
    {
        if (o is PyStr s && s.CpLength == 1) return char.IsSurrogatePair(s.Value, 0) ? char.ConvertToUtf32(s.Value, 0) : s.Value[0];
        throw PyExc.TypeError($"{func}() argument{(numbered ? " 1" : "")} must be a unicode character, not {o.Type.Name}");
    }

    public PyObject Decimal(PyObject chr, PyObject? @default)
        => UnicodeData.Decimal(Char(chr, "decimal", true), IsOld) is int v ? PyInt.From(v) : @default ?? throw PyExc.ValueError("not a decimal");
    public PyObject Digit(PyObject chr, PyObject? @default)
        => UnicodeData.Digit(Char(chr, "digit", true), IsOld) is int v ? PyInt.From(v) : @default ?? throw PyExc.ValueError("not a digit");
    public PyObject Numeric(PyObject chr, PyObject? @default)
        => UnicodeData.Numeric(Char(chr, "numeric", true), IsOld) is double v ? new PyFloat(v) : @default ?? throw PyExc.ValueError("not a numeric character");
    public PyObject Name(PyObject chr, PyObject? @default)
        => UnicodeData.Name(Char(chr, "name", true), IsOld) is string n ? new PyStr(n) : @default ?? throw PyExc.ValueError("no such name");

    public PyObject Lookup(PyObject name)
    {
        string text = name is PyStr s ? s.Value : name is PyBytes b ? System.Text.Encoding.Latin1.GetString(b.Data)
            : throw PyExc.TypeError($"lookup() argument must be str, not {name.Type.Name}");
        if (text.Length > 256) throw PyExc.KeyError(new PyStr("name too long"));
        if (!UnicodeNames.TryLookup(text, out int cp) || UnicodeData.UnassignedIn(cp, IsOld)
            || (IsOld && UnicodeNames.IsAlias(text.ToUpperInvariant(), cp)))
            throw PyExc.KeyError(new PyStr($"undefined character name '{text}'"));
        return PyStr.FromCodePoint(cp);
    }

    public static string Form(PyStr form, out bool known)
    {
        known = form.Value is "NFC" or "NFD" or "NFKC" or "NFKD";
        if (!known) throw PyExc.ValueError("invalid normalization form");
        return form.Value;
    }

    public static string Normalize(string form, string s) => form switch
    {
        "NFC" => UnicodeNormalization.Nfc(s),
        "NFD" => UnicodeNormalization.Nfd(s),
        "NFKC" => UnicodeNormalization.Nfkc(s),
        _ => UnicodeNormalization.Nfkd(s),
    };

    [PyMethod] static string category(ThreadState ts, PyUcd self, PyObject chr) => UnicodeData.Category(Char(chr, "category", false), self.IsOld);
    [PyMethod] static string bidirectional(ThreadState ts, PyUcd self, PyObject chr) => UnicodeData.Bidirectional(Char(chr, "bidirectional", false), self.IsOld);
    [PyMethod] static string east_asian_width(ThreadState ts, PyUcd self, PyObject chr) => UnicodeData.EastAsianWidth(Char(chr, "east_asian_width", false), self.IsOld);
    [PyMethod] static long mirrored(ThreadState ts, PyUcd self, PyObject chr) => UnicodeData.Mirrored(Char(chr, "mirrored", false), self.IsOld) ? 1 : 0;
    [PyMethod] static long combining(ThreadState ts, PyUcd self, PyObject chr) => UnicodeData.Combining(Char(chr, "combining", false), self.IsOld);
    [PyMethod] static string decomposition(ThreadState ts, PyUcd self, PyObject chr) => UnicodeData.Decomposition(Char(chr, "decomposition", false), self.IsOld);
    [PyMethod] static PyObject @decimal(ThreadState ts, PyUcd self, PyObject chr, PyObject? @default = null) => self.Decimal(chr, @default);
    [PyMethod] static PyObject digit(ThreadState ts, PyUcd self, PyObject chr, PyObject? @default = null) => self.Digit(chr, @default);
    [PyMethod] static PyObject numeric(ThreadState ts, PyUcd self, PyObject chr, PyObject? @default = null) => self.Numeric(chr, @default);
    [PyMethod] static PyObject name(ThreadState ts, PyUcd self, PyObject chr, PyObject? @default = null) => self.Name(chr, @default);
    [PyMethod] static PyObject lookup(ThreadState ts, PyUcd self, PyObject name) => self.Lookup(name);
    [PyMethod] static string normalize(ThreadState ts, PyUcd self, PyStr form, PyStr unistr) => Normalize(Form(form, out _), unistr.Value);
    [PyMethod] static bool is_normalized(ThreadState ts, PyUcd self, PyStr form, PyStr unistr) => Normalize(Form(form, out _), unistr.Value) == unistr.Value;
    [PyGetter("unidata_version")] static PyObject GetVersion(ThreadState ts, PyObject self) => new PyStr(((PyUcd)self).VersionString);
}
