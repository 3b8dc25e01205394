#nullable enable
using StacklessIron.Objects;
namespace StacklessIron.Modules;

/// <summary>`_warnings`, reduced to what importlib's bootstrap needs: the module must exist
/// (importlib._bootstrap._setup loads it as a builtin) and `warn` must work. It deliberately
/// has no `filters`, so warnings.py keeps its own pure-Python machinery, and warn() here
/// hands over to that.</summary>
public static class WarningsModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_warnings");
        NativeMembers.FillModule(m, typeof(WarningsModule));
        return m;
    }

    public static void Register() => Importer.NativeModules["_warnings"] = Create;

    [PyMethod]
    static void warn(ThreadState ts, [PyKeyword] PyObject message, PyObject? category = null, long stacklevel = 1, PyObject? source = null)
    {
        var warnings = Importer.ImportModule(ts, "warnings");
        Ops.Call(ts, Ops.GetAttr(ts, warnings, "warn"), message, category ?? PyNone.Value, PyInt.From(stacklevel + 1), source ?? PyNone.Value);
    }
}
