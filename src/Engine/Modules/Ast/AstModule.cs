#nullable enable
using System;
using StacklessIron.Compiling;
using StacklessIron.Objects;
using StacklessIron.Parsing;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Modules.Ast;

/// <summary>The `_ast` module (node classes and the PyCF_* flags) and the two directions of
/// compile() that involve it: source to an `_ast` tree (PyCF_ONLY_AST) and an `_ast` tree to code.</summary>
public static class AstModule
{
    public const int PyCF_ONLY_AST = 0x400, PyCF_TYPE_COMMENTS = 0x1000, PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000;

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_ast");
        foreach (var (name, cls) in AstTypes.For(ts).ByName) m.Dict!.SetStr(name, cls);
        m.Dict!.SetStr("PyCF_ONLY_AST", PyInt.From(PyCF_ONLY_AST));
        m.Dict!.SetStr("PyCF_TYPE_COMMENTS", PyInt.From(PyCF_TYPE_COMMENTS));
        m.Dict!.SetStr("PyCF_ALLOW_TOP_LEVEL_AWAIT", PyInt.From(PyCF_ALLOW_TOP_LEVEL_AWAIT));
        return m;
    }

    public static void Register() => Importer.NativeModules["_ast"] = Create;

    /// <summary>compile(source, filename, mode, PyCF_ONLY_AST): the parse tree as `_ast` objects.
    /// `source` is a str or the bytes of a file.</summary>
    public static PyObject Parse(ThreadState ts, object source, string filename, string mode)
    {
        ModNode tree;
        try
        {
            tree = mode switch
            {
                "eval" => source is string es ? PythonParser.ParseExpression(es, filename, ts.Engine.IntMaxStrDigits) : PythonParser.ParseExpression((byte[])source, filename, ts.Engine.IntMaxStrDigits),
                "single" => source is string ss ? PythonParser.ParseInteractive(ss, filename, ts.Engine.IntMaxStrDigits) : PythonParser.ParseInteractive((byte[])source, filename, ts.Engine.IntMaxStrDigits),
                "exec" => source is string xs ? PythonParser.ParseModule(xs, filename, ts.Engine.IntMaxStrDigits) : PythonParser.ParseModule((byte[])source, filename, ts.Engine.IntMaxStrDigits),
                _ => throw PyExc.ValueError("compile() mode must be 'exec', 'eval', 'single' or 'func_type'"),
            };
        }
        catch (PythonSyntaxError e)
        {
            throw PythonEngine.SyntaxErrorOf(e);
        }
        return AstToPython.Convert(ts, tree);
    }

    /// <summary>compile(tree, filename, mode): checks and converts the `_ast` tree, then compiles it
    /// like parsed source. With PyCF_ONLY_AST the (checked) tree itself is returned.</summary>
    public static PyObject Compile(ThreadState ts, PyObject tree, string filename, string mode, int flags, int optimize = -1)
    {
        var (expected, cm) = mode switch
        {
            "exec" => ("Module", CompileMode.Exec),
            "eval" => ("Expression", CompileMode.Eval),
            "single" => ("Interactive", CompileMode.Single),
            _ => throw PyExc.ValueError("compile() mode must be 'exec', 'eval' or 'single'"),
        };
        var mod = AstFromPython.ConvertMod(ts, tree, expected);
        AstValidator.Validate(ts, mod);
        if ((flags & PyCF_ONLY_AST) != 0) return tree;
        try
        {
            var code = Compiler.Compile(mod, filename, cm, optimize < 0 ? ts.Engine.Optimize : optimize, (CodeFlags)(flags & (int)Compiler.FutureFlagsMask));
            return PyCode.For(code);
        }
        catch (PythonSyntaxError e)
        {
            throw PythonEngine.SyntaxErrorOf(e);
        }
        catch (Exception e) when (e is not PyException && e is not OutOfMemoryException)
        {
            throw PyExc.SystemError($"internal error while compiling {filename}: {e.GetType().Name}: {e.Message}");
        }
    }
}
