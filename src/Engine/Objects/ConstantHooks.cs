#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>Constructors for constant kinds whose types belong to other parts of the engine
/// (complex, bytes, frozenset). Those parts install their factory at start-up; until then a
/// constant of that kind raises SystemError instead of crashing.</summary>
public static class ConstantHooks
{
    public static Func<System.Numerics.Complex, PyObject>? Complex;
    public static Func<byte[], PyObject>? Bytes;
    public static Func<PyObject[], PyObject>? FrozenSet;

    public static PyObject MakeComplex(System.Numerics.Complex z) => Complex?.Invoke(z) ?? throw PyExc.SystemError("complex constants are not supported yet");
    public static PyObject MakeBytes(byte[] b) => Bytes?.Invoke(b) ?? throw PyExc.SystemError("bytes constants are not supported yet");
    public static PyObject MakeFrozenSet(PyObject[] items) => FrozenSet?.Invoke(items) ?? new PyTuple(items);
}
