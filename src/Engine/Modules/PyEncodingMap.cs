#nullable enable
using System;
using StacklessIron.Objects.Formatting;
namespace StacklessIron.Modules;

/// <summary>`EncodingMap`, what codecs.charmap_build() returns: the inverse of a 256-entry
/// decoding table, for charmap_encode.</summary>
[PyType("EncodingMap")]
public sealed class PyEncodingMap : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("EncodingMap", typeof(PyEncodingMap), subclassable: false, module: "builtins");

    readonly Dictionary<int, byte> _map = new();

    public PyEncodingMap(string decodingTable) : base(TypeObject)
    {
        var cps = CodePoints.ToArray(decodingTable);
        for (int i = 0; i < cps.Length && i < 256; i++)
            if (cps[i] != 0xFFFE) _map.TryAdd(cps[i], (byte)i);
    }

    public bool TryGet(int codePoint, out byte b) => _map.TryGetValue(codePoint, out b);

    [PyMethod] static long size(ThreadState ts, PyEncodingMap self) => self._map.Count;
}
