using System;
using System.IO;
using StacklessIron.Parsing;
using StacklessIron.Parsing.Ast;

namespace StacklessIron.Host;

/// <summary>The command-line host: `stackless-iron [options] script.py args...`.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = false };
        try
        {
            if (args.Length == 2 && args[0] == "--dump-ast")
                return DumpAst(args[1], stdout);
            if (args.Length >= 2 && args[0] == "--parse-bench") return ParseBench.Run(args[1..], stdout);
            Console.Error.WriteLine("usage: stackless-iron --dump-ast FILE");
            Console.Error.WriteLine("(running programs comes with the engine core)");
            return 2;
        }
        finally
        {
            stdout.Flush();
        }
    }

    /// <summary>Prints what CPython prints for
    /// print(ast.dump(ast.parse(open(FILE,'rb').read()), include_attributes=True)).</summary>
    static int DumpAst(string path, TextWriter stdout)
    {
        byte[] source;
        try { source = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"stackless-iron: can't open file '{path}': {e.Message}");
            return 2;
        }
        try
        {
            var module = PythonParser.ParseModule(source, "<unknown>");
            stdout.Write(AstDump.Dump(module, includeAttributes: true));
            stdout.Write('\n');
            return 0;
        }
        catch (PythonSyntaxError e)
        {
            stdout.Flush();
            Console.Error.Write("Traceback (most recent call last):\n");
            Console.Error.Write(e.Format());
            return 1;
        }
    }
}
