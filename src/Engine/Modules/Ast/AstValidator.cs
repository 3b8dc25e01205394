#nullable enable
using System.Collections;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Modules.Ast;

/// <summary>The checks of CPython 3.11's AST validator that a tree built by hand can fail and the
/// parser never produces: expression contexts (Store/Del only on assignable targets, Load
/// elsewhere), empty bodies, None in expression lists, reserved names, mismatched Dict and
/// Compare lists. They raise the ValueErrors 3.11 raises, before the compiler sees the tree.</summary>
public sealed class AstValidator
{
    readonly ThreadState _ts;
    AstValidator(ThreadState ts) { _ts = ts; }

    public static void Validate(ThreadState ts, ModNode tree) => new AstValidator(ts).Walk(tree, "Load");

    void Walk(Node node, string ctx)
    {
        _ts.CheckStack();
        if (node is ExprNode e) CheckExpr(e, ctx);
        else CheckOther(node);
        string[] names = node.FieldNames;
        object?[] values = node.FieldValues();
        for (int i = 0; i < names.Length; i++)
        {
            string childCtx = ChildContext(node, names[i], ctx);
            switch (values[i])
            {
                case Node child: Walk(child, childCtx); break;
                case IList list when values[i] is not byte[]:
                    foreach (var item in list)
                    {
                        if (item is Node n) Walk(n, childCtx);
                        else if (item == null && list is System.Collections.Generic.List<ExprNode> && !NoneAllowed(node, names[i]))
                            throw PyExc.ValueError("None disallowed in expression list");
                    }
                    break;
            }
        }
    }

    static bool NoneAllowed(Node owner, string field) =>
        owner is Dict && field == "keys" || owner is Arguments && field == "kw_defaults";

    /// <summary>The context an expression in this field must have: Store for assignment targets,
    /// Del under `del`, the parent's own for the parts of a starred/list/tuple target.</summary>
    static string ChildContext(Node parent, string field, string parentCtx) => parent switch
    {
        Assign when field == "targets" => "Store",
        AugAssign or AnnAssign when field == "target" => "Store",
        For or AsyncFor or Comprehension or NamedExpr when field == "target" => "Store",
        WithItem when field == "optional_vars" => "Store",
        Delete when field == "targets" => "Del",
        Starred when field == "value" => parentCtx,
        List or Tuple when field == "elts" => parentCtx,
        _ => "Load",
    };

    void CheckExpr(ExprNode e, string ctx)
    {
        ExprContextNode? actual = e switch
        {
            Attribute a => a.ctx, Subscript s => s.ctx, Starred st => st.ctx, Name n => n.ctx, List l => l.ctx, Tuple t => t.ctx,
            _ => null,
        };
        if (actual != null)
        {
            if (actual.PyName != ctx)
                throw PyExc.ValueError($"expression must have {ctx} context but has {actual.PyName} instead");
        }
        else if (ctx != "Load")
            throw PyExc.ValueError($"expression which can't be assigned to in {ctx} context");
        switch (e)
        {
            case Name n when n.id is "None" or "True" or "False":
                throw PyExc.ValueError($"identifier field can't represent '{n.id}' constant");
            case Dict d when d.keys.Count != d.values.Count:
                throw PyExc.ValueError("Dict doesn't have the same number of keys as values");
            case Compare c when c.comparators.Count == 0:
                throw PyExc.ValueError("Compare with no comparators");
            case Compare c when c.comparators.Count != c.ops.Count:
                throw PyExc.ValueError("Compare has a different number of comparators and operands");
            case BoolOp b when b.values.Count < 2:
                throw PyExc.ValueError("BoolOp with less than 2 values");
        }
    }

    static void CheckOther(Node node)
    {
        IList? body = node switch
        {
            FunctionDef f => f.body, AsyncFunctionDef af => af.body, ClassDef c => c.body, For f => f.body, AsyncFor af => af.body,
            While w => w.body, If i => i.body, With w => w.body, AsyncWith aw => aw.body, Try t => t.body, TryStar ts => ts.body,
            ExceptHandler h => h.body, MatchCase m => m.body,
            _ => null,
        };
        if (body != null && body.Count == 0) throw PyExc.ValueError($"empty body on {node.PyName}");
        switch (node)
        {
            case Try t when t.handlers.Count == 0 && t.finalbody.Count == 0:
                throw PyExc.ValueError("Try has neither except handlers nor finalbody");
            case Try t when t.handlers.Count == 0 && t.orelse.Count > 0:
                throw PyExc.ValueError("Try has orelse but no except handlers");
            case TryStar t when t.handlers.Count == 0 && t.finalbody.Count == 0:
                throw PyExc.ValueError("TryStar has neither except handlers nor finalbody");
            case TryStar t when t.handlers.Count == 0 && t.orelse.Count > 0:
                throw PyExc.ValueError("TryStar has orelse but no except handlers");
            case Match m when m.cases.Count == 0:
                throw PyExc.ValueError("empty cases on Match");
            case ImportFrom f when f.level < 0:
                throw PyExc.ValueError("Negative ImportFrom level");
        }
    }
}
