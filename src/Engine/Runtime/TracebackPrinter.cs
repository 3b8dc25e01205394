#nullable enable
using System;
using System.IO;
using System.Text;
using StacklessIron.Parsing;
using StacklessIron.Parsing.Ast;
namespace StacklessIron.Runtime;

/// <summary>
/// Formats an exception with its traceback, chained exceptions, notes and exception-group tree
/// the way CPython 3.11's default sys.excepthook (PyErr_Display) prints it: source lines with
/// the caret lines computed from the instructions' positions, "[Previous line repeated N more
/// times]", SyntaxError's text and caret, "Did you mean" suggestions, and the `| ` margins of
/// exception groups.
/// </summary>
public sealed class TracebackPrinter
{
    const int MaxGroupWidth = 15, MaxGroupDepth = 10, RecursiveCutoff = 3;
    const string CauseMessage = "\nThe above exception was the direct cause of the following exception:\n\n";
    const string ContextMessage = "\nDuring handling of the above exception, another exception occurred:\n\n";

    readonly ThreadState _ts;
    readonly StringBuilder _sb = new();
    readonly HashSet<PyBaseException> _seen = new(ReferenceEqualityComparer.Instance);
    readonly SourceLines _lines;
    int _depth;
    bool _needClose;

    TracebackPrinter(ThreadState ts, SourceLines lines) { _ts = ts; _lines = lines; }

    /// <summary>The whole report for `exc`, as PyErr_Display writes it.</summary>
    public static string Format(ThreadState ts, PyBaseException exc, SourceLines lines)
    {
        var p = new TracebackPrinter(ts, lines);
        p.PrintWithChain(exc);
        return p._sb.ToString();
    }

    // ---------------- margins ----------------

    void Indent() => _sb.Append(' ', 2 * _depth);

    void Margin()
    {
        Indent();
        if (_depth > 0) _sb.Append("| ");
    }

    /// <summary>Text whose every line gets the margin (as textwrap.indent in traceback.py).</summary>
    void EmitLines(string text)
    {
        int start = 0;
        while (start < text.Length)
        {
            int nl = text.IndexOf('\n', start);
            int end = nl < 0 ? text.Length : nl + 1;
            Margin();
            _sb.Append(text, start, end - start);
            start = end;
        }
    }

    // ---------------- chains and groups ----------------

    void PrintWithChain(PyBaseException exc)
    {
        // The chain is walked iteratively (a long __context__ chain must not exhaust the .NET
        // stack); only exception groups recurse, and their depth is capped.
        var excs = new List<PyBaseException>();
        var messages = new List<string>();   // messages[i] links excs[i + 1] (older) to excs[i]
        PyBaseException e = exc;
        for (;;)
        {
            _seen.Add(e);
            excs.Add(e);
            if (e.Cause is PyBaseException cause)
            {
                if (_seen.Contains(cause)) break;
                messages.Add(CauseMessage); e = cause;
            }
            else if (!e.SuppressContext && e.Context is PyBaseException ctx && !_seen.Contains(ctx))
            {
                messages.Add(ContextMessage); e = ctx;
            }
            else break;
        }
        bool needClose = _needClose;
        for (int i = excs.Count - 1; i >= 0; i--)
        {
            if (IsGroup(excs[i])) PrintGroup(excs[i]);
            else PrintOne(excs[i]);
            if (i > 0)
            {
                _needClose = needClose;
                EmitLines(messages[i - 1]);
            }
        }
    }

    static bool IsGroup(PyBaseException e) => e.Type.IsSubtypeOf(ExceptionTypes.BaseExceptionGroup);

    void PrintGroup(PyBaseException group)
    {
        if (_depth > MaxGroupDepth)
        {
            Margin();
            _sb.Append($"... (max_group_depth is {MaxGroupDepth})\n");
            return;
        }
        if (_depth == 0) _depth++;
        PrintOne(group);
        var excs = (group.DictIfAny?.GetStr("exceptions") as PyTuple)?.Items ?? Array.Empty<PyObject>();
        int num = excs.Length;
        int n = num <= MaxGroupWidth ? num : MaxGroupWidth + 1;
        _needClose = false;
        for (int i = 0; i < n; i++)
        {
            bool last = i == n - 1;
            if (last) _needClose = true;
            Indent();
            bool truncated = i >= MaxGroupWidth;
            _sb.Append(i == 0 ? "+-" : "  ").Append("+---------------- ").Append(truncated ? "..." : (i + 1).ToString()).Append(" ----------------\n");
            _depth++;
            if (!truncated)
            {
                if (excs[i] is PyBaseException sub) PrintWithChain(sub);
            }
            else
            {
                int remaining = num - MaxGroupWidth;
                Margin();
                _sb.Append($"and {remaining} more exception{(remaining > 1 ? "s" : "")}\n");
            }
            if (last && _needClose)
            {
                Indent();
                _sb.Append("+------------------------------------\n");
                _needClose = false;
            }
            _depth--;
        }
        if (_depth == 1) _depth--;
    }

    // ---------------- one exception ----------------

    void PrintOne(PyBaseException exc)
    {
        if (exc.Traceback != null)
        {
            bool group = IsGroup(exc);
            int limit = TracebackLimit();
            if (limit > 0)
            {
                Indent();
                if (group && _depth == 1) _sb.Append("+ ");
                else if (_depth > 0) _sb.Append("| ");
                _sb.Append(group ? "Exception Group Traceback (most recent call last):\n" : "Traceback (most recent call last):\n");
                PrintTraceback(exc.Traceback, limit);
            }
        }
        PyObject message = exc;
        if (exc.Type.IsSubtypeOf(ExceptionTypes.SyntaxError)) message = PrintSyntaxErrorLocation(exc) ?? exc;
        Margin();
        _sb.Append(TypeName(exc.Type));
        string? s = SafeStr(message);
        if (s == null) _sb.Append(": <exception str() failed>");
        else if (s.Length > 0) _sb.Append(": ").Append(s);
        var suggestion = Suggestions.For(_ts, exc);
        if (suggestion != null) _sb.Append(". Did you mean: '").Append(suggestion).Append("'?");
        _sb.Append('\n');
        PrintNotes(exc);
    }

    static string TypeName(PyType t)
    {
        var mod = t.Namespace.GetStr("__module__");
        string prefix = mod is PyStr ms ? (ms.Value == "builtins" || ms.Value == "__main__" ? "" : ms.Value + ".") : t.IsHeapType ? "<unknown>." : "";
        return prefix + t.QualName;
    }

    int TracebackLimit()
    {
        var v = _ts.Engine.Sys.Get("tracebacklimit");
        if (v is PyInt i) return i.FitsLong ? (int)Math.Clamp(i.Small, int.MinValue, int.MaxValue) : (i.Sign > 0 ? int.MaxValue : 0);
        return 1000;
    }

    void PrintNotes(PyBaseException exc)
    {
        var notes = exc.DictIfAny?.GetStr("__notes__");
        if (notes == null) return;
        // 3.11.2 treats any sequence as notes, a str too (one note per character).
        if (!IsSequence(notes))
        {
            Margin();
            try { _sb.Append(Ops.ReprString(_ts, notes)); }
            catch (PyException) { _sb.Append("<__notes__ repr() failed>"); }
            _sb.Append('\n');
            return;
        }
        PyObject[] items;
        try { items = Ops.ToArray(_ts, notes); }
        catch (PyException) { return; }
        foreach (var note in items)
        {
            var s = SafeStr(note);
            if (s == null) _sb.Append("<note str() failed>");
            else foreach (var line in SplitLinesKeepEnds(s)) { Margin(); _sb.Append(line); }
            _sb.Append('\n');
        }
    }

    static bool IsSequence(PyObject o) => o is PyList || o is PyTuple || (o.Type.Lookup(PyStr.Intern("__getitem__")) != null && o is not PyDict);

    static IEnumerable<string> SplitLinesKeepEnds(string s)
    {
        int start = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            bool br = c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029';
            if (!br) continue;
            if (c == '\r' && i + 1 < s.Length && s[i + 1] == '\n') i++;
            yield return s.Substring(start, i + 1 - start);
            start = i + 1;
        }
        if (start < s.Length) yield return s.Substring(start);
    }

    string? SafeStr(PyObject o)
    {
        try { return Ops.StrString(_ts, o); }
        catch (PyException) { return null; }
    }

    // ---------------- SyntaxError ----------------

    /// <summary>"  File ..., line N", the text and its caret line; returns the message object
    /// printed after the type name (the `msg` attribute), or null if the attributes are unusable.</summary>
    PyObject? PrintSyntaxErrorLocation(PyBaseException exc)
    {
        var d = exc.DictIfAny;
        if (d == null) return null;
        var msg = d.GetStr("msg");
        var filename = d.GetStr("filename");
        if (msg == null || filename == null) return null;
        if (d.GetStr("lineno") is not PyInt lnObj || !lnObj.FitsLong) return null;
        long lineno = lnObj.Small;
        long offset = d.GetStr("offset") is PyInt o && o.FitsLong ? o.Small : -1;
        // Only an exact SyntaxError shows its end position (3.11's parse_syntax_error).
        bool exact = exc.Type == ExceptionTypes.SyntaxError;
        long endLineno = exact && d.GetStr("end_lineno") is PyInt el && el.FitsLong ? el.Small : lineno;
        long endOffset = exact && d.GetStr("end_offset") is PyInt eo && eo.FitsLong ? eo.Small : -1;
        var text = d.GetStr("text") as PyStr;
        Margin();
        _sb.Append("  File \"").Append(filename is PyStr fs ? fs.Value : filename == PyNone.Value ? "<string>" : SafeStr(filename)).Append("\", line ").Append(lineno).Append('\n');
        if (text != null)
        {
            long lineSize = Encoding.UTF8.GetByteCount(text.Value);
            if (endLineno > lineno) endOffset = lineSize;
            if (endOffset > lineSize + 1) endOffset = lineSize + 1;
            PrintErrorText(offset, endOffset, text.Value);
        }
        return msg;
    }

    void PrintErrorText(long offset, long endOffset, string text)
    {
        long carets = endOffset > 0 && endOffset > offset ? endOffset - offset : 1;
        offset--;
        int p = 0;
        while (p < text.Length && (text[p] == ' ' || text[p] == '\t' || text[p] == '\f')) { p++; offset--; }
        text = text.Substring(p);
        int len = text.Length;
        if (len > 0 && text[len - 1] == '\n') len--;
        if (offset > len) offset = len;
        for (;;)
        {
            int nl = text.IndexOf('\n');
            if (nl < 0 || nl >= offset) break;
            text = text.Substring(nl + 1);
            len -= nl + 1;
            offset -= nl + 1;
        }
        _sb.Append("    ").Append(text);
        if (len >= text.Length || text[len] != '\n') _sb.Append('\n');
        if (offset < 0) return;
        _sb.Append("    ").Append(' ', (int)offset).Append('^', (int)Math.Min(carets, 10000)).Append('\n');
    }

    // ---------------- traceback entries ----------------

    void PrintTraceback(PyTraceback tb, int limit)
    {
        int depth = 0;
        for (var t = tb; t != null; t = t.Next) depth++;
        while (depth > limit && tb.Next != null) { tb = tb.Next; depth--; }
        string? lastFile = null, lastName = null;
        int lastLine = -1, count = 0;
        for (PyTraceback? t = tb; t != null; t = t.Next)
        {
            var code = t.Frame.Code.Code;
            if (lastFile == null || code.Filename != lastFile || t.Lineno != lastLine || code.Name != lastName)
            {
                if (count > RecursiveCutoff) RepeatedLine(count);
                lastFile = code.Filename; lastLine = t.Lineno; lastName = code.Name;
                count = 0;
            }
            count++;
            if (count > RecursiveCutoff) continue;
            PrintEntry(t);
        }
        if (count > RecursiveCutoff) RepeatedLine(count);
    }

    void RepeatedLine(int count)
    {
        count -= RecursiveCutoff;
        Margin();
        _sb.Append("  [Previous line repeated ").Append(count).Append(" more time").Append(count > 1 ? "s" : "").Append("]\n");
    }

    void PrintEntry(PyTraceback tb)
    {
        var code = tb.Frame.Code.Code;
        Margin();
        _sb.Append("  File \"").Append(code.Filename).Append("\", line ").Append(tb.Lineno).Append(", in ").Append(code.Name).Append('\n');
        var line = _lines.Get(code.Filename, tb.Lineno);
        if (line == null) return;
        int indent = 0;
        while (indent < line.Length && (line[indent] == ' ' || line[indent] == '\t' || line[indent] == '\f')) indent++;
        Margin();
        _sb.Append("    ").Append(line, indent, line.Length - indent).Append('\n');
        int i = tb.Lasti;
        if (i < 0 || i >= code.Lines.Length) return;
        int startLine = code.Lines[i], endLine = code.EndLines[i], startCol = code.Cols[i], endCol = code.EndCols[i];
        if (startLine < 0 || endLine < 0 || startCol < 0 || endCol < 0) return;
        var carets = CaretLine(line, indent, startLine, endLine, startCol, endCol);
        if (carets == null) return;
        Margin();
        _sb.Append(carets).Append('\n');
    }

    /// <summary>The caret line under a source line (null when it would underline the whole
    /// stripped line with no secondary range, as 3.11 elides it).</summary>
    static string? CaretLine(string line, int indent, int startLine, int endLine, int startColByte, int endColByte)
    {
        int start = ByteToCharOffset(line, startColByte);
        int end = ByteToCharOffset(line, endColByte);
        int leftEnd = -1, rightStart = -1;
        char primary = '^', secondary = '^';
        if (startLine == endLine)
        {
            if (start < end && end <= line.Length && CaretAnchors.Find(line.Substring(start, end - start), out int l, out int r))
            {
                leftEnd = l + start; rightStart = r + start;
                primary = '~'; secondary = '^';
            }
        }
        else
        {
            // A multi-line expression: highlight to the last non-whitespace of the first line.
            int k = line.Length;
            while (--k >= 0) if (!(line[k] == ' ' || line[k] == '\t' || line[k] == '\f')) break;
            end = k + 1;
        }
        int strippedLength = line.Length - indent;
        bool secondaryRanges = leftEnd != -1 || rightStart != -1;
        if (end - start == strippedLength && !secondaryRanges) return null;
        var sb = new StringBuilder("    ");
        for (int offset = indent + 1; offset <= end; offset++)
        {
            if (offset <= start) sb.Append(' ');
            else if (secondaryRanges && leftEnd < offset && offset <= rightStart) sb.Append(secondary);
            else sb.Append(primary);
        }
        return sb.ToString();
    }

    /// <summary>A UTF-8 byte offset in `line` as a character offset (clamped like CPython's).</summary>
    internal static int ByteToCharOffset(string line, int byteOffset)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        if (byteOffset > bytes.Length) return line.Length + (byteOffset > bytes.Length ? 1 : 0);
        return Encoding.UTF8.GetCharCount(bytes, 0, byteOffset);
    }
}
