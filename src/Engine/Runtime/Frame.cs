#nullable enable
using StacklessIron.Compiling;
using System;
namespace StacklessIron.Runtime;

/// <summary>
/// A Python frame, on the heap. One array holds the fast locals, then the cells and free
/// variables (PyCell objects), then the value stack; sizes come from the CodeObject. The loop
/// keeps its registers (instruction index, stack pointer) here whenever it leaves the frame, so
/// a frame chain can be suspended and resumed at any instruction boundary.
/// </summary>
[PyType("frame")]
public sealed partial class Frame : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("frame", typeof(Frame), subclassable: false);

    public readonly PyCode Code;
    public PyDict Globals;
    public PyDict Builtins;
    /// <summary>The locals mapping of module and class bodies (null for optimised function frames).</summary>
    public PyObject? Locals;
    /// <summary>Fast locals, cells/free vars, then the value stack.</summary>
    public readonly PyObject?[] Slots;
    /// <summary>Index in Slots of the first value-stack entry.</summary>
    public readonly int StackBase;
    /// <summary>Stack pointer: index in Slots of the next free value-stack entry.</summary>
    public int Sp;
    /// <summary>Index of the next instruction to run.</summary>
    public int Pc;
    /// <summary>Index of the instruction running or last run (for line numbers and tracebacks).</summary>
    public int Lasti = -1;
    public Frame? Back;
    /// <summary>The generator/coroutine that owns this frame, if any.</summary>
    public PyGenerator? Generator;
    /// <summary>When this frame returns, the loop hands its result to C# (the frame was entered
    /// from native code) instead of pushing it on the caller's stack.</summary>
    public bool IsEntry;
    /// <summary>How the result reaches the frame below (Interpreter.Return* constants).</summary>
    public byte ReturnMode;
    /// <summary>An `__init__` frame pushed by class instantiation: it returns this instance
    /// instead of its return value (which must be None).</summary>
    public PyObject? InitSelf;
    /// <summary>A native function that was soft-switched (returned Interpreter.Unwind) while
    /// this frame was calling it: the result of the callee frame goes here.</summary>
    public Func<ThreadState, PyObject, PyObject?>? PendingContinuation;
    /// <summary>Whether the frame still runs (false once it returned or raised out).</summary>
    public bool Finished;
    internal PyDict? _localsCache;
    /// <summary>The frame object has been handed to Python code or stored (traceback,
    /// sys._getframe, f_back): it must not be recycled when it returns.</summary>
    public bool Exposed;
    /// <summary>GcEpoch.Value when the frame was made: a spare made since the last collection
    /// is still in gen0, where stores into its slots take the GC write barrier's first exit
    /// (an older one's stores take its slow path, a fifth of a call-heavy program's time).</summary>
    public readonly int Epoch = GcEpoch.Value;

    public Frame(PyCode code, PyDict globals, PyDict builtins, PyObject? locals, Frame? back)
        : base(TypeObject)
    {
        Code = code; Globals = globals; Builtins = builtins; Locals = locals; Back = back;
        var c = code.Code;
        StackBase = c.NLocalsPlus;
        Slots = new PyObject?[StackBase + c.StackSize + 1];
        Sp = StackBase;
        MakeCells();
    }

    void MakeCells()
    {
        var c = Code.Code;
        int ncell = c.CellVars.Length;
        for (int i = 0; i < ncell; i++) Slots[c.VarNames.Length + i] = new PyCell();
    }

    /// <summary>A frame for `code` from its one-frame spare (a previous call's frame that
    /// returned without being exposed), or a new one.</summary>
    public static Frame ForCall(PyCode code, PyDict globals, PyDict builtins)
    {
        // Plain reads and writes: Python code runs under one lock (the GIL / the tasklet baton),
        // so two threads never take the same spare at once.
        int n = code.SpareCount;
        if (n == 0) return new Frame(code, globals, builtins, null, null);
        var spares = code.Spares!;
        var f = spares[n - 1]!;
        if (f.Epoch != GcEpoch.Value)
        {
            // made before a collection (so promoted): a new frame costs less than the barriers
            Array.Clear(spares, 0, n);
            code.SpareCount = 0;
            return new Frame(code, globals, builtins, null, null);
        }
        spares[n - 1] = null;
        code.SpareCount = n - 1;
        // a spare usually comes back to the same function: skip the stores (and their GC barriers)
        if (f.Globals != globals) f.Globals = globals;
        if (f.Builtins != builtins) f.Builtins = builtins;
        if (code.Code.CellVars.Length != 0) f.MakeCells();
        return f;
    }

    /// <summary>Spare frames kept per code object: enough for the depth of usual recursion
    /// (fib, tree walks) to reuse frames instead of allocating one per call.</summary>
    internal const int MaxSpares = 16;

    /// <summary>Offers a finished, unexposed function frame for reuse by the next call.</summary>
    public void Recycle()
    {
        if (Exposed || Generator != null || Locals != null) return;
        var code = Code;
        if (code.SpareCount >= MaxSpares) return;
        // Value-stack entries above Sp are already null (every pop clears its slot).
        var slots = Slots;
        int n = Sp;
        if (n <= 8) { for (int i = 0; i < n; i++) slots[i] = null; }
        else Array.Clear(slots, 0, n);
        Sp = StackBase; Pc = 0; Lasti = -1;
        InitSelf = null; PendingContinuation = null; _localsCache = null;
        IsEntry = false; Finished = false; ReturnMode = 0;
        Back = null;
        (code.Spares ?? NewSpares(code))[code.SpareCount++] = this;
    }

    /// <summary>The spare-frame array of `code`, made when its first frame is given back.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    internal static Frame?[] NewSpares(PyCode code) => code.Spares = new Frame?[MaxSpares];

    public CodeObject CodeObject => Code.Code;

    /// <summary>The current line (f_lineno), derived from the instruction index.</summary>
    public int LineNo
    {
        get
        {
            var lines = Code.Code.Lines;
            int i = Lasti < 0 ? 0 : Lasti;
            while (i >= 0 && i < lines.Length && lines[i] < 0) i--;
            return i >= 0 && i < lines.Length ? lines[i] : Code.Code.FirstLineNo;
        }
    }

    /// <summary>f_locals: the locals mapping, or a dict snapshot of the fast locals.</summary>
    public PyObject GetLocals(ThreadState ts)
    {
        if (Locals != null) return Locals;
        var d = _localsCache ??= new PyDict();
        var c = Code.Code;
        for (int i = 0; i < c.VarNames.Length; i++)
        {
            var v = Slots[i];
            if (v != null) d.SetItem(ts, Code.VarNames[i], v);
            else d.Pop(ts, Code.VarNames[i]);
        }
        int nv = c.VarNames.Length;
        string[] cellNames = c.CellVars, freeNames = c.FreeVars;
        for (int i = 0; i < cellNames.Length + freeNames.Length; i++)
        {
            var name = PyStr.Intern(i < cellNames.Length ? cellNames[i] : freeNames[i - cellNames.Length]);
            if (Slots[nv + i] is PyCell cell && cell.Value != null) d.SetItem(ts, name, cell.Value);
        }
        return d;
    }

    [PyGetter("f_back")]
    static PyObject GetBack(ThreadState ts, PyObject self)
    {
        var b = ((Frame)self).Back;
        if (b == null) return PyNone.Value;
        b.Exposed = true;
        return b;
    }
    [PyGetter("f_code")] static PyObject GetCode(ThreadState ts, PyObject self) => ((Frame)self).Code;
    [PyGetter("f_globals")] static PyObject GetGlobals(ThreadState ts, PyObject self) => ((Frame)self).Globals;
    [PyGetter("f_builtins")] static PyObject GetBuiltins(ThreadState ts, PyObject self) => ((Frame)self).Builtins;
    [PyGetter("f_locals")] static PyObject GetLocalsAttr(ThreadState ts, PyObject self) => ((Frame)self).GetLocals(ts);
    [PyGetter("f_lineno")] static PyObject GetLineNo(ThreadState ts, PyObject self) => PyInt.From(((Frame)self).VisibleLineNo);
    [PyGetter("f_lasti")] static PyObject GetLasti(ThreadState ts, PyObject self) => PyInt.From(((Frame)self).Lasti * 2);

    /// <summary>frame.clear(): drops the locals a finished frame still holds (unittest's
    /// assertRaises clears the frames of every traceback it catches). A suspended generator's
    /// frame closes its generator first; a running frame cannot be cleared.</summary>
    [PyMethod]
    static void clear(ThreadState ts, Frame self)
    {
        if (!self.Finished)
        {
            if (self.Generator is not { Running: false } gen)
                throw PyExc.RuntimeError("cannot clear an executing frame");
            gen.Close(ts);
        }
        Array.Clear(self.Slots);
        self.Sp = self.StackBase;
        self._localsCache = null;
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var f = (Frame)self;
        return new PyStr($"<frame at 0x{Ops.Id(f):x}, file '{f.Code.Code.Filename}', line {f.LineNo}, code {f.Code.Code.Name}>");
    }
}
