#nullable enable
using System.Collections.Generic;
using System.Numerics;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Compiling;

// Structural pattern matching (compiler_match & compiler_pattern_* of 3.11).
public sealed partial class CodeGenerator
{
    /// <summary>State while compiling one case's pattern (CPython's pattern_context).</summary>
    sealed class PatternContext
    {
        public List<string> Stores = new();
        public bool AllowIrrefutable;
        public List<Label> FailPop = new();
        public int OnTop;
    }

    static bool IsWildcard(PatternNode p) => p is MatchAs { pattern: null, name: null };
    static bool IsStarWildcard(PatternNode p) => p is MatchStar { name: null };

    void CompileMatch(Match s)
    {
        VisitExpr(s.subject);
        var end = new Label();
        int cases = s.cases.Count;
        var last = s.cases[cases - 1];
        bool hasDefault = IsWildcard(last.pattern) && cases > 1;
        var pc = new PatternContext();
        for (int i = 0; i < cases - (hasDefault ? 1 : 0); i++)
        {
            var m = s.cases[i];
            SetLoc(m.pattern);
            bool notLast = i != cases - (hasDefault ? 1 : 0) - 1;
            if (notLast) Emit(Opcode.COPY, 1);
            pc.Stores = new List<string>();
            pc.AllowIrrefutable = m.guard != null || i == cases - 1;
            pc.FailPop = new List<Label>();
            pc.OnTop = 0;
            CompilePattern(m.pattern, pc);
            foreach (var name in pc.Stores) NameOp(name, 1);
            if (m.guard != null)
            {
                EnsureFailPop(pc, 0);
                JumpIf(m.guard, pc.FailPop[0], false);
            }
            if (notLast) Emit(Opcode.POP_TOP);
            VisitStmts(m.body);
            EmitJump(PseudoOp.Jump, end);
            SetLoc(m.pattern);
            EmitAndResetFailPop(pc);
        }
        if (hasDefault)
        {
            SetLoc(last.pattern);
            if (cases == 1) Emit(Opcode.POP_TOP);
            else Emit(Opcode.NOP);
            if (last.guard != null) JumpIf(last.guard, end, false);
            VisitStmts(last.body);
        }
        Mark(end);
    }

    void EnsureFailPop(PatternContext pc, int n)
    {
        while (pc.FailPop.Count < n + 1) pc.FailPop.Add(new Label());
    }

    void JumpToFailPop(PatternContext pc, Opcode op)
    {
        int pops = pc.OnTop + pc.Stores.Count;
        EnsureFailPop(pc, pops);
        if (op == Opcode.POP_JUMP_IF_FALSE) EmitCondJump(false, pc.FailPop[pops]);
        else EmitJump(op, pc.FailPop[pops]);
    }

    void EmitAndResetFailPop(PatternContext pc)
    {
        if (pc.FailPop.Count == 0) return;
        for (int i = pc.FailPop.Count - 1; i > 0; i--)
        {
            Mark(pc.FailPop[i]);
            Emit(Opcode.POP_TOP);
        }
        Mark(pc.FailPop[0]);
        pc.FailPop = new List<Label>();
    }

    void PatternRotate(int count)
    {
        while (count > 1) Emit(Opcode.SWAP, count--);
    }

    void PatternStoreName(string? name, PatternContext pc)
    {
        if (name == null) { Emit(Opcode.POP_TOP); return; }
        if (name == "__debug__") throw Error("cannot assign to __debug__");
        if (pc.Stores.Contains(name)) throw Error($"multiple assignments to name '{name}' in pattern");
        PatternRotate(pc.OnTop + pc.Stores.Count + 1);
        pc.Stores.Add(name);
    }

    void PatternUnpackHelper(List<PatternNode> elts)
    {
        int n = elts.Count;
        bool seenStar = false;
        for (int i = 0; i < n; i++)
        {
            if (elts[i] is MatchStar && !seenStar)
            {
                if (i >= (1 << 8) || n - i - 1 >= (int.MaxValue >> 8))
                    throw Error("too many expressions in star-unpacking sequence pattern");
                Emit(Opcode.UNPACK_EX, i + ((n - i - 1) << 8));
                seenStar = true;
            }
            else if (elts[i] is MatchStar) throw Error("multiple starred expressions in sequence pattern");
        }
        if (!seenStar) Emit(Opcode.UNPACK_SEQUENCE, n);
    }

    void CompileSubpattern(PatternNode p, PatternContext pc)
    {
        bool allow = pc.AllowIrrefutable;
        pc.AllowIrrefutable = true;
        CompilePattern(p, pc);
        pc.AllowIrrefutable = allow;
    }

    void CompilePattern(PatternNode p, PatternContext pc)
    {
        EnterRecursion();
        SetLoc(p);
        switch (p)
        {
            case MatchValue v:
                if (v.value is not (Constant or Attribute))
                    throw Error("patterns may only match literals and attribute lookups");
                VisitExpr(v.value);
                EmitCompare(Eq.Instance);
                JumpToFailPop(pc, Opcode.POP_JUMP_IF_FALSE);
                break;
            case MatchSingleton s:
                EmitConst(s.value);
                EmitCompare(Is.Instance);
                JumpToFailPop(pc, Opcode.POP_JUMP_IF_FALSE);
                break;
            case MatchSequence seq: CompileSequencePattern(seq, pc); break;
            case MatchMapping m: CompileMappingPattern(m, pc); break;
            case MatchClass c: CompileClassPattern(c, pc); break;
            case MatchStar st: PatternStoreName(st.name, pc); break;
            case MatchAs a:
                if (a.pattern == null)
                {
                    if (!pc.AllowIrrefutable)
                    {
                        if (a.name != null) throw Error($"name capture '{a.name}' makes remaining patterns unreachable");
                        throw Error("wildcard makes remaining patterns unreachable");
                    }
                    PatternStoreName(a.name, pc);
                    break;
                }
                pc.OnTop++;
                Emit(Opcode.COPY, 1);
                CompilePattern(a.pattern, pc);
                pc.OnTop--;
                PatternStoreName(a.name, pc);
                break;
            case MatchOr o: CompileOrPattern(o, pc); break;
        }
        _depth--;
    }

    void CompileSequencePattern(MatchSequence p, PatternContext pc)
    {
        var patterns = p.patterns;
        int size = patterns.Count;
        int star = -1;
        bool onlyWildcard = true, starWildcard = false;
        for (int i = 0; i < size; i++)
        {
            var q = patterns[i];
            if (q is MatchStar)
            {
                if (star >= 0) throw Error("multiple starred names in sequence pattern");
                starWildcard = IsStarWildcard(q);
                onlyWildcard &= starWildcard;
                star = i;
                continue;
            }
            onlyWildcard &= IsWildcard(q);
        }
        pc.OnTop++;
        Emit(Opcode.MATCH_SEQUENCE);
        JumpToFailPop(pc, Opcode.POP_JUMP_IF_FALSE);
        if (star < 0)
        {
            Emit(Opcode.GET_LEN);
            EmitConst(new BigInteger(size));
            EmitCompare(Eq.Instance);
            JumpToFailPop(pc, Opcode.POP_JUMP_IF_FALSE);
        }
        else if (size > 1)
        {
            Emit(Opcode.GET_LEN);
            EmitConst(new BigInteger(size - 1));
            EmitCompare(GtE.Instance);
            JumpToFailPop(pc, Opcode.POP_JUMP_IF_FALSE);
        }
        pc.OnTop--;
        if (onlyWildcard) Emit(Opcode.POP_TOP);
        else if (starWildcard)
        {
            // Index the subject instead of unpacking it: [first, *_, last].
            pc.OnTop++;
            for (int i = 0; i < size; i++)
            {
                var q = patterns[i];
                if (IsWildcard(q) || i == star) continue;
                Emit(Opcode.COPY, 1);
                if (i < star) EmitConst(new BigInteger(i));
                else
                {
                    Emit(Opcode.GET_LEN);
                    EmitConst(new BigInteger(size - i));
                    Emit(Opcode.BINARY_OP, (int)BinaryOpArg.Subtract);
                }
                Emit(Opcode.BINARY_SUBSCR);
                CompileSubpattern(q, pc);
            }
            pc.OnTop--;
            Emit(Opcode.POP_TOP);
        }
        else
        {
            PatternUnpackHelper(patterns);
            pc.OnTop += size;
            foreach (var q in patterns)
            {
                pc.OnTop--;
                CompileSubpattern(q, pc);
            }
        }
    }

    void CompileMappingPattern(MatchMapping p, PatternContext pc)
    {
        var keys = p.keys;
        var patterns = p.patterns;
        int size = keys.Count;
        if (size != patterns.Count) throw Error($"keys ({size}) / patterns ({patterns.Count}) length mismatch in mapping pattern");
        var starTarget = p.rest;
        pc.OnTop++;
        Emit(Opcode.MATCH_MAPPING);
        JumpToFailPop(pc, Opcode.POP_JUMP_IF_FALSE);
        if (size == 0 && starTarget == null)
        {
            pc.OnTop--;
            Emit(Opcode.POP_TOP);
            return;
        }
        if (size > 0)
        {
            Emit(Opcode.GET_LEN);
            EmitConst(new BigInteger(size));
            EmitCompare(GtE.Instance);
            JumpToFailPop(pc, Opcode.POP_JUMP_IF_FALSE);
        }
        var seen = new HashSet<object>();
        bool allConst = true;
        foreach (var key in keys)
        {
            if (key is Constant kc)
            {
                var k = ConstantKey.Of(NormalizeConstant(kc.value));
                if (!seen.Add(EqualityKey(kc.value) ?? k))
                    throw Error($"mapping pattern checks duplicate key ({AstUnparser.Repr(kc.value)})");
            }
            else if (key is not Attribute) throw Error("mapping pattern keys may only match literals and attribute lookups");
            else allConst = false;
        }
        if (allConst)
        {
            var items = new object?[size];
            for (int i = 0; i < size; i++) items[i] = NormalizeConstant(((Constant)keys[i]).value);
            EmitConst(new ConstTuple(items));
        }
        else
        {
            foreach (var key in keys) VisitExpr(key);
            Emit(Opcode.BUILD_TUPLE, size);
        }
        SetLoc(p);
        Emit(Opcode.MATCH_KEYS);
        pc.OnTop += 2;
        Emit(Opcode.COPY, 1);
        EmitConst(null);
        Emit(Opcode.IS_OP, 1);
        JumpToFailPop(pc, Opcode.POP_JUMP_IF_FALSE);
        Emit(Opcode.UNPACK_SEQUENCE, size);
        pc.OnTop += size - 1;
        foreach (var q in patterns)
        {
            pc.OnTop--;
            CompileSubpattern(q, pc);
        }
        pc.OnTop -= 2;
        if (starTarget != null)
        {
            // rest = dict(subject); del rest[key] for each matched key
            Emit(Opcode.BUILD_MAP, 0);
            Emit(Opcode.SWAP, 3);
            Emit(Opcode.DICT_UPDATE, 2);
            Emit(Opcode.UNPACK_SEQUENCE, size);
            while (size > 0)
            {
                Emit(Opcode.COPY, 1 + size--);
                Emit(Opcode.SWAP, 2);
                Emit(Opcode.DELETE_SUBSCR);
            }
            PatternStoreName(starTarget, pc);
        }
        else
        {
            Emit(Opcode.POP_TOP);
            Emit(Opcode.POP_TOP);
        }
    }

    /// <summary>Keys equal in Python (1, 1.0, True) must count as duplicates.</summary>
    static object? EqualityKey(object? v) => v switch
    {
        bool b => "n" + (b ? "1" : "0"),
        int i => "n" + i,
        long l => "n" + l,
        BigInteger i => "n" + i,
        double d when d == System.Math.Floor(d) && !double.IsInfinity(d) && System.Math.Abs(d) < 1e300 => "n" + new BigInteger(d),
        _ => null,
    };

    void CompileClassPattern(MatchClass p, PatternContext pc)
    {
        var patterns = p.patterns;
        var kwdAttrs = p.kwd_attrs;
        var kwdPatterns = p.kwd_patterns;
        int nargs = patterns.Count, nattrs = kwdAttrs.Count;
        if (nattrs != kwdPatterns.Count)
            throw Error($"kwd_attrs ({nattrs}) / kwd_patterns ({kwdPatterns.Count}) length mismatch in class pattern");
        if (nattrs > 0)
        {
            for (int i = 0; i < nattrs; i++)
            {
                SetLoc(kwdPatterns[i]);
                if (kwdAttrs[i] == "__debug__") throw Error("cannot assign to __debug__");
                for (int j = i + 1; j < nattrs; j++)
                    if (kwdAttrs[i] == kwdAttrs[j])
                    {
                        SetLoc(kwdPatterns[j]);
                        throw Error("attribute name repeated in class pattern: " + kwdAttrs[i]);
                    }
            }
            SetLoc(p);
        }
        VisitExpr(p.cls);
        var names = new object?[nattrs];
        for (int i = 0; i < nattrs; i++) names[i] = kwdAttrs[i];
        EmitConst(new ConstTuple(names));
        Emit(Opcode.MATCH_CLASS, nargs);
        Emit(Opcode.COPY, 1);
        EmitConst(null);
        Emit(Opcode.IS_OP, 1);
        pc.OnTop++;
        JumpToFailPop(pc, Opcode.POP_JUMP_IF_FALSE);
        Emit(Opcode.UNPACK_SEQUENCE, nargs + nattrs);
        pc.OnTop += nargs + nattrs - 1;
        for (int i = 0; i < nargs + nattrs; i++)
        {
            pc.OnTop--;
            var q = i < nargs ? patterns[i] : kwdPatterns[i - nargs];
            if (IsWildcard(q)) { Emit(Opcode.POP_TOP); continue; }
            CompileSubpattern(q, pc);
        }
    }

    void CompileOrPattern(MatchOr p, PatternContext pc)
    {
        var end = new Label();
        int size = p.patterns.Count;
        var oldStores = pc.Stores;
        var oldFailPop = pc.FailPop;
        int oldOnTop = pc.OnTop;
        bool oldAllow = pc.AllowIrrefutable;
        List<string>? control = null;
        for (int i = 0; i < size; i++)
        {
            var alt = p.patterns[i];
            SetLoc(alt);
            pc.Stores = new List<string>();
            pc.AllowIrrefutable = i == size - 1 && oldAllow;
            pc.FailPop = new List<Label>();
            pc.OnTop = 0;
            Emit(Opcode.COPY, 1);
            CompilePattern(alt, pc);
            int nstores = pc.Stores.Count;
            if (i == 0) control = pc.Stores;
            else if (nstores != control!.Count) throw Error("alternative patterns bind different names");
            else if (nstores > 0)
            {
                for (int icontrol = nstores - 1; icontrol >= 0; icontrol--)
                {
                    string name = control[icontrol];
                    int istores = pc.Stores.IndexOf(name);
                    if (istores < 0) throw Error("alternative patterns bind different names");
                    if (icontrol != istores)
                    {
                        int rotations = istores + 1;
                        var rotated = pc.Stores.GetRange(0, rotations);
                        pc.Stores.RemoveRange(0, rotations);
                        pc.Stores.InsertRange(icontrol - istores, rotated);
                        while (rotations-- > 0) PatternRotate(icontrol + 1);
                    }
                }
            }
            EmitJump(PseudoOp.Jump, end);
            EmitAndResetFailPop(pc);
        }
        pc.Stores = oldStores;
        pc.FailPop = oldFailPop;
        pc.OnTop = oldOnTop;
        pc.AllowIrrefutable = oldAllow;
        Emit(Opcode.POP_TOP);
        JumpToFailPop(pc, PseudoOp.Jump);
        Mark(end);
        int nrots = control!.Count + 1 + pc.OnTop + pc.Stores.Count;
        foreach (var name in control)
        {
            PatternRotate(nrots);
            if (pc.Stores.Contains(name)) throw Error($"multiple assignments to name '{name}' in pattern");
            pc.Stores.Add(name);
        }
        Emit(Opcode.POP_TOP);
    }
}
