#nullable enable
using System;
using System.IO;
using StacklessIron.Parsing;
namespace StacklessIron.Runtime;

/// <summary>Source lines for traceback display, read from the files as CPython's traceback
/// printer reads them: decoded with the file's coding cookie, universal newlines, and a
/// relative name that does not open is looked for in the sys.path folders. One instance per
/// report, so an edited file shows its current text.</summary>
public sealed class SourceLines
{
    readonly ThreadState _ts;
    readonly Dictionary<string, string[]?> _files = new();

    public SourceLines(ThreadState ts) { _ts = ts; }

    /// <summary>Line `lineno` (1-based) without its line break, or null.</summary>
    public string? Get(string filename, int lineno)
    {
        if (!_files.TryGetValue(filename, out var lines))
            _files[filename] = lines = Read(filename);
        if (lines == null || lineno < 1 || lineno > lines.Length) return null;
        return lines[lineno - 1];
    }

    string[]? Read(string filename)
    {
        if (filename.Length == 0 || (filename[0] == '<' && filename[^1] == '>')) return null;
        var path = Locate(filename);
        if (path == null) return null;
        try
        {
            var text = SourceDecoding.Decode(File.ReadAllBytes(path), filename);
            return SplitUniversal(text);
        }
        catch (Exception e) when (e is not OutOfMemoryException) { return null; }
    }

    string? Locate(string filename)
    {
        try
        {
            if (File.Exists(filename)) return filename;
            if (Path.IsPathRooted(filename)) return null;
            var tail = Path.GetFileName(filename);
            if (_ts.Engine.Sys.Get("path") is PyList sysPath)
                foreach (var entry in sysPath.ToArray())
                    if (entry is PyStr dir && dir.Value.Length > 0)
                    {
                        var candidate = Path.Combine(dir.Value, tail);
                        if (File.Exists(candidate)) return candidate;
                    }
        }
        catch (Exception e) when (e is ArgumentException || e is IOException || e is UnauthorizedAccessException) { }
        return null;
    }

    static string[] SplitUniversal(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c != '\n' && c != '\r') continue;
            lines.Add(text.Substring(start, i - start));
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text.Substring(start));
        return lines.ToArray();
    }
}
