#nullable enable
namespace StacklessIron.Compiling;

/// <summary>
/// The instruction set: CPython 3.11's (see the `dis` module documentation of 3.11
/// for each instruction's stack effect and meaning), with these deviations, which
/// keep the VM loop simple and the frame layout uniform:
/// - An instruction is one int: (int)op | (arg &lt;&lt; 8). No EXTENDED_ARG, no CACHE
///   entries, no specialised/adaptive forms, no RESUME, no PRECALL.
/// - Jump arguments are ABSOLUTE instruction indices. JUMP_BACKWARD marks a loop edge
///   (the VM counts ticks there for preemption); the conditional jumps are not split
///   into forward/backward forms.
/// - LOAD_GLOBAL's arg is the name index only (no push-NULL bit): the compiler emits
///   PUSH_NULL itself where 3.11 would set that bit.
/// - No MAKE_CELL / COPY_FREE_VARS / RETURN_GENERATOR: frame set-up creates the cells
///   for CellVars (an argument that is also a cell is copied into its cell), copies the
///   closure into the free-variable cells, and calling a generator/coroutine function
///   returns the generator without running its body. A fresh generator starts at
///   instruction 0 (no initial POP_TOP); YIELD_VALUE pushes the sent value on resume.
/// - LOAD_DEREF/STORE_DEREF/DELETE_DEREF/LOAD_CLOSURE/LOAD_CLASSDEREF index the cell
///   area: i &lt; CellVars.Length is a cell variable, else FreeVars[i - CellVars.Length].
/// - Calls are 3.11's: [NULL or method, callable or self, args...] then CALL argc;
///   KW_NAMES (a constant index of a ConstTuple of names) right before CALL.
/// - BINARY_OP's arg is BinaryOpArg (3.11's NB_* numbering, in-place forms included).
/// </summary>
public enum Opcode : byte
{
    NOP,
    POP_TOP,
    PUSH_NULL,
    COPY,               // arg n: push a copy of the n-th item (1 = top)
    SWAP,               // arg n: swap top with n-th item
    LOAD_CONST,
    LOAD_FAST,          // raises UnboundLocalError if unbound
    STORE_FAST,
    DELETE_FAST,
    LOAD_DEREF,
    STORE_DEREF,
    DELETE_DEREF,
    LOAD_CLOSURE,
    LOAD_CLASSDEREF,
    LOAD_NAME,
    STORE_NAME,
    DELETE_NAME,
    LOAD_GLOBAL,
    STORE_GLOBAL,
    DELETE_GLOBAL,
    LOAD_ATTR,
    STORE_ATTR,
    DELETE_ATTR,
    LOAD_METHOD,
    BINARY_SUBSCR,
    STORE_SUBSCR,
    DELETE_SUBSCR,
    BUILD_SLICE,
    BINARY_OP,
    UNARY_POSITIVE,
    UNARY_NEGATIVE,
    UNARY_NOT,
    UNARY_INVERT,
    COMPARE_OP,         // arg: CompareOpArg
    IS_OP,              // arg 1 = `is not`
    CONTAINS_OP,        // arg 1 = `not in`
    BUILD_TUPLE,
    BUILD_LIST,
    BUILD_SET,
    BUILD_MAP,
    BUILD_CONST_KEY_MAP,
    BUILD_STRING,
    LIST_APPEND,
    SET_ADD,
    MAP_ADD,
    LIST_EXTEND,
    SET_UPDATE,
    DICT_UPDATE,
    DICT_MERGE,
    LIST_TO_TUPLE,
    UNPACK_SEQUENCE,
    UNPACK_EX,
    FORMAT_VALUE,
    JUMP_FORWARD,
    JUMP_BACKWARD,
    POP_JUMP_IF_FALSE,
    POP_JUMP_IF_TRUE,
    POP_JUMP_IF_NONE,
    POP_JUMP_IF_NOT_NONE,
    JUMP_IF_FALSE_OR_POP,
    JUMP_IF_TRUE_OR_POP,
    GET_ITER,
    GET_YIELD_FROM_ITER,
    FOR_ITER,           // arg: target when exhausted (iterator popped)
    CALL,
    KW_NAMES,
    CALL_FUNCTION_EX,   // arg & 1: a kwargs mapping is on the stack
    MAKE_FUNCTION,      // flags 0x01 defaults, 0x02 kwdefaults, 0x04 annotations, 0x08 closure; code on top
    RETURN_VALUE,
    YIELD_VALUE,
    SEND,               // arg: target when the sub-iterator is done
    // Superinstructions: never emitted by the compiler nor stored in a CodeObject. PyCode.Quick,
    // the loop's copy of the instructions, has them in place of the first of two instructions
    // (as CPython 3.11's quickening); the second stays where it was, so jumps to it, line
    // numbers and the exception table keep their indices. The second's arg is read from it.
    LOAD_FAST__LOAD_FAST,
    LOAD_FAST__LOAD_CONST,
    LOAD_CONST__LOAD_FAST,
    STORE_FAST__LOAD_FAST,
    STORE_FAST__STORE_FAST,
    PUSH_NULL__LOAD_GLOBAL,
    /// <summary>COMPARE_OP whose result a POP_JUMP_IF_FALSE/TRUE right after it takes (the
    /// loop jumps on the comparison without pushing the bool when it can).</summary>
    COMPARE_OP__POP_JUMP_IF_FALSE,
    COMPARE_OP__POP_JUMP_IF_TRUE,
    /// <summary>`for x in ...:` over a list or range stores the item straight into x (other
    /// iterators run as FOR_ITER, then the STORE_FAST after it).</summary>
    FOR_ITER__STORE_FAST,
    /// <summary>BINARY_OP by operator (the arg kept, in-place forms included): the loop tries
    /// small ints and floats without a second dispatch on the arg.</summary>
    BINARY_OP_ADD,
    BINARY_OP_SUBTRACT,
    BINARY_OP_MULTIPLY,
    BINARY_OP_REMAINDER,
    /// <summary>LOAD_FAST then LOAD_ATTR / LOAD_METHOD (`self.x`, `p.moved(...)`): the local
    /// is looked into where it lies, without pushing it first (one GC-barriered store less).</summary>
    LOAD_FAST__LOAD_ATTR,
    LOAD_FAST__LOAD_METHOD,
    /// <summary>LOAD_FAST v, LOAD_FAST o, STORE_ATTR (`self.x = x`): the store from the two
    /// locals, in place of the first of the three (the other two stay where they were).</summary>
    LOAD_FAST__LOAD_FAST__STORE_ATTR,
    /// <summary>LOAD_CONST then RETURN_VALUE (`return None` that ends every procedure).</summary>
    LOAD_CONST__RETURN_VALUE,
    /// <summary>FOR_ITER then UNPACK_SEQUENCE 2 (`for k, v in d.items()`, `for i, x in
    /// enumerate(xs)`): the pair's two values pushed without the tuple (other iterators run as
    /// FOR_ITER, then the UNPACK_SEQUENCE after it).</summary>
    FOR_ITER__UNPACK_PAIR,

    // The instructions the loop runs out of line (DispatchCold). They come after the hot ones
    // so that Dispatch's switch is one jump table over 0..FOR_ITER__UNPACK_PAIR; with the
    // superinstructions numbered last it was two tables, the second behind two more compares.
    GET_AWAITABLE,
    GET_AITER,
    GET_ANEXT,
    END_ASYNC_FOR,
    BEFORE_ASYNC_WITH,
    ASYNC_GEN_WRAP,
    RAISE_VARARGS,
    RERAISE,
    PUSH_EXC_INFO,
    POP_EXCEPT,
    CHECK_EXC_MATCH,
    CHECK_EG_MATCH,
    PREP_RERAISE_STAR,
    WITH_EXCEPT_START,
    BEFORE_WITH,
    LOAD_ASSERTION_ERROR,
    LOAD_BUILD_CLASS,
    SETUP_ANNOTATIONS,
    IMPORT_NAME,
    IMPORT_FROM,
    IMPORT_STAR,
    PRINT_EXPR,
    GET_LEN,
    MATCH_CLASS,
    MATCH_MAPPING,
    MATCH_SEQUENCE,
    MATCH_KEYS,
    COPY_DICT_WITHOUT_KEYS,
    LOAD_LOCALS,

    // Tracing: while a trace or profile function is set, PyCode.Quick of the code being
    // traced has TRACE in place of every opcode (the arg kept); the loop runs it in
    // DispatchCold, which reports the events and then runs the original instruction
    // (Interpreter.Tracing.cs). Never in a CodeObject.
    TRACE,
}

/// <summary>BINARY_OP argument: CPython 3.11's NB_* numbering.</summary>
public enum BinaryOpArg
{
    Add = 0, And = 1, FloorDivide = 2, LShift = 3, MatrixMultiply = 4, Multiply = 5,
    Remainder = 6, Or = 7, Power = 8, RShift = 9, Subtract = 10, TrueDivide = 11, Xor = 12,
    InplaceAdd = 13, InplaceAnd = 14, InplaceFloorDivide = 15, InplaceLShift = 16,
    InplaceMatrixMultiply = 17, InplaceMultiply = 18, InplaceRemainder = 19, InplaceOr = 20,
    InplacePower = 21, InplaceRShift = 22, InplaceSubtract = 23, InplaceTrueDivide = 24,
    InplaceXor = 25,
}

/// <summary>COMPARE_OP argument (CPython's Py_LT ... Py_GE).</summary>
public enum CompareOpArg { Lt = 0, Le = 1, Eq = 2, Ne = 3, Gt = 4, Ge = 5 }
