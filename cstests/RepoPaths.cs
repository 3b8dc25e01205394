using System;
using System.IO;

namespace StacklessIron.Tests;

/// <summary>The built host next to the tests (the test project references it). The repository
/// root and the CPython oracle are Oracle.RepoRoot and Oracle.Python.</summary>
public static class RepoPaths
{
    public static string HostDll => Path.Combine(AppContext.BaseDirectory, "stackless-iron.dll");
}
