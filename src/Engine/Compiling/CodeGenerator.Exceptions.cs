#nullable enable
using System.Collections.Generic;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Compiling;

// try/except/finally, except*, with/async with, and unwinding frame blocks on
// return/break/continue (compiler_try_* / compiler_with / compiler_unwind_fblock).
public sealed partial class CodeGenerator
{
    void PopExceptAndReraise()
    {
        Emit(Opcode.COPY, 3);
        Emit(Opcode.POP_EXCEPT);
        Emit(Opcode.RERAISE, 1);
    }

    void CallExitWithNones()
    {
        EmitConst(null);
        EmitConst(null);
        EmitConst(null);
        Emit(Opcode.CALL, 2);
    }

    /// <summary>Emits what leaving one frame block requires (compiler_unwind_fblock).</summary>
    void UnwindFBlock(FBlock info, bool preserveTos)
    {
        switch (info.Kind)
        {
            case FBlockKind.WhileLoop: case FBlockKind.ExceptionHandler: case FBlockKind.ExceptionGroupHandler:
            case FBlockKind.AsyncComprehensionGenerator:
                return;
            case FBlockKind.ForLoop:
                if (preserveTos) Emit(Opcode.SWAP, 2);
                Emit(Opcode.POP_TOP);
                return;
            case FBlockKind.TryExcept:
                Emit(PseudoOp.PopBlock);
                return;
            case FBlockKind.FinallyTry:
                Emit(PseudoOp.PopBlock);
                if (preserveTos) PushFBlock(FBlockKind.PopValue, null, null);
                VisitStmts((List<StmtNode>)info.Datum!);
                if (preserveTos) PopFBlock(FBlockKind.PopValue);
                UnsetLoc();
                return;
            case FBlockKind.FinallyEnd:
                if (preserveTos) Emit(Opcode.SWAP, 2);
                Emit(Opcode.POP_TOP);
                if (preserveTos) Emit(Opcode.SWAP, 2);
                Emit(PseudoOp.PopBlock);
                Emit(Opcode.POP_EXCEPT);
                return;
            case FBlockKind.With: case FBlockKind.AsyncWith:
                SetLoc((PositionedNode)info.Datum!);
                Emit(PseudoOp.PopBlock);
                if (preserveTos) Emit(Opcode.SWAP, 2);
                CallExitWithNones();
                if (info.Kind == FBlockKind.AsyncWith)
                {
                    Emit(Opcode.GET_AWAITABLE, 2);
                    EmitConst(null);
                    YieldFrom(true);
                }
                Emit(Opcode.POP_TOP);
                UnsetLoc();
                return;
            case FBlockKind.HandlerCleanup:
            {
                var name = info.Datum as string;
                if (name != null) Emit(PseudoOp.PopBlock);
                if (preserveTos) Emit(Opcode.SWAP, 2);
                Emit(PseudoOp.PopBlock);
                Emit(Opcode.POP_EXCEPT);
                if (name != null)
                {
                    EmitConst(null);
                    NameOp(name, 1);
                    NameOp(name, 2);
                }
                return;
            }
            case FBlockKind.PopValue:
                if (preserveTos) Emit(Opcode.SWAP, 2);
                Emit(Opcode.POP_TOP);
                return;
        }
    }

    /// <summary>Unwinds frame blocks from the innermost outwards, stopping at a loop when
    /// `stopAtLoop` (break/continue), which is then returned in `loop`.</summary>
    void UnwindFBlockStack(bool preserveTos, out FBlock? loop, bool stopAtLoop)
    {
        loop = null;
        if (_u.FBlocks.Count == 0) return;
        var top = _u.FBlocks[^1];
        if (top.Kind == FBlockKind.ExceptionGroupHandler)
            throw Error("'break', 'continue' and 'return' cannot appear in an except* block");
        if (stopAtLoop && top.Kind is FBlockKind.WhileLoop or FBlockKind.ForLoop) { loop = top; return; }
        _u.FBlocks.RemoveAt(_u.FBlocks.Count - 1);
        UnwindFBlock(top, preserveTos);
        UnwindFBlockStack(preserveTos, out loop, stopAtLoop);
        _u.FBlocks.Add(top);
    }

    void CompileTryFinally(List<StmtNode> body, List<ExcepthandlerNode> handlers, List<StmtNode> orelse, List<StmtNode> finalbody, bool star)
    {
        var bodyLabel = new Label(); var end = new Label(); var exit = new Label(); var cleanup = new Label();
        EmitJump(PseudoOp.SetupFinally, end);
        Mark(bodyLabel);
        PushFBlock(FBlockKind.FinallyTry, bodyLabel, end, finalbody);
        if (handlers.Count > 0)
        {
            if (star) CompileTryStarExcept(body, handlers, orelse);
            else CompileTryExcept(body, handlers, orelse);
        }
        else VisitStmts(body);
        EmitNoLine(PseudoOp.PopBlock);
        PopFBlock(FBlockKind.FinallyTry);
        VisitStmts(finalbody);
        EmitJumpNoLine(PseudoOp.Jump, exit);

        Mark(end);
        UnsetLoc();
        EmitJump(PseudoOp.SetupCleanup, cleanup);
        Emit(Opcode.PUSH_EXC_INFO);
        PushFBlock(FBlockKind.FinallyEnd, end, null);
        VisitStmts(finalbody);
        PopFBlock(FBlockKind.FinallyEnd);
        Emit(Opcode.RERAISE, 0);
        Mark(cleanup);
        PopExceptAndReraise();
        Mark(exit);
    }

    void CompileTryExcept(List<StmtNode> body, List<ExcepthandlerNode> handlers, List<StmtNode> orelse)
    {
        var bodyLabel = new Label(); var except = new Label(); var end = new Label(); var cleanup = new Label();
        EmitJump(PseudoOp.SetupFinally, except);
        Mark(bodyLabel);
        PushFBlock(FBlockKind.TryExcept, bodyLabel, null);
        VisitStmts(body);
        PopFBlock(FBlockKind.TryExcept);
        EmitNoLine(PseudoOp.PopBlock);
        VisitStmts(orelse);
        EmitJumpNoLine(PseudoOp.Jump, end);

        Mark(except);
        UnsetLoc();
        EmitJump(PseudoOp.SetupCleanup, cleanup);
        Emit(Opcode.PUSH_EXC_INFO);
        PushFBlock(FBlockKind.ExceptionHandler, null, null);
        for (int i = 0; i < handlers.Count; i++)
        {
            var h = (ExceptHandler)handlers[i];
            SetLoc(h);
            if (h.type == null && i < handlers.Count - 1) throw Error("default 'except:' must be last");
            var next = new Label();
            if (h.type != null)
            {
                VisitExpr(h.type);
                SetLoc(h);
                Emit(Opcode.CHECK_EXC_MATCH);
                EmitJump(Opcode.POP_JUMP_IF_FALSE, next);
            }
            if (h.name != null)
            {
                var cleanupEnd = new Label(); var cleanupBody = new Label();
                NameOp(h.name, 1);
                EmitJump(PseudoOp.SetupCleanup, cleanupEnd);
                Mark(cleanupBody);
                PushFBlock(FBlockKind.HandlerCleanup, cleanupBody, null, h.name);
                VisitStmts(h.body);
                PopFBlock(FBlockKind.HandlerCleanup);
                UnsetLoc();
                Emit(PseudoOp.PopBlock);
                Emit(PseudoOp.PopBlock);
                Emit(Opcode.POP_EXCEPT);
                EmitConst(null);
                NameOp(h.name, 1);
                NameOp(h.name, 2);
                EmitJump(PseudoOp.Jump, end);

                Mark(cleanupEnd);
                UnsetLoc();
                EmitConst(null);
                NameOp(h.name, 1);
                NameOp(h.name, 2);
                Emit(Opcode.RERAISE, 1);
            }
            else
            {
                var cleanupBody = new Label();
                Emit(Opcode.POP_TOP);
                Mark(cleanupBody);
                PushFBlock(FBlockKind.HandlerCleanup, cleanupBody, null, null);
                VisitStmts(h.body);
                PopFBlock(FBlockKind.HandlerCleanup);
                UnsetLoc();
                Emit(PseudoOp.PopBlock);
                Emit(Opcode.POP_EXCEPT);
                EmitJump(PseudoOp.Jump, end);
            }
            Mark(next);
        }
        UnsetLoc();
        PopFBlock(FBlockKind.ExceptionHandler);
        Emit(Opcode.RERAISE, 0);
        Mark(cleanup);
        PopExceptAndReraise();
        Mark(end);
    }

    void CompileTryStarExcept(List<StmtNode> body, List<ExcepthandlerNode> handlers, List<StmtNode> orelse)
    {
        var bodyLabel = new Label(); var except = new Label(); var orelseLabel = new Label(); var end = new Label();
        var cleanup = new Label(); var reraiseStar = new Label();
        EmitJump(PseudoOp.SetupFinally, except);
        Mark(bodyLabel);
        PushFBlock(FBlockKind.TryExcept, bodyLabel, null);
        VisitStmts(body);
        PopFBlock(FBlockKind.TryExcept);
        EmitNoLine(PseudoOp.PopBlock);
        EmitJumpNoLine(PseudoOp.Jump, orelseLabel);

        Mark(except);
        UnsetLoc();
        EmitJump(PseudoOp.SetupCleanup, cleanup);
        Emit(Opcode.PUSH_EXC_INFO);
        PushFBlock(FBlockKind.ExceptionGroupHandler, null, null, "except handler");
        for (int i = 0; i < handlers.Count; i++)
        {
            var h = (ExceptHandler)handlers[i];
            SetLoc(h);
            var next = new Label(); var exceptWithError = new Label(); var noMatch = new Label();
            if (i == 0)
            {
                // [exc] -> [orig, [], exc]: the original group and the list of raised/re-raised parts.
                Emit(Opcode.COPY, 1);
                Emit(Opcode.BUILD_LIST, 0);
                Emit(Opcode.SWAP, 2);
            }
            if (h.type != null)
            {
                VisitExpr(h.type);
                SetLoc(h);
                Emit(Opcode.CHECK_EG_MATCH);
                Emit(Opcode.COPY, 1);
                EmitJump(Opcode.POP_JUMP_IF_NONE, noMatch);
            }
            var cleanupEnd = new Label(); var cleanupBody = new Label();
            if (h.name != null) NameOp(h.name, 1);
            else Emit(Opcode.POP_TOP);
            EmitJump(PseudoOp.SetupCleanup, cleanupEnd);
            Mark(cleanupBody);
            PushFBlock(FBlockKind.HandlerCleanup, cleanupBody, null, h.name);
            VisitStmts(h.body);
            PopFBlock(FBlockKind.HandlerCleanup);
            Emit(PseudoOp.PopBlock);
            if (h.name != null)
            {
                EmitConst(null);
                NameOp(h.name, 1);
                NameOp(h.name, 2);
            }
            EmitJump(PseudoOp.Jump, next);

            Mark(cleanupEnd);
            if (h.name != null)
            {
                EmitConst(null);
                NameOp(h.name, 1);
                NameOp(h.name, 2);
            }
            Emit(Opcode.LIST_APPEND, 3);   // the exception raised in the handler
            Emit(Opcode.POP_TOP);          // lasti
            EmitJump(PseudoOp.Jump, exceptWithError);

            Mark(next);
            Emit(Opcode.NOP);
            EmitJump(PseudoOp.Jump, exceptWithError);

            Mark(noMatch);
            Emit(Opcode.POP_TOP);          // the None match
            Mark(exceptWithError);
            if (i == handlers.Count - 1)
            {
                Emit(Opcode.LIST_APPEND, 1);  // the unhandled rest (or None)
                EmitJump(PseudoOp.Jump, reraiseStar);
            }
        }
        UnsetLoc();
        PopFBlock(FBlockKind.ExceptionGroupHandler);
        var reraise = new Label();
        Mark(reraiseStar);
        Emit(Opcode.PREP_RERAISE_STAR);
        Emit(Opcode.COPY, 1);
        EmitJump(Opcode.POP_JUMP_IF_NOT_NONE, reraise);
        Emit(Opcode.POP_TOP);
        Emit(PseudoOp.PopBlock);
        Emit(Opcode.POP_EXCEPT);
        EmitJump(PseudoOp.Jump, end);
        Mark(reraise);
        Emit(PseudoOp.PopBlock);
        Emit(Opcode.SWAP, 2);
        Emit(Opcode.POP_EXCEPT);
        Emit(Opcode.RERAISE, 0);
        Mark(cleanup);
        PopExceptAndReraise();
        Mark(orelseLabel);
        VisitStmts(orelse);
        Mark(end);
    }

    void WithExceptFinish(Label cleanup)
    {
        var exit = new Label();
        EmitJump(Opcode.POP_JUMP_IF_TRUE, exit);
        Emit(Opcode.RERAISE, 2);
        Mark(cleanup);
        PopExceptAndReraise();
        Mark(exit);
        Emit(Opcode.POP_TOP);      // exc_value
        Emit(PseudoOp.PopBlock);
        Emit(Opcode.POP_EXCEPT);
        Emit(Opcode.POP_TOP);
        Emit(Opcode.POP_TOP);
    }

    void CompileWith(With s, int pos)
    {
        var item = s.items[pos];
        var block = new Label(); var final = new Label(); var exit = new Label(); var cleanup = new Label();
        VisitExpr(item.context_expr);
        SetLoc(s);
        Emit(Opcode.BEFORE_WITH);
        EmitJump(PseudoOp.SetupWith, final);
        Mark(block);
        PushFBlock(FBlockKind.With, block, final, s);
        if (item.optional_vars != null) VisitExpr(item.optional_vars);
        else Emit(Opcode.POP_TOP);
        pos++;
        if (pos == s.items.Count) VisitStmts(s.body);
        else CompileWith(s, pos);
        UnsetLoc();
        Emit(PseudoOp.PopBlock);
        PopFBlock(FBlockKind.With);
        SetLoc(s);
        CallExitWithNones();
        Emit(Opcode.POP_TOP);
        EmitJump(PseudoOp.Jump, exit);

        Mark(final);
        EmitJump(PseudoOp.SetupCleanup, cleanup);
        Emit(Opcode.PUSH_EXC_INFO);
        Emit(Opcode.WITH_EXCEPT_START);
        WithExceptFinish(cleanup);
        Mark(exit);
    }

    void CompileAsyncWith(AsyncWith s, int pos)
    {
        if (_u.Kind != UnitKind.AsyncFunction) throw Error("'async with' outside async function");
        var item = s.items[pos];
        var block = new Label(); var final = new Label(); var exit = new Label(); var cleanup = new Label();
        VisitExpr(item.context_expr);
        SetLoc(s);
        Emit(Opcode.BEFORE_ASYNC_WITH);
        Emit(Opcode.GET_AWAITABLE, 1);
        EmitConst(null);
        YieldFrom(true);
        EmitJump(PseudoOp.SetupWith, final);
        Mark(block);
        PushFBlock(FBlockKind.AsyncWith, block, final, s);
        if (item.optional_vars != null) VisitExpr(item.optional_vars);
        else Emit(Opcode.POP_TOP);
        pos++;
        if (pos == s.items.Count) VisitStmts(s.body);
        else CompileAsyncWith(s, pos);
        PopFBlock(FBlockKind.AsyncWith);
        Emit(PseudoOp.PopBlock);
        SetLoc(s);
        CallExitWithNones();
        Emit(Opcode.GET_AWAITABLE, 2);
        EmitConst(null);
        YieldFrom(true);
        Emit(Opcode.POP_TOP);
        EmitJump(PseudoOp.Jump, exit);

        Mark(final);
        EmitJump(PseudoOp.SetupCleanup, cleanup);
        Emit(Opcode.PUSH_EXC_INFO);
        Emit(Opcode.WITH_EXCEPT_START);
        Emit(Opcode.GET_AWAITABLE, 2);
        EmitConst(null);
        YieldFrom(true);
        WithExceptFinish(cleanup);
        Mark(exit);
    }

    /// <summary>The 3.11 delegation loop: SEND exit; YIELD_VALUE; JUMP_BACKWARD start.</summary>
    void YieldFrom(bool isAwait)
    {
        var start = new Label(); var exit = new Label();
        Mark(start);
        EmitJump(Opcode.SEND, exit);
        Emit(Opcode.YIELD_VALUE);
        EmitJump(PseudoOp.Jump, start);
        Mark(exit);
    }
}
