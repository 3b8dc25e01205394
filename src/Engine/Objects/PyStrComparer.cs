#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>Equality of attribute-name keys by value, using the cached hash.</summary>
public sealed class PyStrComparer : IEqualityComparer<PyStr>
{
    public static readonly PyStrComparer Instance = new();
    public bool Equals(PyStr? a, PyStr? b) => ReferenceEquals(a, b) || (a != null && b != null && a.Value == b.Value);
    public int GetHashCode(PyStr s) => (int)s.GetHash();
}
