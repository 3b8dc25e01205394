#nullable enable
namespace StacklessIron.Modules.Sre;

/// <summary>The SRE opcodes, numbered as CPython 3.11's re/_constants.py (MAGIC 20220615)
/// emits them: the compiled program is a list of these words and their operands.</summary>
internal static class SreOp
{
    public const uint FAILURE = 0, SUCCESS = 1, ANY = 2, ANY_ALL = 3, ASSERT = 4, ASSERT_NOT = 5, AT = 6,
        BRANCH = 7, CATEGORY = 8, CHARSET = 9, BIGCHARSET = 10, GROUPREF = 11, GROUPREF_EXISTS = 12,
        IN = 13, INFO = 14, JUMP = 15, LITERAL = 16, MARK = 17, MAX_UNTIL = 18, MIN_UNTIL = 19,
        NOT_LITERAL = 20, NEGATE = 21, RANGE = 22, REPEAT = 23, REPEAT_ONE = 24, SUBPATTERN = 25,
        MIN_REPEAT_ONE = 26, ATOMIC_GROUP = 27, POSSESSIVE_REPEAT = 28, POSSESSIVE_REPEAT_ONE = 29,
        GROUPREF_IGNORE = 30, IN_IGNORE = 31, LITERAL_IGNORE = 32, NOT_LITERAL_IGNORE = 33,
        GROUPREF_LOC_IGNORE = 34, IN_LOC_IGNORE = 35, LITERAL_LOC_IGNORE = 36, NOT_LITERAL_LOC_IGNORE = 37,
        GROUPREF_UNI_IGNORE = 38, IN_UNI_IGNORE = 39, LITERAL_UNI_IGNORE = 40, NOT_LITERAL_UNI_IGNORE = 41,
        RANGE_UNI_IGNORE = 42;

    // AT codes (operand of AT)
    public const uint AT_BEGINNING = 0, AT_BEGINNING_LINE = 1, AT_BEGINNING_STRING = 2, AT_BOUNDARY = 3,
        AT_NON_BOUNDARY = 4, AT_END = 5, AT_END_LINE = 6, AT_END_STRING = 7, AT_LOC_BOUNDARY = 8,
        AT_LOC_NON_BOUNDARY = 9, AT_UNI_BOUNDARY = 10, AT_UNI_NON_BOUNDARY = 11;

    // CATEGORY codes (operand of CATEGORY, also inside IN sets)
    public const uint CAT_DIGIT = 0, CAT_NOT_DIGIT = 1, CAT_SPACE = 2, CAT_NOT_SPACE = 3, CAT_WORD = 4,
        CAT_NOT_WORD = 5, CAT_LINEBREAK = 6, CAT_NOT_LINEBREAK = 7, CAT_LOC_WORD = 8, CAT_LOC_NOT_WORD = 9,
        CAT_UNI_DIGIT = 10, CAT_UNI_NOT_DIGIT = 11, CAT_UNI_SPACE = 12, CAT_UNI_NOT_SPACE = 13,
        CAT_UNI_WORD = 14, CAT_UNI_NOT_WORD = 15, CAT_UNI_LINEBREAK = 16, CAT_UNI_NOT_LINEBREAK = 17;

    // INFO block flags
    public const uint INFO_PREFIX = 1, INFO_LITERAL = 2, INFO_CHARSET = 4;

    /// <summary>The "unbounded" repeat count (the largest 32-bit code word).</summary>
    public const uint MAXREPEAT = uint.MaxValue;
    /// <summary>The most groups a pattern may have (CPython 3.11 on 64-bit: INT32_MAX / 2).</summary>
    public const int MAXGROUPS = int.MaxValue / 2;
    public const int MAGIC = 20220615;
    public const int CODESIZE = 4;
}
