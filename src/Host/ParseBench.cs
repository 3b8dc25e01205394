using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using StacklessIron.Parsing;

namespace StacklessIron.Host;

/// <summary>
/// `stackless-iron --parse-bench DIR [--files LIST] [--repeat N]`: reads every .py file under DIR
/// (or the files named in LIST, one path a line, relative to DIR or absolute) into memory, then
/// times parsing them all in this process, N times (default 3). Prints one line:
/// `ours files=N bytes=B best_s=X first_s=Y rejected=K crashed=C` (rejected: files our parser refused
/// with a SyntaxError, crashed: with any other exception; bench/parse_bench.sh passes only files
/// CPython accepts, so there both should be 0).
/// </summary>
public static class ParseBench
{
    public static int Run(string[] args, TextWriter stdout)
    {
        string? dir = null, listFile = null;
        int repeat = 3;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--files" && i + 1 < args.Length) listFile = args[++i];
            else if (args[i] == "--repeat" && i + 1 < args.Length && int.TryParse(args[i + 1], out int r) && r > 0) { repeat = r; i++; }
            else if (dir == null && !args[i].StartsWith("--", StringComparison.Ordinal)) dir = args[i];
            else { Console.Error.WriteLine($"parse-bench: unexpected argument '{args[i]}'"); return 2; }
        }
        if (dir == null || !Directory.Exists(dir))
        {
            Console.Error.WriteLine("usage: stackless-iron --parse-bench DIR [--files LIST] [--repeat N]");
            return 2;
        }

        List<string> paths = listFile != null
            ? File.ReadAllLines(listFile).Where(l => l.Length > 0).Select(l => Path.Combine(dir, l)).ToList()
            : PythonFiles(dir);
        var sources = paths.Select(File.ReadAllBytes).ToArray();
        long bytes = sources.Sum(s => (long)s.Length);

        double best = double.MaxValue, first = 0;
        int rejected = 0, crashed = 0;
        for (int run = 0; run < repeat; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            int refused = 0, failed = 0;
            var clock = Stopwatch.StartNew();
            foreach (var source in sources)
            {
                try { PythonParser.ParseModule(source, "<bench>"); }
                catch (PythonSyntaxError) { refused++; }
                catch (Exception) { failed++; }   // a parser bug; counted, not fatal to the bench
            }
            double seconds = clock.Elapsed.TotalSeconds;
            if (run == 0) { first = seconds; rejected = refused; crashed = failed; }
            best = Math.Min(best, seconds);
        }
        stdout.WriteLine(FormattableString.Invariant(
            $"ours files={sources.Length} bytes={bytes} best_s={best:F3} first_s={first:F3} rejected={rejected} crashed={crashed}"));
        return 0;
    }

    /// <summary>Every .py file under root, sorted by relative path, not entering symlinked folders
    /// (the order and choice of bench/parse_cpython.py and os.walk).</summary>
    static List<string> PythonFiles(string root)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            string d = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(d))
                if (new DirectoryInfo(sub).LinkTarget == null) pending.Push(sub);
            files.AddRange(Directory.EnumerateFiles(d, "*.py").Where(f => f.EndsWith(".py", StringComparison.Ordinal)));
        }
        files.Sort((a, b) => string.CompareOrdinal(Path.GetRelativePath(root, a), Path.GetRelativePath(root, b)));
        return files;
    }
}
