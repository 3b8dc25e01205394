#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>A minimal `_locale`: the engine always runs in the "C" locale with UTF-8 text
/// (what CPython 3.11 gives under the C.UTF-8 locale), so setlocale accepts only C/POSIX and
/// the UTF-8 C locale, getencoding() is 'UTF-8', and collation is by code point.</summary>
public static class LocaleModule
{
    public static readonly PyType Error = MakeError();

    static PyType MakeError()
    {
        var t = new PyType(TypeObjects.Type, "Error", new[] { ExceptionTypes.Exception }, typeof(PyBaseException), TypeFlags.BaseType | TypeFlags.HeapType);
        t.FinishBuiltin("locale", null);
        return t;
    }

    public const int LC_CTYPE = 0, LC_NUMERIC = 1, LC_TIME = 2, LC_COLLATE = 3, LC_MONETARY = 4, LC_MESSAGES = 5, LC_ALL = 6, CODESET = 14;

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_locale", "Support for POSIX locales.");
        NativeMembers.FillModule(m, typeof(LocaleModule));
        m.Set("Error", Error);
        m.Set("CHAR_MAX", PyInt.From(127));
        foreach (var (name, v) in new[] { ("LC_CTYPE", LC_CTYPE), ("LC_NUMERIC", LC_NUMERIC), ("LC_TIME", LC_TIME), ("LC_COLLATE", LC_COLLATE),
                                         ("LC_MONETARY", LC_MONETARY), ("LC_MESSAGES", LC_MESSAGES), ("LC_ALL", LC_ALL), ("CODESET", CODESET) })
            m.Set(name, PyInt.From(v));
        return m;
    }

    public static void Register() => Importer.NativeModules["_locale"] = Create;

    [PyMethod]
    static PyObject setlocale(ThreadState ts, int category, PyObject? locale = null)
    {
        if (category < 0 || category > LC_ALL) throw PyExc.New(Error, "invalid locale category");
        if (locale == null || locale == PyNone.Value) return PyStr.Intern("C");
        if (locale is not PyStr s) throw PyExc.TypeError($"setlocale() argument 2 must be str or None, not {locale.Type.Name}");
        return s.Value switch
        {
            "C" or "POSIX" or "" => PyStr.Intern("C"),
            "C.UTF-8" or "C.utf8" => s,
            _ => throw PyExc.New(Error, "unsupported locale setting"),
        };
    }

    [PyMethod] static string getencoding(ThreadState ts) => "UTF-8";

    [PyMethod]
    static PyObject localeconv(ThreadState ts)
    {
        var d = new PyDict();
        foreach (var k in new[] { "int_curr_symbol", "currency_symbol", "mon_decimal_point", "mon_thousands_sep" }) d.SetStr(k, PyStr.Empty);
        d.SetStr("mon_grouping", new PyList());
        d.SetStr("positive_sign", PyStr.Empty);
        d.SetStr("negative_sign", PyStr.Empty);
        foreach (var k in new[] { "int_frac_digits", "frac_digits", "p_cs_precedes", "p_sep_by_space", "n_cs_precedes", "n_sep_by_space", "p_sign_posn", "n_sign_posn" })
            d.SetStr(k, PyInt.From(127));
        d.SetStr("decimal_point", PyStr.Intern("."));
        d.SetStr("thousands_sep", PyStr.Empty);
        d.SetStr("grouping", new PyList());
        return d;
    }

    [PyMethod]
    static long strcoll(ThreadState ts, string os1, string os2) => Math.Sign(string.CompareOrdinal(os1, os2));

    [PyMethod] static string strxfrm(ThreadState ts, string @string) => @string;

    [PyMethod] static string nl_langinfo(ThreadState ts, int key) => key == CODESET ? "UTF-8" : "";
}
