#nullable enable
namespace StacklessIron.Objects;

/// <summary>`generator` (and the base of coroutine/async generator): a suspended frame.</summary>
[PyType("generator")]
public class PyGenerator : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("generator", typeof(PyGenerator), subclassable: false);
    public Frame? Frame;
    public PyGenerator(PyType type, Frame frame) : base(type) { Frame = frame; }
}
