#nullable enable
using System;
namespace StacklessIron.Modules.Posix;

/// <summary>The `errno` module: every Linux errno name with its value, and errorcode
/// (value to name, with CPython's choice among aliases).</summary>
public static class ErrnoModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("errno", "This module makes available standard errno system symbols.\n\n" +
            "The value of each symbol is the corresponding integer value,\ne.g., on most systems, errno.ENOENT equals the integer 2.\n\n" +
            "The dictionary errno.errorcode maps numeric codes to symbol names,\ne.g., errno.errorcode[2] could be the string 'ENOENT'.\n\n" +
            "Symbols that are not relevant to the underlying system are not defined.\n\n" +
            "To map error codes to error messages, use the function os.strerror(),\ne.g. os.strerror(2) could return 'No such file or directory'.");
        foreach (var (name, value) in PosixConstants.Errno) m.Set(name, PyInt.From(value));
        var codes = new PyDict();
        foreach (var (name, value) in PosixConstants.ErrorCode) codes.SetItem(ts, PyInt.From(value), new PyStr(name));
        m.Set("errorcode", codes);
        return m;
    }
}
