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
        // the VM loop's JIT compile (no ReadyToRun code) overlaps with building the engine
        BackgroundCompiler.PrepareInterpreterLoop();
        int i = 0;
        string? command = null, module = null, script = null;
        // -i: the interactive prompt after the program (or instead of reading stdin as one)
        bool inspect = false;
        var xoptions = new List<string>();
        var warnoptions = new List<string>();
        // sys.flags set by the command line (name -> value)
        var flags = new Dictionary<string, int>();
        void Flag(string name, int value = 1) => flags[name] = value;
        void Count(string name) => flags[name] = flags.GetValueOrDefault(name) + 1;
        // CPython's options, with its getopt rules: flags may be combined (-uB), and an option
        // that takes an argument takes the rest of its word or the next word (-c CODE, -cCODE)
        while (i < args.Length && command == null && module == null)
        {
            var a = args[i];
            if (a == "-" || !a.StartsWith('-')) break;
            i++;
            if (a == "--") break;
            if (a == "--help") return Usage(Console.Out, 0);
            if (a == "--version") { Console.Out.WriteLine(VersionLine); return 0; }
            if (a == "--check-hash-based-pycs") { if (i < args.Length) { i++; continue; } return Usage(Console.Error, 2, "Argument expected for the --check-hash-based-pycs option"); }
            if (a.StartsWith("--")) return Usage(Console.Error, 2, $"unknown option {a}");
            for (int k = 1; k < a.Length; k++)
            {
                char c = a[k];
                if (c is 'c' or 'm' or 'W' or 'X')
                {
                    string? value = k + 1 < a.Length ? a[(k + 1)..] : i < args.Length ? args[i++] : null;
                    if (value == null) return Usage(Console.Error, 2, $"Argument expected for the -{c} option");
                    if (c == 'c') command = value;
                    else if (c == 'm') module = value;
                    else (c == 'X' ? xoptions : warnoptions).Add(value);
                    break;
                }
                switch (c)
                {
                    case 'b': Count("bytes_warning"); break;
                    case 'B': Flag("dont_write_bytecode"); break;
                    case 'd': Count("debug"); break;
                    case 'E': Flag("ignore_environment"); break;
                    case 'h': case '?': return Usage(Console.Out, 0);
                    case 'i': inspect = true; Flag("inspect"); Flag("interactive"); break;
                    case 'I': Flag("isolated"); Flag("ignore_environment"); Flag("no_user_site"); Flag("safe_path"); break;
                    case 'O': Count("optimize"); break;
                    case 'P': Flag("safe_path"); break;
                    case 'q': Flag("quiet"); break;
                    case 'R': Flag("hash_randomization"); break;
                    case 's': Flag("no_user_site"); break;
                    case 'S': Flag("no_site"); break;
                    case 'u': break;  // our stdout/stderr already write through
                    case 'v': Count("verbose"); break;
                    case 'V': Console.Out.WriteLine(VersionLine); return 0;
                    default: return Usage(Console.Error, 2, $"Unknown option: -{c}");
                }
            }
        }
        if (command == null && module == null && i < args.Length) script = args[i++];
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
        if (StacklessIron.Modules.SysModule.ApplyCommandLineOptions(engine, xoptions, warnoptions, flags) is string fatal)
        {
            Console.Error.WriteLine("Fatal Python error: " + fatal);
            return 1;
        }
        var argv = new PyList();
        argv.Append(new PyStr(argv0));
        foreach (var r in rest) argv.Append(new PyStr(r));
        engine.Sys.Set("argv", argv);
        // sys.orig_argv: the command line as given, led by the program (sys.executable)
        var origArgv = new PyList();
        origArgv.Append(engine.Sys.Get("executable")!);
        foreach (var a in args) origArgv.Append(new PyStr(a));
        engine.Sys.Set("orig_argv", origArgv);
        var path = new PyList();
        string first = script != null ? Path.GetDirectoryName(Path.GetFullPath(script))! : (module != null ? Directory.GetCurrentDirectory() : "");
        // -P/-I (safe_path): no script folder or current directory in front
        if (!flags.ContainsKey("safe_path")) path.Append(new PyStr(first));
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
        int status = engine.RunMain(t =>
        {
            // as CPython at start-up: SIGINT raises KeyboardInterrupt (default_int_handler)
            Importer.ImportModule(t, "_signal");
            // -X faulthandler and -X dev switch faulthandler on before the program runs
            if (xoptions.Exists(x => x == "faulthandler" || x == "dev"))
                Ops.CallMethod(t, Importer.ImportModule(t, "faulthandler"), "enable");
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
                return Interpreter.RunModuleCode(t, CodeCache.LoadModule(t, file, CodeCache.CachePathFor(t, file)), mainMod.Namespace);
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
        if (engine.ExitedByKeyboardInterrupt) ExitBySigint();
        return status;
    }

    [System.Runtime.InteropServices.DllImport("libc")] static extern IntPtr signal(int signum, IntPtr handler);
    [System.Runtime.InteropServices.DllImport("libc")] static extern int kill(int pid, int sig);

    /// <summary>As CPython after an uncaught KeyboardInterrupt: restore SIGINT's default action
    /// and send it to this process, so the parent sees a death by SIGINT (status -2); if the
    /// process survives that, the caller exits with 130.</summary>
    static void ExitBySigint()
    {
        const int SIGINT = 2;
        try
        {
            Console.Out.Flush(); Console.Error.Flush();
            signal(SIGINT, IntPtr.Zero);   // SIG_DFL
            kill(Environment.ProcessId, SIGINT);
            System.Threading.Thread.Sleep(1000);   // delivery is asynchronous to this thread
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
    }

    const string VersionLine = "Python 3.11.2";

    /// <summary>CPython's usage text (-h), or an error line and a pointer to it; returns the exit status.</summary>
    static int Usage(TextWriter w, int status, string? error = null)
    {
        string exe = Path.GetFileName(Environment.ProcessPath ?? "stackless-iron");
        if (error != null)
        {
            w.WriteLine(error);
            w.WriteLine($"usage: {exe} [option] ... [-c cmd | -m mod | file | -] [arg] ...");
            w.WriteLine($"Try `{exe} -h' for more information.");
            return status;
        }
        w.Write($"""
usage: {exe} [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options (and corresponding environment variables):
-b     : issue warnings about str(bytes_instance), str(bytearray_instance)
         and comparing bytes/bytearray with str. (-bb: issue errors)
-B     : don't write .pyc files on import
-c cmd : program passed in as string (terminates option list)
-d     : turn on parser debugging output (for experts only)
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script; forces a prompt even
         if stdin does not appear to be a terminal
-I     : isolate Python from the user's environment (implies -E, -P and -s)
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements
-OO    : do -O changes and also discard docstrings
-P     : don't prepend a potentially unsafe path to sys.path
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path
-S     : don't imply 'import site' on initialization
-u     : force the stdout and stderr streams to be unbuffered
-v     : verbose (trace import statements)
-V     : print the Python version number and exit (also --version)
-W arg : warning control; arg is action:message:category:module:lineno
-X opt : set implementation-specific option
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]

""");
        return status;
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
