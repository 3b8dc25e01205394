#nullable enable
using System;
using StacklessIron.Compiling;
using StacklessIron.Parsing;
namespace StacklessIron.Modules.Symtable;

/// <summary>The `_symtable` module under symtable.py: the compiler's own symbol table of a
/// source text (the same analysis that decides locals, cells and free variables when code
/// is compiled), with CPython's flag and scope constants.</summary>
public static class SymtableModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_symtable");
        NativeMembers.FillModule(m, typeof(SymtableModule));
        foreach (var (name, value) in new (string, int)[] {
            ("USE", 16), ("DEF_GLOBAL", 1), ("DEF_NONLOCAL", 8), ("DEF_LOCAL", 2), ("DEF_PARAM", 4), ("DEF_FREE", 32),
            ("DEF_FREE_CLASS", 64), ("DEF_IMPORT", 128), ("DEF_BOUND", 134), ("DEF_ANNOT", 256),
            ("SCOPE_OFF", PySymtableEntry.ScopeOff), ("SCOPE_MASK", 15),
            ("LOCAL", 1), ("GLOBAL_EXPLICIT", 2), ("GLOBAL_IMPLICIT", 3), ("FREE", 4), ("CELL", 5),
            ("TYPE_FUNCTION", PySymtableEntry.TypeFunction), ("TYPE_CLASS", PySymtableEntry.TypeClass), ("TYPE_MODULE", PySymtableEntry.TypeModule) })
            m.Set(name, PyInt.From(value));
        return m;
    }

    public static void Register() => Importer.NativeModules["_symtable"] = Create;

    [PyMethod]
    static PyObject symtable(ThreadState ts, PyObject source, PyObject filename, string startstr)
    {
        string fn = filename is PyStr fs ? fs.Value : filename is PyBytes fb ? System.Text.Encoding.UTF8.GetString(fb.Data)
            : throw PyExc.TypeError($"symtable() argument 'filename' must be str, bytes or os.PathLike, not {filename.Type.Name}");
        if (startstr is not ("exec" or "eval" or "single")) throw PyExc.ValueError("symtable() arg 3 must be 'exec' or 'eval' or 'single'");
        object text = source is PyStr s ? s.Value : PyBytes.TryGetBuffer(source, out var m) ? m.ToArray()
            : throw PyExc.TypeError("symtable() arg 1 must be a string, bytes or AST object");
        try
        {
            Parsing.Ast.ModNode tree = startstr switch
            {
                "eval" => text is string es ? PythonParser.ParseExpression(es, fn, ts.Engine.IntMaxStrDigits) : PythonParser.ParseExpression((byte[])text, fn, ts.Engine.IntMaxStrDigits),
                "single" => text is string ss ? PythonParser.ParseInteractive(ss, fn, ts.Engine.IntMaxStrDigits) : PythonParser.ParseInteractive((byte[])text, fn, ts.Engine.IntMaxStrDigits),
                _ => text is string xs ? PythonParser.ParseModule(xs, fn, ts.Engine.IntMaxStrDigits) : PythonParser.ParseModule((byte[])text, fn, ts.Engine.IntMaxStrDigits),
            };
            return new PySymtableEntry(Compiler.BuildSymbolTable(tree, fn).Top);
        }
        catch (PythonSyntaxError e)
        {
            throw PythonEngine.SyntaxErrorOf(e);
        }
    }
}
