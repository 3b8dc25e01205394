using System.Linq;
using NUnit.Framework;
using StacklessIron.Compiling;
using StacklessIron.Objects;
using StacklessIron.Parsing;

namespace StacklessIron.Tests;

/// <summary>The loop's copy of the instructions (PyCode.Quick): which pairs it fuses and which
/// instructions it replaces. The behaviour of each form is covered by the compare program
/// pytests/compare/vm_call_fast_paths.py; this checks that the forms are there at all (a
/// quickening that silently stopped would only show as lost speed).</summary>
public class QuickenedCodeTests
{
    static PyCode FunctionCode(string src, string name)
    {
        var module = Compiler.Compile(PythonParser.ParseModule(src, "<string>"), "<string>", CompileMode.Exec);
        var co = module.Constants.OfType<CodeObject>().Single(c => c.Name == name);
        return PyCode.For(co);
    }

    /// <summary>The code of function `name` at any depth (methods are in their class body's constants).</summary>
    static PyCode NestedFunctionCode(string src, string name)
    {
        var module = Compiler.Compile(PythonParser.ParseModule(src, "<string>"), "<string>", CompileMode.Exec);
        static System.Collections.Generic.IEnumerable<CodeObject> All(CodeObject c)
            => c.Constants.OfType<CodeObject>().SelectMany(k => All(k).Prepend(k));
        return PyCode.For(All(module).Single(c => c.Name == name));
    }

    static Opcode[] QuickOps(PyCode code) => code.Quick.Select(i => CodeObject.OpOf(i)).ToArray();

    [Test]
    public void FibGetsFusedLoadsComparesAndAReturnInPlaceOfTheJump()
    {
        var code = FunctionCode("def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n", "fib");
        var ops = QuickOps(code);
        var original = code.Code.Code.Select(i => CodeObject.OpOf(i)).ToArray();
        Assert.That(ops, Does.Contain(Opcode.LOAD_FAST__LOAD_CONST));
        Assert.That(ops, Does.Contain(Opcode.COMPARE_OP__POP_JUMP_IF_FALSE));
        Assert.That(ops.Count(o => o == Opcode.PUSH_NULL__LOAD_GLOBAL), Is.EqualTo(2));
        Assert.That(original, Does.Contain(Opcode.JUMP_FORWARD), "the compiled code jumps to its return");
        Assert.That(ops, Does.Not.Contain(Opcode.JUMP_FORWARD), "the quickened code returns there");
        Assert.That(ops.Count(o => o == Opcode.RETURN_VALUE), Is.EqualTo(2));
        // the second instruction of each pair stays in place (jump targets, line numbers)
        for (int i = 0; i < ops.Length; i++)
            if (ops[i] != original[i] && ops[i] != Opcode.RETURN_VALUE)
                Assert.That(ops[i + 1], Is.EqualTo(original[i + 1]));
    }

    [Test]
    public void LoopStoresAreFusedAndKeywordCallsStayAsCompiled()
    {
        var code = FunctionCode("def g(xs):\n    for x in xs:\n        f(x, k=1)\n    f(1)\n", "g");
        var ops = QuickOps(code);
        Assert.That(ops, Does.Contain(Opcode.FOR_ITER__STORE_FAST));
        // CALL reads the KW_NAMES before it (also in a traced frame, which runs the compiled code)
        int kw = System.Array.IndexOf(ops, Opcode.KW_NAMES);
        Assert.That(ops[kw + 1], Is.EqualTo(Opcode.CALL));
        Assert.That(ops.Count(o => o == Opcode.CALL), Is.EqualTo(2));
    }

    [Test]
    public void BinaryOpsAreSpecializedByOperatorKeepingTheirArg()
    {
        var code = FunctionCode("def h(a, b):\n    a += b\n    c = a - b\n    d = a * b % 3\n    return a / b + c ** d\n", "h");
        var ops = QuickOps(code);
        Assert.That(ops.Count(o => o == Opcode.BINARY_OP_ADD), Is.EqualTo(2), "+= and +");
        Assert.That(ops, Does.Contain(Opcode.BINARY_OP_SUBTRACT));
        Assert.That(ops, Does.Contain(Opcode.BINARY_OP_MULTIPLY));
        Assert.That(ops, Does.Contain(Opcode.BINARY_OP_REMAINDER));
        Assert.That(ops.Count(o => o == Opcode.BINARY_OP), Is.EqualTo(2), "/ and ** stay generic");
        // the loop's slow path and error messages need the operator: the arg stays
        for (int i = 0; i < ops.Length; i++)
            if (CodeObject.OpOf(code.Code.Code[i]) == Opcode.BINARY_OP)
                Assert.That(code.Quick[i] >> 8, Is.EqualTo(code.Code.Code[i] >> 8));
    }
    [Test]
    public void LocalAttributeAccessAndConstantReturnsAreFused()
    {
        var src = "class P:\n    def __init__(self, x):\n        self.x = x\n    def m(self, k):\n        d = {}\n        v = self.x\n        k = v; d.get(k)\n        return self.m(k)\n";
        var init = QuickOps(NestedFunctionCode(src, "__init__"));
        Assert.That(init[0], Is.EqualTo(Opcode.LOAD_FAST__LOAD_FAST__STORE_ATTR), "self.x = x");
        Assert.That(init, Does.Contain(Opcode.LOAD_CONST__RETURN_VALUE), "the implicit return None");
        var m = NestedFunctionCode(src, "m");
        var ops = QuickOps(m);
        var original = m.Code.Code.Select(i => CodeObject.OpOf(i)).ToArray();
        Assert.That(ops, Does.Contain(Opcode.LOAD_FAST__LOAD_ATTR), "self.x");
        Assert.That(ops.Count(o => o == Opcode.LOAD_FAST__LOAD_METHOD), Is.EqualTo(2), "d.get, self.m");
        // `k = v; d.get(k)`: the STORE_FAST before `d` stays alone so that `d` fuses with its lookup
        int get = System.Array.FindIndex(ops, o => o == Opcode.LOAD_FAST__LOAD_METHOD);
        Assert.That(ops[get - 1], Is.EqualTo(Opcode.STORE_FAST));
        for (int i = 0; i < ops.Length; i++)
            if (ops[i] != original[i])
                Assert.That(ops[i + 1], Is.EqualTo(original[i + 1]), "the later instructions stay in place");
    }
    [Test]
    public void ModuleLoopsKeepNameHintsAndOtherCodeNone()
    {
        PyCode ModuleCode(string src) => PyCode.For(Compiler.Compile(PythonParser.ParseModule(src, "<string>"), "<string>", CompileMode.Exec));
        var looping = ModuleCode("t = 0\nfor i in range(3):\n    t += i\n");
        Assert.That(looping.NameHints, Is.Not.Null, "a module's loop over its names");
        Assert.That(looping.NameHints!.Length, Is.EqualTo(2 * looping.Code.Code.Length));
        Assert.That(ModuleCode("a = 1\nb = a + 1\n").NameHints, Is.Null, "straight-line module code runs each name once");
        Assert.That(FunctionCode("def f(n):\n    for i in range(n):\n        n += i\n    return n\n", "f").NameHints, Is.Null, "a function's fast locals need none");
    }
    [Test]
    public void LoopsOverPairsUnpackWithoutTheTuple()
    {
        var ops = QuickOps(FunctionCode("def f(d, t):\n    for k, v in d.items():\n        pass\n    for a, b, c in t:\n        pass\n", "f"));
        Assert.That(ops.Count(o => o == Opcode.FOR_ITER__UNPACK_PAIR), Is.EqualTo(1), "two names: fused; three: FOR_ITER as compiled");
        int i = System.Array.IndexOf(ops, Opcode.FOR_ITER__UNPACK_PAIR);
        Assert.That(ops[i + 1], Is.EqualTo(Opcode.UNPACK_SEQUENCE), "the unpack stays for the other iterators");
    }
}
