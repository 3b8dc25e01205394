#nullable enable
using System;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Modules.Ast;

/// <summary>One class of `_ast` as CPython 3.11 declares it: name, base class name, fields with
/// their ASDL types ("expr", "expr?", "stmt*", "identifier", "constant" ...), `_attributes`,
/// docstring. Concrete node classes also carry how to build the parser's node (Create) and set
/// its i-th field (SetField); abstract bases (stmt, expr ...) have neither.</summary>
public sealed class AstClassInfo
{
    public readonly string Name, BaseName, Doc;
    public readonly string[] Fields, FieldTypes, Attributes;
    public readonly Func<Node>? Create;
    public readonly Action<Node, int, object?>? SetField;

    public AstClassInfo(string name, string baseName, string[] fields, string[] fieldTypes, string[] attributes, string doc,
        Func<Node>? create, Action<Node, int, object?>? setField)
    {
        Name = name; BaseName = baseName; Fields = fields; FieldTypes = fieldTypes; Attributes = attributes; Doc = doc;
        Create = create; SetField = setField;
    }

    public bool IsAbstract => Create == null;

    /// <summary>A class without fields or attributes whose parser node is a singleton (Load, Add ...).</summary>
    public bool IsSingleton => Create != null && Fields.Length == 0 && Attributes.Length == 0 && BaseName != "AST";
}
