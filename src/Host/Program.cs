using System.Collections.Generic;
using System;
using System.IO;
using StacklessIron.Objects;
using StacklessIron.Parsing;
using StacklessIron.Parsing.Ast;
using StacklessIron.Runtime;

namespace StacklessIron.Host;

/// <summary>The command-line host: `stackless-iron [-c CODE | -m MODULE | script.py] args...`
/// (and `--dump-ast FILE`). Exit codes as CPython's: 0, 1 after an uncaught exception
/// (traceback on stderr), or SystemExit's code.</summary>
public static class Program
{
    /// <summary>The standard library searched after the script's folder and src/Lib.</summary>
    const string StdLib = "/usr/lib/python3.11";

    public static int Main(string[] args)
    {
        if (args.Length >= 2 && args[0] == "--parse-bench")
        {
            var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = false };
            try { return ParseBench.Run(args[1..], stdout); }
            finally { stdout.Flush(); }
        }
        if (args.Length == 2 && args[0] == "--dis")
        {
            var src = File.ReadAllBytes(args[1]);
            var co = Compiling.Compiler.Compile(PythonParser.ParseModule(src, args[1]), args[1], Compiling.CompileMode.Exec);
            Console.Out.Write(Compiling.Disassembler.Dump(co));
            return 0;
        }
        if (args.Length == 2 && args[0] == "--dump-ast")
        {
            var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = false };
            try { return DumpAst(args[1], stdout); }
            finally { stdout.Flush(); }
        }
        int i = 0;
        string? command = null, module = null, script = null;
        // -i: the interactive prompt after the program (or instead of reading stdin as one)
        bool inspect = false;
        var xoptions = new List<string>();
        var warnoptions = new List<string>();
        while (i < args.Length)
        {
            var a = args[i];
            if ((a == "-X" || a == "-W") && i + 1 < args.Length) { (a == "-X" ? xoptions : warnoptions).Add(args[i + 1]); i += 2; continue; }
            if ((a.StartsWith("-X") || a.StartsWith("-W")) && a.Length > 2) { (a[1] == 'X' ? xoptions : warnoptions).Add(a[2..]); i++; continue; }
            if (a == "-c" && i + 1 < args.Length) { command = args[i + 1]; i += 2; break; }
            if (a == "-m" && i + 1 < args.Length) { module = args[i + 1]; i += 2; break; }
            if (a == "-u" || a == "-B" || a == "-E" || a == "-s" || a == "-S") { i++; continue; }
            if (a == "-i") { inspect = true; i++; continue; }
            if (a.StartsWith('-') && a != "-") { Console.Error.WriteLine($"Unknown option: {a}"); return 2; }
            script = a; i++;
            break;
        }
        // No program: stdin is the program (sys.argv[0] == ''), read as a script when it is
        // redirected and at the interactive prompt when it is a terminal, as CPython does.
        bool fromStdin = script == "-" || (command == null && module == null && script == null);
        string argv0 = command != null ? "-c" : module != null ? module : script ?? "";
        if (fromStdin)
        {
            script = null;
            if (!Console.IsInputRedirected) inspect = true;
        }
        var rest = args[i..];
        StacklessIron.Stackless.StacklessModule.Register();
        var engine = new PythonEngine();
        var ts = engine.MainThread;
        if (StacklessIron.Modules.SysModule.ApplyCommandLineOptions(engine, xoptions, warnoptions) is string fatal)
        {
            Console.Error.WriteLine("Fatal Python error: " + fatal);
            return 1;
        }
        var argv = new PyList();
        argv.Append(new PyStr(argv0));
        foreach (var r in rest) argv.Append(new PyStr(r));
        engine.Sys.Set("argv", argv);
        var path = new PyList();
        string first = script != null ? Path.GetDirectoryName(Path.GetFullPath(script))! : (module != null ? Directory.GetCurrentDirectory() : "");
        path.Append(new PyStr(first));
        var lib = FindProjectLib();
        if (lib != null) path.Append(new PyStr(lib));
        path.Append(new PyStr(StdLib));
        path.Append(new PyStr(StdLib + "/lib-dynload"));
        engine.Sys.Set("path", path);

        if (script != null && File.Exists(script)) script = Path.GetFullPath(script);
        if (script != null && !File.Exists(script))
        {
            Console.Error.WriteLine($"{Environment.ProcessPath ?? "stackless-iron"}: can't open file '{Path.GetFullPath(script)}': [Errno 2] No such file or directory");
            return 2;
        }
        return engine.RunMain(t =>
        {
            // as CPython at start-up: SIGINT raises KeyboardInterrupt (default_int_handler)
            Importer.ImportModule(t, "_signal");
            if (module != null)
            {
                string file;
                try { file = Importer.FindMainSource(t, module); }
                catch (PyException e) when (e.Matches(ExceptionTypes.ImportError))
                {
                    // As CPython: "python: No module named x", no traceback, exit status 1.
                    engine.Stderr.Write($"{Environment.ProcessPath ?? "stackless-iron"}: {Ops.StrString(t, e.Value)}\n");
                    throw PyExc.New(ExceptionTypes.SystemExit, PyInt.From(1));
                }
                ((PyList)engine.Sys.Get("argv")!).Items[0] = new PyStr(file);
                var mainMod = engine.CreateMain(file);
                int dot = module.LastIndexOf('.');
                mainMod.Namespace.SetStr("__package__", new PyStr(file.EndsWith("__main__.py") ? module : dot < 0 ? "" : module[..dot]));
                return Interpreter.RunModuleCode(t, engine.CompileFile(t, file), mainMod.Namespace);
            }
            var main = engine.CreateMain(fromStdin ? "<stdin>" : script);
            if (fromStdin && inspect) return InteractiveLoop(t, engine, main);
            PyCode code = command != null
                ? (PyCode)engine.CompileSource(t, command, "<string>", Compiling.CompileMode.Exec, 0)
                : fromStdin
                    ? (PyCode)engine.CompileSource(t, ReadAllStdin(), "<stdin>", Compiling.CompileMode.Exec, 0)
                    : engine.CompileFile(t, script!);
            if (!inspect) return Interpreter.RunModuleCode(t, code, main.Namespace);
            // -i: a failing program is reported, then the prompt opens on its globals
            try { Interpreter.RunModuleCode(t, code, main.Namespace); }
            catch (PyException e) when (!e.Matches(ExceptionTypes.SystemExit)) { engine.HandleUncaught(t, e.Value); }
            return InteractiveLoop(t, engine, main);
        });
    }

    static byte[] ReadAllStdin()
    {
        using var stdin = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        stdin.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>The interactive prompt on the __main__ namespace (src/Lib/_interactive.py).</summary>
    static PyObject InteractiveLoop(ThreadState t, PythonEngine engine, PyModule main)
    {
        var repl = Importer.ImportModule(t, "_interactive");
        return Ops.Call(t, Ops.GetAttr(t, repl, PyStr.Intern("interact")), main.Namespace);
    }

    /// <summary>The project's own pure-Python modules: src/Lib of the repository the host was
    /// built in (so edits there count at once), else the copy in Lib/ next to the host.</summary>
    static string? FindProjectLib()
    {
        var dir = AppContext.BaseDirectory;
        for (int up = 0; up < 8 && dir != null; up++)
        {
            var candidate = Path.Combine(dir, "src", "Lib");
            if (Directory.Exists(candidate)) return candidate;
            dir = Path.GetDirectoryName(dir.TrimEnd('/'));
        }
        var packaged = Path.Combine(AppContext.BaseDirectory, "Lib");
        return Directory.Exists(packaged) ? packaged : null;
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
