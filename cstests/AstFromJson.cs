using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Text.Json;
using StacklessIron.Parsing.Ast;

namespace StacklessIron.Tests;

/// <summary>
/// Rebuilds one of our AST trees from CPython's tree as tools/ast_oracle.py `trees` encodes it
/// (typed JSON), by the node classes' Python names and field names. Lets AstDump be checked on
/// real stdlib trees without our parser.
/// </summary>
public static class AstFromJson
{
    static readonly Dictionary<string, Type> NodeTypes = typeof(Node).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Node)) && !t.IsAbstract)
        .ToDictionary(t => PyNameOf(t));

    static string PyNameOf(Type t)
    {
        var instance = (Node)(t.GetField("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
                              ?? Activator.CreateInstance(t, nonPublic: true)!);
        return instance.PyName;
    }

    public static Node Build(JsonElement e)
    {
        string name = e.GetProperty("_").GetString()!;
        if (!NodeTypes.TryGetValue(name, out var type)) throw new InvalidOperationException($"no node class for {name}");
        var singleton = type.GetField("Instance", BindingFlags.Public | BindingFlags.Static);
        if (singleton != null) return (Node)singleton.GetValue(null)!;
        var node = (Node)Activator.CreateInstance(type, nonPublic: true)!;
        foreach (var prop in e.EnumerateObject())
        {
            if (prop.Name == "_") continue;
            if (prop.Name == "@")
            {
                var a = prop.Value.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Null ? (int?)null : x.GetInt32()).ToArray();
                ((PositionedNode)node).SetPosition(a[0]!.Value, a[1]!.Value, a[2], a[3]);
                continue;
            }
            var field = type.GetField(prop.Name, BindingFlags.Public | BindingFlags.Instance)
                        ?? throw new InvalidOperationException($"{name} has no field {prop.Name}");
            field.SetValue(node, Value(prop.Value, field.FieldType));
        }
        return node;
    }

    static object? Value(JsonElement e, Type target)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Null: return null;
            case JsonValueKind.Array:
                var list = (IList)Activator.CreateInstance(target)!;
                Type item = target.GetGenericArguments()[0];
                foreach (var x in e.EnumerateArray()) list.Add(Value(x, item));
                return list;
        }
        if (e.TryGetProperty("_", out _)) return Build(e);
        var tag = e.EnumerateObject().First();
        var v = tag.Value;
        switch (tag.Name)
        {
            case "s": return v.GetString()!;
            case "u": return FromCodePoints(v.EnumerateArray().Select(x => x.GetInt32()).ToArray());
            case "i":
                var big = BigInteger.Parse(v.GetString()!, CultureInfo.InvariantCulture);
                if (target == typeof(int) || target == typeof(int?)) return (int)big;
                return big;
            case "b": return v.GetBoolean();
            case "f": return Double(v.GetString()!);
            case "c": return new Complex(Double(v[0].GetString()!), Double(v[1].GetString()!));
            case "y": return Convert.FromHexString(v.GetString()!);
            case "e": return EllipsisConstant.Value;
        }
        throw new InvalidOperationException("unknown value tag " + tag.Name);
    }

    static double Double(string hex) => BitConverter.Int64BitsToDouble(Convert.ToInt64(hex, 16));

    /// <summary>A Python str given as code points, some of them surrogates: a string (a lone
    /// surrogate is one char), or a CodePointString when a high surrogate code point directly
    /// precedes a low one (in UTF-16 that would read as one astral code point, a different str).</summary>
    static object FromCodePoints(int[] cps)
    {
        if (CodePointString.IsNeeded(cps)) return new CodePointString(cps);
        var sb = new System.Text.StringBuilder();
        foreach (int cp in cps)
        {
            if (cp >= 0xD800 && cp <= 0xDFFF) sb.Append((char)cp); else sb.Append(char.ConvertFromUtf32(cp));
        }
        return sb.ToString();
    }
}
