#nullable enable
using System.Collections.Generic;
using System.Text;
namespace StacklessIron.Compiling;

/// <summary>
/// A dis-like listing of a CodeObject and, recursively, the code objects in its
/// constants. The format is the one tools/dis311.py prints for CPython 3.11, so the
/// two can be compared line by line.
/// </summary>
public static class Disassembler
{
    static readonly HashSet<Opcode> s_noArg = new()
    {
        Opcode.NOP, Opcode.POP_TOP, Opcode.PUSH_NULL, Opcode.BINARY_SUBSCR, Opcode.STORE_SUBSCR, Opcode.DELETE_SUBSCR,
        Opcode.UNARY_POSITIVE, Opcode.UNARY_NEGATIVE, Opcode.UNARY_NOT, Opcode.UNARY_INVERT, Opcode.LIST_TO_TUPLE,
        Opcode.GET_ITER, Opcode.GET_YIELD_FROM_ITER, Opcode.RETURN_VALUE, Opcode.YIELD_VALUE, Opcode.GET_AITER,
        Opcode.GET_ANEXT, Opcode.END_ASYNC_FOR, Opcode.BEFORE_ASYNC_WITH, Opcode.ASYNC_GEN_WRAP, Opcode.PUSH_EXC_INFO,
        Opcode.POP_EXCEPT, Opcode.CHECK_EXC_MATCH, Opcode.CHECK_EG_MATCH, Opcode.PREP_RERAISE_STAR, Opcode.WITH_EXCEPT_START,
        Opcode.BEFORE_WITH, Opcode.LOAD_ASSERTION_ERROR, Opcode.LOAD_BUILD_CLASS, Opcode.SETUP_ANNOTATIONS,
        Opcode.IMPORT_STAR, Opcode.PRINT_EXPR, Opcode.GET_LEN, Opcode.MATCH_MAPPING, Opcode.MATCH_SEQUENCE,
        Opcode.MATCH_KEYS, Opcode.COPY_DICT_WITHOUT_KEYS, Opcode.LOAD_LOCALS,
    };

    static readonly string[] s_compare = { "<", "<=", "==", "!=", ">", ">=" };

    public static string Dump(CodeObject co)
    {
        var sb = new StringBuilder();
        Dump(co, sb);
        return sb.ToString();
    }

    static string PyList(string[] items)
    {
        var parts = new List<string>();
        foreach (var s in items) parts.Add(AstUnparser.ReprString(s));
        return "[" + string.Join(", ", parts) + "]";
    }

    static void Dump(CodeObject co, StringBuilder sb)
    {
        int flags = (int)co.Flags & ~0x40 & 0xFFFFFFF;
        sb.Append($"code {co.Name} argc={co.ArgCount} posonly={co.PosOnlyArgCount} kwonly={co.KwOnlyArgCount} flags=0x{flags:x} stacksize={co.StackSize}\n");
        sb.Append($"  varnames={PyList(co.VarNames)} cellvars={PyList(co.CellVars)} freevars={PyList(co.FreeVars)}\n");
        sb.Append($"  names={PyList(co.Names)}\n");
        for (int i = 0; i < co.Code.Length; i++)
        {
            var op = CodeObject.OpOf(co.Code[i]);
            int arg = CodeObject.ArgOf(co.Code[i]);
            sb.Append(i.ToString().PadLeft(6)).Append(' ').Append(op.ToString());
            string? a = ArgText(co, op, arg);
            if (!string.IsNullOrEmpty(a)) sb.Append(' ').Append(a);
            sb.Append('\n');
        }
        foreach (var e in co.ExceptionTable)
            sb.Append($"  except {e.Start}..{e.End} -> {e.Target} depth={e.Depth}{(e.PushLasti ? " lasti" : "")}\n");
        foreach (var c in co.Constants)
            if (c is CodeObject inner) Dump(inner, sb);
    }

    static string? ArgText(CodeObject co, Opcode op, int arg)
    {
        if (s_noArg.Contains(op)) return null;
        switch (op)
        {
            case Opcode.LOAD_CONST:
                return co.Constants[arg] is CodeObject c ? $"<code {c.Name}>" : AstUnparser.Repr(co.Constants[arg]);
            case Opcode.KW_NAMES:
                return AstUnparser.Repr(co.Constants[arg]);
            case Opcode.COMPARE_OP:
                return arg >= 0 && arg < s_compare.Length ? s_compare[arg] : arg.ToString();
            case Opcode.LOAD_NAME: case Opcode.STORE_NAME: case Opcode.DELETE_NAME:
            case Opcode.LOAD_GLOBAL: case Opcode.STORE_GLOBAL: case Opcode.DELETE_GLOBAL:
            case Opcode.LOAD_ATTR: case Opcode.STORE_ATTR: case Opcode.DELETE_ATTR: case Opcode.LOAD_METHOD:
            case Opcode.IMPORT_NAME: case Opcode.IMPORT_FROM:
                return arg < co.Names.Length ? co.Names[arg] : $"?{arg}";
            case Opcode.LOAD_FAST: case Opcode.STORE_FAST: case Opcode.DELETE_FAST:
                return arg < co.VarNames.Length ? co.VarNames[arg] : $"?{arg}";
            case Opcode.LOAD_DEREF: case Opcode.STORE_DEREF: case Opcode.DELETE_DEREF:
            case Opcode.LOAD_CLOSURE: case Opcode.LOAD_CLASSDEREF:
                return arg < co.CellVars.Length ? co.CellVars[arg]
                    : arg - co.CellVars.Length < co.FreeVars.Length ? co.FreeVars[arg - co.CellVars.Length] : $"?{arg}";
            default:
                return arg.ToString();
        }
    }
}
