#nullable enable
using System;
using System.Runtime.InteropServices;
using System.Text;
namespace StacklessIron.Modules.Expat;

/// <summary>The `pyexpat` module (xml.parsers.expat) over the system's libexpat.so.1:
/// ParserCreate, ExpatError with code/lineno/offset, ErrorString, the `errors` and `model`
/// submodules, version information.</summary>
public static unsafe class ExpatModule
{
    public static readonly PyType ExpatError = NativeErrors.Define("xml.parsers.expat", "ExpatError");

    // Expat's error codes 1..43 by name (their messages come from XML_ErrorString).
    static readonly string[] s_errorNames = {
        "NO_MEMORY", "SYNTAX", "NO_ELEMENTS", "INVALID_TOKEN", "UNCLOSED_TOKEN", "PARTIAL_CHAR", "TAG_MISMATCH",
        "DUPLICATE_ATTRIBUTE", "JUNK_AFTER_DOC_ELEMENT", "PARAM_ENTITY_REF", "UNDEFINED_ENTITY", "RECURSIVE_ENTITY_REF",
        "ASYNC_ENTITY", "BAD_CHAR_REF", "BINARY_ENTITY_REF", "ATTRIBUTE_EXTERNAL_ENTITY_REF", "MISPLACED_XML_PI",
        "UNKNOWN_ENCODING", "INCORRECT_ENCODING", "UNCLOSED_CDATA_SECTION", "EXTERNAL_ENTITY_HANDLING", "NOT_STANDALONE",
        "UNEXPECTED_STATE", "ENTITY_DECLARED_IN_PE", "FEATURE_REQUIRES_XML_DTD", "CANT_CHANGE_FEATURE_ONCE_PARSING",
        "UNBOUND_PREFIX", "UNDECLARING_PREFIX", "INCOMPLETE_PE", "XML_DECL", "TEXT_DECL", "PUBLICID", "SUSPENDED",
        "NOT_SUSPENDED", "ABORTED", "FINISHED", "SUSPEND_PE", "RESERVED_PREFIX_XML", "RESERVED_PREFIX_XMLNS",
        "RESERVED_NAMESPACE_URI", "INVALID_ARGUMENT", "NO_BUFFER", "AMPLIFICATION_LIMIT_BREACH" };

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("pyexpat", "Python wrapper for Expat parser.");
        NativeMembers.FillModule(m, typeof(ExpatModule));
        m.Set("ExpatError", ExpatError);
        m.Set("error", ExpatError);
        m.Set("XMLParserType", PyXmlParser.TypeObject);
        string version = Marshal.PtrToStringUTF8(LibExpat.XML_ExpatVersion()) ?? "expat_0.0.0";
        m.Set("EXPAT_VERSION", new PyStr(version));
        var parts = version.Substring(version.IndexOf('_') + 1).Split('.');
        m.Set("version_info", PyTuple.Of(PyInt.From(int.Parse(parts[0])), PyInt.From(int.Parse(parts[1])), PyInt.From(int.Parse(parts[2]))));
        m.Set("native_encoding", new PyStr("UTF-8"));
        var features = new PyList();
        // struct XML_Feature { enum feature; const XML_LChar *name; long value; }, ended by feature 0
        for (var f = LibExpat.XML_GetFeatureList(); Marshal.ReadInt32(f) != 0; f += 24)
            features.Append(PyTuple.Of(new PyStr(Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(f, 8))!), PyInt.From(Marshal.ReadInt64(f, 16))));
        m.Set("features", features);
        m.Set("XML_PARAM_ENTITY_PARSING_NEVER", PyInt.From(0));
        m.Set("XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE", PyInt.From(1));
        m.Set("XML_PARAM_ENTITY_PARSING_ALWAYS", PyInt.From(2));

        var errors = new PyModule("pyexpat.errors", "Constants used to describe error conditions.");
        var codes = new PyDict();
        var messages = new PyDict();
        for (int i = 0; i < s_errorNames.Length; i++)
        {
            var msg = new PyStr(LibExpat.ErrorString(i + 1) ?? s_errorNames[i]);
            errors.Set("XML_ERROR_" + s_errorNames[i], msg);
            codes.SetItem(ts, msg, PyInt.From(i + 1));
            messages.SetItem(ts, PyInt.From(i + 1), msg);
        }
        errors.Set("codes", codes);
        errors.Set("messages", messages);
        m.Set("errors", errors);

        var model = new PyModule("pyexpat.model", "Constants used to interpret content model information.");
        foreach (var (name, value) in new (string, int)[] {
            ("XML_CTYPE_EMPTY", 1), ("XML_CTYPE_ANY", 2), ("XML_CTYPE_MIXED", 3), ("XML_CTYPE_NAME", 4), ("XML_CTYPE_CHOICE", 5),
            ("XML_CTYPE_SEQ", 6), ("XML_CQUANT_NONE", 0), ("XML_CQUANT_OPT", 1), ("XML_CQUANT_REP", 2), ("XML_CQUANT_PLUS", 3) })
            model.Set(name, PyInt.From(value));
        m.Set("model", model);
        return m;
    }

    public static void Register() => Importer.NativeModules["pyexpat"] = Create;

    /// <summary>ExpatError("message: line L, column C") with code, lineno and offset set.</summary>
    internal static PyException Error(int code, long line, long column)
    {
        var e = PyExc.New(ExpatError, $"{LibExpat.ErrorString(code)}: line {line}, column {column}");
        e.Value.Dict!.SetStr("code", PyInt.From(code));
        e.Value.Dict!.SetStr("offset", PyInt.From(column));
        e.Value.Dict!.SetStr("lineno", PyInt.From(line));
        return e;
    }

    [PyMethod]
    static PyObject ErrorString(ThreadState ts, int code)
    {
        var s = LibExpat.ErrorString(code);
        return s == null ? PyNone.Value : new PyStr(s);
    }

    [PyMethod]
    static PyObject ParserCreate(ThreadState ts, [PyKeyword] PyObject? encoding = null, PyObject? namespace_separator = null, PyObject? intern = null)
    {
        byte[]? enc = null;
        if (encoding != null && encoding != PyNone.Value)
        {
            if (encoding is not PyStr es) throw PyExc.TypeError($"ParserCreate() argument 'encoding' must be str or None, not {encoding.Type.Name}");
            enc = Encoding.UTF8.GetBytes(es.Value + "\0");
        }
        IntPtr p;
        if (namespace_separator != null && namespace_separator != PyNone.Value)
        {
            if (namespace_separator is not PyStr ns) throw PyExc.TypeError($"ParserCreate() argument 'namespace_separator' must be str or None, not {namespace_separator.Type.Name}");
            var sep = Encoding.UTF8.GetBytes(ns.Value);
            if (sep.Length > 1) throw PyExc.ValueError("namespace_separator must be at most one character, omitted, or None");
            p = LibExpat.XML_ParserCreateNS(enc, sep.Length == 0 ? (byte)0 : sep[0]);
        }
        else p = LibExpat.XML_ParserCreate(enc);
        if (p == IntPtr.Zero) throw PyExc.MemoryError();
        return new PyXmlParser(p);
    }
}
