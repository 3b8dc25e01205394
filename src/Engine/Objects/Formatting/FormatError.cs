using System;

namespace StacklessIron.Objects.Formatting;

/// <summary>
/// An error raised by the text and number algorithms in this folder. They work on plain .NET
/// values and know nothing of Python objects, so they report the Python exception type by
/// name and the runtime turns this into the real exception object.
/// </summary>
public sealed class FormatError : Exception
{
    /// <summary>"ValueError", "TypeError", "OverflowError", "KeyError", "IndexError",
    /// "ZeroDivisionError", "UnicodeEncodeError", "UnicodeDecodeError" or "LookupError".</summary>
    public string PyType { get; }

    /// <summary>For KeyError: the missing key (a string or a number), which Python shows as
    /// repr(key) rather than as a message. Null otherwise.</summary>
    public object? Key { get; }

    /// <summary>For UnicodeEncodeError / UnicodeDecodeError: the codec name, the failing
    /// range [Start, End) in code points (encode) or bytes (decode), and the short reason;
    /// the runtime builds the exception from these and the input object it passed in.</summary>
    public string? Encoding { get; init; }
    public int Start { get; init; }
    public int End { get; init; }
    public string? Reason { get; init; }

    public FormatError(string pyType, string message, object? key = null) : base(message)
    {
        PyType = pyType;
        Key = key;
    }

    public static FormatError Value(string message) => new("ValueError", message);
    public static FormatError Type(string message) => new("TypeError", message);
    public static FormatError Overflow(string message) => new("OverflowError", message);
    public static FormatError Index(string message) => new("IndexError", message);
    public static FormatError ZeroDivision(string message) => new("ZeroDivisionError", message);
    public static FormatError KeyMissing(object key) => new("KeyError", key.ToString() ?? "", key);
    public static FormatError Memory() => new("MemoryError", "");

    /// <summary>Results longer than this cannot be a .NET string (about 2**30 chars); CPython
    /// would try, and fail with MemoryError on smaller machines anyway.</summary>
    public const long MaxResultLength = 1L << 30;
}
