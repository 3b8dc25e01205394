#nullable enable
using System;
namespace StacklessIron.Modules.Sre;

/// <summary>The `_sre` module under CPython 3.11's pure-Python `re` package: `compile` takes
/// the code list that re._compiler made and returns a Pattern; the case helpers serve the
/// compiler's IGNORECASE handling.</summary>
public static class SreModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_sre");
        NativeMembers.FillModule(m, typeof(SreModule));
        m.Set("MAGIC", PyInt.From(SreOp.MAGIC));
        m.Set("CODESIZE", PyInt.From(SreOp.CODESIZE));
        m.Set("MAXREPEAT", PyInt.From((long)SreOp.MAXREPEAT));
        m.Set("MAXGROUPS", PyInt.From(SreOp.MAXGROUPS));
        m.Set("copyright", new PyStr(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "));
        return m;
    }

    public static void Register() => Importer.NativeModules["_sre"] = Create;

    [PyMethod]
    static PyObject compile(ThreadState ts, [PyKeyword] PyObject pattern, long flags, PyObject code, long groups,
                            PyObject groupindex, PyObject indexgroup)
    {
        if (code is not PyList list) throw PyExc.TypeError($"compile() argument 'code' must be list, not {code.Type.Name}");
        var words = new uint[list.Count];
        for (int i = 0; i < words.Length; i++)
        {
            var w = Ops.Index(ts, list.Items[i]);
            if (!w.FitsLong || w.Small < 0 || w.Small > uint.MaxValue)
                throw PyExc.OverflowError("regular expression code size limit exceeded");
            words[i] = (uint)w.Small;
        }
        if (groupindex is not PyDict gi) throw PyExc.TypeError($"compile() argument 'groupindex' must be dict, not {groupindex.Type.Name}");
        if (indexgroup is not PyTuple ig) throw PyExc.TypeError($"compile() argument 'indexgroup' must be tuple, not {indexgroup.Type.Name}");
        if (groups < 0 || groups > SreOp.MAXGROUPS) throw PyExc.OverflowError("regular expression has too many groups");

        SreValidator.Validate(words, (int)groups);

        int isBytes;
        if (pattern == PyNone.Value) isBytes = -1;
        else if (pattern is PyStr) isBytes = 0;
        else if (PyBytes.TryGetBuffer(pattern, out _)) isBytes = 1;
        else throw PyExc.TypeError($"expected string or bytes-like object, got '{pattern.Type.Name}'");

        PyDict? index = null;
        PyTuple? names = null;
        if (gi.Count > 0)
        {
            index = gi;
            if (ig.Items.Length > 0) names = ig;
        }
        return new PyPattern(pattern, (int)flags, words, (int)groups, index, names, isBytes);
    }

    [PyMethod] static long getcodesize(ThreadState ts) => SreOp.CODESIZE;

    [PyMethod]
    static bool ascii_iscased(ThreadState ts, long character)
        => character < 128 && (uint)((character | 0x20) - 'a') <= 25;

    [PyMethod]
    static bool unicode_iscased(ThreadState ts, long character)
    {
        if (character < 0 || character > 0x10FFFF) return false;
        int ch = (int)character;
        return ch != SreChars.LowerUnicode(ch) || ch != SreChars.UpperUnicode(ch);
    }

    [PyMethod]
    static long ascii_tolower(ThreadState ts, long character)
        => character < 128 && character >= 0 ? SreChars.LowerAscii((int)character) : character;

    [PyMethod]
    static long unicode_tolower(ThreadState ts, long character)
        => character < 0 || character > 0x10FFFF ? character : SreChars.LowerUnicode((int)character);
}
