#nullable enable
using System;
using System.Collections.Generic;
using System.Numerics;
using StacklessIron.Parsing;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Compiling;

/// <summary>
/// Walks the (constant-folded) AST with its symbol table and emits bytecode the way
/// CPython 3.11's compile.c does, one CompilerUnit per code object. The statement,
/// expression, exception-handling and pattern-matching parts live in partial files.
/// </summary>
public sealed partial class CodeGenerator
{
    readonly string _filename;
    readonly SymbolTable _st;
    readonly int _optimize;
    readonly CodeFlags _futureFlags;
    readonly bool _interactive;
    readonly List<CompilerUnit> _stack = new();
    CompilerUnit _u = null!;
    int _nestLevel;
    int _depth;

    const int StackUseGuardrail = 30;
    const int MaxBlocks = 20;          // CO_MAXBLOCKS: "too many statically nested blocks"
    const int MaxDepth = 2000;

    CodeGenerator(string filename, SymbolTable st, int optimize, CodeFlags futureFlags, bool interactive)
    {
        _filename = filename; _st = st; _optimize = optimize; _futureFlags = futureFlags; _interactive = interactive;
    }

    bool FutureAnnotations => (_futureFlags & CodeFlags.FutureAnnotations) != 0;

    public static CodeObject Generate(ModNode tree, string filename, CompileMode mode, SymbolTable st, int optimize, CodeFlags futureFlags)
    {
        var g = new CodeGenerator(filename, st, optimize, futureFlags, mode == CompileMode.Single);
        return g.CompileModule(tree, mode);
    }

    CodeObject CompileModule(ModNode tree, CompileMode mode)
    {
        EnterScope("<module>", UnitKind.Module, tree, 1);
        switch (tree)
        {
            case Module m:
                CompileBody(m.body);
                break;
            case Interactive i:
                if (FindAnnotations(i.body)) Emit(Opcode.SETUP_ANNOTATIONS);
                foreach (var s in i.body) VisitStmt(s);
                break;
            case Expression e:
                VisitExpr(e.body);
                Emit(Opcode.RETURN_VALUE);
                break;
        }
        return ExitScope(addReturn: tree is not Expression);
    }

    // ---- errors -------------------------------------------------------------------

    PythonSyntaxError Error(string msg) => CompileError.At(_filename, _u.Loc.Line, _u.Loc.Col, _u.Loc.EndLine, _u.Loc.EndCol, msg);
    PythonSyntaxError ErrorAt(PositionedNode n, string msg) => CompileError.At(_filename, n, msg);

    void EnterRecursion()
    {
        if (++_depth > MaxDepth)
            throw new PythonSyntaxError("RecursionError", "maximum recursion depth exceeded during compilation", _filename, _u.Loc.Line, _u.Loc.Col + 1, null);
    }

    // ---- units ----------------------------------------------------------------------

    void EnterScope(string name, UnitKind kind, Node key, int firstLine)
    {
        var ste = _st.ScopeFor(key);
        var u = new CompilerUnit(ste, kind, name, firstLine);
        if (_u != null)
        {
            u.Private = _u.Private;
            _stack.Add(_u);
        }
        _u = u;
        _nestLevel++;
        SetQualName();
        if (kind == UnitKind.Module) _u.Loc = SourceLocation.None;
    }

    void SetQualName()
    {
        string? baseName = null;
        if (_stack.Count > 1)
        {
            var parent = _stack[^1];
            bool forceGlobal = false;
            if (_u.Kind is UnitKind.Function or UnitKind.AsyncFunction or UnitKind.Class)
            {
                string mangled = SymbolTable.Mangle(parent.Private, _u.Name);
                if (parent.Ste.ScopeOf(mangled) == SymbolScope.GlobalExplicit) forceGlobal = true;
            }
            if (!forceGlobal)
                baseName = parent.Kind is UnitKind.Function or UnitKind.AsyncFunction or UnitKind.Lambda
                    ? parent.QualName + ".<locals>" : parent.QualName;
        }
        _u.QualName = baseName != null ? baseName + "." + _u.Name : _u.Name;
    }

    CodeObject ExitScope(bool addReturn)
    {
        if (addReturn && !EndsWithReturn())
        {
            _u.Loc = SourceLocation.None;
            EmitConst(null);
            Emit(Opcode.RETURN_VALUE);
        }
        var co = Assemble(_u);
        _nestLevel--;
        if (_stack.Count > 0) { _u = _stack[^1]; _stack.RemoveAt(_stack.Count - 1); }
        return co;
    }

    bool EndsWithReturn()
    {
        var code = _u.Code;
        return code.Count > 0 && code[^1].Op == Opcode.RETURN_VALUE && _u.LastLabelAt != code.Count;
    }

    CodeObject Assemble(CompilerUnit u)
    {
        var co = new CodeObject
        {
            Name = u.Name,
            QualName = u.QualName,
            Filename = _filename,
            FirstLineNo = u.FirstLine,
            ArgCount = u.ArgCount,
            PosOnlyArgCount = u.PosOnlyArgCount,
            KwOnlyArgCount = u.KwOnlyArgCount,
            Flags = ComputeFlags(u),
        };
        Assembler.Assemble(u.Code, co);
        co.Constants = u.Consts.ToArray();
        co.Names = u.Names.ToArray();
        co.VarNames = u.VarNames.ToArray();
        co.CellVars = u.CellVars.ToArray();
        co.FreeVars = u.FreeVars.ToArray();
        if (u.Kind is UnitKind.Function or UnitKind.AsyncFunction && u.Consts.Count > 0 && u.Consts[0] is string doc)
            co.DocString = doc;
        return co;
    }

    CodeFlags ComputeFlags(CompilerUnit u)
    {
        var ste = u.Ste;
        CodeFlags flags = 0;
        if (ste.Kind == ScopeKind.Function)
        {
            flags |= CodeFlags.NewLocals | CodeFlags.Optimized;
            if (ste.Nested) flags |= CodeFlags.Nested;
            if (ste.IsGenerator && !ste.IsCoroutine) flags |= CodeFlags.Generator;
            if (!ste.IsGenerator && ste.IsCoroutine) flags |= CodeFlags.Coroutine;
            if (ste.IsGenerator && ste.IsCoroutine) flags |= CodeFlags.AsyncGenerator;
            if (ste.HasVarArgs) flags |= CodeFlags.VarArgs;
            if (ste.HasVarKeywords) flags |= CodeFlags.VarKeywords;
        }
        flags |= _futureFlags & Compiler.FutureFlagsMask;
        return flags;
    }

    // ---- emission -------------------------------------------------------------------

    Instruction Emit(Opcode op, int arg = 0)
    {
        if (op == Opcode.BUILD_TUPLE && FoldTupleOfConstants(arg)) return _u.Code[^1];
        if (op == Opcode.UNPACK_SEQUENCE && arg <= 3 && _u.Code.Count > 0 && _u.LastLabelAt != _u.Code.Count
            && _u.Code[^1].Op == Opcode.BUILD_TUPLE && _u.Code[^1].Arg == arg)
        {
            // `a, b = b, a`: the tuple is never built (3.11's optimize_basic_block).
            var build = _u.Code[^1];
            build.Op = Opcode.NOP; build.Arg = 0;
            var swap = new Instruction(arg == 1 ? Opcode.NOP : Opcode.SWAP, arg == 1 ? 0 : arg, null, _u.Loc);
            _u.Code.Add(swap);
            return swap;
        }
        var ins = new Instruction(op, arg, null, _u.Loc);
        _u.Code.Add(ins);
        return ins;
    }

    /// <summary>LOAD_CONST x n; BUILD_TUPLE n becomes one LOAD_CONST of the tuple (fold_tuple_on_constants).</summary>
    bool FoldTupleOfConstants(int n)
    {
        var code = _u.Code;
        if (code.Count < n || _u.LastLabelAt > code.Count - n) return false;
        var items = new object?[n];
        for (int i = 0; i < n; i++)
        {
            var ins = code[code.Count - n + i];
            if (ins.Op != Opcode.LOAD_CONST || ins.Target != null) return false;
            items[i] = _u.Consts[ins.Arg];
        }
        for (int i = 0; i < n; i++) { var ins = code[code.Count - n + i]; ins.Op = Opcode.NOP; ins.Arg = 0; }
        code.Add(new Instruction(Opcode.LOAD_CONST, _u.AddConst(new ConstTuple(items)), null, _u.Loc));
        return true;
    }

    void EmitNoLine(Opcode op, int arg = 0)
    {
        _u.Code.Add(new Instruction(op, arg, null, SourceLocation.None));
    }

    void EmitJump(Opcode op, Label target)
    {
        // LOAD_CONST + conditional jump: decide at compile time, as 3.11's CFG optimiser does.
        if (op is Opcode.POP_JUMP_IF_FALSE or Opcode.POP_JUMP_IF_TRUE && _u.Code.Count > 0 && _u.LastLabelAt != _u.Code.Count)
        {
            var last = _u.Code[^1];
            if (last.Op == Opcode.LOAD_CONST && last.Target == null)
            {
                bool truth = ConstantFolder.IsTrue(_u.Consts[last.Arg]);
                last.Op = Opcode.NOP; last.Arg = 0;
                if (truth == (op == Opcode.POP_JUMP_IF_TRUE))
                    _u.Code.Add(new Instruction(PseudoOp.Jump, 0, target, _u.Loc));
                return;
            }
        }
        // LOAD_CONST + JUMP_IF_X_OR_POP: either always jump keeping the value, or drop both.
        if (op is Opcode.JUMP_IF_FALSE_OR_POP or Opcode.JUMP_IF_TRUE_OR_POP && _u.Code.Count > 0 && _u.LastLabelAt != _u.Code.Count)
        {
            var last = _u.Code[^1];
            if (last.Op == Opcode.LOAD_CONST && last.Target == null)
            {
                bool truth = ConstantFolder.IsTrue(_u.Consts[last.Arg]);
                if (truth == (op == Opcode.JUMP_IF_TRUE_OR_POP))
                    _u.Code.Add(new Instruction(PseudoOp.Jump, 0, target, _u.Loc));
                else { last.Op = Opcode.NOP; last.Arg = 0; }
                return;
            }
        }
        _u.Code.Add(new Instruction(op, 0, target, _u.Loc));
    }

    void EmitJumpNoLine(Opcode op, Label target) => _u.Code.Add(new Instruction(op, 0, target, SourceLocation.None));

    void Mark(Label label)
    {
        label.Position = _u.Code.Count;
        _u.LastLabelAt = _u.Code.Count;
    }

    void EmitConst(object? value) => Emit(Opcode.LOAD_CONST, _u.AddConst(value));

    void EmitName(Opcode op, string name) => Emit(op, _u.AddName(SymbolTable.Mangle(_u.Private, name)));

    void UnsetLoc() => _u.Loc = SourceLocation.None;

    void SetLoc(PositionedNode n) => _u.Loc = SourceLocation.Of(n);

    // ---- names --------------------------------------------------------------------------

    enum NameOpKind { Fast, Global, Deref, Name }

    void CompileName(string name, ExprContextNode ctx) => NameOp(name, ctx is Load ? 0 : ctx is Store ? 1 : 2);

    /// <summary>Load (0), store (1) or delete (2) a name with the instruction its scope needs.</summary>
    void NameOp(string name, int ctx)
    {
        if (name == "__debug__")
        {
            if (ctx == 1) throw Error("cannot assign to __debug__");
            if (ctx == 2) throw Error("cannot delete __debug__");
        }
        string mangled = SymbolTable.Mangle(_u.Private, name);
        var scope = _u.Ste.ScopeOf(mangled);
        var kind = NameOpKind.Name;
        bool isFunction = _u.Ste.Kind == ScopeKind.Function;
        int derefIndex = -1;
        switch (scope)
        {
            case SymbolScope.Free:
                kind = NameOpKind.Deref; derefIndex = _u.CellVars.Count + _u.FreeVars.IndexOf(mangled); break;
            case SymbolScope.Cell:
                kind = NameOpKind.Deref; derefIndex = _u.CellVars.IndexOf(mangled); break;
            case SymbolScope.Local:
                if (isFunction) kind = NameOpKind.Fast; break;
            case SymbolScope.GlobalImplicit:
                if (isFunction) kind = NameOpKind.Global; break;
            case SymbolScope.GlobalExplicit:
                kind = NameOpKind.Global; break;
        }
        switch (kind)
        {
            case NameOpKind.Deref:
                if (derefIndex < 0) throw new InvalidOperationException($"no cell for {mangled} in {_u.Name}");
                Emit(ctx == 0 ? (_u.Ste.Kind == ScopeKind.Class ? Opcode.LOAD_CLASSDEREF : Opcode.LOAD_DEREF)
                     : ctx == 1 ? Opcode.STORE_DEREF : Opcode.DELETE_DEREF, derefIndex);
                return;
            case NameOpKind.Fast:
                Emit(ctx == 0 ? Opcode.LOAD_FAST : ctx == 1 ? Opcode.STORE_FAST : Opcode.DELETE_FAST, _u.AddVarName(mangled));
                return;
            case NameOpKind.Global:
                Emit(ctx == 0 ? Opcode.LOAD_GLOBAL : ctx == 1 ? Opcode.STORE_GLOBAL : Opcode.DELETE_GLOBAL, _u.AddName(mangled));
                return;
            default:
                Emit(ctx == 0 ? Opcode.LOAD_NAME : ctx == 1 ? Opcode.STORE_NAME : Opcode.DELETE_NAME, _u.AddName(mangled));
                return;
        }
    }

    /// <summary>Push a function made from `co`, with its closure cells (compiler_make_closure).</summary>
    void MakeClosure(CodeObject co, int flags)
    {
        if (co.FreeVars.Length > 0)
        {
            foreach (var name in co.FreeVars)
            {
                bool isCell = (_u.Kind == UnitKind.Class && name == "__class__") || _u.Ste.ScopeOf(name) == SymbolScope.Cell;
                int arg = isCell ? _u.CellVars.IndexOf(name) : _u.FreeVars.IndexOf(name);
                if (arg < 0)
                    throw new InvalidOperationException($"closure variable {name} of {co.Name} not found in {_u.Name}");
                if (!isCell) arg += _u.CellVars.Count;
                Emit(Opcode.LOAD_CLOSURE, arg);
            }
            flags |= 0x08;
            Emit(Opcode.BUILD_TUPLE, co.FreeVars.Length);
        }
        EmitConst(co);
        Emit(Opcode.MAKE_FUNCTION, flags);
    }

    // ---- frame blocks ---------------------------------------------------------------

    void PushFBlock(FBlockKind kind, Label? block, Label? exit, object? datum = null)
    {
        if (_u.FBlocks.Count >= MaxBlocks) throw Error("too many statically nested blocks");
        _u.FBlocks.Add(new FBlock(kind, block, exit, datum));
    }

    void PopFBlock(FBlockKind kind)
    {
        var top = _u.FBlocks[^1];
        if (top.Kind != kind) throw new InvalidOperationException($"fblock mismatch {top.Kind} vs {kind}");
        _u.FBlocks.RemoveAt(_u.FBlocks.Count - 1);
    }

    /// <summary>A constant's value in the canonical representation CodeObject documents.</summary>
    static object? NormalizeConstant(object? v) => v switch
    {
        int i => new BigInteger(i),
        long l => new BigInteger(l),
        float f => (double)f,
        _ => v,
    };
}
