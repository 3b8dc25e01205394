#nullable enable
using StacklessIron.Compiling;
using System;
namespace StacklessIron.Runtime;

/// <summary>f_lineno assignment from a 'line' trace event (a jump, as pdb's `jump`), with
/// CPython 3.11's checks: the kinds of values on the value stack at each instruction (objects,
/// iterators of for loops, the exception of an except block ...) are worked out, and a jump may
/// only drop values, never need ones that are not there.</summary>
public sealed partial class Frame
{
    const int KindObject = 1, KindIterator = 2, KindExcept = 3, KindNull = 4, KindLasti = 5;
    const long Unreached = -1, Overflowed = -2;

    [PySetter("f_lineno")]
    static void SetLineNo(ThreadState ts, PyObject self, PyObject? value)
    {
        var f = (Frame)self;
        if (value == null) throw PyExc.AttributeError("cannot delete attribute");
        if (value.Type != PyInt.TypeObject) throw PyExc.ValueError("lineno must be an integer");
        switch (f.TracingEvent)
        {
            case TraceEvent.Line: break;
            case TraceEvent.Call: throw PyExc.ValueError("can't jump from the 'call' trace event of a new frame");
            default: throw PyExc.ValueError("can only jump from a 'line' trace event");
        }
        if (f.TraceFunc == null) throw PyExc.ValueError("f_lineno can only be set by a trace function");
        var big = (PyInt)value;
        if (!big.FitsLong || big.Small > int.MaxValue || big.Small < int.MinValue) throw PyExc.ValueError("lineno out of range");
        int requested = (int)big.Small;
        var c = f.Code.Code;
        if (requested < c.FirstLineNo) throw PyExc.ValueError($"line {requested} comes before the current code block");
        var lines = Interpreter.TraceLinesOf(f.Code);
        int newLine = -1;
        foreach (var l in lines) if (l >= requested && (newLine < 0 || l < newLine)) newLine = l;
        if (newLine < 0) throw PyExc.ValueError($"line {requested} comes after the current code block");
        var stacks = MarkStacks(c);
        long start = stacks[f.Lasti];
        long best = long.MinValue;
        int bestAddr = -1;
        string? msg = "cannot find bytecode for specified line";
        bool explained = false;
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i] != newLine) continue;
            long target = stacks[i];
            if (Compatible(start, target))
            {
                msg = null;
                if (target > best) { best = target; bestAddr = i; }
            }
            else if (msg != null && !explained)
            {
                if (start == Overflowed) msg = "stack to deep to analyze";
                else if (start == Unreached) msg = "can't jump from unreachable code";
                else { msg = Explain(target); explained = true; }
            }
        }
        if (msg != null) throw PyExc.ValueError(msg);
        int depth = 0;
        for (long s = best; s > 0; s >>= 3) depth++;
        f.JumpTarget = bestAddr;
        f.JumpStackDepth = depth;
        f.TracedLine = newLine;
    }

    static bool Compatible(long from, long to)
    {
        if (from < 0 || to < 0) return false;
        int fromDepth = 0, toDepth = 0;
        for (long s = from; s > 0; s >>= 3) fromDepth++;
        for (long s = to; s > 0; s >>= 3) toDepth++;
        while (fromDepth > toDepth) { from >>= 3; fromDepth--; }
        while (from != 0)
        {
            int a = (int)(from & 7), b = (int)(to & 7);
            bool ok = b == KindObject ? a != KindNull : b == KindNull || (b != 0 && a == b);
            if (!ok) return false;
            from >>= 3; to >>= 3;
        }
        return to == 0;
    }

    static string Explain(long to)
    {
        if (to == Unreached) return "can't jump into unreachable code";
        return (int)(to & 7) switch
        {
            KindExcept => "can't jump into an 'except' block as there's no exception",
            KindLasti => "can't jump into a re-raising block as there's no location",
            KindIterator => "can't jump into the body of a for loop",
            _ => "incompatible stacks",
        };
    }

    /// <summary>The value stack at each instruction, 3 bits a value (top in the low bits).</summary>
    static long[] MarkStacks(CodeObject c)
    {
        var code = c.Code;
        int n = code.Length;
        var stacks = new long[n + 1];
        Array.Fill(stacks, Unreached);
        if (n == 0) return stacks;
        stacks[0] = 0;
        var work = new Stack<int>();
        work.Push(0);
        void Reach(int at, long s)
        {
            if (at < 0 || at >= n || stacks[at] != Unreached) return;
            stacks[at] = s;
            work.Push(at);
        }
        static long Push(long s, int kind) => s >= (1L << 57) || s < 0 ? Overflowed : (s << 3) | (long)kind;
        static long Pop(long s, int n) { for (int i = 0; i < n && s > 0; i++) s >>= 3; return s; }
        while (work.Count > 0)
        {
            int i = work.Pop();
            long s = stacks[i];
            if (s == Overflowed) continue;
            foreach (var e in c.ExceptionTable)
            {
                if (i < e.Start || i >= e.End) continue;
                long h = s;
                int depth = 0;
                for (long t = s; t > 0; t >>= 3) depth++;
                h = Pop(h, depth - e.Depth);
                if (e.PushLasti) h = Push(h, KindLasti);
                Reach(e.Target, Push(h, KindExcept));
                break;
            }
            var op = CodeObject.OpOf(code[i]);
            int arg = code[i] >> 8;
            switch (op)
            {
                case Opcode.GET_ITER: case Opcode.GET_AITER:
                    Reach(i + 1, Push(Pop(s, 1), KindIterator)); continue;
                case Opcode.FOR_ITER:
                    Reach(arg, Pop(s, 1));
                    Reach(i + 1, Push(s, KindObject)); continue;
                case Opcode.PUSH_NULL:
                    Reach(i + 1, Push(s, KindNull)); continue;
                case Opcode.PUSH_EXC_INFO:
                    Reach(i + 1, Push(Push(Pop(s, 1), KindExcept), KindObject)); continue;
            }
            if (StackEffect.HasJump(op))
            {
                int ej = StackEffect.Of(op, arg, true);
                Reach(arg, ej < 0 ? Pop(s, -ej) : PushObjects(s, ej));
            }
            if (!StackEffect.IsTerminal(op))
            {
                int e = StackEffect.Of(op, arg, false);
                Reach(i + 1, e < 0 ? Pop(s, -e) : PushObjects(s, e));
            }
        }
        return stacks;
    }

    static long PushObjects(long s, int n)
    {
        for (int i = 0; i < n; i++)
        {
            if (s >= (1L << 57) || s < 0) return Overflowed;
            s = (s << 3) | KindObject;
        }
        return s;
    }
}
