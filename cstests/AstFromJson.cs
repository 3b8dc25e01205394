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

    /// <summary>A Python str given as code points, some of them surrogates. A .NET string can keep
    /// a lone surrogate, but not a high surrogate code point followed by a low one: in UTF-16 that
    /// is one astral code point, a different Python str.</summary>
    static string FromCodePoints(int[] cps)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < cps.Length; i++)
        {
            if (i > 0 && char.IsLowSurrogate((char)cps[i]) && cps[i] <= 0xFFFF && char.IsHighSurrogate((char)cps[i - 1]) && cps[i - 1] <= 0xFFFF)
                throw new UnrepresentableString(cps);
            if (cps[i] >= 0xD800 && cps[i] <= 0xDFFF) sb.Append((char)cps[i]); else sb.Append(char.ConvertFromUtf32(cps[i]));
        }
        return sb.ToString();
    }

    /// <summary>A Python str that no .NET string can hold (a surrogate code point pair).</summary>
    public sealed class UnrepresentableString : Exception
    {
        public UnrepresentableString(int[] codePoints)
            : base("Python str with a high then a low surrogate code point: " + string.Join(" ", codePoints.Select(c => c.ToString("x")))) { }
    }
}
