using System.Collections.Generic;
using System.Numerics;

namespace StacklessIron.Objects.Formatting;

/// <summary>
/// What %-formatting, str.format and format_map need from the runtime for values that are not
/// plain .NET numbers or strings: the object protocols (str, repr, format, __index__,
/// __float__, attribute and item access). The runtime implements this once; the algorithms
/// here stay independent of the object model. Errors raised by Python code inside these
/// callbacks propagate unchanged.
/// </summary>
public interface IFormatHost
{
    /// <summary>str(value).</summary>
    string Str(object? value);
    /// <summary>repr(value).</summary>
    string Repr(object? value);
    /// <summary>ascii(value).</summary>
    string Ascii(object? value);
    /// <summary>format(value, spec), i.e. type(value).__format__(value, spec).</summary>
    string Format(object? value, string spec);
    /// <summary>type(value).__name__, for error messages.</summary>
    string TypeName(object? value);

    /// <summary>True when value is an int object (bool and int subclasses included), without
    /// calling __index__; used where CPython checks PyLong_Check ('*' widths).</summary>
    bool TryGetInt(object? value, out BigInteger result);
    /// <summary>operator.index(value): true for ints (bool included) and objects with __index__.</summary>
    bool TryIndex(object? value, out BigInteger result);
    /// <summary>int(value) through __int__/__index__/__trunc__ for numbers; false when the
    /// value is not a number (so %d can report "a real number is required").</summary>
    bool TryInt(object? value, out BigInteger result);
    /// <summary>float(value) through __float__ or __index__; false when not a real number.</summary>
    bool TryFloat(object? value, out double result);

    /// <summary>The items when value is a tuple (exactly: tuple or a subclass).</summary>
    bool TryGetTuple(object? value, out IReadOnlyList<object?> items);
    /// <summary>True when value supports mapping lookup and is neither a tuple nor a str
    /// (CPython: PyMapping_Check and not tuple/str), so %(key)s can use it.</summary>
    bool IsMapping(object? value);
    /// <summary>value[key]; key is a string, a byte[] (bytes) or a BigInteger.</summary>
    object? GetItem(object? value, object key);
    /// <summary>getattr(value, name).</summary>
    object? GetAttr(object? value, string name);
    /// <summary>The bytes of a bytes-like object (bytes, bytearray, memoryview...) or of
    /// value.__bytes__(); false when neither applies.</summary>
    bool TryGetBytes(object? value, out byte[] bytes);
    /// <summary>sys.get_int_max_str_digits() (0: no limit), for int -> decimal text.</summary>
    int MaxStrDigits { get; }
    /// <summary>True when value is a str (for %c, which accepts a one-character string).</summary>
    bool TryGetString(object? value, out string text);
}
