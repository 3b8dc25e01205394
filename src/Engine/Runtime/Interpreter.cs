#nullable enable
namespace StacklessIron.Runtime;

/// <summary>The VM loop (being written).</summary>
public static partial class Interpreter
{
    public static PyObject CallFunction(ThreadState ts, PyFunction f, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
        => throw PyExc.NotImplementedError("the VM loop is not written yet");

    public static PyObject? RunClassBody(ThreadState ts, PyFunction body, PyObject ns)
        => throw PyExc.NotImplementedError("the VM loop is not written yet");
}
