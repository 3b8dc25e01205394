#nullable enable
using System;
using System.Collections;
using StacklessIron.Objects;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Modules.Ast;

/// <summary>The parser's AST as `_ast` objects (what compile(..., PyCF_ONLY_AST) returns):
/// one instance per node with every field set (None for an absent optional one, lists for
/// sequences) and, on positioned nodes, lineno/col_offset/end_lineno/end_col_offset.</summary>
public static class AstToPython
{
    static readonly PyStr s_lineno = PyStr.Intern("lineno"), s_col = PyStr.Intern("col_offset"),
        s_endLineno = PyStr.Intern("end_lineno"), s_endCol = PyStr.Intern("end_col_offset");

    public static PyObject Convert(ThreadState ts, Node node) => Node(ts, AstTypes.For(ts), node);

    static PyObject Node(ThreadState ts, AstTypes types, Node node)
    {
        if (types.Singletons.TryGetValue(node.PyName, out var single)) return single;
        ts.CheckStack();
        var cls = types.ByName[node.PyName];
        var obj = new PyAstObject(cls);
        var d = obj.Dict!;
        string[] names = node.FieldNames;
        object?[] values = node.FieldValues();
        bool isConstant = node is Constant;
        for (int i = 0; i < names.Length; i++)
            d.SetStr(names[i], isConstant && i == 0 ? PyCode.Materialize(values[i]) : Value(ts, types, values[i]));
        if (node is PositionedNode p)
        {
            d.SetStr(s_lineno, PyInt.From(p.lineno));
            d.SetStr(s_col, PyInt.From(p.col_offset));
            d.SetStr(s_endLineno, p.end_lineno is int el ? PyInt.From(el) : PyNone.Value);
            d.SetStr(s_endCol, p.end_col_offset is int ec ? PyInt.From(ec) : PyNone.Value);
        }
        return obj;
    }

    static PyObject Value(ThreadState ts, AstTypes types, object? v)
    {
        switch (v)
        {
            case null: return PyNone.Value;
            case Node n: return Node(ts, types, n);
            case string s: return new PyStr(s);
            case int i: return PyInt.From(i);
            case IList list:
            {
                var items = new PyObject[list.Count];
                for (int i = 0; i < items.Length; i++) items[i] = Value(ts, types, list[i]);
                return new PyList(items);
            }
            default: return PyCode.Materialize(v);
        }
    }
}
