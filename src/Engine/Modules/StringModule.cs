#nullable enable
using System;
using System.Numerics;
using StacklessIron.Objects.Formatting;
namespace StacklessIron.Modules;

/// <summary>The `_string` module: the format-string parsers behind string.Formatter, shared
/// with str.format (Objects/Formatting/StrFormat.cs).</summary>
public static class StringModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_string", "string helper module");
        NativeMembers.FillModule(m, typeof(StringModule));
        return m;
    }

    public static void Register() => Importer.NativeModules["_string"] = Create;

    static PyObject Key(object k) => k is BigInteger n ? PyInt.From(n) : new PyStr((string)k);

    /// <summary>An iterator of (literal_text, field_name, format_spec, conversion) tuples.</summary>
    [PyMethod]
    static PyObject formatter_parser(ThreadState ts, PyStr format_string)
    {
        System.Collections.Generic.List<StrFormat.Piece> pieces;
        try { pieces = StrFormat.Parse(format_string.Value); }
        catch (FormatError e) { throw PyStr.Raise(e); }
        var items = new PyObject[pieces.Count];
        for (int i = 0; i < items.Length; i++)
        {
            var p = pieces[i];
            items[i] = p.FieldName == null
                ? PyTuple.Of(new PyStr(p.Literal), PyNone.Value, PyNone.Value, PyNone.Value)
                : PyTuple.Of(new PyStr(p.Literal), new PyStr(p.FieldName), new PyStr(p.FormatSpec ?? ""),
                    p.Conversion is char c ? new PyStr(c.ToString()) : PyNone.Value);
        }
        return Ops.GetIter(ts, new PyList(items));
    }

    /// <summary>(first, iterator of (is_attribute, key)); all-digit parts become ints.</summary>
    [PyMethod]
    static PyObject formatter_field_name_split(ThreadState ts, PyStr field_name)
    {
        object first;
        System.Collections.Generic.List<StrFormat.Accessor> rest;
        try { (first, rest) = StrFormat.FieldNameSplit(field_name.Value); }
        catch (FormatError e) { throw PyStr.Raise(e); }
        var items = new PyObject[rest.Count];
        for (int i = 0; i < items.Length; i++) items[i] = PyTuple.Of(PyBool.From(rest[i].IsAttribute), Key(rest[i].Key));
        return PyTuple.Of(Key(first), Ops.GetIter(ts, new PyList(items)));
    }
}
