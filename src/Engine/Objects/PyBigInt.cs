#nullable enable
namespace StacklessIron.Objects;

/// <summary>
/// An `int` (exact type) whose value does not fit a long: the one C# class of exact ints
/// that carries a magnitude, so that the small ones stay 32 bytes (see PyInt.BigLimbs).
/// Not a Python type of its own: its Type is int.
/// </summary>
public sealed class PyBigInt : PyInt
{
    /// <summary>The normalized magnitude (PyIntLimbs); Small holds the sign.</summary>
    internal readonly uint[] Limbs;

    internal PyBigInt(int sign, uint[] limbs) : base(TypeObject, sign) { Limbs = limbs; }
}
