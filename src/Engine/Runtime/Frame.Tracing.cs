#nullable enable
using StacklessIron.Compiling;
using System;
namespace StacklessIron.Runtime;

/// <summary>A frame's tracing state: f_trace, f_trace_lines, f_trace_opcodes, and what the
/// TRACE instruction needs to decide on line events (Interpreter.Tracing.cs).</summary>
public sealed partial class Frame
{
    /// <summary>f_trace: the local trace function (line, return, exception events).</summary>
    public PyObject? TraceFunc;
    public bool TraceLines = true, TraceOpcodes;
    /// <summary>The frame was entered (called or resumed) while tracing: the next TRACE
    /// instruction it runs reports 'call' first.</summary>
    public bool TraceEntryPending;
    /// <summary>The instruction the frame ran before the current one (CPython's instr_prev):
    /// a line event is due when the line changes or the frame jumps backwards.</summary>
    public int TracePrevPc = -1;
    /// <summary>f_lineno while a trace function runs (0: derived from Lasti).</summary>
    public int TracedLine;
    /// <summary>Set by an f_lineno assignment from a 'line' event: the instruction to go on at.</summary>
    internal int JumpTarget = -1;
    /// <summary>How many value-stack entries the jump keeps.</summary>
    internal int JumpStackDepth;
    /// <summary>What the running trace function was called for (f_lineno may only be set in 'line').</summary>
    internal TraceEvent? TracingEvent;

    [PyGetter("f_trace")] static PyObject GetTrace(ThreadState ts, PyObject self) => ((Frame)self).TraceFunc ?? PyNone.Value;
    [PySetter("f_trace")]
    static void SetTrace(ThreadState ts, PyObject self, PyObject? v)
    {
        var f = (Frame)self;
        f.TraceFunc = v == null || v == PyNone.Value ? null : v;
        if (f.TraceFunc != null && !f.Finished) Interpreter.StartTracing(f);
    }
    [PyGetter("f_trace_lines")] static PyObject GetTraceLines(ThreadState ts, PyObject self) => PyBool.From(((Frame)self).TraceLines);
    [PySetter("f_trace_lines")]
    static void SetTraceLines(ThreadState ts, PyObject self, PyObject? v)
    {
        if (v is not PyBool b) throw PyExc.TypeError("attribute value type must be bool");
        ((Frame)self).TraceLines = b == PyBool.True;
    }
    [PyGetter("f_trace_opcodes")] static PyObject GetTraceOpcodes(ThreadState ts, PyObject self) => PyBool.From(((Frame)self).TraceOpcodes);
    [PySetter("f_trace_opcodes")]
    static void SetTraceOpcodes(ThreadState ts, PyObject self, PyObject? v)
    {
        if (v is not PyBool b) throw PyExc.TypeError("attribute value type must be bool");
        ((Frame)self).TraceOpcodes = b == PyBool.True;
    }

    /// <summary>f_lineno as Python sees it.</summary>
    public int VisibleLineNo => TracedLine != 0 ? TracedLine : LineNo;

    /// <summary>Writes a trace function's changes of f_locals back into the fast locals
    /// (CPython's PyFrame_LocalsToFast after each trace call): pdb's `!x = 1`.</summary>
    internal void LocalsToFast(ThreadState ts)
    {
        var d = _localsCache;
        if (d == null || Locals != null) return;
        var c = Code.Code;
        for (int i = 0; i < c.VarNames.Length; i++) Slots[i] = d.GetItem(ts, Code.VarNames[i]);
        int nv = c.VarNames.Length;
        string[] cellNames = c.CellVars, freeNames = c.FreeVars;
        for (int i = 0; i < cellNames.Length + freeNames.Length; i++)
        {
            var name = PyStr.Intern(i < cellNames.Length ? cellNames[i] : freeNames[i - cellNames.Length]);
            if (Slots[nv + i] is PyCell cell)
            {
                var v = d.GetItem(ts, name);
                if (v != null) cell.Value = v;
            }
        }
    }
}
