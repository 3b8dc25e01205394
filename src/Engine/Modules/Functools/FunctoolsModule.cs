#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>The `_functools` module: reduce, partial and cmp_to_key. (lru_cache uses
/// functools.py's pure-Python wrapper.)</summary>
public static class FunctoolsModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_functools", "Tools that operate on functions.");
        NativeMembers.FillModule(m, typeof(FunctoolsModule));
        m.Set("partial", PyPartial.TypeObject);
        m.Set("KeyWrapper", PyKeyWrapper.TypeObject);
        return m;
    }

    public static void Register() => Importer.NativeModules["_functools"] = Create;

    [PyMethod]
    static PyObject reduce(ThreadState ts, params PyObject[] args)
    {
        if (args.Length < 2) throw PyExc.TypeError($"reduce expected at least 2 arguments, got {args.Length}");
        if (args.Length > 3) throw PyExc.TypeError($"reduce expected at most 3 arguments, got {args.Length}");
        var function = args[0];
        PyObject it;
        try { it = Ops.GetIter(ts, args[1]); }
        catch (PyException e) when (e.Matches(ExceptionTypes.TypeError))
        {
            throw PyExc.TypeError("reduce() arg 2 must support iteration");
        }
        PyObject? acc = args.Length == 3 ? args[2] : null;
        while (Ops.Next(ts, it) is PyObject x)
            acc = acc == null ? x : Ops.Call(ts, function, acc, x);
        return acc ?? throw PyExc.TypeError("reduce() of empty iterable with no initial value");
    }

    [PyMethod]
    static PyObject cmp_to_key(ThreadState ts, [PyKeyword] PyObject mycmp) => new PyKeyWrapper(mycmp, null);
}
