#nullable enable
using System;
namespace StacklessIron.Compiling;

/// <summary>Stack effect of each instruction as in CPython 3.11 (stack_effect in
/// compile.c), adapted to our deviations; `jump` selects the branch-taken effect.</summary>
public static class StackEffect
{
    public static int Of(Opcode op, int arg, bool jump)
    {
        switch (op)
        {
            case Opcode.NOP: return 0;
            case Opcode.POP_TOP: return -1;
            case Opcode.PUSH_NULL: return 1;
            case Opcode.COPY: return 1;
            case Opcode.SWAP: return 0;
            case Opcode.LOAD_CONST: case Opcode.LOAD_FAST: case Opcode.LOAD_DEREF: case Opcode.LOAD_CLOSURE:
            case Opcode.LOAD_CLASSDEREF: case Opcode.LOAD_NAME: case Opcode.LOAD_GLOBAL:
                return 1;
            case Opcode.STORE_FAST: case Opcode.STORE_DEREF: case Opcode.STORE_NAME: case Opcode.STORE_GLOBAL:
                return -1;
            case Opcode.DELETE_FAST: case Opcode.DELETE_DEREF: case Opcode.DELETE_NAME: case Opcode.DELETE_GLOBAL:
                return 0;
            case Opcode.LOAD_ATTR: return 0;
            case Opcode.STORE_ATTR: return -2;
            case Opcode.DELETE_ATTR: return -1;
            case Opcode.LOAD_METHOD: return 1;
            case Opcode.BINARY_SUBSCR: return -1;
            case Opcode.STORE_SUBSCR: return -3;
            case Opcode.DELETE_SUBSCR: return -2;
            case Opcode.BUILD_SLICE: return arg == 3 ? -2 : -1;
            case Opcode.BINARY_OP: return -1;
            case Opcode.UNARY_POSITIVE: case Opcode.UNARY_NEGATIVE: case Opcode.UNARY_NOT: case Opcode.UNARY_INVERT:
                return 0;
            case Opcode.COMPARE_OP: case Opcode.IS_OP: case Opcode.CONTAINS_OP: return -1;
            case Opcode.BUILD_TUPLE: case Opcode.BUILD_LIST: case Opcode.BUILD_SET: case Opcode.BUILD_STRING:
                return 1 - arg;
            case Opcode.BUILD_MAP: return 1 - 2 * arg;
            case Opcode.BUILD_CONST_KEY_MAP: return -arg;
            case Opcode.LIST_APPEND: case Opcode.SET_ADD: return -1;
            case Opcode.MAP_ADD: return -2;
            case Opcode.LIST_EXTEND: case Opcode.SET_UPDATE: case Opcode.DICT_UPDATE: case Opcode.DICT_MERGE:
                return -1;
            case Opcode.LIST_TO_TUPLE: return 0;
            case Opcode.UNPACK_SEQUENCE: return arg - 1;
            case Opcode.UNPACK_EX: return (arg & 0xFF) + (arg >> 8);
            case Opcode.FORMAT_VALUE: return (arg & 0x04) != 0 ? -1 : 0;
            case Opcode.JUMP_FORWARD: case Opcode.JUMP_BACKWARD: case PseudoOp.Jump: return 0;
            case Opcode.POP_JUMP_IF_FALSE: case Opcode.POP_JUMP_IF_TRUE:
            case Opcode.POP_JUMP_IF_NONE: case Opcode.POP_JUMP_IF_NOT_NONE:
                return -1;
            case Opcode.JUMP_IF_FALSE_OR_POP: case Opcode.JUMP_IF_TRUE_OR_POP:
                return jump ? 0 : -1;
            case Opcode.GET_ITER: case Opcode.GET_YIELD_FROM_ITER: return 0;
            case Opcode.FOR_ITER: return jump ? -1 : 1;
            case Opcode.CALL: return -arg - 1;
            case Opcode.KW_NAMES: return 0;
            case Opcode.CALL_FUNCTION_EX: return -2 - (arg & 1);
            case Opcode.MAKE_FUNCTION:
                return -(((arg & 1) != 0 ? 1 : 0) + ((arg & 2) != 0 ? 1 : 0) + ((arg & 4) != 0 ? 1 : 0) + ((arg & 8) != 0 ? 1 : 0));
            case Opcode.RETURN_VALUE: return -1;
            case Opcode.YIELD_VALUE: return 0;
            case Opcode.SEND: return jump ? -1 : 0;
            case Opcode.GET_AWAITABLE: case Opcode.GET_AITER: return 0;
            case Opcode.GET_ANEXT: return 1;
            case Opcode.END_ASYNC_FOR: return -2;
            case Opcode.BEFORE_ASYNC_WITH: case Opcode.BEFORE_WITH: return 1;
            case Opcode.ASYNC_GEN_WRAP: return 0;
            case Opcode.RAISE_VARARGS: return -arg;
            case Opcode.RERAISE: return -1;
            case Opcode.PUSH_EXC_INFO: return 1;
            case Opcode.POP_EXCEPT: return -1;
            case Opcode.CHECK_EXC_MATCH: case Opcode.CHECK_EG_MATCH: return 0;
            case Opcode.PREP_RERAISE_STAR: return -1;
            case Opcode.WITH_EXCEPT_START: return 1;
            case Opcode.LOAD_ASSERTION_ERROR: case Opcode.LOAD_BUILD_CLASS: case Opcode.LOAD_LOCALS: return 1;
            case Opcode.SETUP_ANNOTATIONS: return 0;
            case Opcode.IMPORT_NAME: return -1;
            case Opcode.IMPORT_FROM: return 1;
            case Opcode.IMPORT_STAR: return -1;
            case Opcode.PRINT_EXPR: return -1;
            case Opcode.GET_LEN: case Opcode.MATCH_MAPPING: case Opcode.MATCH_SEQUENCE: case Opcode.MATCH_KEYS: return 1;
            case Opcode.MATCH_CLASS: return -2;
            case Opcode.COPY_DICT_WITHOUT_KEYS: return 0;
            case PseudoOp.SetupFinally: return jump ? 1 : 0;
            case PseudoOp.SetupCleanup: return jump ? 2 : 0;
            case PseudoOp.SetupWith: return jump ? 1 : 0;
            case PseudoOp.PopBlock: return 0;
        }
        throw new InvalidOperationException("no stack effect for " + PseudoOp.NameOf(op));
    }

    /// <summary>Instructions after which control never falls through to the next one.</summary>
    public static bool IsTerminal(Opcode op) =>
        op is Opcode.RETURN_VALUE or Opcode.RAISE_VARARGS or Opcode.RERAISE
            or Opcode.JUMP_FORWARD or Opcode.JUMP_BACKWARD or PseudoOp.Jump;

    public static bool HasJump(Opcode op) =>
        op is Opcode.JUMP_FORWARD or Opcode.JUMP_BACKWARD or PseudoOp.Jump
            or Opcode.POP_JUMP_IF_FALSE or Opcode.POP_JUMP_IF_TRUE or Opcode.POP_JUMP_IF_NONE or Opcode.POP_JUMP_IF_NOT_NONE
            or Opcode.JUMP_IF_FALSE_OR_POP or Opcode.JUMP_IF_TRUE_OR_POP or Opcode.FOR_ITER or Opcode.SEND
            or PseudoOp.SetupFinally or PseudoOp.SetupCleanup or PseudoOp.SetupWith;
}
