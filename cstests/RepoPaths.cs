using System;
using System.IO;
using NUnit.Framework;

namespace StacklessIron.Tests;

/// <summary>Where things are: the repository root (found from the test binary upwards),
/// the built host, and the CPython 3.11 oracle.</summary>
public static class RepoPaths
{
    static string? s_root;

    public static string Root
    {
        get
        {
            if (s_root != null) return s_root;
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "StacklessIron.sln")))
                dir = dir.Parent;
            return s_root = dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    /// <summary>The host assembly copied next to the tests (the test project references it).</summary>
    public static string HostDll => Path.Combine(AppContext.BaseDirectory, "stackless-iron.dll");

    public static string Python311
    {
        get
        {
            const string p = "/usr/bin/python3.11";
            if (!File.Exists(p)) Assert.Fail("CPython 3.11 (the oracle) is not installed: run ./setup-env.sh");
            return p;
        }
    }
}
