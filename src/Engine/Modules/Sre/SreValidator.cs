#nullable enable
using System;
namespace StacklessIron.Modules.Sre;

/// <summary>
/// Checks a code list before _sre.compile accepts it, as CPython does: every opcode known,
/// operands present, skips landing inside their block, nested blocks ending where their
/// enclosing opcode says, group numbers below the group count. The matcher can then trust
/// the structure; anything else is RuntimeError("invalid SRE code") at compile time.
/// </summary>
internal static class SreValidator
{
    sealed class Invalid : Exception { }

    public static void Validate(uint[] code, int groups)
    {
        try
        {
            Block(code, 0, code.Length, groups);
        }
        catch (Invalid)
        {
            throw PyExc.RuntimeError("invalid SRE code");
        }
    }

    static void Check(bool ok)
    {
        if (!ok) throw new Invalid();
    }

    /// <summary>The skip word at code[pc] as an end index, which must lie in (pc, end].</summary>
    static int Target(uint[] code, int pc, int end)
    {
        Check(pc < end);
        uint skip = code[pc];
        Check(skip >= 1 && skip <= (uint)(end - pc));
        return pc + (int)skip;
    }

    static void Block(uint[] code, int pc, int end, int groups)
    {
        while (pc < end)
        {
            uint op = code[pc++];
            switch (op)
            {
                case SreOp.FAILURE:
                case SreOp.SUCCESS:
                case SreOp.ANY:
                case SreOp.ANY_ALL:
                    break;

                case SreOp.AT:
                    Check(pc < end && code[pc] <= SreOp.AT_UNI_NON_BOUNDARY);
                    pc++;
                    break;

                case SreOp.CATEGORY:
                    Check(pc < end && code[pc] <= SreOp.CAT_UNI_NOT_LINEBREAK);
                    pc++;
                    break;

                case SreOp.LITERAL: case SreOp.NOT_LITERAL:
                case SreOp.LITERAL_IGNORE: case SreOp.NOT_LITERAL_IGNORE:
                case SreOp.LITERAL_UNI_IGNORE: case SreOp.NOT_LITERAL_UNI_IGNORE:
                case SreOp.LITERAL_LOC_IGNORE: case SreOp.NOT_LITERAL_LOC_IGNORE:
                    Check(pc < end);
                    pc++;
                    break;

                case SreOp.MARK:
                    Check(pc < end && code[pc] < 2u * (uint)groups);
                    pc++;
                    break;

                case SreOp.IN: case SreOp.IN_IGNORE: case SreOp.IN_UNI_IGNORE: case SreOp.IN_LOC_IGNORE:
                {
                    int t = Target(code, pc, end);
                    Charset(code, pc + 1, t);
                    pc = t;
                    break;
                }

                case SreOp.INFO:
                {
                    // <INFO> <skip> <flags> <min> <max> [<len> <skip> prefix overlap | charset]
                    int t = Target(code, pc, end);
                    Check(pc + 4 <= t);
                    uint flags = code[pc + 1];
                    Check(code[pc + 2] <= code[pc + 3]);
                    if ((flags & SreOp.INFO_PREFIX) != 0)
                    {
                        Check((flags & SreOp.INFO_CHARSET) == 0 && pc + 6 <= t);
                        uint len = code[pc + 4], skip = code[pc + 5];
                        Check(len >= 1 && skip <= len && pc + 6 + 2L * len <= t);
                        for (int i = 0; i < len; i++) Check(code[pc + 6 + len + i] < len);   // overlap table
                    }
                    else if ((flags & SreOp.INFO_CHARSET) != 0)
                        Charset(code, pc + 4, t);
                    else
                        Check((flags & SreOp.INFO_LITERAL) == 0);
                    pc = t;
                    break;
                }

                case SreOp.JUMP:
                    // only inside BRANCH and GROUPREF_EXISTS, which check it themselves
                    throw new Invalid();

                case SreOp.BRANCH:
                {
                    // <BRANCH> (<skip> alternative <JUMP> <to end>)* <0>
                    int target = -1;
                    for (;;)
                    {
                        Check(pc < end);
                        if (code[pc] == 0) { pc++; break; }
                        int t = Target(code, pc, end);
                        Check(t - 2 > pc && code[t - 2] == SreOp.JUMP);
                        Block(code, pc + 1, t - 2, groups);
                        int jt = Target(code, t - 1, end);
                        if (target < 0) target = jt;
                        else Check(jt == target);
                        pc = t;
                    }
                    Check(target < 0 || target == pc);
                    break;
                }

                case SreOp.REPEAT_ONE: case SreOp.MIN_REPEAT_ONE: case SreOp.POSSESSIVE_REPEAT_ONE:
                {
                    // <op> <skip> <min> <max> item <SUCCESS> tail
                    int t = Target(code, pc, end);
                    Check(pc + 3 < t && code[pc + 1] <= code[pc + 2] && code[pc + 1] != SreOp.MAXREPEAT);
                    Check(code[t - 1] == SreOp.SUCCESS);
                    Block(code, pc + 3, t - 1, groups);
                    Check(IsSingleCharacter(code, pc + 3, t - 1));
                    pc = t;
                    break;
                }

                case SreOp.REPEAT: case SreOp.POSSESSIVE_REPEAT:
                {
                    // <REPEAT> <skip> <min> <max> item <MAX_UNTIL|MIN_UNTIL> tail
                    // <POSSESSIVE_REPEAT> <skip> <min> <max> item <SUCCESS> tail
                    int t = Target(code, pc, end);
                    Check(pc + 3 <= t && t < end && code[pc + 1] <= code[pc + 2] && code[pc + 1] != SreOp.MAXREPEAT);
                    Block(code, pc + 3, t, groups);
                    uint until = code[t];
                    Check(op == SreOp.REPEAT ? until == SreOp.MAX_UNTIL || until == SreOp.MIN_UNTIL : until == SreOp.SUCCESS);
                    pc = t + 1;
                    break;
                }

                case SreOp.GROUPREF: case SreOp.GROUPREF_IGNORE:
                case SreOp.GROUPREF_UNI_IGNORE: case SreOp.GROUPREF_LOC_IGNORE:
                    Check(pc < end && code[pc] < (uint)groups);
                    pc++;
                    break;

                case SreOp.GROUPREF_EXISTS:
                {
                    // <GROUPREF_EXISTS> <group> <skip> codeyes [<JUMP> <skip> codeno] tail
                    Check(pc + 1 < end && code[pc] < (uint)groups);
                    int t = Target(code, pc + 1, end + 1) - 1;   // skip counts from the group word
                    Check(t >= pc + 2 && t <= end);
                    // "codeyes ends with JUMP" may also be a set operand equal to JUMP's number:
                    // try the yes/no reading first, then the plain one
                    if (t - 2 >= pc + 2 && code[t - 2] == SreOp.JUMP)
                    {
                        try
                        {
                            Block(code, pc + 2, t - 2, groups);
                            int noEnd = Target(code, t - 1, end);
                            Block(code, t, noEnd, groups);
                            pc = noEnd;
                            break;
                        }
                        catch (Invalid) { }
                    }
                    Block(code, pc + 2, t, groups);
                    pc = t;
                    break;
                }

                case SreOp.ASSERT: case SreOp.ASSERT_NOT:
                {
                    // <op> <skip> <back> pattern <SUCCESS> tail
                    int t = Target(code, pc, end);
                    Check(pc + 2 < t && code[t - 1] == SreOp.SUCCESS && code[pc + 1] <= int.MaxValue);
                    Block(code, pc + 2, t - 1, groups);
                    pc = t;
                    break;
                }

                case SreOp.ATOMIC_GROUP:
                {
                    // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
                    int t = Target(code, pc, end);
                    Check(pc + 1 < t && code[t - 1] == SreOp.SUCCESS);
                    Block(code, pc + 1, t - 1, groups);
                    pc = t;
                    break;
                }

                default:
                    // MAX_UNTIL/MIN_UNTIL only directly after a REPEAT body; set ops only in sets
                    throw new Invalid();
            }
        }
        Check(pc == end);
    }

    /// <summary>A set program in [pc, end): ends with exactly one FAILURE at end - 1.</summary>
    static void Charset(uint[] code, int pc, int end)
    {
        while (pc < end)
        {
            uint op = code[pc++];
            switch (op)
            {
                case SreOp.FAILURE:
                    Check(pc == end);
                    return;
                case SreOp.NEGATE:
                    break;
                case SreOp.LITERAL:
                    Check(pc < end);
                    pc++;
                    break;
                case SreOp.CATEGORY:
                    Check(pc < end && code[pc] <= SreOp.CAT_UNI_NOT_LINEBREAK);
                    pc++;
                    break;
                case SreOp.RANGE:
                case SreOp.RANGE_UNI_IGNORE:
                    Check(pc + 2 <= end && code[pc] <= code[pc + 1]);
                    pc += 2;
                    break;
                case SreOp.CHARSET:
                    Check(pc + 8 <= end);
                    pc += 8;
                    break;
                case SreOp.BIGCHARSET:
                {
                    Check(pc < end);
                    uint count = code[pc++];
                    Check(count <= 256 && pc + 64 + 8L * count <= end);
                    for (int i = 0; i < 256; i++)
                        Check(((code[pc + (i >> 2)] >> ((i & 3) * 8)) & 0xFF) < count);
                    pc += 64 + (int)count * 8;
                    break;
                }
                default:
                    throw new Invalid();
            }
        }
        throw new Invalid();   // no closing FAILURE
    }

    /// <summary>The repeated item of the *_REPEAT_ONE ops must be one single-character op.</summary>
    static bool IsSingleCharacter(uint[] code, int pc, int end)
    {
        switch (code[pc])
        {
            case SreOp.ANY: case SreOp.ANY_ALL:
                return pc + 1 == end;
            case SreOp.LITERAL: case SreOp.NOT_LITERAL: case SreOp.LITERAL_IGNORE: case SreOp.NOT_LITERAL_IGNORE:
            case SreOp.LITERAL_UNI_IGNORE: case SreOp.NOT_LITERAL_UNI_IGNORE: case SreOp.LITERAL_LOC_IGNORE:
            case SreOp.NOT_LITERAL_LOC_IGNORE: case SreOp.CATEGORY:
                return pc + 2 == end;
            case SreOp.IN: case SreOp.IN_IGNORE: case SreOp.IN_UNI_IGNORE: case SreOp.IN_LOC_IGNORE:
                return pc + 1 + (int)code[pc + 1] == end;
        }
        return false;
    }
}
