using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;
using StacklessIron.Compiling;
using StacklessIron.Parsing;
using StacklessIron.Parsing.Ast;
using Assert = NUnit.Framework.Assert;
using Is = NUnit.Framework.Is;
using Module = StacklessIron.Parsing.Ast.Module;

namespace StacklessIron.Tests;

/// <summary>
/// The compiler against CPython 3.11: instruction listings (expected texts were produced
/// by CPython 3.11.7 through tools/dis311.py, which applies our documented deviations),
/// symbol-table classification (as CPython's `symtable` module reports it), the
/// compile-time SyntaxErrors with their positions, and a no-crash pass over the stdlib.
/// </summary>
public class CompilerTests
{
    public sealed record DisCase(string Name, string Source, string Expected)
    {
        public override string ToString() => Name;
    }

    static CodeObject Compile(string src, CompileMode mode = CompileMode.Exec, int optimize = 0)
    {
        ModNode tree = mode switch
        {
            CompileMode.Eval => PythonParser.ParseExpression(src, "<string>"),
            CompileMode.Single => PythonParser.ParseInteractive(src, "<string>"),
            _ => PythonParser.ParseModule(src, "<string>"),
        };
        return Compiler.Compile(tree, "<string>", mode, optimize);
    }

    static PythonSyntaxError CompileError(string src)
        => Assert.Throws<PythonSyntaxError>(() => Compile(src))!;

    static IEnumerable<DisCase> DisCases() => new[]
    {
        new DisCase("async", """
async def f():
    async with a as b:
        await b
    async for x in y:
        print(x)
    else:
        pass
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=1
  varnames=[] cellvars=[] freevars=[]
  names=['f']
     0 LOAD_CONST <code f>
     1 MAKE_FUNCTION 0
     2 STORE_NAME f
     3 LOAD_CONST None
     4 RETURN_VALUE
code f argc=0 posonly=0 kwonly=0 flags=0x83 stacksize=6
  varnames=['b', 'x'] cellvars=[] freevars=[]
  names=['a', 'y', 'print']
     0 LOAD_GLOBAL a
     1 BEFORE_ASYNC_WITH
     2 GET_AWAITABLE 1
     3 LOAD_CONST None
     4 SEND 7
     5 YIELD_VALUE
     6 JUMP_BACKWARD 4
     7 STORE_FAST b
     8 LOAD_FAST b
     9 GET_AWAITABLE 0
    10 LOAD_CONST None
    11 SEND 14
    12 YIELD_VALUE
    13 JUMP_BACKWARD 11
    14 POP_TOP
    15 LOAD_CONST None
    16 LOAD_CONST None
    17 LOAD_CONST None
    18 CALL 2
    19 GET_AWAITABLE 2
    20 LOAD_CONST None
    21 SEND 24
    22 YIELD_VALUE
    23 JUMP_BACKWARD 21
    24 POP_TOP
    25 JUMP_FORWARD 42
    26 PUSH_EXC_INFO
    27 WITH_EXCEPT_START
    28 GET_AWAITABLE 2
    29 LOAD_CONST None
    30 SEND 33
    31 YIELD_VALUE
    32 JUMP_BACKWARD 30
    33 POP_JUMP_IF_TRUE 38
    34 RERAISE 2
    35 COPY 3
    36 POP_EXCEPT
    37 RERAISE 1
    38 POP_TOP
    39 POP_EXCEPT
    40 POP_TOP
    41 POP_TOP
    42 LOAD_GLOBAL y
    43 GET_AITER
    44 GET_ANEXT
    45 LOAD_CONST None
    46 SEND 49
    47 YIELD_VALUE
    48 JUMP_BACKWARD 46
    49 STORE_FAST x
    50 PUSH_NULL
    51 LOAD_GLOBAL print
    52 LOAD_FAST x
    53 CALL 1
    54 POP_TOP
    55 JUMP_BACKWARD 44
    56 END_ASYNC_FOR
    57 LOAD_CONST None
    58 RETURN_VALUE
  except 7..15 -> 26 depth=1 lasti
  except 26..35 -> 35 depth=3 lasti
  except 38..39 -> 35 depth=3 lasti
  except 44..49 -> 56 depth=1
"""),
        new DisCase("calls", """
f(*a)
f(*a, **k)
f(1, *a, 2, x=1, **k, y=2)
o.m(1, 2, k=3)
o.m(*a)
f(a=1, b=2)
x = a if b else c
y = not a
z = a and b or c
w = 1 < a < 3
v = -1, ~2, 2**10, "ab"*3, (1, 2) + (3,)
del a.b, c[1], d
a.b += 1
c[i] -= 2
assert x, "msg"
raise E from F
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=6
  varnames=[] cellvars=[] freevars=[]
  names=['f', 'a', 'k', 'o', 'm', 'b', 'c', 'x', 'y', 'z', 'w', 'v', 'd', 'i', 'E', 'F']
     0 PUSH_NULL
     1 LOAD_NAME f
     2 LOAD_NAME a
     3 CALL_FUNCTION_EX 0
     4 POP_TOP
     5 PUSH_NULL
     6 LOAD_NAME f
     7 LOAD_NAME a
     8 BUILD_MAP 0
     9 LOAD_NAME k
    10 DICT_MERGE 1
    11 CALL_FUNCTION_EX 1
    12 POP_TOP
    13 PUSH_NULL
    14 LOAD_NAME f
    15 LOAD_CONST 1
    16 BUILD_LIST 1
    17 LOAD_NAME a
    18 LIST_EXTEND 1
    19 LOAD_CONST 2
    20 LIST_APPEND 1
    21 LIST_TO_TUPLE
    22 LOAD_CONST 'x'
    23 LOAD_CONST 1
    24 BUILD_MAP 1
    25 LOAD_NAME k
    26 DICT_MERGE 1
    27 LOAD_CONST 'y'
    28 LOAD_CONST 2
    29 BUILD_MAP 1
    30 DICT_MERGE 1
    31 CALL_FUNCTION_EX 1
    32 POP_TOP
    33 LOAD_NAME o
    34 LOAD_METHOD m
    35 LOAD_CONST 1
    36 LOAD_CONST 2
    37 LOAD_CONST 3
    38 KW_NAMES ('k',)
    39 CALL 3
    40 POP_TOP
    41 PUSH_NULL
    42 LOAD_NAME o
    43 LOAD_ATTR m
    44 LOAD_NAME a
    45 CALL_FUNCTION_EX 0
    46 POP_TOP
    47 PUSH_NULL
    48 LOAD_NAME f
    49 LOAD_CONST 1
    50 LOAD_CONST 2
    51 KW_NAMES ('a', 'b')
    52 CALL 2
    53 POP_TOP
    54 LOAD_NAME b
    55 POP_JUMP_IF_FALSE 58
    56 LOAD_NAME a
    57 JUMP_FORWARD 59
    58 LOAD_NAME c
    59 STORE_NAME x
    60 LOAD_NAME a
    61 UNARY_NOT
    62 STORE_NAME y
    63 LOAD_NAME a
    64 POP_JUMP_IF_FALSE 67
    65 LOAD_NAME b
    66 JUMP_IF_TRUE_OR_POP 68
    67 LOAD_NAME c
    68 STORE_NAME z
    69 LOAD_CONST 1
    70 LOAD_NAME a
    71 SWAP 2
    72 COPY 2
    73 COMPARE_OP <
    74 JUMP_IF_FALSE_OR_POP 78
    75 LOAD_CONST 3
    76 COMPARE_OP <
    77 JUMP_FORWARD 80
    78 SWAP 2
    79 POP_TOP
    80 STORE_NAME w
    81 LOAD_CONST (-1, -3, 1024, 'ababab', (1, 2, 3))
    82 STORE_NAME v
    83 LOAD_NAME a
    84 DELETE_ATTR b
    85 LOAD_NAME c
    86 LOAD_CONST 1
    87 DELETE_SUBSCR
    88 DELETE_NAME d
    89 LOAD_NAME a
    90 COPY 1
    91 LOAD_ATTR b
    92 LOAD_CONST 1
    93 BINARY_OP 13
    94 SWAP 2
    95 STORE_ATTR b
    96 LOAD_NAME c
    97 LOAD_NAME i
    98 COPY 2
    99 COPY 2
   100 BINARY_SUBSCR
   101 LOAD_CONST 2
   102 BINARY_OP 23
   103 SWAP 3
   104 SWAP 2
   105 STORE_SUBSCR
   106 LOAD_NAME x
   107 POP_JUMP_IF_TRUE 112
   108 LOAD_ASSERTION_ERROR
   109 LOAD_CONST 'msg'
   110 CALL 0
   111 RAISE_VARARGS 1
   112 LOAD_NAME E
   113 LOAD_NAME F
   114 RAISE_VARARGS 2
"""),
        new DisCase("class", """
class C(B, metaclass=M):
    "doc"
    x: int = 1
    def f(self): return super().f()
    @staticmethod
    def g(*args, **kw): return __class__
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=6
  varnames=[] cellvars=[] freevars=[]
  names=['B', 'M', 'C']
     0 PUSH_NULL
     1 LOAD_BUILD_CLASS
     2 LOAD_CONST <code C>
     3 MAKE_FUNCTION 0
     4 LOAD_CONST 'C'
     5 LOAD_NAME B
     6 LOAD_NAME M
     7 KW_NAMES ('metaclass',)
     8 CALL 4
     9 STORE_NAME C
    10 LOAD_CONST None
    11 RETURN_VALUE
code C argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=3
  varnames=[] cellvars=['__class__'] freevars=[]
  names=['__name__', '__module__', '__qualname__', '__doc__', 'x', 'int', '__annotations__', 'f', 'staticmethod', 'g', '__classcell__']
     0 LOAD_NAME __name__
     1 STORE_NAME __module__
     2 LOAD_CONST 'C'
     3 STORE_NAME __qualname__
     4 SETUP_ANNOTATIONS
     5 LOAD_CONST 'doc'
     6 STORE_NAME __doc__
     7 LOAD_CONST 1
     8 STORE_NAME x
     9 LOAD_NAME int
    10 LOAD_NAME __annotations__
    11 LOAD_CONST 'x'
    12 STORE_SUBSCR
    13 LOAD_CLOSURE __class__
    14 BUILD_TUPLE 1
    15 LOAD_CONST <code f>
    16 MAKE_FUNCTION 8
    17 STORE_NAME f
    18 LOAD_NAME staticmethod
    19 LOAD_CLOSURE __class__
    20 BUILD_TUPLE 1
    21 LOAD_CONST <code g>
    22 MAKE_FUNCTION 8
    23 CALL 0
    24 STORE_NAME g
    25 LOAD_CLOSURE __class__
    26 COPY 1
    27 STORE_NAME __classcell__
    28 RETURN_VALUE
code f argc=1 posonly=0 kwonly=0 flags=0x3 stacksize=2
  varnames=['self'] cellvars=[] freevars=['__class__']
  names=['super', 'f']
     0 PUSH_NULL
     1 LOAD_GLOBAL super
     2 CALL 0
     3 LOAD_METHOD f
     4 CALL 0
     5 RETURN_VALUE
code g argc=0 posonly=0 kwonly=0 flags=0xf stacksize=1
  varnames=['args', 'kw'] cellvars=[] freevars=['__class__']
  names=[]
     0 LOAD_DEREF __class__
     1 RETURN_VALUE
"""),
        new DisCase("closures", """
def outer(a):
    b = 1
    def inner(c):
        nonlocal b
        b += c
        return a + b
    return inner
def gl():
    global q
    q = 1
    del q
lambda x, *, y=2: x + y
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=2
  varnames=[] cellvars=[] freevars=[]
  names=['outer', 'gl']
     0 LOAD_CONST <code outer>
     1 MAKE_FUNCTION 0
     2 STORE_NAME outer
     3 LOAD_CONST <code gl>
     4 MAKE_FUNCTION 0
     5 STORE_NAME gl
     6 LOAD_CONST 2
     7 LOAD_CONST ('y',)
     8 BUILD_CONST_KEY_MAP 1
     9 LOAD_CONST <code <lambda>>
    10 MAKE_FUNCTION 2
    11 POP_TOP
    12 LOAD_CONST None
    13 RETURN_VALUE
code outer argc=1 posonly=0 kwonly=0 flags=0x3 stacksize=2
  varnames=['a', 'inner'] cellvars=['a', 'b'] freevars=[]
  names=[]
     0 LOAD_CONST 1
     1 STORE_DEREF b
     2 LOAD_CLOSURE a
     3 LOAD_CLOSURE b
     4 BUILD_TUPLE 2
     5 LOAD_CONST <code inner>
     6 MAKE_FUNCTION 8
     7 STORE_FAST inner
     8 LOAD_FAST inner
     9 RETURN_VALUE
code inner argc=1 posonly=0 kwonly=0 flags=0x13 stacksize=2
  varnames=['c'] cellvars=[] freevars=['a', 'b']
  names=[]
     0 LOAD_DEREF b
     1 LOAD_FAST c
     2 BINARY_OP 13
     3 STORE_DEREF b
     4 LOAD_DEREF a
     5 LOAD_DEREF b
     6 BINARY_OP 0
     7 RETURN_VALUE
code gl argc=0 posonly=0 kwonly=0 flags=0x3 stacksize=1
  varnames=[] cellvars=[] freevars=[]
  names=['q']
     0 LOAD_CONST 1
     1 STORE_GLOBAL q
     2 DELETE_GLOBAL q
     3 LOAD_CONST None
     4 RETURN_VALUE
code <lambda> argc=1 posonly=0 kwonly=1 flags=0x3 stacksize=2
  varnames=['x', 'y'] cellvars=[] freevars=[]
  names=[]
     0 LOAD_FAST x
     1 LOAD_FAST y
     2 BINARY_OP 0
     3 RETURN_VALUE
"""),
        new DisCase("for", """
for x in y:
    if x: break
    elif x > 3: continue
else:
    z()
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=3
  varnames=[] cellvars=[] freevars=[]
  names=['y', 'x', 'z']
     0 LOAD_NAME y
     1 GET_ITER
     2 FOR_ITER 15
     3 STORE_NAME x
     4 LOAD_NAME x
     5 POP_JUMP_IF_FALSE 9
     6 POP_TOP
     7 LOAD_CONST None
     8 RETURN_VALUE
     9 LOAD_NAME x
    10 LOAD_CONST 3
    11 COMPARE_OP >
    12 POP_JUMP_IF_FALSE 14
    13 JUMP_BACKWARD 2
    14 JUMP_BACKWARD 2
    15 PUSH_NULL
    16 LOAD_NAME z
    17 CALL 0
    18 POP_TOP
    19 LOAD_CONST None
    20 RETURN_VALUE
"""),
        new DisCase("gen", """
def g(x):
    yield x
    yield from x
async def h(y):
    await y
    return [z async for z in y]
print(f"{x!r:>{w}} {y}")
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=5
  varnames=[] cellvars=[] freevars=[]
  names=['g', 'h', 'print', 'x', 'w', 'y']
     0 LOAD_CONST <code g>
     1 MAKE_FUNCTION 0
     2 STORE_NAME g
     3 LOAD_CONST <code h>
     4 MAKE_FUNCTION 0
     5 STORE_NAME h
     6 PUSH_NULL
     7 LOAD_NAME print
     8 LOAD_NAME x
     9 LOAD_CONST '>'
    10 LOAD_NAME w
    11 FORMAT_VALUE 0
    12 BUILD_STRING 2
    13 FORMAT_VALUE 6
    14 LOAD_CONST ' '
    15 LOAD_NAME y
    16 FORMAT_VALUE 0
    17 BUILD_STRING 3
    18 CALL 1
    19 POP_TOP
    20 LOAD_CONST None
    21 RETURN_VALUE
code g argc=1 posonly=0 kwonly=0 flags=0x23 stacksize=2
  varnames=['x'] cellvars=[] freevars=[]
  names=[]
     0 LOAD_FAST x
     1 YIELD_VALUE
     2 POP_TOP
     3 LOAD_FAST x
     4 GET_YIELD_FROM_ITER
     5 LOAD_CONST None
     6 SEND 9
     7 YIELD_VALUE
     8 JUMP_BACKWARD 6
     9 POP_TOP
    10 LOAD_CONST None
    11 RETURN_VALUE
code h argc=1 posonly=0 kwonly=0 flags=0x83 stacksize=2
  varnames=['y'] cellvars=[] freevars=[]
  names=[]
     0 LOAD_FAST y
     1 GET_AWAITABLE 0
     2 LOAD_CONST None
     3 SEND 6
     4 YIELD_VALUE
     5 JUMP_BACKWARD 3
     6 POP_TOP
     7 LOAD_CONST <code <listcomp>>
     8 MAKE_FUNCTION 0
     9 LOAD_FAST y
    10 GET_AITER
    11 CALL 0
    12 GET_AWAITABLE 0
    13 LOAD_CONST None
    14 SEND 17
    15 YIELD_VALUE
    16 JUMP_BACKWARD 14
    17 RETURN_VALUE
code <listcomp> argc=1 posonly=0 kwonly=0 flags=0x93 stacksize=4
  varnames=['.0', 'z'] cellvars=[] freevars=[]
  names=[]
     0 BUILD_LIST 0
     1 LOAD_FAST .0
     2 GET_ANEXT
     3 LOAD_CONST None
     4 SEND 7
     5 YIELD_VALUE
     6 JUMP_BACKWARD 4
     7 STORE_FAST z
     8 LOAD_FAST z
     9 LIST_APPEND 2
    10 JUMP_BACKWARD 2
    11 END_ASYNC_FOR
    12 RETURN_VALUE
  except 2..7 -> 11 depth=2
"""),
        new DisCase("imports", """
import a.b.c as d
import a.b
from . import x as y, z
from m import *
def f(a, /, b: int, *c, d: str = 1, **e) -> None: pass
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=7
  varnames=[] cellvars=[] freevars=[]
  names=['a.b.c', 'b', 'c', 'd', 'a.b', 'a', '', 'x', 'y', 'z', 'm', 'int', 'str', 'f']
     0 LOAD_CONST 0
     1 LOAD_CONST None
     2 IMPORT_NAME a.b.c
     3 IMPORT_FROM b
     4 SWAP 2
     5 POP_TOP
     6 IMPORT_FROM c
     7 STORE_NAME d
     8 POP_TOP
     9 LOAD_CONST 0
    10 LOAD_CONST None
    11 IMPORT_NAME a.b
    12 STORE_NAME a
    13 LOAD_CONST 1
    14 LOAD_CONST ('x', 'z')
    15 IMPORT_NAME
    16 IMPORT_FROM x
    17 STORE_NAME y
    18 IMPORT_FROM z
    19 STORE_NAME z
    20 POP_TOP
    21 LOAD_CONST 0
    22 LOAD_CONST ('*',)
    23 IMPORT_NAME m
    24 IMPORT_STAR
    25 LOAD_CONST 1
    26 LOAD_CONST ('d',)
    27 BUILD_CONST_KEY_MAP 1
    28 LOAD_CONST 'b'
    29 LOAD_NAME int
    30 LOAD_CONST 'd'
    31 LOAD_NAME str
    32 LOAD_CONST 'return'
    33 LOAD_CONST None
    34 BUILD_TUPLE 6
    35 LOAD_CONST <code f>
    36 MAKE_FUNCTION 6
    37 STORE_NAME f
    38 LOAD_CONST None
    39 RETURN_VALUE
code f argc=2 posonly=1 kwonly=1 flags=0xf stacksize=1
  varnames=['a', 'b', 'd', 'c', 'e'] cellvars=[] freevars=[]
  names=[]
     0 LOAD_CONST None
     1 RETURN_VALUE
"""),
        new DisCase("listcomp", """
a = [x for x in y if x]
b = {k: v for k, v in d.items()}
c = {x for x in y for z in x}
g = (x*2 for x in range(10))
def f(n):
    return [i + n for i in range(n) if (j := i)]
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=4
  varnames=[] cellvars=[] freevars=[]
  names=['y', 'a', 'd', 'items', 'b', 'c', 'range', 'g', 'f']
     0 LOAD_CONST <code <listcomp>>
     1 MAKE_FUNCTION 0
     2 LOAD_NAME y
     3 GET_ITER
     4 CALL 0
     5 STORE_NAME a
     6 LOAD_CONST <code <dictcomp>>
     7 MAKE_FUNCTION 0
     8 LOAD_NAME d
     9 LOAD_METHOD items
    10 CALL 0
    11 GET_ITER
    12 CALL 0
    13 STORE_NAME b
    14 LOAD_CONST <code <setcomp>>
    15 MAKE_FUNCTION 0
    16 LOAD_NAME y
    17 GET_ITER
    18 CALL 0
    19 STORE_NAME c
    20 LOAD_CONST <code <genexpr>>
    21 MAKE_FUNCTION 0
    22 PUSH_NULL
    23 LOAD_NAME range
    24 LOAD_CONST 10
    25 CALL 1
    26 GET_ITER
    27 CALL 0
    28 STORE_NAME g
    29 LOAD_CONST <code f>
    30 MAKE_FUNCTION 0
    31 STORE_NAME f
    32 LOAD_CONST None
    33 RETURN_VALUE
code <listcomp> argc=1 posonly=0 kwonly=0 flags=0x3 stacksize=3
  varnames=['.0', 'x'] cellvars=[] freevars=[]
  names=[]
     0 BUILD_LIST 0
     1 LOAD_FAST .0
     2 FOR_ITER 9
     3 STORE_FAST x
     4 LOAD_FAST x
     5 POP_JUMP_IF_FALSE 2
     6 LOAD_FAST x
     7 LIST_APPEND 2
     8 JUMP_BACKWARD 2
     9 RETURN_VALUE
code <dictcomp> argc=1 posonly=0 kwonly=0 flags=0x3 stacksize=4
  varnames=['.0', 'k', 'v'] cellvars=[] freevars=[]
  names=[]
     0 BUILD_MAP 0
     1 LOAD_FAST .0
     2 FOR_ITER 10
     3 UNPACK_SEQUENCE 2
     4 STORE_FAST k
     5 STORE_FAST v
     6 LOAD_FAST k
     7 LOAD_FAST v
     8 MAP_ADD 2
     9 JUMP_BACKWARD 2
    10 RETURN_VALUE
code <setcomp> argc=1 posonly=0 kwonly=0 flags=0x3 stacksize=4
  varnames=['.0', 'x', 'z'] cellvars=[] freevars=[]
  names=[]
     0 BUILD_SET 0
     1 LOAD_FAST .0
     2 FOR_ITER 12
     3 STORE_FAST x
     4 LOAD_FAST x
     5 GET_ITER
     6 FOR_ITER 11
     7 STORE_FAST z
     8 LOAD_FAST x
     9 SET_ADD 3
    10 JUMP_BACKWARD 6
    11 JUMP_BACKWARD 2
    12 RETURN_VALUE
code <genexpr> argc=1 posonly=0 kwonly=0 flags=0x23 stacksize=3
  varnames=['.0', 'x'] cellvars=[] freevars=[]
  names=[]
     0 LOAD_FAST .0
     1 FOR_ITER 9
     2 STORE_FAST x
     3 LOAD_FAST x
     4 LOAD_CONST 2
     5 BINARY_OP 5
     6 YIELD_VALUE
     7 POP_TOP
     8 JUMP_BACKWARD 1
     9 LOAD_CONST None
    10 RETURN_VALUE
code f argc=1 posonly=0 kwonly=0 flags=0x3 stacksize=4
  varnames=['n'] cellvars=['n', 'j'] freevars=[]
  names=['range']
     0 LOAD_CLOSURE j
     1 LOAD_CLOSURE n
     2 BUILD_TUPLE 2
     3 LOAD_CONST <code <listcomp>>
     4 MAKE_FUNCTION 8
     5 PUSH_NULL
     6 LOAD_GLOBAL range
     7 LOAD_DEREF n
     8 CALL 1
     9 GET_ITER
    10 CALL 0
    11 RETURN_VALUE
code <listcomp> argc=1 posonly=0 kwonly=0 flags=0x13 stacksize=4
  varnames=['.0', 'i'] cellvars=[] freevars=['j', 'n']
  names=[]
     0 BUILD_LIST 0
     1 LOAD_FAST .0
     2 FOR_ITER 13
     3 STORE_FAST i
     4 LOAD_FAST i
     5 COPY 1
     6 STORE_DEREF j
     7 POP_JUMP_IF_FALSE 2
     8 LOAD_FAST i
     9 LOAD_DEREF n
    10 BINARY_OP 0
    11 LIST_APPEND 2
    12 JUMP_BACKWARD 2
    13 RETURN_VALUE
"""),
        new DisCase("match", """
match x:
    case {"a": 1, **rest}:
        pass
    case C(1, b=y) if y:
        pass
    case [a, *_, b] | (a, b):
        pass
    case 1 | 2 | None:
        pass
    case _:
        pass
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=7
  varnames=[] cellvars=[] freevars=[]
  names=['x', 'rest', 'C', 'y', 'a', 'b']
     0 LOAD_NAME x
     1 COPY 1
     2 MATCH_MAPPING
     3 POP_JUMP_IF_FALSE 29
     4 GET_LEN
     5 LOAD_CONST 1
     6 COMPARE_OP >=
     7 POP_JUMP_IF_FALSE 29
     8 LOAD_CONST ('a',)
     9 MATCH_KEYS
    10 COPY 1
    11 POP_JUMP_IF_NONE 27
    12 UNPACK_SEQUENCE 1
    13 LOAD_CONST 1
    14 COMPARE_OP ==
    15 POP_JUMP_IF_FALSE 28
    16 BUILD_MAP 0
    17 SWAP 3
    18 DICT_UPDATE 2
    19 UNPACK_SEQUENCE 1
    20 COPY 2
    21 SWAP 2
    22 DELETE_SUBSCR
    23 STORE_NAME rest
    24 POP_TOP
    25 LOAD_CONST None
    26 RETURN_VALUE
    27 POP_TOP
    28 POP_TOP
    29 POP_TOP
    30 COPY 1
    31 LOAD_NAME C
    32 LOAD_CONST ('b',)
    33 MATCH_CLASS 1
    34 COPY 1
    35 POP_JUMP_IF_NONE 46
    36 UNPACK_SEQUENCE 2
    37 LOAD_CONST 1
    38 COMPARE_OP ==
    39 POP_JUMP_IF_FALSE 46
    40 STORE_NAME y
    41 LOAD_NAME y
    42 POP_JUMP_IF_FALSE 47
    43 POP_TOP
    44 LOAD_CONST None
    45 RETURN_VALUE
    46 POP_TOP
    47 COPY 1
    48 COPY 1
    49 MATCH_SEQUENCE
    50 POP_JUMP_IF_FALSE 68
    51 GET_LEN
    52 LOAD_CONST 2
    53 COMPARE_OP >=
    54 POP_JUMP_IF_FALSE 68
    55 COPY 1
    56 LOAD_CONST 0
    57 BINARY_SUBSCR
    58 SWAP 2
    59 COPY 1
    60 GET_LEN
    61 LOAD_CONST 1
    62 BINARY_OP 10
    63 BINARY_SUBSCR
    64 SWAP 3
    65 SWAP 2
    66 POP_TOP
    67 JUMP_FORWARD 81
    68 POP_TOP
    69 COPY 1
    70 MATCH_SEQUENCE
    71 POP_JUMP_IF_FALSE 78
    72 GET_LEN
    73 LOAD_CONST 2
    74 COMPARE_OP ==
    75 POP_JUMP_IF_FALSE 78
    76 UNPACK_SEQUENCE 2
    77 JUMP_FORWARD 81
    78 POP_TOP
    79 POP_TOP
    80 JUMP_FORWARD 89
    81 SWAP 2
    82 SWAP 3
    83 POP_TOP
    84 STORE_NAME a
    85 STORE_NAME b
    86 POP_TOP
    87 LOAD_CONST None
    88 RETURN_VALUE
    89 COPY 1
    90 LOAD_CONST 1
    91 COMPARE_OP ==
    92 POP_JUMP_IF_FALSE 94
    93 JUMP_FORWARD 104
    94 COPY 1
    95 LOAD_CONST 2
    96 COMPARE_OP ==
    97 POP_JUMP_IF_FALSE 99
    98 JUMP_FORWARD 104
    99 COPY 1
   100 POP_JUMP_IF_NOT_NONE 102
   101 JUMP_FORWARD 104
   102 POP_TOP
   103 JUMP_FORWARD 107
   104 POP_TOP
   105 LOAD_CONST None
   106 RETURN_VALUE
   107 NOP
   108 LOAD_CONST None
   109 RETURN_VALUE
"""),
        new DisCase("tryfinally", """
def f():
    for x in y:
        try:
            if x: break
            if y: continue
            return 1
        finally:
            g()
    with a:
        return b
    try:
        pass
    except:
        return 2
    else:
        h()
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=1
  varnames=[] cellvars=[] freevars=[]
  names=['f']
     0 LOAD_CONST <code f>
     1 MAKE_FUNCTION 0
     2 STORE_NAME f
     3 LOAD_CONST None
     4 RETURN_VALUE
code f argc=0 posonly=0 kwonly=0 flags=0x3 stacksize=6
  varnames=['x'] cellvars=[] freevars=[]
  names=['y', 'g', 'a', 'b', 'h']
     0 LOAD_GLOBAL y
     1 GET_ITER
     2 FOR_ITER 39
     3 STORE_FAST x
     4 NOP
     5 LOAD_FAST x
     6 POP_JUMP_IF_FALSE 14
     7 NOP
     8 PUSH_NULL
     9 LOAD_GLOBAL g
    10 CALL 0
    11 POP_TOP
    12 POP_TOP
    13 JUMP_FORWARD 39
    14 LOAD_GLOBAL y
    15 POP_JUMP_IF_FALSE 22
    16 NOP
    17 PUSH_NULL
    18 LOAD_GLOBAL g
    19 CALL 0
    20 POP_TOP
    21 JUMP_BACKWARD 2
    22 NOP
    23 PUSH_NULL
    24 LOAD_GLOBAL g
    25 CALL 0
    26 POP_TOP
    27 POP_TOP
    28 LOAD_CONST 1
    29 RETURN_VALUE
    30 PUSH_EXC_INFO
    31 PUSH_NULL
    32 LOAD_GLOBAL g
    33 CALL 0
    34 POP_TOP
    35 RERAISE 0
    36 COPY 3
    37 POP_EXCEPT
    38 RERAISE 1
    39 LOAD_GLOBAL a
    40 BEFORE_WITH
    41 POP_TOP
    42 LOAD_GLOBAL b
    43 SWAP 2
    44 LOAD_CONST None
    45 LOAD_CONST None
    46 LOAD_CONST None
    47 CALL 2
    48 POP_TOP
    49 RETURN_VALUE
    50 PUSH_EXC_INFO
    51 WITH_EXCEPT_START
    52 POP_JUMP_IF_TRUE 57
    53 RERAISE 2
    54 COPY 3
    55 POP_EXCEPT
    56 RERAISE 1
    57 POP_TOP
    58 POP_EXCEPT
    59 POP_TOP
    60 POP_TOP
    61 NOP
    62 NOP
    63 PUSH_NULL
    64 LOAD_GLOBAL h
    65 CALL 0
    66 POP_TOP
    67 LOAD_CONST None
    68 RETURN_VALUE
    69 PUSH_EXC_INFO
    70 POP_TOP
    71 POP_EXCEPT
    72 LOAD_CONST 2
    73 RETURN_VALUE
    74 COPY 3
    75 POP_EXCEPT
    76 RERAISE 1
  except 5..7 -> 30 depth=1
  except 14..16 -> 30 depth=1
  except 30..36 -> 36 depth=2 lasti
  except 41..43 -> 50 depth=1 lasti
  except 50..54 -> 54 depth=3 lasti
  except 57..58 -> 54 depth=3 lasti
  except 69..71 -> 74 depth=1 lasti
"""),
        new DisCase("trystar", """
try:
    pass
except* ValueError as e:
    g()
except* TypeError:
    h()
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=7
  varnames=[] cellvars=[] freevars=[]
  names=['ValueError', 'e', 'g', 'TypeError', 'h']
     0 NOP
     1 LOAD_CONST None
     2 RETURN_VALUE
     3 PUSH_EXC_INFO
     4 COPY 1
     5 BUILD_LIST 0
     6 SWAP 2
     7 LOAD_NAME ValueError
     8 CHECK_EG_MATCH
     9 COPY 1
    10 POP_JUMP_IF_NONE 27
    11 STORE_NAME e
    12 PUSH_NULL
    13 LOAD_NAME g
    14 CALL 0
    15 POP_TOP
    16 LOAD_CONST None
    17 STORE_NAME e
    18 DELETE_NAME e
    19 JUMP_FORWARD 26
    20 LOAD_CONST None
    21 STORE_NAME e
    22 DELETE_NAME e
    23 LIST_APPEND 3
    24 POP_TOP
    25 JUMP_FORWARD 28
    26 JUMP_FORWARD 28
    27 POP_TOP
    28 LOAD_NAME TypeError
    29 CHECK_EG_MATCH
    30 COPY 1
    31 POP_JUMP_IF_NONE 42
    32 POP_TOP
    33 PUSH_NULL
    34 LOAD_NAME h
    35 CALL 0
    36 POP_TOP
    37 JUMP_FORWARD 41
    38 LIST_APPEND 3
    39 POP_TOP
    40 JUMP_FORWARD 43
    41 JUMP_FORWARD 43
    42 POP_TOP
    43 LIST_APPEND 1
    44 PREP_RERAISE_STAR
    45 COPY 1
    46 POP_JUMP_IF_NOT_NONE 51
    47 POP_TOP
    48 POP_EXCEPT
    49 LOAD_CONST None
    50 RETURN_VALUE
    51 SWAP 2
    52 POP_EXCEPT
    53 RERAISE 0
    54 COPY 3
    55 POP_EXCEPT
    56 RERAISE 1
  except 3..12 -> 54 depth=1 lasti
  except 12..16 -> 20 depth=4 lasti
  except 16..33 -> 54 depth=1 lasti
  except 33..37 -> 38 depth=4 lasti
  except 37..48 -> 54 depth=1 lasti
"""),
        new DisCase("unpack", """
a, *b, c = x
[d, e] = f = g
x = {**a, 'b': 1, **c}
y = [*a, *b]
z = {1, 2, 3}
s = x[1:2], x[::3], x[a:b, c]
t = (1, 2, 3)
u = [1, 2, 3]
v = {'a': 1, 'b': 2}
if x is None: pass
if x is not None: pass
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=5
  varnames=[] cellvars=[] freevars=[]
  names=['x', 'a', 'b', 'c', 'g', 'd', 'e', 'f', 'y', 'z', 's', 't', 'u', 'v']
     0 LOAD_NAME x
     1 UNPACK_EX 257
     2 STORE_NAME a
     3 STORE_NAME b
     4 STORE_NAME c
     5 LOAD_NAME g
     6 COPY 1
     7 UNPACK_SEQUENCE 2
     8 STORE_NAME d
     9 STORE_NAME e
    10 STORE_NAME f
    11 BUILD_MAP 0
    12 LOAD_NAME a
    13 DICT_UPDATE 1
    14 LOAD_CONST 'b'
    15 LOAD_CONST 1
    16 BUILD_MAP 1
    17 DICT_UPDATE 1
    18 LOAD_NAME c
    19 DICT_UPDATE 1
    20 STORE_NAME x
    21 BUILD_LIST 0
    22 LOAD_NAME a
    23 LIST_EXTEND 1
    24 LOAD_NAME b
    25 LIST_EXTEND 1
    26 STORE_NAME y
    27 BUILD_SET 0
    28 LOAD_CONST frozenset({1, 2, 3})
    29 SET_UPDATE 1
    30 STORE_NAME z
    31 LOAD_NAME x
    32 LOAD_CONST 1
    33 LOAD_CONST 2
    34 BUILD_SLICE 2
    35 BINARY_SUBSCR
    36 LOAD_NAME x
    37 LOAD_CONST None
    38 LOAD_CONST None
    39 LOAD_CONST 3
    40 BUILD_SLICE 3
    41 BINARY_SUBSCR
    42 LOAD_NAME x
    43 LOAD_NAME a
    44 LOAD_NAME b
    45 BUILD_SLICE 2
    46 LOAD_NAME c
    47 BUILD_TUPLE 2
    48 BINARY_SUBSCR
    49 BUILD_TUPLE 3
    50 STORE_NAME s
    51 LOAD_CONST (1, 2, 3)
    52 STORE_NAME t
    53 BUILD_LIST 0
    54 LOAD_CONST (1, 2, 3)
    55 LIST_EXTEND 1
    56 STORE_NAME u
    57 LOAD_CONST 1
    58 LOAD_CONST 2
    59 LOAD_CONST ('a', 'b')
    60 BUILD_CONST_KEY_MAP 2
    61 STORE_NAME v
    62 LOAD_NAME x
    63 POP_JUMP_IF_NOT_NONE 65
    64 NOP
    65 LOAD_NAME x
    66 POP_JUMP_IF_NONE 69
    67 LOAD_CONST None
    68 RETURN_VALUE
    69 LOAD_CONST None
    70 RETURN_VALUE
"""),
        new DisCase("while", """
i = 0
while i < 10:
    i += 1
    if i == 5:
        break
else:
    print("done")
while True:
    pass
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=3
  varnames=[] cellvars=[] freevars=[]
  names=['i', 'print']
     0 LOAD_CONST 0
     1 STORE_NAME i
     2 LOAD_NAME i
     3 LOAD_CONST 10
     4 COMPARE_OP <
     5 POP_JUMP_IF_FALSE 19
     6 LOAD_NAME i
     7 LOAD_CONST 1
     8 BINARY_OP 13
     9 STORE_NAME i
    10 LOAD_NAME i
    11 LOAD_CONST 5
    12 COMPARE_OP ==
    13 POP_JUMP_IF_FALSE 15
    14 JUMP_FORWARD 24
    15 LOAD_NAME i
    16 LOAD_CONST 10
    17 COMPARE_OP <
    18 POP_JUMP_IF_TRUE 6
    19 PUSH_NULL
    20 LOAD_NAME print
    21 LOAD_CONST 'done'
    22 CALL 1
    23 POP_TOP
    24 NOP
    25 NOP
    26 JUMP_BACKWARD 25
"""),
        new DisCase("with", """
with a as b, c:
    pass
with open(f) as (x, y):
    x.read()
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=7
  varnames=[] cellvars=[] freevars=[]
  names=['a', 'b', 'c', 'open', 'f', 'x', 'y', 'read']
     0 LOAD_NAME a
     1 BEFORE_WITH
     2 STORE_NAME b
     3 LOAD_NAME c
     4 BEFORE_WITH
     5 POP_TOP
     6 NOP
     7 LOAD_CONST None
     8 LOAD_CONST None
     9 LOAD_CONST None
    10 CALL 2
    11 POP_TOP
    12 JUMP_FORWARD 24
    13 PUSH_EXC_INFO
    14 WITH_EXCEPT_START
    15 POP_JUMP_IF_TRUE 20
    16 RERAISE 2
    17 COPY 3
    18 POP_EXCEPT
    19 RERAISE 1
    20 POP_TOP
    21 POP_EXCEPT
    22 POP_TOP
    23 POP_TOP
    24 LOAD_CONST None
    25 LOAD_CONST None
    26 LOAD_CONST None
    27 CALL 2
    28 POP_TOP
    29 JUMP_FORWARD 41
    30 PUSH_EXC_INFO
    31 WITH_EXCEPT_START
    32 POP_JUMP_IF_TRUE 37
    33 RERAISE 2
    34 COPY 3
    35 POP_EXCEPT
    36 RERAISE 1
    37 POP_TOP
    38 POP_EXCEPT
    39 POP_TOP
    40 POP_TOP
    41 PUSH_NULL
    42 LOAD_NAME open
    43 LOAD_NAME f
    44 CALL 1
    45 BEFORE_WITH
    46 UNPACK_SEQUENCE 2
    47 STORE_NAME x
    48 STORE_NAME y
    49 LOAD_NAME x
    50 LOAD_METHOD read
    51 CALL 0
    52 POP_TOP
    53 LOAD_CONST None
    54 LOAD_CONST None
    55 LOAD_CONST None
    56 CALL 2
    57 POP_TOP
    58 LOAD_CONST None
    59 RETURN_VALUE
    60 PUSH_EXC_INFO
    61 WITH_EXCEPT_START
    62 POP_JUMP_IF_TRUE 67
    63 RERAISE 2
    64 COPY 3
    65 POP_EXCEPT
    66 RERAISE 1
    67 POP_TOP
    68 POP_EXCEPT
    69 POP_TOP
    70 POP_TOP
    71 LOAD_CONST None
    72 RETURN_VALUE
  except 2..5 -> 30 depth=1 lasti
  except 5..6 -> 13 depth=2 lasti
  except 7..13 -> 30 depth=1 lasti
  except 13..17 -> 17 depth=4 lasti
  except 17..20 -> 30 depth=1 lasti
  except 20..21 -> 17 depth=4 lasti
  except 21..24 -> 30 depth=1 lasti
  except 30..34 -> 34 depth=3 lasti
  except 37..38 -> 34 depth=3 lasti
  except 46..53 -> 60 depth=1 lasti
  except 60..64 -> 64 depth=3 lasti
  except 67..68 -> 64 depth=3 lasti
"""),
        new DisCase("fstring", """
x = f"{a!r:>{w}} {b}"
y = "%s=%r" % (k, v)
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=3
  varnames=[] cellvars=[] freevars=[]
  names=['a', 'w', 'b', 'x', 'k', 'v', 'y']
     0 LOAD_NAME a
     1 LOAD_CONST '>'
     2 LOAD_NAME w
     3 FORMAT_VALUE 0
     4 BUILD_STRING 2
     5 FORMAT_VALUE 6
     6 LOAD_CONST ' '
     7 LOAD_NAME b
     8 FORMAT_VALUE 0
     9 BUILD_STRING 3
    10 STORE_NAME x
    11 LOAD_NAME k
    12 FORMAT_VALUE 1
    13 LOAD_CONST '='
    14 LOAD_NAME v
    15 FORMAT_VALUE 2
    16 BUILD_STRING 3
    17 STORE_NAME y
    18 LOAD_CONST None
    19 RETURN_VALUE
"""),
        new DisCase("augassign", """
x += 1
x.y *= 2
x[i] //= 3
def f(a):
    a @= b
    return a
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=4
  varnames=[] cellvars=[] freevars=[]
  names=['x', 'y', 'i', 'f']
     0 LOAD_NAME x
     1 LOAD_CONST 1
     2 BINARY_OP 13
     3 STORE_NAME x
     4 LOAD_NAME x
     5 COPY 1
     6 LOAD_ATTR y
     7 LOAD_CONST 2
     8 BINARY_OP 18
     9 SWAP 2
    10 STORE_ATTR y
    11 LOAD_NAME x
    12 LOAD_NAME i
    13 COPY 2
    14 COPY 2
    15 BINARY_SUBSCR
    16 LOAD_CONST 3
    17 BINARY_OP 15
    18 SWAP 3
    19 SWAP 2
    20 STORE_SUBSCR
    21 LOAD_CONST <code f>
    22 MAKE_FUNCTION 0
    23 STORE_NAME f
    24 LOAD_CONST None
    25 RETURN_VALUE
code f argc=1 posonly=0 kwonly=0 flags=0x3 stacksize=2
  varnames=['a'] cellvars=[] freevars=[]
  names=['b']
     0 LOAD_FAST a
     1 LOAD_GLOBAL b
     2 BINARY_OP 17
     3 STORE_FAST a
     4 LOAD_FAST a
     5 RETURN_VALUE
"""),
        new DisCase("assert_raise", """
assert x
assert y, "m"
raise
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=2
  varnames=[] cellvars=[] freevars=[]
  names=['x', 'y']
     0 LOAD_NAME x
     1 POP_JUMP_IF_TRUE 4
     2 LOAD_ASSERTION_ERROR
     3 RAISE_VARARGS 1
     4 LOAD_NAME y
     5 POP_JUMP_IF_TRUE 10
     6 LOAD_ASSERTION_ERROR
     7 LOAD_CONST 'm'
     8 CALL 0
     9 RAISE_VARARGS 1
    10 RAISE_VARARGS 0
"""),
        new DisCase("lambda_defaults", """
f = lambda a, b=1, *c, d, e=2, **g: (a, b, c, d, e, g)
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=3
  varnames=[] cellvars=[] freevars=[]
  names=['f']
     0 LOAD_CONST (1,)
     1 LOAD_CONST 2
     2 LOAD_CONST ('e',)
     3 BUILD_CONST_KEY_MAP 1
     4 LOAD_CONST <code <lambda>>
     5 MAKE_FUNCTION 3
     6 STORE_NAME f
     7 LOAD_CONST None
     8 RETURN_VALUE
code <lambda> argc=2 posonly=0 kwonly=2 flags=0xf stacksize=6
  varnames=['a', 'b', 'd', 'e', 'c', 'g'] cellvars=[] freevars=[]
  names=[]
     0 LOAD_FAST a
     1 LOAD_FAST b
     2 LOAD_FAST c
     3 LOAD_FAST d
     4 LOAD_FAST e
     5 LOAD_FAST g
     6 BUILD_TUPLE 6
     7 RETURN_VALUE
"""),
        new DisCase("decorators", """
@d1
@d2(x)
def f(): pass
@dc
class C: pass
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=5
  varnames=[] cellvars=[] freevars=[]
  names=['d1', 'd2', 'x', 'f', 'dc', 'C']
     0 LOAD_NAME d1
     1 PUSH_NULL
     2 LOAD_NAME d2
     3 LOAD_NAME x
     4 CALL 1
     5 LOAD_CONST <code f>
     6 MAKE_FUNCTION 0
     7 CALL 0
     8 CALL 0
     9 STORE_NAME f
    10 LOAD_NAME dc
    11 PUSH_NULL
    12 LOAD_BUILD_CLASS
    13 LOAD_CONST <code C>
    14 MAKE_FUNCTION 0
    15 LOAD_CONST 'C'
    16 CALL 2
    17 CALL 0
    18 STORE_NAME C
    19 LOAD_CONST None
    20 RETURN_VALUE
code f argc=0 posonly=0 kwonly=0 flags=0x3 stacksize=1
  varnames=[] cellvars=[] freevars=[]
  names=[]
     0 LOAD_CONST None
     1 RETURN_VALUE
code C argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=1
  varnames=[] cellvars=[] freevars=[]
  names=['__name__', '__module__', '__qualname__']
     0 LOAD_NAME __name__
     1 STORE_NAME __module__
     2 LOAD_CONST 'C'
     3 STORE_NAME __qualname__
     4 LOAD_CONST None
     5 RETURN_VALUE
"""),
        new DisCase("walrus_comp", """
def f(y):
    z = [w := x for x in y]
    return w
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=1
  varnames=[] cellvars=[] freevars=[]
  names=['f']
     0 LOAD_CONST <code f>
     1 MAKE_FUNCTION 0
     2 STORE_NAME f
     3 LOAD_CONST None
     4 RETURN_VALUE
code f argc=1 posonly=0 kwonly=0 flags=0x3 stacksize=2
  varnames=['y', 'z'] cellvars=['w'] freevars=[]
  names=[]
     0 LOAD_CLOSURE w
     1 BUILD_TUPLE 1
     2 LOAD_CONST <code <listcomp>>
     3 MAKE_FUNCTION 8
     4 LOAD_FAST y
     5 GET_ITER
     6 CALL 0
     7 STORE_FAST z
     8 LOAD_DEREF w
     9 RETURN_VALUE
code <listcomp> argc=1 posonly=0 kwonly=0 flags=0x13 stacksize=4
  varnames=['.0', 'x'] cellvars=[] freevars=['w']
  names=[]
     0 BUILD_LIST 0
     1 LOAD_FAST .0
     2 FOR_ITER 9
     3 STORE_FAST x
     4 LOAD_FAST x
     5 COPY 1
     6 STORE_DEREF w
     7 LIST_APPEND 2
     8 JUMP_BACKWARD 2
     9 RETURN_VALUE
"""),
        new DisCase("global_nonlocal", """
x = 0
def f():
    global x
    x += 1
    def g():
        nonlocal_ = 1
        return x
    return g
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=1
  varnames=[] cellvars=[] freevars=[]
  names=['x', 'f']
     0 LOAD_CONST 0
     1 STORE_GLOBAL x
     2 LOAD_CONST <code f>
     3 MAKE_FUNCTION 0
     4 STORE_NAME f
     5 LOAD_CONST None
     6 RETURN_VALUE
code f argc=0 posonly=0 kwonly=0 flags=0x3 stacksize=2
  varnames=['g'] cellvars=[] freevars=[]
  names=['x']
     0 LOAD_GLOBAL x
     1 LOAD_CONST 1
     2 BINARY_OP 13
     3 STORE_GLOBAL x
     4 LOAD_CONST <code g>
     5 MAKE_FUNCTION 0
     6 STORE_FAST g
     7 LOAD_FAST g
     8 RETURN_VALUE
code g argc=0 posonly=0 kwonly=0 flags=0x13 stacksize=1
  varnames=['nonlocal_'] cellvars=[] freevars=[]
  names=['x']
     0 LOAD_CONST 1
     1 STORE_FAST nonlocal_
     2 LOAD_GLOBAL x
     3 RETURN_VALUE
"""),
        new DisCase("chained_compare", """
r = a < b <= c != d
if a < b < c: pass
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=3
  varnames=[] cellvars=[] freevars=[]
  names=['a', 'b', 'c', 'd', 'r']
     0 LOAD_NAME a
     1 LOAD_NAME b
     2 SWAP 2
     3 COPY 2
     4 COMPARE_OP <
     5 JUMP_IF_FALSE_OR_POP 14
     6 LOAD_NAME c
     7 SWAP 2
     8 COPY 2
     9 COMPARE_OP <=
    10 JUMP_IF_FALSE_OR_POP 14
    11 LOAD_NAME d
    12 COMPARE_OP !=
    13 JUMP_FORWARD 16
    14 SWAP 2
    15 POP_TOP
    16 STORE_NAME r
    17 LOAD_NAME a
    18 LOAD_NAME b
    19 SWAP 2
    20 COPY 2
    21 COMPARE_OP <
    22 POP_JUMP_IF_FALSE 27
    23 LOAD_NAME c
    24 COMPARE_OP <
    25 POP_JUMP_IF_FALSE 32
    26 JUMP_FORWARD 30
    27 POP_TOP
    28 LOAD_CONST None
    29 RETURN_VALUE
    30 LOAD_CONST None
    31 RETURN_VALUE
    32 LOAD_CONST None
    33 RETURN_VALUE
"""),
        new DisCase("starred_unpack", """
a, *b = c
*d, e, f = g
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=3
  varnames=[] cellvars=[] freevars=[]
  names=['c', 'a', 'b', 'g', 'd', 'e', 'f']
     0 LOAD_NAME c
     1 UNPACK_EX 1
     2 STORE_NAME a
     3 STORE_NAME b
     4 LOAD_NAME g
     5 UNPACK_EX 512
     6 STORE_NAME d
     7 STORE_NAME e
     8 STORE_NAME f
     9 LOAD_CONST None
    10 RETURN_VALUE
"""),
        new DisCase("docstrings", """
"module doc"
def f():
    "func doc"
    return 1
class C:
    "class doc"
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=4
  varnames=[] cellvars=[] freevars=[]
  names=['__doc__', 'f', 'C']
     0 LOAD_CONST 'module doc'
     1 STORE_NAME __doc__
     2 LOAD_CONST <code f>
     3 MAKE_FUNCTION 0
     4 STORE_NAME f
     5 PUSH_NULL
     6 LOAD_BUILD_CLASS
     7 LOAD_CONST <code C>
     8 MAKE_FUNCTION 0
     9 LOAD_CONST 'C'
    10 CALL 2
    11 STORE_NAME C
    12 LOAD_CONST None
    13 RETURN_VALUE
code f argc=0 posonly=0 kwonly=0 flags=0x3 stacksize=1
  varnames=[] cellvars=[] freevars=[]
  names=[]
     0 LOAD_CONST 1
     1 RETURN_VALUE
code C argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=1
  varnames=[] cellvars=[] freevars=[]
  names=['__name__', '__module__', '__qualname__', '__doc__']
     0 LOAD_NAME __name__
     1 STORE_NAME __module__
     2 LOAD_CONST 'C'
     3 STORE_NAME __qualname__
     4 LOAD_CONST 'class doc'
     5 STORE_NAME __doc__
     6 LOAD_CONST None
     7 RETURN_VALUE
"""),
        new DisCase("interactive_like", """
x = 1
x
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=1
  varnames=[] cellvars=[] freevars=[]
  names=['x']
     0 LOAD_CONST 1
     1 STORE_NAME x
     2 LOAD_NAME x
     3 POP_TOP
     4 LOAD_CONST None
     5 RETURN_VALUE
"""),
        new DisCase("async_gen", """
async def g():
    yield 1
    async with a: pass
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=1
  varnames=[] cellvars=[] freevars=[]
  names=['g']
     0 LOAD_CONST <code g>
     1 MAKE_FUNCTION 0
     2 STORE_NAME g
     3 LOAD_CONST None
     4 RETURN_VALUE
code g argc=0 posonly=0 kwonly=0 flags=0x203 stacksize=6
  varnames=[] cellvars=[] freevars=[]
  names=['a']
     0 LOAD_CONST 1
     1 ASYNC_GEN_WRAP
     2 YIELD_VALUE
     3 POP_TOP
     4 LOAD_GLOBAL a
     5 BEFORE_ASYNC_WITH
     6 GET_AWAITABLE 1
     7 LOAD_CONST None
     8 SEND 11
     9 YIELD_VALUE
    10 JUMP_BACKWARD 8
    11 POP_TOP
    12 LOAD_CONST None
    13 LOAD_CONST None
    14 LOAD_CONST None
    15 CALL 2
    16 GET_AWAITABLE 2
    17 LOAD_CONST None
    18 SEND 21
    19 YIELD_VALUE
    20 JUMP_BACKWARD 18
    21 POP_TOP
    22 LOAD_CONST None
    23 RETURN_VALUE
    24 PUSH_EXC_INFO
    25 WITH_EXCEPT_START
    26 GET_AWAITABLE 2
    27 LOAD_CONST None
    28 SEND 31
    29 YIELD_VALUE
    30 JUMP_BACKWARD 28
    31 POP_JUMP_IF_TRUE 36
    32 RERAISE 2
    33 COPY 3
    34 POP_EXCEPT
    35 RERAISE 1
    36 POP_TOP
    37 POP_EXCEPT
    38 POP_TOP
    39 POP_TOP
    40 LOAD_CONST None
    41 RETURN_VALUE
  except 11..12 -> 24 depth=1 lasti
  except 24..33 -> 33 depth=3 lasti
  except 36..37 -> 33 depth=3 lasti
"""),
        new DisCase("del_stmt", """
del a, b.c, d[e]
def f(x):
    del x
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=2
  varnames=[] cellvars=[] freevars=[]
  names=['a', 'b', 'c', 'd', 'e', 'f']
     0 DELETE_NAME a
     1 LOAD_NAME b
     2 DELETE_ATTR c
     3 LOAD_NAME d
     4 LOAD_NAME e
     5 DELETE_SUBSCR
     6 LOAD_CONST <code f>
     7 MAKE_FUNCTION 0
     8 STORE_NAME f
     9 LOAD_CONST None
    10 RETURN_VALUE
code f argc=1 posonly=0 kwonly=0 flags=0x3 stacksize=1
  varnames=['x'] cellvars=[] freevars=[]
  names=[]
     0 DELETE_FAST x
     1 LOAD_CONST None
     2 RETURN_VALUE
"""),
        new DisCase("slices", """
a[1:2]
a[::2] = b
del a[x:y:z]
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=5
  varnames=[] cellvars=[] freevars=[]
  names=['a', 'b', 'x', 'y', 'z']
     0 LOAD_NAME a
     1 LOAD_CONST 1
     2 LOAD_CONST 2
     3 BUILD_SLICE 2
     4 BINARY_SUBSCR
     5 POP_TOP
     6 LOAD_NAME b
     7 LOAD_NAME a
     8 LOAD_CONST None
     9 LOAD_CONST None
    10 LOAD_CONST 2
    11 BUILD_SLICE 3
    12 STORE_SUBSCR
    13 LOAD_NAME a
    14 LOAD_NAME x
    15 LOAD_NAME y
    16 LOAD_NAME z
    17 BUILD_SLICE 3
    18 DELETE_SUBSCR
    19 LOAD_CONST None
    20 RETURN_VALUE
"""),
        new DisCase("class_super_cell", """
class A:
    def f(self):
        return super().f() + __class__.x
    x = 1
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=4
  varnames=[] cellvars=[] freevars=[]
  names=['A']
     0 PUSH_NULL
     1 LOAD_BUILD_CLASS
     2 LOAD_CONST <code A>
     3 MAKE_FUNCTION 0
     4 LOAD_CONST 'A'
     5 CALL 2
     6 STORE_NAME A
     7 LOAD_CONST None
     8 RETURN_VALUE
code A argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=2
  varnames=[] cellvars=['__class__'] freevars=[]
  names=['__name__', '__module__', '__qualname__', 'f', 'x', '__classcell__']
     0 LOAD_NAME __name__
     1 STORE_NAME __module__
     2 LOAD_CONST 'A'
     3 STORE_NAME __qualname__
     4 LOAD_CLOSURE __class__
     5 BUILD_TUPLE 1
     6 LOAD_CONST <code f>
     7 MAKE_FUNCTION 8
     8 STORE_NAME f
     9 LOAD_CONST 1
    10 STORE_NAME x
    11 LOAD_CLOSURE __class__
    12 COPY 1
    13 STORE_NAME __classcell__
    14 RETURN_VALUE
code f argc=1 posonly=0 kwonly=0 flags=0x3 stacksize=2
  varnames=['self'] cellvars=[] freevars=['__class__']
  names=['super', 'f', 'x']
     0 PUSH_NULL
     1 LOAD_GLOBAL super
     2 CALL 0
     3 LOAD_METHOD f
     4 CALL 0
     5 LOAD_DEREF __class__
     6 LOAD_ATTR x
     7 BINARY_OP 0
     8 RETURN_VALUE
"""),
        new DisCase("try_else", """
try:
    a()
except (E1, E2) as e:
    b(e)
except E3:
    c()
else:
    d()
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=4
  varnames=[] cellvars=[] freevars=[]
  names=['a', 'd', 'E1', 'E2', 'e', 'b', 'E3', 'c']
     0 NOP
     1 PUSH_NULL
     2 LOAD_NAME a
     3 CALL 0
     4 POP_TOP
     5 PUSH_NULL
     6 LOAD_NAME d
     7 CALL 0
     8 POP_TOP
     9 LOAD_CONST None
    10 RETURN_VALUE
    11 PUSH_EXC_INFO
    12 LOAD_NAME E1
    13 LOAD_NAME E2
    14 BUILD_TUPLE 2
    15 CHECK_EXC_MATCH
    16 POP_JUMP_IF_FALSE 33
    17 STORE_NAME e
    18 PUSH_NULL
    19 LOAD_NAME b
    20 LOAD_NAME e
    21 CALL 1
    22 POP_TOP
    23 POP_EXCEPT
    24 LOAD_CONST None
    25 STORE_NAME e
    26 DELETE_NAME e
    27 LOAD_CONST None
    28 RETURN_VALUE
    29 LOAD_CONST None
    30 STORE_NAME e
    31 DELETE_NAME e
    32 RERAISE 1
    33 LOAD_NAME E3
    34 CHECK_EXC_MATCH
    35 POP_JUMP_IF_FALSE 44
    36 POP_TOP
    37 PUSH_NULL
    38 LOAD_NAME c
    39 CALL 0
    40 POP_TOP
    41 POP_EXCEPT
    42 LOAD_CONST None
    43 RETURN_VALUE
    44 RERAISE 0
    45 COPY 3
    46 POP_EXCEPT
    47 RERAISE 1
  except 1..5 -> 11 depth=0
  except 11..18 -> 45 depth=1 lasti
  except 18..23 -> 29 depth=1 lasti
  except 29..41 -> 45 depth=1 lasti
  except 44..45 -> 45 depth=1 lasti
"""),
        new DisCase("match_more", """
match p:
    case Point(x=0, y=0): pass
    case [1, 2, *rest]: pass
    case {"k": v} if v > 1: pass
    case str() | bytes() as s: pass
    case (1 | 2) as n: pass
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=6
  varnames=[] cellvars=[] freevars=[]
  names=['p', 'Point', 'rest', 'v', 'str', 'bytes', 's', 'n']
     0 LOAD_NAME p
     1 COPY 1
     2 LOAD_NAME Point
     3 LOAD_CONST ('x', 'y')
     4 MATCH_CLASS 0
     5 COPY 1
     6 POP_JUMP_IF_NONE 17
     7 UNPACK_SEQUENCE 2
     8 LOAD_CONST 0
     9 COMPARE_OP ==
    10 POP_JUMP_IF_FALSE 17
    11 LOAD_CONST 0
    12 COMPARE_OP ==
    13 POP_JUMP_IF_FALSE 18
    14 POP_TOP
    15 LOAD_CONST None
    16 RETURN_VALUE
    17 POP_TOP
    18 COPY 1
    19 MATCH_SEQUENCE
    20 POP_JUMP_IF_FALSE 37
    21 GET_LEN
    22 LOAD_CONST 2
    23 COMPARE_OP >=
    24 POP_JUMP_IF_FALSE 37
    25 UNPACK_EX 2
    26 LOAD_CONST 1
    27 COMPARE_OP ==
    28 POP_JUMP_IF_FALSE 36
    29 LOAD_CONST 2
    30 COMPARE_OP ==
    31 POP_JUMP_IF_FALSE 37
    32 STORE_NAME rest
    33 POP_TOP
    34 LOAD_CONST None
    35 RETURN_VALUE
    36 POP_TOP
    37 POP_TOP
    38 COPY 1
    39 MATCH_MAPPING
    40 POP_JUMP_IF_FALSE 63
    41 GET_LEN
    42 LOAD_CONST 1
    43 COMPARE_OP >=
    44 POP_JUMP_IF_FALSE 63
    45 LOAD_CONST ('k',)
    46 MATCH_KEYS
    47 COPY 1
    48 POP_JUMP_IF_NONE 61
    49 UNPACK_SEQUENCE 1
    50 SWAP 3
    51 POP_TOP
    52 POP_TOP
    53 STORE_NAME v
    54 LOAD_NAME v
    55 LOAD_CONST 1
    56 COMPARE_OP >
    57 POP_JUMP_IF_FALSE 64
    58 POP_TOP
    59 LOAD_CONST None
    60 RETURN_VALUE
    61 POP_TOP
    62 POP_TOP
    63 POP_TOP
    64 COPY 1
    65 COPY 1
    66 COPY 1
    67 LOAD_NAME str
    68 LOAD_CONST ()
    69 MATCH_CLASS 0
    70 COPY 1
    71 POP_JUMP_IF_NONE 74
    72 UNPACK_SEQUENCE 0
    73 JUMP_FORWARD 86
    74 POP_TOP
    75 COPY 1
    76 LOAD_NAME bytes
    77 LOAD_CONST ()
    78 MATCH_CLASS 0
    79 COPY 1
    80 POP_JUMP_IF_NONE 83
    81 UNPACK_SEQUENCE 0
    82 JUMP_FORWARD 86
    83 POP_TOP
    84 POP_TOP
    85 JUMP_FORWARD 91
    86 POP_TOP
    87 STORE_NAME s
    88 POP_TOP
    89 LOAD_CONST None
    90 RETURN_VALUE
    91 POP_TOP
    92 COPY 1
    93 COPY 1
    94 LOAD_CONST 1
    95 COMPARE_OP ==
    96 POP_JUMP_IF_FALSE 98
    97 JUMP_FORWARD 105
    98 COPY 1
    99 LOAD_CONST 2
   100 COMPARE_OP ==
   101 POP_JUMP_IF_FALSE 103
   102 JUMP_FORWARD 105
   103 POP_TOP
   104 JUMP_FORWARD 109
   105 POP_TOP
   106 STORE_NAME n
   107 LOAD_CONST None
   108 RETURN_VALUE
   109 POP_TOP
   110 LOAD_CONST None
   111 RETURN_VALUE
"""),
        new DisCase("constant_folding", """
a = -1
b = 2 ** 10
c = "ab" * 3
d = (1, 2) + (3,)
e = not True
f = 1 + 2j
g = ~5
h = 7 // 2, 7 % -3, 7.5 // 2
i = x in [1, 2]
j = x in {1}
for k in [1, 2]: pass
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=2
  varnames=[] cellvars=[] freevars=[]
  names=['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'x', 'i', 'j', 'k']
     0 LOAD_CONST -1
     1 STORE_NAME a
     2 LOAD_CONST 1024
     3 STORE_NAME b
     4 LOAD_CONST 'ababab'
     5 STORE_NAME c
     6 LOAD_CONST (1, 2, 3)
     7 STORE_NAME d
     8 LOAD_CONST False
     9 STORE_NAME e
    10 LOAD_CONST (1+2j)
    11 STORE_NAME f
    12 LOAD_CONST -6
    13 STORE_NAME g
    14 LOAD_CONST (3, -2, 3.0)
    15 STORE_NAME h
    16 LOAD_NAME x
    17 LOAD_CONST (1, 2)
    18 CONTAINS_OP 0
    19 STORE_NAME i
    20 LOAD_NAME x
    21 LOAD_CONST frozenset({1})
    22 CONTAINS_OP 0
    23 STORE_NAME j
    24 LOAD_CONST (1, 2)
    25 GET_ITER
    26 FOR_ITER 29
    27 STORE_NAME k
    28 JUMP_BACKWARD 26
    29 LOAD_CONST None
    30 RETURN_VALUE
"""),
        new DisCase("calls_many", """
f(a, b, *c, d=1, **e)
f(**a, **b)
f(*a, *b)
f(x for x in y)
""", """
code <module> argc=0 posonly=0 kwonly=0 flags=0x0 stacksize=5
  varnames=[] cellvars=[] freevars=[]
  names=['f', 'a', 'b', 'c', 'e', 'y']
     0 PUSH_NULL
     1 LOAD_NAME f
     2 LOAD_NAME a
     3 LOAD_NAME b
     4 BUILD_LIST 2
     5 LOAD_NAME c
     6 LIST_EXTEND 1
     7 LIST_TO_TUPLE
     8 LOAD_CONST 'd'
     9 LOAD_CONST 1
    10 BUILD_MAP 1
    11 LOAD_NAME e
    12 DICT_MERGE 1
    13 CALL_FUNCTION_EX 1
    14 POP_TOP
    15 PUSH_NULL
    16 LOAD_NAME f
    17 LOAD_CONST ()
    18 BUILD_MAP 0
    19 LOAD_NAME a
    20 DICT_MERGE 1
    21 LOAD_NAME b
    22 DICT_MERGE 1
    23 CALL_FUNCTION_EX 1
    24 POP_TOP
    25 PUSH_NULL
    26 LOAD_NAME f
    27 BUILD_LIST 0
    28 LOAD_NAME a
    29 LIST_EXTEND 1
    30 LOAD_NAME b
    31 LIST_EXTEND 1
    32 LIST_TO_TUPLE
    33 CALL_FUNCTION_EX 0
    34 POP_TOP
    35 PUSH_NULL
    36 LOAD_NAME f
    37 LOAD_CONST <code <genexpr>>
    38 MAKE_FUNCTION 0
    39 LOAD_NAME y
    40 GET_ITER
    41 CALL 0
    42 CALL 1
    43 POP_TOP
    44 LOAD_CONST None
    45 RETURN_VALUE
code <genexpr> argc=1 posonly=0 kwonly=0 flags=0x23 stacksize=2
  varnames=['.0', 'x'] cellvars=[] freevars=[]
  names=[]
     0 LOAD_FAST .0
     1 FOR_ITER 7
     2 STORE_FAST x
     3 LOAD_FAST x
     4 YIELD_VALUE
     5 POP_TOP
     6 JUMP_BACKWARD 1
     7 LOAD_CONST None
     8 RETURN_VALUE
"""),
    };

    [TestCaseSource(nameof(DisCases))]
    public void ListingMatchesCPython(DisCase c)
    {
        string ours = Disassembler.Dump(Compile(c.Source)).TrimEnd('\n');
        Assert.That(ours, Is.EqualTo(c.Expected.TrimEnd('\n')));
    }

    // ---- modes -----------------------------------------------------------------------

    [Test]
    public void EvalModeReturnsTheExpression()
    {
        var co = Compile("a + 1", CompileMode.Eval);
        Assert.That(Disassembler.Dump(co), Does.Contain("LOAD_NAME a\n     1 LOAD_CONST 1\n     2 BINARY_OP 0\n     3 RETURN_VALUE\n"));
        Assert.That(co.Code.Length, Is.EqualTo(4));
    }

    [Test]
    public void SingleModePrintsExpressionStatements()
    {
        var dump = Disassembler.Dump(Compile("x\n", CompileMode.Single));
        Assert.That(dump, Does.Contain("     0 LOAD_NAME x\n     1 PRINT_EXPR\n     2 LOAD_CONST None\n     3 RETURN_VALUE"));
        var exec = Disassembler.Dump(Compile("x = 1\nx\n"));
        Assert.That(exec, Does.Not.Contain("PRINT_EXPR"));
    }

    [Test]
    public void OptimizeDropsAssertsAndDocstrings()
    {
        Assert.That(Disassembler.Dump(Compile("assert x\n", optimize: 1)), Does.Not.Contain("LOAD_ASSERTION_ERROR"));
        var co = Compile("def f():\n    'doc'\n    return 1\n", optimize: 2);
        var f = co.Constants.OfType<CodeObject>().Single();
        Assert.That(f.Constants[0], Is.Null);
        Assert.That(f.DocString, Is.Null);
        var co0 = Compile("def f():\n    'doc'\n    return 1\n");
        var f0 = co0.Constants.OfType<CodeObject>().Single();
        Assert.That(f0.Constants[0], Is.EqualTo("doc"));
        Assert.That(f0.DocString, Is.EqualTo("doc"));
    }

    [Test]
    public void DebugIsFoldedByOptimizeLevel()
    {
        Assert.That(Compile("x = __debug__").Constants, Does.Contain(true));
        Assert.That(Compile("x = __debug__", optimize: 1).Constants, Does.Contain(false));
    }

    // ---- code object shape -------------------------------------------------------------

    [Test]
    public void LineTableCoversEveryInstruction()
    {
        var co = Compile("x = 1\nif x:\n    y = (x +\n         2)\n");
        Assert.That(co.Lines.Length, Is.EqualTo(co.Code.Length));
        Assert.That(co.Cols.Length, Is.EqualTo(co.Code.Length));
        Assert.That(co.Lines.All(l => l >= 1), Is.True);
        int add = Array.FindIndex(co.Code, i => CodeObject.OpOf(i) == Opcode.BINARY_OP);
        Assert.That(co.Lines[add], Is.EqualTo(3));
        Assert.That(co.EndLines[add], Is.EqualTo(4));
        Assert.That(co.Cols[add], Is.EqualTo(9));
        Assert.That(co.EndCols[add], Is.EqualTo(10));
    }

    [Test]
    public void QualifiedNamesFollowNesting()
    {
        var co = Compile("def f():\n    class C:\n        def m(self):\n            return lambda: 0\n    return C\n");
        var f = co.Constants.OfType<CodeObject>().Single();
        var c = f.Constants.OfType<CodeObject>().Single();
        var m = c.Constants.OfType<CodeObject>().Single();
        var l = m.Constants.OfType<CodeObject>().Single();
        Assert.That(f.QualName, Is.EqualTo("f"));
        Assert.That(c.QualName, Is.EqualTo("f.<locals>.C"));
        Assert.That(m.QualName, Is.EqualTo("f.<locals>.C.m"));
        Assert.That(l.QualName, Is.EqualTo("f.<locals>.C.m.<locals>.<lambda>"));
        var g = Compile("def f():\n    global g\n    def g(): pass\n").Constants.OfType<CodeObject>().Single().Constants.OfType<CodeObject>().Single();
        Assert.That(g.QualName, Is.EqualTo("g"));
    }

    [Test]
    public void FutureAnnotationsAreStrings()
    {
        var co = Compile("from __future__ import annotations\nx: dict[str, list[int]] = {}\ndef f(a: 'A' | None, *b: int) -> Callable[[int], str]: pass\n");
        Assert.That(co.Flags.HasFlag(CodeFlags.FutureAnnotations), Is.True);
        Assert.That(co.Constants, Does.Contain("dict[str, list[int]]"));
        Assert.That(co.Constants, Does.Contain("'A' | None"));
        Assert.That(co.Constants, Does.Contain("Callable[[int], str]"));
        Assert.That(Disassembler.Dump(co), Does.Not.Contain("LOAD_NAME dict"));
    }

    [TestCase("a + b * c", "a + b * c")]
    [TestCase("(a + b) * c", "(a + b) * c")]
    [TestCase("a ** -b", "a ** (-b)")]
    [TestCase("(a, b)", "(a, b)")]
    [TestCase("x[a, b:c]", "x[a, b:c]")]
    [TestCase("lambda x, *y, z=1, **k: x", "lambda x, *y, z=1, **k: x")]
    [TestCase("f(x for x in y if x)", "f(x for x in y if x)")]
    [TestCase("not a and b or c", "not a and b or c")]
    [TestCase("a if b else c", "a if b else c")]
    [TestCase("{'a': 1, **b}", "{'a': 1, **b}")]
    [TestCase("1e400", "1e309")]
    [TestCase("'it''s'", "\"its\"")]
    [TestCase("f'{x!r:>10}'", "f'{x!r:>10}'")]
    [TestCase("1 .real", "1 .real")]
    [TestCase("-1", "-1")]
    public void UnparserMatchesCPythonAnnotationText(string expr, string expected)
    {
        // Expected texts are what CPython 3.11 stores under `from __future__ import annotations`.
        var tree = PythonParser.ParseExpression(expr, "<string>");
        Assert.That(AstUnparser.Unparse(tree.body), Is.EqualTo(expected == "\"its\"" ? "'its'" : expected));
    }

    [Test]
    public void FloatReprIsPythons()
    {
        Assert.That(AstUnparser.ReprFloat(1.0), Is.EqualTo("1.0"));
        Assert.That(AstUnparser.ReprFloat(1e16), Is.EqualTo("1e+16"));
        Assert.That(AstUnparser.ReprFloat(123456789012345.6), Is.EqualTo("123456789012345.6"));
        Assert.That(AstUnparser.ReprFloat(0.0001), Is.EqualTo("0.0001"));
        Assert.That(AstUnparser.ReprFloat(1e-5), Is.EqualTo("1e-05"));
        Assert.That(AstUnparser.ReprFloat(0.1), Is.EqualTo("0.1"));
        Assert.That(AstUnparser.ReprFloat(-2.5e-300), Is.EqualTo("-2.5e-300"));
    }

    [Test]
    public void ConstantsAreDeduplicatedByTypeAndValue()
    {
        var co = Compile("a = 1\nb = 1.0\nc = True\nd = 1\ne = 0.0\nf = -0.0\n");
        Assert.That(co.Constants.Count(x => x is System.Numerics.BigInteger i && i == 1), Is.EqualTo(1));
        Assert.That(co.Constants.Count(x => x is double), Is.EqualTo(3));
        Assert.That(co.Constants, Does.Contain(true));
    }

    [Test]
    public void ExceptionTableDepthsAndLasti()
    {
        var co = Compile("with a:\n    pass\n");
        Assert.That(co.ExceptionTable.Length, Is.GreaterThan(0));
        Assert.That(co.ExceptionTable.Any(e => e.PushLasti && e.Depth == 1), Is.True);
        foreach (var e in co.ExceptionTable)
        {
            Assert.That(e.Start, Is.LessThan(e.End));
            Assert.That(e.Target, Is.InRange(0, co.Code.Length - 1));
            Assert.That(e.Depth, Is.InRange(0, co.StackSize));
        }
    }

    // ---- symbol tables --------------------------------------------------------------------

    static Scope ScopeNamed(Scope s, string name)
    {
        if (s.Name == name) return s;
        foreach (var c in s.Children) { var r = ScopeNamedOrNull(c, name); if (r != null) return r; }
        throw new KeyNotFoundException(name);
    }
    static Scope? ScopeNamedOrNull(Scope s, string name)
    {
        if (s.Name == name) return s;
        foreach (var c in s.Children) { var r = ScopeNamedOrNull(c, name); if (r != null) return r; }
        return null;
    }

    [Test]
    public void SymtableClassifiesLikeCPython()
    {
        // Classifications as reported by CPython 3.11's symtable module for the same source.
        var st = Compiler.BuildSymbolTable(PythonParser.ParseModule(
            "x = 1\ndef f(a):\n    b = a\n    global x\n    def g():\n        nonlocal b\n        b = x + a\n        return len\n    class C:\n        b = 2\n        def m(self): return b, super()\n    return g\n", "<string>"), "<string>");
        var top = st.Top;
        Assert.That(top.ScopeOf("x"), Is.EqualTo(SymbolScope.GlobalExplicit), "a module name declared global in a function");
        Assert.That(top.ScopeOf("f"), Is.EqualTo(SymbolScope.Local));
        var f = ScopeNamed(top, "f");
        Assert.That(f.ScopeOf("a"), Is.EqualTo(SymbolScope.Cell));
        Assert.That(f.ScopeOf("b"), Is.EqualTo(SymbolScope.Cell));
        Assert.That(f.ScopeOf("x"), Is.EqualTo(SymbolScope.GlobalExplicit));
        Assert.That(f.ScopeOf("g"), Is.EqualTo(SymbolScope.Local));
        var g = ScopeNamed(f, "g");
        Assert.That(g.ScopeOf("b"), Is.EqualTo(SymbolScope.Free));
        Assert.That(g.ScopeOf("a"), Is.EqualTo(SymbolScope.Free));
        Assert.That(g.ScopeOf("x"), Is.EqualTo(SymbolScope.GlobalImplicit), "global in f, implicit in g");
        Assert.That(g.ScopeOf("len"), Is.EqualTo(SymbolScope.GlobalImplicit));
        var c = ScopeNamed(f, "C");
        Assert.That(c.ScopeOf("b"), Is.EqualTo(SymbolScope.Local));
        Assert.That(c.NeedsClassClosure, Is.True);
        var m = ScopeNamed(c, "m");
        Assert.That(m.ScopeOf("b"), Is.EqualTo(SymbolScope.Free), "methods skip the class scope");
        Assert.That(m.ScopeOf("__class__"), Is.EqualTo(SymbolScope.Free));
        Assert.That(m.ScopeOf("self"), Is.EqualTo(SymbolScope.Local));
    }

    [Test]
    public void ComprehensionScopesAndWalrus()
    {
        var st = Compiler.BuildSymbolTable(PythonParser.ParseModule("def f(y):\n    return [(z := x) for x in y], z\n", "<string>"), "<string>");
        var f = ScopeNamed(st.Top, "f");
        var comp = ScopeNamed(f, "listcomp");
        Assert.That(comp.ScopeOf(".0"), Is.EqualTo(SymbolScope.Local));
        Assert.That(comp.ScopeOf("x"), Is.EqualTo(SymbolScope.Local));
        Assert.That(comp.ScopeOf("z"), Is.EqualTo(SymbolScope.Free));
        Assert.That(comp.ScopeOf("y"), Is.EqualTo(SymbolScope.Unknown), "the first iterable is evaluated outside");
        Assert.That(f.ScopeOf("z"), Is.EqualTo(SymbolScope.Cell));
        Assert.That(f.ScopeOf("y"), Is.EqualTo(SymbolScope.Local));
    }

    [Test]
    public void ClassLocalAlsoFreeInMethodIsFreeClass()
    {
        var co = Compile("def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self): return x\n    return C\n");
        var f = co.Constants.OfType<CodeObject>().Single();
        var c = f.Constants.OfType<CodeObject>().Single();
        Assert.That(c.FreeVars, Is.EqualTo(new[] { "x" }));
        Assert.That(Disassembler.Dump(c), Does.Contain("STORE_NAME x"));
    }

    // ---- compile-time errors (messages and positions as CPython 3.11) -----------------------

    [TestCase("x = 1\nreturn 1", "'return' outside function", 2, 1, 2, 9)]
    [TestCase("while 1:\n  def f(): break", "'break' outside loop", 2, 12, 2, 17)]
    [TestCase("continue", "'continue' not properly in loop", 1, 1, 1, 9)]
    [TestCase("yield 1", "'yield' outside function", 1, 1, 1, 8)]
    [TestCase("x = await y", "'await' outside function", 1, 5, 1, 12)]
    [TestCase("def f():\n    await y", "'await' outside async function", 2, 5, 2, 12)]
    [TestCase("def f(a):\n  global a", "name 'a' is parameter and global", 2, 3, 2, 11)]
    [TestCase("def f():\n  print(x)\n  global x", "name 'x' is used prior to global declaration", 3, 3, 3, 11)]
    [TestCase("def f():\n x=1\n global x", "name 'x' is assigned to before global declaration", 3, 2, 3, 10)]
    [TestCase("nonlocal x", "nonlocal declaration not allowed at module level", 1, 1, 1, 11)]
    [TestCase("def f():\n  global x\n  x=1\n  def g(): nonlocal x", "no binding for nonlocal 'x' found", 4, 12, 4, 22)]
    [TestCase("def f(a, a): pass", "duplicate argument 'a' in function definition", 1, 10, 1, 11)]
    [TestCase("f(a=1, a=2)", "keyword argument repeated: a", 1, 8, 1, 11)]
    [TestCase("[(yield x) for x in y]", "'yield' inside list comprehension", 1, 3, 1, 10)]
    [TestCase("{(yield x) for x in y}", "'yield' inside set comprehension", 1, 3, 1, 10)]
    [TestCase("((yield x) for x in y)", "'yield' inside generator expression", 1, 3, 1, 10)]
    [TestCase("[(x:=1) for x in y]", "assignment expression cannot rebind comprehension iteration variable 'x'", 1, 3, 1, 4)]
    [TestCase("class C:\n [(y:=1) for x in z]", "assignment expression within a comprehension cannot be used in a class body", 2, 4, 2, 5)]
    [TestCase("[x for x in (y:=z)]", "assignment expression cannot be used in a comprehension iterable expression", 1, 14, 1, 18)]
    [TestCase("def f():\n from m import *", "import * only allowed at module level", 2, 16, 2, 17)]
    [TestCase("x=1\nfrom __future__ import annotations", "from __future__ imports must occur at the beginning of the file", 2, 1, 2, 35)]
    [TestCase("from __future__ import braces", "not a chance", 1, 1, 1, 0)]
    [TestCase("from __future__ import spam", "future feature spam is not defined", 1, 1, 1, 0)]
    [TestCase("async def f():\n    yield 1\n    return 2", "'return' with value in async generator", 3, 5, 3, 13)]
    [TestCase("def f():\n    yield from g()\n    async with a: pass", "'async with' outside async function", 3, 5, 3, 23)]
    [TestCase("def f():\n    async for x in y: pass", "'async for' outside async function", 2, 5, 2, 27)]
    [TestCase("async def f():\n    yield from x", "'yield from' inside async function", 2, 5, 2, 17)]
    [TestCase("def f(): return [x async for x in y]", "asynchronous comprehension outside of an asynchronous function", 1, 17, 1, 37)]
    [TestCase("try:\n  pass\nexcept* E:\n  break", "'break', 'continue' and 'return' cannot appear in an except* block", 4, 3, 4, 8)]
    [TestCase("match x:\n case a: pass\n case b: pass", "name capture 'a' makes remaining patterns unreachable", 2, 7, 2, 8)]
    [TestCase("match x:\n case _: pass\n case b: pass", "wildcard makes remaining patterns unreachable", 2, 7, 2, 8)]
    [TestCase("match x:\n case [a, a]: pass", "multiple assignments to name 'a' in pattern", 2, 11, 2, 12)]
    [TestCase("match x:\n case [a] | b: pass", "alternative patterns bind different names", 2, 13, 2, 14)]
    [TestCase("match x:\n case C(a=1, a=2): pass", "attribute name repeated in class pattern: a", 2, 16, 2, 17)]
    [TestCase("match x:\n case {'a': 1, 'a': 2}: pass", "mapping pattern checks duplicate key ('a')", 2, 7, 2, 23)]
    [TestCase("def f():\n    x: int\n    global x", "annotated name 'x' can't be global", 3, 5, 3, 13)]
    [TestCase("def f():\n    global x\n    x: int", "annotated name 'x' can't be global", 3, 5, 3, 11)]
    [TestCase("def f(x):\n    nonlocal x", "name 'x' is parameter and nonlocal", 2, 5, 2, 15)]
    [TestCase("[i for i in (lambda:(j := range(5)))()]", "assignment expression cannot be used in a comprehension iterable expression", 1, 22, 1, 35)]
    [TestCase("[i for i in [(j := True) for j in range(5)]]", "assignment expression cannot be used in a comprehension iterable expression", 1, 15, 1, 24)]
    [TestCase("f(__debug__=1)", "cannot assign to __debug__", 1, 1, 1, 15)]
    [TestCase("__debug__: int", "cannot assign to __debug__", 1, 1, 1, 15)]
    [TestCase("def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x", "name 'x' is nonlocal and global", 4, 9, 4, 17)]
    public void CompileTimeErrorsMatchCPython(string src, string msg, int line, int offset, int endLine, int endOffset)
    {
        var e = CompileError(src);
        Assert.That(e.Msg, Is.EqualTo(msg));
        Assert.That(e.Kind, Is.EqualTo("SyntaxError"));
        Assert.That((e.Lineno, e.Offset), Is.EqualTo((line, offset)));
        Assert.That((e.EndLineno, e.EndOffset), Is.EqualTo((endLine, endOffset)));
    }

    [Test]
    public void TooManyStaticallyNestedBlocks()
    {
        var src = "";
        for (int i = 0; i < 21; i++) src += new string(' ', i) + "for x in y:\n";
        src += new string(' ', 21) + "pass\n";
        Assert.That(CompileError(src).Msg, Is.EqualTo("too many statically nested blocks"));
        var ok = "";
        for (int i = 0; i < 20; i++) ok += new string(' ', i) + "for x in y:\n";
        ok += new string(' ', 20) + "pass\n";
        Assert.DoesNotThrow(() => Compile(ok));
    }

    [Test]
    public void DeepExpressionsGiveACleanError()
    {
        // A chain of 100,000 binary operators nests the AST deeply (built by hand: the parser has
        // its own limits); compiling it must raise a clean error, not overflow the .NET stack.
        ExprNode e = new Name { id = "a", ctx = Load.Instance };
        for (int i = 0; i < 100000; i++)
        {
            var b = new BinOp { left = e, op = Add.Instance, right = new Name { id = "a", ctx = Load.Instance } };
            b.SetPosition(1, 0, 1, 1);
            e = b;
        }
        var stmt = new Expr { value = e };
        stmt.SetPosition(1, 0, 1, 1);
        var tree = new Module();
        tree.body.Add(stmt);
        var err = Assert.Throws<PythonSyntaxError>(() => Compiler.Compile(tree, "<deep>", CompileMode.Exec))!;
        Assert.That(err.Msg, Does.Contain("maximum recursion depth exceeded during compilation"));
        // A moderately deep chain still compiles.
        ExprNode m = new Name { id = "a", ctx = Load.Instance };
        for (int i = 0; i < 500; i++)
        {
            var b = new BinOp { left = m, op = Add.Instance, right = new Name { id = "a", ctx = Load.Instance } };
            b.SetPosition(1, 0, 1, 1);
            m = b;
        }
        var ok = new Expr { value = m };
        ok.SetPosition(1, 0, 1, 1);
        var okTree = new Module();
        okTree.body.Add(ok);
        Assert.That(Compiler.Compile(okTree, "<deep>", CompileMode.Exec).StackSize, Is.EqualTo(2));
    }

    // ---- the standard library -------------------------------------------------------------

    [Test]
    public void CompilesTheStandardLibraryWithoutCrashing()
    {
        const string lib = "/usr/lib/python3.11";
        if (!Directory.Exists(lib)) Assert.Ignore("no CPython 3.11 stdlib here");
        int compiled = 0;
        var crashes = new List<string>();
        foreach (var f in Directory.EnumerateFiles(lib, "*.py", SearchOption.AllDirectories))
        {
            Module tree;
            try { tree = PythonParser.ParseModule(File.ReadAllBytes(f), f); }
            catch (PythonSyntaxError) { continue; }
            catch (Exception) { continue; } // the parser's own problems are its tests' business
            try { Compiler.Compile(tree, f, CompileMode.Exec); compiled++; }
            catch (PythonSyntaxError e) when (Path.GetFileName(f).StartsWith("badsyntax_")) { _ = e; }
            catch (Exception e) { crashes.Add($"{f}: {e.GetType().Name}: {e.Message}"); }
        }
        Assert.That(crashes, Is.Empty);
        Assert.That(compiled, Is.GreaterThan(500));
    }
}
