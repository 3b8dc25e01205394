#nullable enable
using System;
using System.Runtime.CompilerServices;
namespace StacklessIron.Modules.Sre;

/// <summary>
/// The SRE interpreter over one kind of text. Semantics follow CPython 3.11's sre_lib.h
/// opcode by opcode (marks, lastindex, empty-match guards), but the backtracking never
/// recurses on the .NET stack: a sub-match ("try the tail here", "try one more repetition")
/// pushes a context record on an explicit stack and restarts the dispatch loop; when the
/// sub-match finishes, its caller's context is popped and execution resumes at the label
/// named by the record's `Jump`. A catastrophic pattern is therefore slow, never a crash.
/// Saved marks and loop positions go on a separate int stack (`_data`).
/// </summary>
internal sealed class SreMatcher<TS> : SreState where TS : struct, ISreSubject
{
    TS _s;  // not readonly: a readonly field of a generic struct type would be copied at every access

    struct Ctx
    {
        public int Pc, Ptr, Jump, LastMark, LastIndex;
        public long Count;
        public uint Chr;
        public bool Toplevel;
        public SreRepeat? Rep;
    }

    Ctx[] _ctx = new Ctx[16];
    int[] _data = new int[64];
    int _dataTop;

    // Resume points after a sub-match returns (CPython's JUMP_* values).
    const int J_NONE = 0, J_MAX_UNTIL_1 = 1, J_MAX_UNTIL_2 = 2, J_MAX_UNTIL_3 = 3, J_MIN_UNTIL_1 = 4,
        J_MIN_UNTIL_2 = 5, J_MIN_UNTIL_3 = 6, J_REPEAT = 7, J_REPEAT_ONE_1 = 8, J_REPEAT_ONE_2 = 9,
        J_MIN_REPEAT_ONE = 10, J_BRANCH = 11, J_ASSERT = 12, J_ASSERT_NOT = 13, J_POSS_REPEAT_1 = 14,
        J_POSS_REPEAT_2 = 15, J_ATOMIC_GROUP = 16;

    public SreMatcher(TS subject, SreText text, uint[] code, int groups, int pos, int endpos)
        : base(text, code, groups, pos, endpos)
    {
        _s = subject;
    }

    // ---- the saved-data stack ----

    void DataPush(int v)
    {
        if (_dataTop == _data.Length) Array.Resize(ref _data, _data.Length * 2);
        _data[_dataTop++] = v;
    }

    int DataPop() => _data[--_dataTop];

    void MarkPush(int lastmark)
    {
        if (lastmark < 0) return;
        int n = lastmark + 1;
        if (_dataTop + n > _data.Length) Array.Resize(ref _data, Math.Max(_data.Length * 2, _dataTop + n));
        Array.Copy(Marks, 0, _data, _dataTop, n);
        _dataTop += n;
    }

    /// <summary>Restores the marks saved by MarkPush; `discard` drops the saved copy too.</summary>
    void MarkPop(int lastmark, bool discard)
    {
        if (lastmark < 0) return;
        int n = lastmark + 1;
        Array.Copy(_data, _dataTop - n, Marks, 0, n);
        if (discard) _dataTop -= n;
    }

    void MarkDiscard(int lastmark)
    {
        if (lastmark >= 0) _dataTop -= lastmark + 1;
    }

    // ---- single characters ----

    bool At(int ptr, uint at)
    {
        int end = End;
        bool thisp, thatp;
        switch (at)
        {
            case SreOp.AT_BEGINNING:
            case SreOp.AT_BEGINNING_STRING:
                return ptr == 0;
            case SreOp.AT_BEGINNING_LINE:
                return ptr == 0 || _s[ptr - 1] == '\n';
            case SreOp.AT_END:
                return (end - ptr == 1 && _s[ptr] == '\n') || ptr == end;
            case SreOp.AT_END_LINE:
                // (a start beyond endpos may look at the text after the window, as CPython does)
                return ptr == end || (ptr < _s.Length && _s[ptr] == '\n');
            case SreOp.AT_END_STRING:
                return ptr == end;
            case SreOp.AT_BOUNDARY:
            case SreOp.AT_NON_BOUNDARY:
                if (end == 0) return false;
                thatp = ptr > 0 && SreChars.IsAsciiWord(_s[ptr - 1]);
                thisp = ptr < end && SreChars.IsAsciiWord(_s[ptr]);
                return at == SreOp.AT_BOUNDARY ? thisp != thatp : thisp == thatp;
            case SreOp.AT_LOC_BOUNDARY:
            case SreOp.AT_LOC_NON_BOUNDARY:
                if (end == 0) return false;
                thatp = ptr > 0 && SreChars.IsLocWord(_s[ptr - 1]);
                thisp = ptr < end && SreChars.IsLocWord(_s[ptr]);
                return at == SreOp.AT_LOC_BOUNDARY ? thisp != thatp : thisp == thatp;
            case SreOp.AT_UNI_BOUNDARY:
            case SreOp.AT_UNI_NON_BOUNDARY:
                if (end == 0) return false;
                thatp = ptr > 0 && SreChars.IsUniWord(_s[ptr - 1]);
                thisp = ptr < end && SreChars.IsUniWord(_s[ptr]);
                return at == SreOp.AT_UNI_BOUNDARY ? thisp != thatp : thisp == thatp;
        }
        return false;
    }

    /// <summary>Whether the one-character item at code[pc] (an opcode with its operands)
    /// matches ch. These are the items REPEAT_ONE and friends repeat.</summary>
    bool MatchOne(int pc, int ch)
    {
        var code = Code;
        switch (code[pc])
        {
            case SreOp.ANY: return ch != '\n';
            case SreOp.ANY_ALL: return true;
            case SreOp.LITERAL: return (uint)ch == code[pc + 1];
            case SreOp.NOT_LITERAL: return (uint)ch != code[pc + 1];
            case SreOp.LITERAL_IGNORE: return (uint)SreChars.LowerAscii(ch) == code[pc + 1];
            case SreOp.NOT_LITERAL_IGNORE: return (uint)SreChars.LowerAscii(ch) != code[pc + 1];
            case SreOp.LITERAL_UNI_IGNORE: return (uint)SreChars.LowerUnicode(ch) == code[pc + 1];
            case SreOp.NOT_LITERAL_UNI_IGNORE: return (uint)SreChars.LowerUnicode(ch) != code[pc + 1];
            case SreOp.LITERAL_LOC_IGNORE: return SreChars.CharLocIgnore(code[pc + 1], ch);
            case SreOp.NOT_LITERAL_LOC_IGNORE: return !SreChars.CharLocIgnore(code[pc + 1], ch);
            case SreOp.IN: return SreChars.InSet(code, pc + 2, ch);
            case SreOp.IN_IGNORE: return SreChars.InSet(code, pc + 2, SreChars.LowerAscii(ch));
            case SreOp.IN_UNI_IGNORE: return SreChars.InSet(code, pc + 2, SreChars.LowerUnicode(ch));
            case SreOp.IN_LOC_IGNORE: return SreChars.InSetLocIgnore(code, pc + 2, ch);
            case SreOp.CATEGORY: return SreChars.Category(code[pc + 1], ch);
        }
        throw new SreCodeException();
    }

    /// <summary>How many times (at most maxcount) the single-character item at code[pc]
    /// matches consecutively from ptr.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    int Count(int pc, int ptr, uint maxcount)
    {
        var code = Code;
        int end = End;
        int start = ptr;
        if (ptr >= end) return 0;
        if (maxcount != SreOp.MAXREPEAT && maxcount < (uint)(end - ptr)) end = ptr + (int)maxcount;
        switch (code[pc])
        {
            case SreOp.IN:
                while (ptr < end && SreChars.InSet(code, pc + 2, _s[ptr])) ptr++;
                break;
            case SreOp.ANY:
            {
                int i = _s.IndexOf('\n', ptr, end);
                ptr = i < 0 ? end : i;
                break;
            }
            case SreOp.ANY_ALL:
                ptr = end;
                break;
            case SreOp.LITERAL:
            {
                uint c = code[pc + 1];
                while (ptr < end && (uint)_s[ptr] == c) ptr++;
                break;
            }
            case SreOp.NOT_LITERAL:
            {
                int i = _s.IndexOf((int)code[pc + 1], ptr, end);
                ptr = i < 0 ? end : i;
                break;
            }
            default:
                while (ptr < end && MatchOne(pc, _s[ptr])) ptr++;
                break;
        }
        return ptr - start;
    }

    // ---- entry points ----

    public override bool Match()
    {
        Ptr = Start;
        try { return Run(0, true); }
        catch (IndexOutOfRangeException) { throw PyExc.RuntimeError("invalid SRE code"); }
        catch (SreCodeException) { throw PyExc.RuntimeError("invalid SRE code"); }
    }

    public override bool Search()
    {
        try { return SearchCore(); }
        catch (IndexOutOfRangeException) { throw PyExc.RuntimeError("invalid SRE code"); }
        catch (SreCodeException) { throw PyExc.RuntimeError("invalid SRE code"); }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    bool SearchCore()
    {
        var code = Code;
        int ptr = Start, end = End;
        if (ptr > end) return false;
        int pc = 0;
        uint flags = 0;
        int prefixLen = 0, prefixSkip = 0, prefixPc = 0, charsetPc = -1;
        if (code[0] == SreOp.INFO)
        {
            // <INFO> <skip> <flags> <min> <max> <prefix or charset>
            flags = code[2];
            uint min = code[3];
            if (min != 0 && (long)(end - ptr) < min) return false;
            if (min > 1)
            {
                // no match can start in the last min-1 positions
                end -= (int)(min - 1);
                if (end <= ptr) end = ptr;
            }
            if ((flags & SreOp.INFO_PREFIX) != 0)
            {
                prefixLen = (int)code[5];
                prefixSkip = (int)code[6];
                prefixPc = 7;
            }
            else if ((flags & SreOp.INFO_CHARSET) != 0)
                charsetPc = 5;
            pc = 1 + (int)code[1];
        }

        if (prefixLen >= 1)
        {
            // The pattern starts with a literal prefix: find each occurrence, then match the
            // rest after the prefix (its first prefixSkip LITERAL ops are already satisfied).
            end = End;
            MustAdvance = false;
            while (ptr < end)
            {
                int at = prefixLen == 1 ? _s.IndexOf((int)code[prefixPc], ptr, end)
                                        : _s.IndexOf(code, prefixPc, prefixLen, ptr, end);
                if (at < 0) return false;
                Start = at;
                Ptr = at + prefixSkip;
                if ((flags & SreOp.INFO_LITERAL) != 0) { Ptr = at + prefixLen; return true; }
                if (Run(pc + 2 * prefixSkip, false)) return true;
                ptr = at + 1;
                LastMark = LastIndex = -1;
            }
            return false;
        }

        if (charsetPc >= 0)
        {
            // The pattern starts with a character from a known set.
            end = End;
            MustAdvance = false;
            for (;;)
            {
                while (ptr < end && !SreChars.InSet(code, charsetPc, _s[ptr])) ptr++;
                if (ptr >= end) return false;
                Start = Ptr = ptr;
                if (Run(pc, false)) return true;
                ptr++;
                LastMark = LastIndex = -1;
            }
        }

        // general case: try every position; only the first may be refused by MustAdvance
        Start = Ptr = ptr;
        bool ok = Run(pc, true);
        MustAdvance = false;
        if (!ok && code[pc] == SreOp.AT && (code[pc + 1] == SreOp.AT_BEGINNING || code[pc + 1] == SreOp.AT_BEGINNING_STRING))
        {
            Start = Ptr = end;
            return false;
        }
        while (!ok && ptr < end)
        {
            ptr++;
            LastMark = LastIndex = -1;
            Start = Ptr = ptr;
            ok = Run(pc, false);
        }
        return ok;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    int PushCtx(int ci, int jump, bool toplevel)
    {
        if (++ci == _ctx.Length) Array.Resize(ref _ctx, _ctx.Length * 2);
        ref var c = ref _ctx[ci];
        c.Jump = jump;
        c.Toplevel = toplevel;
        c.Rep = null;
        return ci;
    }

    /// <summary>Runs the program from code[startPc] at Ptr. True on a match (Ptr = its end).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    bool Run(int startPc, bool toplevel)
    {
        var code = Code;
        var marks = Marks;
        int end = End;
        int pc = startPc, ptr = 0, ci = 0;
        bool ret = false;
        int baseData = _dataTop;
        _ctx[0].Jump = J_NONE;
        _ctx[0].Toplevel = toplevel;
        _ctx[0].Rep = null;
        uint op, min, max;
        int i, p, e;

    Entrance:
        ptr = Ptr;
        if (code[pc] == SreOp.INFO)
        {
            // <INFO> <skip> <flags> <min> ...: too little text left cannot match
            if (code[pc + 3] != 0 && (long)(end - ptr) < code[pc + 3]) goto Failure;
            pc += (int)code[pc + 1] + 1;
        }

    Dispatch:
        op = code[pc++];
        switch (op)
        {
            case SreOp.MARK:
                // <MARK> <gid>
                i = (int)code[pc];
                if ((i & 1) != 0) LastIndex = i / 2 + 1;
                if (i > LastMark)
                {
                    // marks skipped over are "not reached"
                    for (int j = LastMark + 1; j < i; j++) marks[j] = -1;
                    LastMark = i;
                }
                marks[i] = ptr;
                pc++;
                goto Dispatch;

            case SreOp.LITERAL:
                if (ptr >= end || (uint)_s[ptr] != code[pc]) goto Failure;
                pc++; ptr++;
                goto Dispatch;

            case SreOp.NOT_LITERAL:
                if (ptr >= end || (uint)_s[ptr] == code[pc]) goto Failure;
                pc++; ptr++;
                goto Dispatch;

            case SreOp.SUCCESS:
                if (_ctx[ci].Toplevel && ((MatchAll && ptr != End) || (MustAdvance && ptr == Start))) goto Failure;
                Ptr = ptr;
                goto Success;

            case SreOp.AT:
                if (!At(ptr, code[pc])) goto Failure;
                pc++;
                goto Dispatch;

            case SreOp.CATEGORY:
                if (ptr >= end || !SreChars.Category(code[pc], _s[ptr])) goto Failure;
                pc++; ptr++;
                goto Dispatch;

            case SreOp.ANY:
                if (ptr >= end || _s[ptr] == '\n') goto Failure;
                ptr++;
                goto Dispatch;

            case SreOp.ANY_ALL:
                if (ptr >= end) goto Failure;
                ptr++;
                goto Dispatch;

            case SreOp.IN:
                // <IN> <skip> <set>
                if (ptr >= end || !SreChars.InSet(code, pc + 1, _s[ptr])) goto Failure;
                pc += (int)code[pc]; ptr++;
                goto Dispatch;

            case SreOp.LITERAL_IGNORE:
                if (ptr >= end || (uint)SreChars.LowerAscii(_s[ptr]) != code[pc]) goto Failure;
                pc++; ptr++;
                goto Dispatch;

            case SreOp.LITERAL_UNI_IGNORE:
                if (ptr >= end || (uint)SreChars.LowerUnicode(_s[ptr]) != code[pc]) goto Failure;
                pc++; ptr++;
                goto Dispatch;

            case SreOp.LITERAL_LOC_IGNORE:
                if (ptr >= end || !SreChars.CharLocIgnore(code[pc], _s[ptr])) goto Failure;
                pc++; ptr++;
                goto Dispatch;

            case SreOp.NOT_LITERAL_IGNORE:
                if (ptr >= end || (uint)SreChars.LowerAscii(_s[ptr]) == code[pc]) goto Failure;
                pc++; ptr++;
                goto Dispatch;

            case SreOp.NOT_LITERAL_UNI_IGNORE:
                if (ptr >= end || (uint)SreChars.LowerUnicode(_s[ptr]) == code[pc]) goto Failure;
                pc++; ptr++;
                goto Dispatch;

            case SreOp.NOT_LITERAL_LOC_IGNORE:
                if (ptr >= end || SreChars.CharLocIgnore(code[pc], _s[ptr])) goto Failure;
                pc++; ptr++;
                goto Dispatch;

            case SreOp.IN_IGNORE:
                if (ptr >= end || !SreChars.InSet(code, pc + 1, SreChars.LowerAscii(_s[ptr]))) goto Failure;
                pc += (int)code[pc]; ptr++;
                goto Dispatch;

            case SreOp.IN_UNI_IGNORE:
                if (ptr >= end || !SreChars.InSet(code, pc + 1, SreChars.LowerUnicode(_s[ptr]))) goto Failure;
                pc += (int)code[pc]; ptr++;
                goto Dispatch;

            case SreOp.IN_LOC_IGNORE:
                if (ptr >= end || !SreChars.InSetLocIgnore(code, pc + 1, _s[ptr])) goto Failure;
                pc += (int)code[pc]; ptr++;
                goto Dispatch;

            case SreOp.JUMP:
            case SreOp.INFO:
                // <JUMP> <offset>
                pc += (int)code[pc];
                goto Dispatch;

            case SreOp.BRANCH: goto OpBranch;
            case SreOp.REPEAT_ONE: goto OpRepeatOne;
            case SreOp.MIN_REPEAT_ONE: goto OpMinRepeatOne;
            case SreOp.POSSESSIVE_REPEAT_ONE: goto OpPossessiveRepeatOne;
            case SreOp.REPEAT: goto OpRepeat;
            case SreOp.MAX_UNTIL: goto OpMaxUntil;
            case SreOp.MIN_UNTIL: goto OpMinUntil;
            case SreOp.POSSESSIVE_REPEAT: goto OpPossessiveRepeat;
            case SreOp.ATOMIC_GROUP: goto OpAtomicGroup;

            case SreOp.GROUPREF:
            case SreOp.GROUPREF_IGNORE:
            case SreOp.GROUPREF_UNI_IGNORE:
            case SreOp.GROUPREF_LOC_IGNORE:
                // <GROUPREF> <group>: the text of an earlier group, again
                i = (int)code[pc] * 2;
                if (i >= LastMark) goto Failure;
                p = marks[i]; e = marks[i + 1];
                if (p < 0 || e < 0 || e < p) goto Failure;
                if (end - ptr < e - p) goto Failure;
                switch (op)
                {
                    case SreOp.GROUPREF:
                        for (; p < e; p++, ptr++) if (_s[ptr] != _s[p]) goto Failure;
                        break;
                    case SreOp.GROUPREF_IGNORE:
                        for (; p < e; p++, ptr++) if (SreChars.LowerAscii(_s[ptr]) != SreChars.LowerAscii(_s[p])) goto Failure;
                        break;
                    case SreOp.GROUPREF_UNI_IGNORE:
                        for (; p < e; p++, ptr++) if (SreChars.LowerUnicode(_s[ptr]) != SreChars.LowerUnicode(_s[p])) goto Failure;
                        break;
                    default:
                        for (; p < e; p++, ptr++) if (SreChars.LowerLocale(_s[ptr]) != SreChars.LowerLocale(_s[p])) goto Failure;
                        break;
                }
                pc++;
                goto Dispatch;

            case SreOp.GROUPREF_EXISTS:
                // <GROUPREF_EXISTS> <group> <skip> codeyes <JUMP> codeno
                i = (int)code[pc] * 2;
                if (i >= LastMark) { pc += (int)code[pc + 1]; goto Dispatch; }
                p = marks[i]; e = marks[i + 1];
                if (p < 0 || e < 0 || e < p) { pc += (int)code[pc + 1]; goto Dispatch; }
                pc += 2;
                goto Dispatch;

            case SreOp.ASSERT:
                // <ASSERT> <skip> <back> <pattern>: lookahead (back 0) or fixed-width lookbehind
                if (ptr < code[pc + 1]) goto Failure;
                Ptr = ptr - (int)code[pc + 1];
                _ctx[ci].Pc = pc; _ctx[ci].Ptr = ptr;
                ci = PushCtx(ci, J_ASSERT, false);
                pc += 2;
                goto Entrance;

            case SreOp.ASSERT_NOT:
                if (ptr >= code[pc + 1])
                {
                    Ptr = ptr - (int)code[pc + 1];
                    _ctx[ci].LastMark = LastMark; _ctx[ci].LastIndex = LastIndex;
                    if (Repeat != null) MarkPush(_ctx[ci].LastMark);
                    _ctx[ci].Pc = pc; _ctx[ci].Ptr = ptr;
                    ci = PushCtx(ci, J_ASSERT_NOT, false);
                    pc += 2;
                    goto Entrance;
                }
                pc += (int)code[pc];
                goto Dispatch;

            case SreOp.FAILURE:
                goto Failure;

            default:
                throw new SreCodeException();
        }

    // ---------------------------------------------------------------- BRANCH
    // <BRANCH> <skip> alternative <JUMP> ... <0>
    OpBranch:
        _ctx[ci].LastMark = LastMark; _ctx[ci].LastIndex = LastIndex;
        if (Repeat != null) MarkPush(_ctx[ci].LastMark);
    BranchNext:
        if (code[pc] == 0)
        {
            if (Repeat != null) MarkDiscard(_ctx[ci].LastMark);
            goto Failure;
        }
        // cheap rejections: an alternative starting with a literal or a set
        if (code[pc + 1] == SreOp.LITERAL && (ptr >= end || (uint)_s[ptr] != code[pc + 2])) { pc += (int)code[pc]; goto BranchNext; }
        if (code[pc + 1] == SreOp.IN && (ptr >= end || !SreChars.InSet(code, pc + 3, _s[ptr]))) { pc += (int)code[pc]; goto BranchNext; }
        Ptr = ptr;
        _ctx[ci].Pc = pc; _ctx[ci].Ptr = ptr;
        ci = PushCtx(ci, J_BRANCH, _ctx[ci].Toplevel);
        pc += 1;
        goto Entrance;
    ResumeBranch:
        if (ret)
        {
            if (Repeat != null) MarkDiscard(_ctx[ci].LastMark);
            goto Success;
        }
        if (Repeat != null) MarkPop(_ctx[ci].LastMark, false);
        LastMark = _ctx[ci].LastMark; LastIndex = _ctx[ci].LastIndex;
        pc += (int)code[pc];
        goto BranchNext;

    // ---------------------------------------------------------------- REPEAT_ONE
    // <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: greedy single-character loop
    OpRepeatOne:
        min = code[pc + 1];
        if ((long)min > end - ptr) goto Failure;
        Ptr = ptr;
        _ctx[ci].Count = Count(pc + 3, ptr, code[pc + 2]);
        ptr += (int)_ctx[ci].Count;
        if (_ctx[ci].Count < min) goto Failure;
        if (code[pc + (int)code[pc]] == SreOp.SUCCESS && ptr == End && !(_ctx[ci].Toplevel && MustAdvance && ptr == Start))
        {
            // the tail is empty: done
            Ptr = ptr;
            goto Success;
        }
        _ctx[ci].LastMark = LastMark; _ctx[ci].LastIndex = LastIndex;
        if (Repeat != null) MarkPush(_ctx[ci].LastMark);
        if (code[pc + (int)code[pc]] == SreOp.LITERAL)
        {
            // the tail starts with a literal: only positions holding it can work
            _ctx[ci].Chr = code[pc + (int)code[pc] + 1];
            goto RepeatOneLiteralNext;
        }
        goto RepeatOneNext;

    RepeatOneLiteralNext:
        min = code[pc + 1];
        while (_ctx[ci].Count >= min && (ptr >= end || (uint)_s[ptr] != _ctx[ci].Chr))
        {
            ptr--;
            _ctx[ci].Count--;
        }
        if (_ctx[ci].Count < min)
        {
            if (Repeat != null) MarkDiscard(_ctx[ci].LastMark);
            goto Failure;
        }
        Ptr = ptr;
        _ctx[ci].Pc = pc; _ctx[ci].Ptr = ptr;
        ci = PushCtx(ci, J_REPEAT_ONE_1, _ctx[ci].Toplevel);
        pc += (int)code[pc];
        goto Entrance;
    ResumeRepeatOne1:
        if (ret)
        {
            if (Repeat != null) MarkDiscard(_ctx[ci].LastMark);
            goto Success;
        }
        if (Repeat != null) MarkPop(_ctx[ci].LastMark, false);
        LastMark = _ctx[ci].LastMark; LastIndex = _ctx[ci].LastIndex;
        ptr--;
        _ctx[ci].Count--;
        goto RepeatOneLiteralNext;

    RepeatOneNext:
        if (_ctx[ci].Count < code[pc + 1])
        {
            if (Repeat != null) MarkDiscard(_ctx[ci].LastMark);
            goto Failure;
        }
        Ptr = ptr;
        _ctx[ci].Pc = pc; _ctx[ci].Ptr = ptr;
        ci = PushCtx(ci, J_REPEAT_ONE_2, _ctx[ci].Toplevel);
        pc += (int)code[pc];
        goto Entrance;
    ResumeRepeatOne2:
        if (ret)
        {
            if (Repeat != null) MarkDiscard(_ctx[ci].LastMark);
            goto Success;
        }
        if (Repeat != null) MarkPop(_ctx[ci].LastMark, false);
        LastMark = _ctx[ci].LastMark; LastIndex = _ctx[ci].LastIndex;
        ptr--;
        _ctx[ci].Count--;
        goto RepeatOneNext;

    // ---------------------------------------------------------------- MIN_REPEAT_ONE
    // <MIN_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: lazy single-character loop
    OpMinRepeatOne:
        min = code[pc + 1];
        if ((long)min > end - ptr) goto Failure;
        Ptr = ptr;
        if (min == 0) _ctx[ci].Count = 0;
        else
        {
            i = Count(pc + 3, ptr, min);
            if (i < min) goto Failure;
            _ctx[ci].Count = i;
            ptr += i;
        }
        if (code[pc + (int)code[pc]] == SreOp.SUCCESS &&
            !(_ctx[ci].Toplevel && ((MatchAll && ptr != End) || (MustAdvance && ptr == Start))))
        {
            Ptr = ptr;
            goto Success;
        }
        _ctx[ci].LastMark = LastMark; _ctx[ci].LastIndex = LastIndex;
        if (Repeat != null) MarkPush(_ctx[ci].LastMark);
    MinRepeatOneNext:
        max = code[pc + 2];
        if (!(max == SreOp.MAXREPEAT || _ctx[ci].Count <= max))
        {
            if (Repeat != null) MarkDiscard(_ctx[ci].LastMark);
            goto Failure;
        }
        Ptr = ptr;
        _ctx[ci].Pc = pc; _ctx[ci].Ptr = ptr;
        ci = PushCtx(ci, J_MIN_REPEAT_ONE, _ctx[ci].Toplevel);
        pc += (int)code[pc];
        goto Entrance;
    ResumeMinRepeatOne:
        if (ret)
        {
            if (Repeat != null) MarkDiscard(_ctx[ci].LastMark);
            goto Success;
        }
        if (Repeat != null) MarkPop(_ctx[ci].LastMark, false);
        LastMark = _ctx[ci].LastMark; LastIndex = _ctx[ci].LastIndex;
        Ptr = ptr;
        if (Count(pc + 3, ptr, 1) == 0)
        {
            if (Repeat != null) MarkDiscard(_ctx[ci].LastMark);
            goto Failure;
        }
        ptr++;
        _ctx[ci].Count++;
        goto MinRepeatOneNext;

    // ---------------------------------------------------------------- POSSESSIVE_REPEAT_ONE
    // <POSSESSIVE_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: greedy, never gives back
    OpPossessiveRepeatOne:
        min = code[pc + 1];
        if ((long)min > end - ptr) goto Failure;
        Ptr = ptr;
        i = Count(pc + 3, ptr, code[pc + 2]);
        ptr += i;
        if (i < min) goto Failure;
        pc += (int)code[pc];
        if (code[pc] == SreOp.SUCCESS && ptr == End && !(_ctx[ci].Toplevel && MustAdvance && ptr == Start))
        {
            Ptr = ptr;
            goto Success;
        }
        goto Dispatch;

    // ---------------------------------------------------------------- REPEAT / MAX_UNTIL / MIN_UNTIL
    // <REPEAT> <skip> <min> <max> item <MAX_UNTIL or MIN_UNTIL> tail
    OpRepeat:
        {
            var rep = new SreRepeat { Count = -1, Pc = pc, Prev = Repeat, LastPtr = -1 };
            _ctx[ci].Rep = rep;
            Repeat = rep;
        }
        Ptr = ptr;
        _ctx[ci].Pc = pc; _ctx[ci].Ptr = ptr;
        ci = PushCtx(ci, J_REPEAT, _ctx[ci].Toplevel);
        pc += (int)code[pc];   // straight to the UNTIL, which does the work
        goto Entrance;
    ResumeRepeat:
        Repeat = _ctx[ci].Rep!.Prev;
        if (ret) goto Success;
        goto Failure;

    OpMaxUntil:
        {
            var rep = Repeat ?? throw PyExc.RuntimeError("internal error in regular expression engine");
            _ctx[ci].Rep = rep;
            Ptr = ptr;
            _ctx[ci].Count = rep.Count + 1;
            if (_ctx[ci].Count < code[rep.Pc + 1])
            {
                // not enough repetitions yet: the body must match again
                rep.Count = _ctx[ci].Count;
                _ctx[ci].Pc = pc; _ctx[ci].Ptr = ptr;
                ci = PushCtx(ci, J_MAX_UNTIL_1, _ctx[ci].Toplevel);
                pc = rep.Pc + 3;
                goto Entrance;
            }
            max = code[rep.Pc + 2];
            if ((_ctx[ci].Count < max || max == SreOp.MAXREPEAT) && Ptr != rep.LastPtr)
            {
                // enough, but try one more repetition first (greedy); an empty body match
                // at the same place as the last one stops the loop
                rep.Count = _ctx[ci].Count;
                _ctx[ci].LastMark = LastMark; _ctx[ci].LastIndex = LastIndex;
                MarkPush(_ctx[ci].LastMark);
                DataPush(rep.LastPtr);
                rep.LastPtr = Ptr;
                _ctx[ci].Pc = pc; _ctx[ci].Ptr = ptr;
                ci = PushCtx(ci, J_MAX_UNTIL_2, _ctx[ci].Toplevel);
                pc = rep.Pc + 3;
                goto Entrance;
            }
        }
        goto MaxUntilTail;
    ResumeMaxUntil1:
        if (ret) goto Success;
        _ctx[ci].Rep!.Count = _ctx[ci].Count - 1;
        Ptr = ptr;
        goto Failure;
    ResumeMaxUntil2:
        _ctx[ci].Rep!.LastPtr = DataPop();
        if (ret)
        {
            MarkDiscard(_ctx[ci].LastMark);
            goto Success;
        }
        MarkPop(_ctx[ci].LastMark, true);
        LastMark = _ctx[ci].LastMark; LastIndex = _ctx[ci].LastIndex;
        _ctx[ci].Rep!.Count = _ctx[ci].Count - 1;
        Ptr = ptr;
    MaxUntilTail:
        // no more repetitions here: the tail must match
        Repeat = _ctx[ci].Rep!.Prev;
        _ctx[ci].Pc = pc; _ctx[ci].Ptr = ptr;
        ci = PushCtx(ci, J_MAX_UNTIL_3, _ctx[ci].Toplevel);
        goto Entrance;
    ResumeMaxUntil3:
        Repeat = _ctx[ci].Rep;
        if (ret) goto Success;
        Ptr = ptr;
        goto Failure;

    OpMinUntil:
        {
            var rep = Repeat ?? throw PyExc.RuntimeError("internal error in regular expression engine");
            _ctx[ci].Rep = rep;
            Ptr = ptr;
            _ctx[ci].Count = rep.Count + 1;
            if (_ctx[ci].Count < code[rep.Pc + 1])
            {
                rep.Count = _ctx[ci].Count;
                _ctx[ci].Pc = pc; _ctx[ci].Ptr = ptr;
                ci = PushCtx(ci, J_MIN_UNTIL_1, _ctx[ci].Toplevel);
                pc = rep.Pc + 3;
                goto Entrance;
            }
            // lazy: try the tail first
            Repeat = rep.Prev;
            _ctx[ci].LastMark = LastMark; _ctx[ci].LastIndex = LastIndex;
            if (Repeat != null) MarkPush(_ctx[ci].LastMark);
            _ctx[ci].Pc = pc; _ctx[ci].Ptr = ptr;
            ci = PushCtx(ci, J_MIN_UNTIL_2, _ctx[ci].Toplevel);
            goto Entrance;
        }
    ResumeMinUntil1:
        if (ret) goto Success;
        _ctx[ci].Rep!.Count = _ctx[ci].Count - 1;
        Ptr = ptr;
        goto Failure;
    ResumeMinUntil2:
        {
            var repeatOfTail = Repeat;
            var rep = _ctx[ci].Rep!;
            Repeat = rep;
            if (ret)
            {
                if (repeatOfTail != null) MarkDiscard(_ctx[ci].LastMark);
                goto Success;
            }
            if (repeatOfTail != null) MarkPop(_ctx[ci].LastMark, true);
            LastMark = _ctx[ci].LastMark; LastIndex = _ctx[ci].LastIndex;
            Ptr = ptr;
            max = code[rep.Pc + 2];
            if ((_ctx[ci].Count >= max && max != SreOp.MAXREPEAT) || Ptr == rep.LastPtr) goto Failure;
            // the tail failed: one more repetition of the body
            rep.Count = _ctx[ci].Count;
            DataPush(rep.LastPtr);
            rep.LastPtr = Ptr;
            _ctx[ci].Pc = pc; _ctx[ci].Ptr = ptr;
            ci = PushCtx(ci, J_MIN_UNTIL_3, _ctx[ci].Toplevel);
            pc = rep.Pc + 3;
            goto Entrance;
        }
    ResumeMinUntil3:
        _ctx[ci].Rep!.LastPtr = DataPop();
        if (ret) goto Success;
        _ctx[ci].Rep!.Count = _ctx[ci].Count - 1;
        Ptr = ptr;
        goto Failure;

    // ---------------------------------------------------------------- POSSESSIVE_REPEAT
    // <POSSESSIVE_REPEAT> <skip> <min> <max> item <SUCCESS> tail: each repetition is matched
    // on its own; once the loop stops, nothing inside is retried
    OpPossessiveRepeat:
        Ptr = ptr;
        _ctx[ci].Count = 0;
    PossessiveMin:
        if (_ctx[ci].Count < code[pc + 1])
        {
            _ctx[ci].Pc = pc; _ctx[ci].Ptr = ptr;
            ci = PushCtx(ci, J_POSS_REPEAT_1, false);
            pc += 3;
            goto Entrance;
        }
        ptr = -2;  // differs from any position, so the loop below starts
        goto PossessiveMore;
    ResumePossRepeat1:
        if (ret)
        {
            _ctx[ci].Count++;
            goto PossessiveMin;
        }
        Ptr = ptr;
        goto Failure;
    PossessiveMore:
        max = code[pc + 2];
        if ((_ctx[ci].Count < max || max == SreOp.MAXREPEAT) && Ptr != ptr)
        {
            _ctx[ci].LastMark = LastMark; _ctx[ci].LastIndex = LastIndex;
            MarkPush(_ctx[ci].LastMark);
            ptr = Ptr;   // where this repetition starts: an empty one ends the loop
            _ctx[ci].Pc = pc; _ctx[ci].Ptr = ptr;
            ci = PushCtx(ci, J_POSS_REPEAT_2, false);
            pc += 3;
            goto Entrance;
        }
        goto PossessiveTail;
    ResumePossRepeat2:
        if (ret)
        {
            MarkDiscard(_ctx[ci].LastMark);
            _ctx[ci].Count++;
            goto PossessiveMore;
        }
        MarkPop(_ctx[ci].LastMark, true);
        LastMark = _ctx[ci].LastMark; LastIndex = _ctx[ci].LastIndex;
        Ptr = ptr;
    PossessiveTail:
        pc += (int)code[pc] + 1;
        ptr = Ptr;
        goto Dispatch;

    // ---------------------------------------------------------------- ATOMIC_GROUP
    // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail: the group matches once, on its own
    OpAtomicGroup:
        Ptr = ptr;
        _ctx[ci].Pc = pc; _ctx[ci].Ptr = ptr;
        ci = PushCtx(ci, J_ATOMIC_GROUP, false);
        pc += 1;
        goto Entrance;
    ResumeAtomicGroup:
        if (!ret)
        {
            Ptr = ptr;
            goto Failure;
        }
        pc += (int)code[pc];
        ptr = Ptr;
        goto Dispatch;

    // ---------------------------------------------------------------- ASSERT / ASSERT_NOT
    ResumeAssert:
        if (!ret) goto Failure;
        pc += (int)code[pc];
        goto Dispatch;
    ResumeAssertNot:
        if (ret)
        {
            if (Repeat != null) MarkDiscard(_ctx[ci].LastMark);
            goto Failure;
        }
        if (Repeat != null) MarkPop(_ctx[ci].LastMark, true);
        LastMark = _ctx[ci].LastMark; LastIndex = _ctx[ci].LastIndex;
        pc += (int)code[pc];
        goto Dispatch;

    // ---------------------------------------------------------------- return to the caller
    Success:
        ret = true;
        goto Exit;
    Failure:
        ret = false;
    Exit:
        {
            int jump = _ctx[ci].Jump;
            if (ci == 0)
            {
                _dataTop = baseData;
                return ret;
            }
            ci--;
            pc = _ctx[ci].Pc;
            ptr = _ctx[ci].Ptr;
            switch (jump)
            {
                case J_BRANCH: goto ResumeBranch;
                case J_REPEAT_ONE_1: goto ResumeRepeatOne1;
                case J_REPEAT_ONE_2: goto ResumeRepeatOne2;
                case J_MIN_REPEAT_ONE: goto ResumeMinRepeatOne;
                case J_REPEAT: goto ResumeRepeat;
                case J_MAX_UNTIL_1: goto ResumeMaxUntil1;
                case J_MAX_UNTIL_2: goto ResumeMaxUntil2;
                case J_MAX_UNTIL_3: goto ResumeMaxUntil3;
                case J_MIN_UNTIL_1: goto ResumeMinUntil1;
                case J_MIN_UNTIL_2: goto ResumeMinUntil2;
                case J_MIN_UNTIL_3: goto ResumeMinUntil3;
                case J_POSS_REPEAT_1: goto ResumePossRepeat1;
                case J_POSS_REPEAT_2: goto ResumePossRepeat2;
                case J_ATOMIC_GROUP: goto ResumeAtomicGroup;
                case J_ASSERT: goto ResumeAssert;
                case J_ASSERT_NOT: goto ResumeAssertNot;
            }
            throw new SreCodeException();
        }
    }
}
