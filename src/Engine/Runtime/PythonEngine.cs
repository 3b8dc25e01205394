#nullable enable
namespace StacklessIron.Runtime;

/// <summary>One Python interpreter: its modules (sys.modules), builtins, sys, and settings.</summary>
public sealed class PythonEngine
{
    public readonly PyDict Modules = new();
    public readonly ThreadState MainThread;
    public int RecursionLimit = 1000;

    public PythonEngine()
    {
        MainThread = new ThreadState(this);
    }

    public PyObject ImportModule(ThreadState ts, string name)
        => Modules.GetStr(name) ?? throw PyExc.ModuleNotFoundError($"No module named '{name}'");
}
