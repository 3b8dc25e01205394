#nullable enable
using System;
using System.Collections.Generic;
namespace StacklessIron.Compiling;

/// <summary>
/// Turns the instruction list of one code unit into final bytecode (CPython 3.11's
/// optimize_cfg + assemble, simplified): threads jumps to jumps, finds reachable code
/// and each instruction's exception handler by walking the SETUP_*/POP_BLOCK structure,
/// computes the exact maximum stack depth, drops pseudo-instructions, unreachable code
/// and redundant NOPs, and writes the exception table and per-instruction positions.
/// </summary>
public static class Assembler
{
    /// <summary>An exception handler in effect (immutable stack of handlers).</summary>
    sealed class HandlerStack
    {
        public readonly Label Target;
        public readonly Opcode Kind;
        public readonly HandlerStack? Parent;
        public HandlerStack(Label target, Opcode kind, HandlerStack? parent) { Target = target; Kind = kind; Parent = parent; }
    }

    public static void Assemble(List<Instruction> code, CodeObject co)
    {
        foreach (var ins in code)
            if (ins.Target != null && !ins.Target.IsMarked)
                throw new InvalidOperationException("unmarked label in " + co.Name);
        Swaptimize(code);
        ThreadJumps(code);
        code = InlineSmallExits(code);
        code = DuplicateExitsWithoutLine(code);
        int n0 = code.Count;
        PropagateLocations(code);

        int n = n0;
        // Reachability, handlers and stack depth in one walk over the control flow.
        var depth = new int[n + 1];
        Array.Fill(depth, -1);
        var handler = new HandlerStack?[n + 1];
        var work = new Stack<int>();
        int maxDepth = 0;
        void Reach(int at, int d, HandlerStack? h)
        {
            if (d < 0) throw new InvalidOperationException($"stack underflow at {at} in {co.Name}");
            if (at >= n) throw new InvalidOperationException($"control falls off the end of {co.Name}");
            if (depth[at] >= 0)
            {
                if (depth[at] != d) throw new InvalidOperationException($"inconsistent stack depth at {at} in {co.Name}: {depth[at]} vs {d}");
                return;
            }
            depth[at] = d;
            handler[at] = h;
            if (d > maxDepth) maxDepth = d;
            work.Push(at);
        }
        if (n > 0) Reach(0, 0, null);
        while (work.Count > 0)
        {
            int i = work.Pop();
            int d = depth[i];
            var h = handler[i];
            var ins = code[i];
            var op = ins.Op;
            if (PseudoOp.IsSetup(op))
            {
                Reach(ins.Target!.Position, d + StackEffect.Of(op, ins.Arg, true), h);
                Reach(i + 1, d, new HandlerStack(ins.Target, op, h));
                continue;
            }
            if (op == PseudoOp.PopBlock)
            {
                Reach(i + 1, d, h?.Parent);
                continue;
            }
            if (ins.Target != null) Reach(ins.Target.Position, d + StackEffect.Of(op, ins.Arg, true), h);
            int after = d + StackEffect.Of(op, ins.Arg, false);
            if (after > maxDepth) maxDepth = after;
            if (!StackEffect.IsTerminal(op)) Reach(i + 1, after, h);
        }

        // Which instructions survive.
        var keep = new bool[n];
        var blockStart = new bool[n + 1];
        blockStart[0] = true;
        for (int i = 0; i < n; i++)
        {
            var ins = code[i];
            if (ins.Target != null) blockStart[ins.Target.Position] = true;
            if (ins.Target != null || StackEffect.IsTerminal(ins.Op)) blockStart[i + 1] = true;
        }
        for (int i = 0; i < n; i++) keep[i] = depth[i] >= 0;
        RemoveNops(code, keep, blockStart);
        RemoveJumpsToNext(code, keep);
        FillMissingLocations(code, keep);

        // Index map: old position -> new index of the first kept instruction at or after it.
        var map = new int[n + 1];
        int count = 0;
        for (int i = 0; i < n; i++) { map[i] = count; if (keep[i]) count++; }
        map[n] = count;

        var outCode = new int[count];
        var lines = new int[count]; var endLines = new int[count]; var cols = new int[count]; var endCols = new int[count];
        var table = new List<ExceptionTableEntry>();
        int k = 0;
        int runStart = -1; HandlerStack? runHandler = null;
        for (int i = 0; i < n; i++)
        {
            if (!keep[i]) continue;
            var ins = code[i];
            var op = ins.Op;
            int arg = ins.Arg;
            if (PseudoOp.IsSetup(op) || op == PseudoOp.PopBlock) { op = Opcode.NOP; arg = 0; }
            if (ins.Target != null)
            {
                arg = map[ins.Target.Position];
                if (op == PseudoOp.Jump) op = arg <= k ? Opcode.JUMP_BACKWARD : Opcode.JUMP_FORWARD;
                else if (op == Opcode.JUMP_FORWARD && arg <= k) op = Opcode.JUMP_BACKWARD;
                else if (op == Opcode.JUMP_BACKWARD && arg > k) op = Opcode.JUMP_FORWARD;
            }
            outCode[k] = CodeObject.Encode(op, arg);
            lines[k] = ins.Loc.Line; endLines[k] = ins.Loc.EndLine; cols[k] = ins.Loc.Col; endCols[k] = ins.Loc.EndCol;
            // Exception-handler set-up instructions are not themselves protected (label_exception_targets).
            var h = PseudoOp.IsSetup(ins.Op) || ins.Op == PseudoOp.PopBlock ? null : handler[i];
            if (!SameHandler(h, runHandler))
            {
                if (runHandler != null) table.Add(Entry(runStart, k, runHandler, depth, map));
                runStart = k; runHandler = h;
            }
            k++;
        }
        if (runHandler != null) table.Add(Entry(runStart, k, runHandler, depth, map));

        co.Code = outCode;
        co.Lines = lines; co.EndLines = endLines; co.Cols = cols; co.EndCols = endCols;
        co.ExceptionTable = table.ToArray();
        co.StackSize = maxDepth;
    }

    static bool SameHandler(HandlerStack? a, HandlerStack? b) =>
        a == b || (a != null && b != null && a.Target == b.Target && a.Kind == b.Kind);

    static ExceptionTableEntry Entry(int start, int end, HandlerStack h, int[] depth, int[] map)
    {
        bool lasti = h.Kind != PseudoOp.SetupFinally;
        int startDepth = depth[h.Target.Position];
        int d = startDepth - 1 - (lasti ? 1 : 0);
        return new ExceptionTableEntry(start, end, map[h.Target.Position], d, lasti);
    }

    /// <summary>Jump threading as 3.11's optimize_basic_block does it: a jump to a jump on
    /// the same line goes straight to the final target; `a and b or c` style
    /// JUMP_IF_X_OR_POP chains become POP_JUMP_IF_X past the second test.</summary>
    static void ThreadJumps(List<Instruction> code)
    {
        int n = code.Count;
        for (int i = 0; i < n; i++)
        {
            var ins = code[i];
            for (int hops = 0; hops < 64 && ins.Target != null; hops++)
            {
                int p = ins.Target.Position;
                if (p >= n) break;
                var target = code[p];
                if (target.Target == null) break;
                bool sameLine = ins.Loc.Line == target.Loc.Line;
                Opcode op = ins.Op, top = target.Op;
                Opcode? threadAs = null;
                Label? newTarget = null;
                switch (op)
                {
                    case PseudoOp.Jump:
                    case Opcode.POP_JUMP_IF_FALSE: case Opcode.POP_JUMP_IF_TRUE:
                    case Opcode.POP_JUMP_IF_NONE: case Opcode.POP_JUMP_IF_NOT_NONE:
                        if (top == PseudoOp.Jump) threadAs = op;
                        break;
                    case Opcode.JUMP_IF_FALSE_OR_POP:
                    case Opcode.JUMP_IF_TRUE_OR_POP:
                    {
                        bool isFalse = op == Opcode.JUMP_IF_FALSE_OR_POP;
                        var popSame = isFalse ? Opcode.POP_JUMP_IF_FALSE : Opcode.POP_JUMP_IF_TRUE;
                        var popOther = isFalse ? Opcode.POP_JUMP_IF_TRUE : Opcode.POP_JUMP_IF_FALSE;
                        var orPopOther = isFalse ? Opcode.JUMP_IF_TRUE_OR_POP : Opcode.JUMP_IF_FALSE_OR_POP;
                        if (top == popSame) threadAs = popSame;
                        else if (top == PseudoOp.Jump || top == op) threadAs = op;
                        else if ((top == orPopOther || top == popOther) && sameLine)
                        {
                            ins.Op = popSame;
                            ins.Target = new Label { Position = p + 1 };
                            continue;
                        }
                        break;
                    }
                }
                if (threadAs == null || !sameLine || target.Target == ins.Target || target.Target.Position == ins.Target.Position) break;
                ins.Op = threadAs.Value;
                ins.Target = newTarget ?? target.Target;
            }
        }
    }

    /// <summary>A run of SWAPs becomes the shortest run with the same permutation (3.11's swaptimize).</summary>
    static void Swaptimize(List<Instruction> code)
    {
        int n = code.Count;
        var isTarget = new bool[n + 1];
        foreach (var ins in code) if (ins.Target != null) isTarget[ins.Target.Position] = true;
        const int Visited = -1;
        for (int ix = 0; ix < n; ix++)
        {
            if (code[ix].Op != Opcode.SWAP) continue;
            if (code[ix].Arg == 1) { code[ix].Op = Opcode.NOP; code[ix].Arg = 0; continue; }
            int depth = code[ix].Arg, len = 0;
            bool more = false;
            while (++len < n - ix)
            {
                if (isTarget[ix + len]) break;
                var op = code[ix + len].Op;
                if (op == Opcode.SWAP) { depth = Math.Max(depth, code[ix + len].Arg); more = true; }
                else if (op != Opcode.NOP) break;
            }
            if (!more) { ApplyStaticSwaps(code, ix, isTarget); continue; }
            var stack = new int[depth];
            for (int i = 0; i < depth; i++) stack[i] = i;
            for (int i = 0; i < len; i++)
            {
                var ins = code[ix + i];
                if (ins.Op != Opcode.SWAP) continue;
                int top = stack[0];
                stack[0] = stack[ins.Arg - 1];
                stack[ins.Arg - 1] = top;
            }
            int current = len - 1;
            for (int i = 0; i < depth; i++)
            {
                if (stack[i] == Visited || stack[i] == i) continue;
                int j = i;
                while (true)
                {
                    if (j != 0)
                    {
                        code[ix + current].Op = Opcode.SWAP;
                        code[ix + current].Arg = j + 1;
                        current--;
                    }
                    if (stack[j] == Visited) break;
                    int next = stack[j];
                    stack[j] = Visited;
                    j = next;
                }
            }
            while (current >= 0) { code[ix + current].Op = Opcode.NOP; code[ix + current].Arg = 0; current--; }
            ix += len - 1;
            ApplyStaticSwaps(code, ix, isTarget);
        }
    }

    static bool Swappable(Opcode op) => op is Opcode.STORE_FAST or Opcode.POP_TOP;

    static int NextSwappable(List<Instruction> code, int i, int line, bool[] isTarget)
    {
        while (++i < code.Count)
        {
            if (isTarget[i]) return -1;
            var ins = code[i];
            if (line >= 0 && ins.Loc.Line != line) return -1;
            if (ins.Op == Opcode.NOP) continue;
            if (Swappable(ins.Op)) return i;
            return -1;
        }
        return -1;
    }

    /// <summary>SWAP followed by stores/pops: swap the instructions instead of the stack
    /// items (3.11's apply_static_swaps), e.g. SWAP 2; POP_TOP; STORE_FAST x.</summary>
    static void ApplyStaticSwaps(List<Instruction> code, int i, bool[] isTarget)
    {
        for (; i >= 0; i--)
        {
            var swap = code[i];
            if (swap.Op != Opcode.SWAP)
            {
                if (swap.Op == Opcode.NOP || Swappable(swap.Op)) { if (isTarget[i]) return; continue; }
                return;
            }
            int j = NextSwappable(code, i, -1, isTarget);
            if (j < 0) return;
            int k = j;
            int line = code[j].Loc.Line;
            for (int count = swap.Arg - 1; count > 0; count--)
            {
                k = NextSwappable(code, k, line, isTarget);
                if (k < 0) return;
            }
            swap.Op = Opcode.NOP; swap.Arg = 0;
            (code[j], code[k]) = (code[k], code[j]);
            if (isTarget[i]) return;
        }
    }

    static bool IsScopeExit(Opcode op) => op is Opcode.RETURN_VALUE or Opcode.RAISE_VARARGS or Opcode.RERAISE;

    /// <summary>An exit block without a line number that several jumps reach gets one copy
    /// per jump, so each path reports its own line (duplicate_exits_without_lineno).</summary>
    static List<Instruction> DuplicateExitsWithoutLine(List<Instruction> code)
    {
        int n = code.Count;
        var preds = new int[n + 1];
        var isTarget = new bool[n + 1];
        for (int i = 0; i < n; i++)
        {
            var ins = code[i];
            if (ins.Target != null) { preds[ins.Target.Position]++; isTarget[ins.Target.Position] = true; }
            if (!StackEffect.IsTerminal(ins.Op) && ins.Target == null) preds[i + 1]++;
            else if (ins.Target != null && !StackEffect.IsTerminal(ins.Op)) preds[i + 1]++;
        }
        int exitEnd(int start)
        {
            for (int i = start; i < n; i++)
            {
                if (i > start && isTarget[i]) return -1;
                var ins = code[i];
                if (ins.Loc.Line >= 0 || ins.Target != null) return -1;
                if (IsScopeExit(ins.Op)) return i;
            }
            return -1;
        }
        var copies = new Dictionary<int, List<(Instruction jump, int start, int end)>>();
        // Later jumps first (CPython walks its blocks newest first); each copy goes right
        // after the original, so the earliest jump keeps the original when nothing falls into it.
        for (int i = n - 1; i >= 0; i--)
        {
            var ins = code[i];
            if (ins.Target == null || PseudoOp.IsSetup(ins.Op)) continue;
            int t = ins.Target.Position;
            if (t >= n || preds[t] <= 1) continue;
            int e = exitEnd(t);
            if (e < 0) continue;
            preds[t]--;
            if (!copies.TryGetValue(e, out var list)) copies[e] = list = new();
            list.Insert(0, (ins, t, e));
        }
        if (copies.Count == 0) return code;
        var result = new List<Instruction>(n + 8);
        var newPos = new int[n + 1];
        var retarget = new List<(Instruction jump, Label label)>();
        for (int i = 0; i < n; i++)
        {
            newPos[i] = result.Count;
            result.Add(code[i]);
            if (copies.TryGetValue(i, out var list))
            {
                foreach (var (jump, start, end) in list)
                {
                    var label = new Label { Position = result.Count };
                    for (int j = start; j <= end; j++)
                    {
                        var src = code[j];
                        var loc = j == start ? jump.Loc : src.Loc;
                        result.Add(new Instruction(src.Op, src.Arg, null, loc));
                    }
                    retarget.Add((jump, label));
                }
            }
        }
        newPos[n] = result.Count;
        var seen = new HashSet<Label>();
        foreach (var ins in result)
            if (ins.Target != null && seen.Add(ins.Target)) ins.Target.Position = newPos[ins.Target.Position];
        foreach (var (jump, label) in retarget) jump.Target = label;
        return result;
    }

    /// <summary>Instructions without a location (artificial ones such as the POP_TOP after an
    /// expression statement or the implicit return) take the one of the instruction that
    /// runs before them: the previous one in a block, the single predecessor at a block start.</summary>
    static void PropagateLocations(List<Instruction> code)
    {
        int n = code.Count;
        var preds = new int[n + 1];
        var lastPred = new int[n + 1];
        Array.Fill(lastPred, -1);
        for (int i = 0; i < n; i++)
        {
            var ins = code[i];
            if (ins.Target != null) { preds[ins.Target.Position]++; lastPred[ins.Target.Position] = i; }
            if (!StackEffect.IsTerminal(ins.Op)) { preds[i + 1]++; lastPred[i + 1] = i; }
        }
        var prev = SourceLocation.None;
        for (int i = 0; i < n; i++)
        {
            var ins = code[i];
            bool blockStart = i == 0 || preds[i] != 1 || lastPred[i] != i - 1 || (i > 0 && code[i - 1].Target != null);
            if (ins.Loc.Line < 0)
            {
                // A block reached from several places keeps "no line" (its NOPs then vanish);
                // FillMissingLocations gives what remains a line at the very end.
                if (blockStart) ins.Loc = preds[i] == 1 && lastPred[i] >= 0 ? code[lastPred[i]].Loc : SourceLocation.None;
                else ins.Loc = prev;
            }
            prev = ins.Loc;
        }
    }

    /// <summary>Every surviving instruction gets a line (tracebacks and f_lineno need one):
    /// the previous kept instruction's, or the next one's at the start.</summary>
    static void FillMissingLocations(List<Instruction> code, bool[] keep)
    {
        var prev = SourceLocation.None;
        for (int i = 0; i < code.Count; i++)
        {
            if (!keep[i]) continue;
            if (code[i].Loc.Line < 0) code[i].Loc = prev; else prev = code[i].Loc;
        }
        var next = SourceLocation.None;
        for (int i = code.Count - 1; i >= 0; i--)
        {
            if (!keep[i]) continue;
            if (code[i].Loc.Line < 0) code[i].Loc = next; else next = code[i].Loc;
        }
    }

    const int MaxCopySize = 4;

    /// <summary>An unconditional jump to a short block without line numbers that ends the
    /// code (return or raise) becomes a copy of that block, as 3.11's extend_block does.</summary>
    static List<Instruction> InlineSmallExits(List<Instruction> code)
    {
        int n = code.Count;
        var isTarget = new bool[n + 1];
        foreach (var ins in code) if (ins.Target != null) isTarget[ins.Target.Position] = true;
        List<Instruction>? copyAt(int start)
        {
            var block = new List<Instruction>();
            for (int i = start; i < n && block.Count < MaxCopySize; i++)
            {
                if (i > start && isTarget[i]) return null;
                var ins = code[i];
                if (ins.Target != null || ins.Loc.Line >= 0) return null;  // only exits without a line (is_exit_without_lineno)
                block.Add(ins);
                if (ins.Op is Opcode.RETURN_VALUE or Opcode.RAISE_VARARGS or Opcode.RERAISE) return block;
            }
            return null;
        }
        bool any = false;
        var result = new List<Instruction>(n);
        var newPos = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            var ins = code[i];
            newPos[i] = result.Count;
            if (ins.Op == PseudoOp.Jump && ins.Target!.Position != i && copyAt(ins.Target.Position) is { } block)
            {
                any = true;
                result.Add(new Instruction(Opcode.NOP, 0, null, ins.Loc));
                foreach (var b in block) result.Add(new Instruction(b.Op, b.Arg, null, b.Loc));
                continue;
            }
            result.Add(ins);
        }
        if (!any) return code;
        newPos[n] = result.Count;
        var seen = new HashSet<Label>();
        foreach (var ins in result)
            if (ins.Target != null && seen.Add(ins.Target)) ins.Target.Position = newPos[ins.Target.Position];
        return result;
    }

    static bool IsNopLike(Opcode op) => op == Opcode.NOP || PseudoOp.IsSetup(op) || op == PseudoOp.PopBlock;

    /// <summary>A NOP survives only where it is the sole instruction of its line
    /// (it gives tracing and f_lineno a place to stand), as remove_redundant_nops does.</summary>
    static void RemoveNops(List<Instruction> code, bool[] keep, bool[] blockStart)
    {
        int n = code.Count;
        int prevLine = -1;
        for (int i = 0; i < n; i++)
        {
            if (blockStart[i]) prevLine = -1;
            if (!keep[i]) continue;
            var ins = code[i];
            int line = ins.Loc.Line;
            if (IsNopLike(ins.Op))
            {
                bool drop = line < 0 || line == prevLine;
                if (!drop)
                {
                    int j = i + 1;
                    while (j < n && !keep[j]) j++;
                    if (j < n && code[j].Loc.Line == line) drop = true;
                }
                if (drop) { keep[i] = false; continue; }
            }
            prevLine = line;
        }
    }

    static void RemoveJumpsToNext(List<Instruction> code, bool[] keep)
    {
        int n = code.Count;
        for (int i = 0; i < n; i++)
        {
            if (!keep[i] || code[i].Op != PseudoOp.Jump) continue;
            int t = code[i].Target!.Position;
            if (t <= i) continue;
            bool onlyRemoved = true;
            for (int j = i + 1; j < t; j++) if (keep[j]) { onlyRemoved = false; break; }
            if (onlyRemoved) keep[i] = false;
        }
    }
}
