#nullable enable
using System;
using System.Collections;
using System.Numerics;
using StacklessIron.Objects;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Modules.Ast;

/// <summary>`_ast` objects back to the parser's AST, for compile(tree, ...). It reads the same
/// attributes in the same order as CPython 3.11 (positions of a sum type before its kind is
/// checked) and raises the same TypeErrors for a missing field, a wrong type or a non-list
/// sequence; <see cref="AstValidator"/> then checks what only the whole tree can tell.</summary>
public sealed class AstFromPython
{
    readonly ThreadState _ts;
    readonly AstTypes _types;

    AstFromPython(ThreadState ts) { _ts = ts; _types = AstTypes.For(ts); }

    /// <summary>True when `o` is an instance of ast.AST (what compile() accepts as a tree).</summary>
    public static bool IsAst(PyObject o) => o.Type.IsSubtypeOf(PyAstObject.TypeObject);

    /// <summary>The tree for a compile() mode: Module for exec, Expression for eval, Interactive for single.</summary>
    public static ModNode ConvertMod(ThreadState ts, PyObject obj, string expected)
    {
        var c = new AstFromPython(ts);
        var info = c._types.ClassOf(obj);
        if (info == null || info.Name != expected)
            throw PyExc.TypeError($"expected {expected} node, got {obj.Type.Name}");
        return (ModNode)c.Build(obj, info);
    }

    /// <summary>A value of ASDL type `asdl` (no suffix); None gives null.</summary>
    object? One(PyObject value, string asdl)
    {
        switch (asdl)
        {
            case "identifier":
                if (value is not PyStr id) throw PyExc.TypeError("AST identifier must be of type str");
                return id.Value;
            case "string":
                if (value is not PyStr s) throw PyExc.TypeError("AST string must be of type str");
                return s.Value;
            case "int":
                if (value is not PyInt i || value is PyBool) throw PyExc.ValueError($"invalid integer value: {Ops.ReprString(_ts, value)}");
                return (int)i.Big;
            case "constant":
                return Constant(value);
        }
        if (value == PyNone.Value && asdl != "arguments" && asdl != "arg" && asdl != "keyword" && asdl != "alias"
            && asdl != "withitem" && asdl != "match_case" && asdl != "comprehension")
            return null;
        _ts.CheckStack();
        var info = _types.ClassOf(value);
        var expected = _types.ByName[asdl];
        bool isProduct = !_types.ConcreteOf.ContainsKey(asdl);
        if (isProduct) return Build(value, _types.InfoOf[expected]);
        // A sum type reads the shared positions first (so a field-less object fails on "lineno").
        var baseInfo = _types.InfoOf[expected];
        var positions = ReadPositions(value, baseInfo);
        if (info == null || info.BaseName != asdl)
            throw PyExc.TypeError($"expected some sort of {asdl}, but got {Ops.ReprString(_ts, value)}");
        var node = Build(value, info, skipPositions: true);
        if (positions != null && node is PositionedNode p)
            p.SetPosition(positions.Value.line, positions.Value.col, positions.Value.endLine, positions.Value.endCol);
        return node;
    }

    (int line, int col, int? endLine, int? endCol)? ReadPositions(PyObject obj, AstClassInfo owner)
    {
        if (owner.Attributes.Length == 0) return null;
        int line = (int)One(Required(obj, "lineno", owner.Name), "int")!;
        int col = (int)One(Required(obj, "col_offset", owner.Name), "int")!;
        var el = Ops.GetAttrOrNull(_ts, obj, PyStr.Intern("end_lineno"));
        var ec = Ops.GetAttrOrNull(_ts, obj, PyStr.Intern("end_col_offset"));
        int? endLine = el == null || el == PyNone.Value ? null : (int)One(el, "int")!;
        int? endCol = ec == null || ec == PyNone.Value ? null : (int)One(ec, "int")!;
        return (line, col, endLine, endCol);
    }

    PyObject Required(PyObject obj, string field, string owner) =>
        Ops.GetAttrOrNull(_ts, obj, PyStr.Intern(field)) ?? throw PyExc.TypeError($"required field \"{field}\" missing from {owner}");

    Node Build(PyObject obj, AstClassInfo info, bool skipPositions = false)
    {
        var node = info.Create!();
        if (info.IsSingleton) return node;
        for (int i = 0; i < info.Fields.Length; i++)
        {
            string field = info.Fields[i], type = info.FieldTypes[i];
            bool seq = type.EndsWith('*'), opt = type.EndsWith('?');
            string elem = type.TrimEnd('*', '?');
            var raw = Ops.GetAttrOrNull(_ts, obj, PyStr.Intern(field));
            if (raw == null)
            {
                if (!opt) throw PyExc.TypeError($"required field \"{field}\" missing from {info.Name}");
                continue;
            }
            if (seq)
            {
                if (raw is not PyList list) throw PyExc.TypeError($"{info.Name} field \"{field}\" must be a list, not a {raw.Type.Name}");
                var target = AstSchema.NewList(elem);
                int n = list.Count;
                for (int k = 0; k < n; k++)
                {
                    if (list.Count != n) throw PyExc.RuntimeError($"{info.Name} field \"{field}\" changed size during iteration");
                    var item = One(list.Items[k], elem);
                    if (item == null && elem == "stmt") throw PyExc.ValueError("None disallowed in statement list");
                    target.Add(item);
                }
                info.SetField!(node, i, target);
                continue;
            }
            if (raw == PyNone.Value && opt) continue;
            var value = One(raw, elem);
            if (value == null && elem != "constant")
                throw PyExc.ValueError($"field '{field}' is required for {info.Name}");
            info.SetField!(node, i, value);
        }
        if (!skipPositions && node is PositionedNode p && ReadPositions(obj, info) is { } pos)
            p.SetPosition(pos.line, pos.col, pos.endLine, pos.endCol);
        return node;
    }

    /// <summary>A Constant's value: only the types the compiler can store (3.11's validate_constant).</summary>
    object? Constant(PyObject v)
    {
        if (v == PyNone.Value) return null;
        if (v == PyEllipsis.Value) return EllipsisConstant.Value;
        if (v is PyBool b) return b == PyBool.True;
        var t = v.Type;
        if (t == PyInt.TypeObject) return ((PyInt)v).Big;
        if (t == PyFloat.TypeObject) return ((PyFloat)v).Value;
        if (t == PyComplex.TypeObject) { var z = (PyComplex)v; return new Complex(z.Real, z.Imag); }
        if (t == TypeObjects.Str) return ((PyStr)v).Value;
        if (t == PyBytes.TypeObject) return ((PyBytes)v).Data;
        if (t == TypeObjects.Tuple) return new Compiling.ConstTuple(Array.ConvertAll(((PyTuple)v).Items, Constant));
        if (t == PyFrozenSet.TypeObject) return new Compiling.ConstFrozenSet(Array.ConvertAll(Ops.ToArray(_ts, v), Constant));
        throw PyExc.TypeError($"got an invalid type in Constant: {t.Name}");
    }
}
