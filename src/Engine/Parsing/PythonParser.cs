#nullable enable
using System;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Parsing;

/// <summary>The parser's public entry points (source -> AST). Raises PythonSyntaxError.</summary>
public static partial class PythonParser
{
    /// <summary>Parse a module from raw source bytes, honouring a UTF-8 BOM and a PEP 263
    /// coding declaration, as `ast.parse(bytes)` does.</summary>
    public static Module ParseModule(byte[] source, string filename = "<unknown>")
        => throw new NotImplementedException("parser not written yet");
}
