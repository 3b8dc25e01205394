#nullable enable
using System;
namespace StacklessIron.Parsing.Ast;

/// <summary>Renders an AST exactly as CPython 3.11's `ast.dump(node, include_attributes=...)`.</summary>
public static class AstDump
{
    public static string Dump(Node node, bool includeAttributes = false)
        => throw new NotImplementedException("ast dump not written yet");
}
