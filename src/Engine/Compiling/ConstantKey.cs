#nullable enable
using System;
using System.Numerics;
using System.Text;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Compiling;

/// <summary>Identity of a constant for de-duplication in co_consts: equal values of the
/// same type share a slot (1, 1.0 and True stay apart; 0.0 and -0.0 stay apart), as
/// CPython's _PyCode_ConstantKey does.</summary>
public static class ConstantKey
{
    sealed class NoneKey { public static readonly NoneKey Value = new(); }

    public static object Of(object? value)
    {
        switch (value)
        {
            case null: return NoneKey.Value;
            case CodeObject c: return c;
            case string s: return "s" + s;
            default: return Render(value);
        }
    }

    static string Render(object? value)
    {
        var sb = new StringBuilder();
        Append(sb, value);
        return sb.ToString();
    }

    static void Append(StringBuilder sb, object? v)
    {
        switch (v)
        {
            case null: sb.Append("N"); break;
            case bool b: sb.Append(b ? "T" : "F"); break;
            case BigInteger i: sb.Append('i').Append(i.ToString()); break;
            case double d: sb.Append('f').Append(BitConverter.DoubleToInt64Bits(d)); break;
            case Complex c: sb.Append('c').Append(BitConverter.DoubleToInt64Bits(c.Real)).Append(',').Append(BitConverter.DoubleToInt64Bits(c.Imaginary)); break;
            case string s: sb.Append('s').Append(s.Length).Append(':').Append(s); break;
            case byte[] b: sb.Append('b').Append(b.Length).Append(':').Append(Convert.ToBase64String(b)); break;
            case EllipsisConstant: sb.Append('E'); break;
            case ConstTuple t:
                sb.Append("t(");
                foreach (var x in t.Items) { Append(sb, x); sb.Append(';'); }
                sb.Append(')');
                break;
            case ConstFrozenSet f:
                sb.Append("z(");
                foreach (var x in f.Items) { Append(sb, x); sb.Append(';'); }
                sb.Append(')');
                break;
            case CodeObject c: sb.Append("code@").Append(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(c)); break;
            default: sb.Append('?').Append(v.GetType().Name).Append(':').Append(v); break;
        }
    }
}
