#nullable enable
using StacklessIron.Objects;
namespace StacklessIron.Modules;

/// <summary>The type of Token.MISSING (repr `<Token.MISSING>`).</summary>
[PyType("Token.MISSING")]
public sealed class PyTokenMissing : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("Token.MISSING", typeof(PyTokenMissing), subclassable: false, module: "_contextvars");
    public PyTokenMissing() : base(TypeObject) { }
    [PySlot("__repr__")] static PyObject Repr(ThreadState ts, PyObject self) => new PyStr("<Token.MISSING>");
}
