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
        int n = code.Count;
        foreach (var ins in code)
            if (ins.Target != null && !ins.Target.IsMarked)
                throw new InvalidOperationException("unmarked label in " + co.Name);
        ThreadJumps(code);
        PropagateLocations(code);

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
            var h = handler[i];
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

    /// <summary>A jump to an unconditional jump goes straight to the final target.</summary>
    static void ThreadJumps(List<Instruction> code)
    {
        foreach (var ins in code)
        {
            if (ins.Target == null) continue;
            if (!(ins.Op == PseudoOp.Jump || ins.Op is Opcode.POP_JUMP_IF_FALSE or Opcode.POP_JUMP_IF_TRUE
                  or Opcode.POP_JUMP_IF_NONE or Opcode.POP_JUMP_IF_NOT_NONE)) continue;
            var target = ins.Target;
            for (int hops = 0; hops < 32; hops++)
            {
                int p = target.Position;
                if (p >= code.Count) break;
                var at = code[p];
                if (at.Op != PseudoOp.Jump || at.Target == null || at.Target == target || at.Target.Position == p) break;
                target = at.Target;
            }
            ins.Target = target;
        }
    }

    /// <summary>Instructions without a location take the one before them (artificial
    /// instructions such as the POP_TOP after an expression statement or the implicit return).</summary>
    static void PropagateLocations(List<Instruction> code)
    {
        var prev = SourceLocation.None;
        foreach (var ins in code)
        {
            if (ins.Loc.Line < 0) ins.Loc = prev;
            else prev = ins.Loc;
        }
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
