#nullable enable
using System;
namespace StacklessIron.Runtime;

/// <summary>
/// Pickling support of frames (Stackless pickles a frame as part of a tasklet or generator,
/// never on its own): the frame's registers and live slots as a tuple, and a frame rebuilt
/// from that tuple. The tuple is
/// (code, valid, globals, locals, pc, lasti, return_mode, init_self, slots, nulls, finished):
/// slots are the fast locals, cells and value stack up to the stack pointer, with None where
/// the slot is empty; `nulls` (bytes, one per slot) tells those empty slots from a None value.
/// `valid` is false for a frame whose registers were not saved (it was inside a native call
/// when its tasklet was pickled): such a frame cannot go on; only its locals are kept.
/// `finished` is true for a frame that already returned or raised out (one a traceback
/// refers to): it keeps its locals and line, and never runs again.
/// </summary>
public sealed partial class Frame
{
    /// <summary>Made by ForRestore and not yet given its state: only such a frame takes one.</summary>
    bool _awaitingState;

    /// <summary>Set by RestoreState: the frame was inside a native call when pickled.</summary>
    public bool RestoredInvalid { get; private set; }

    /// <summary>The frame was rebuilt from a pickle (its f_back is set by whatever holds it:
    /// a tasklet's chain, or the traceback entry of its caller).</summary>
    public bool Unpickled { get; private set; }

    /// <summary>A frame for `code` that waits for RestoreState (pickle makes the object first,
    /// then sets its state, so that references back to it inside the state resolve).</summary>
    public static Frame ForRestore(PyCode code)
    {
        var f = new Frame(code, new PyDict(), new PyDict(), null, null) { _awaitingState = true, Exposed = true };
        return f;
    }

    /// <summary>The state tuple of this (suspended) frame. `valid`: its registers are saved.</summary>
    public PyTuple GetPickleState(bool valid)
    {
        // the value stack of a frame left inside a native call is not known (the call's
        // operands may be there, or not): it keeps only its locals, and cannot go on anyway
        if (Finished) valid = false;
        int n = valid ? Sp : StackBase;
        var items = new PyObject[n];
        var nulls = new byte[n];
        for (int i = 0; i < n; i++)
        {
            var v = Slots[i];
            if (v == null) { nulls[i] = 1; items[i] = PyNone.Value; }
            else items[i] = v;
        }
        PyObject locals = Locals ?? PyNone.Value;
        return new PyTuple(new PyObject[]
        {
            Code, PyBool.From(valid), Globals, locals, PyInt.From(Pc), PyInt.From(Lasti), PyInt.From(ReturnMode),
            InitSelf ?? (PyObject)PyNone.Value, new PyTuple(items), PyBytes.From(nulls), PyBool.From(Finished),
        });
    }

    /// <summary>Gives a frame from ForRestore the state GetPickleState made; checks it first,
    /// since the VM trusts a frame's registers.</summary>
    public void RestoreState(ThreadState ts, PyObject stateObj)
    {
        if (!_awaitingState) throw PyExc.RuntimeError("frame state can only be set on an unpickled frame");
        if (stateObj is not PyTuple { Items.Length: 10 or 11 or 12 } state) throw PyExc.TypeError("frame state must be a tuple of 11 items");
        var it = state.Items;
        if (it[0] != Code) throw PyExc.ValueError("frame state is for another code object");
        bool valid = Ops.IsTrue(ts, it[1]);
        if (it[2] is not PyDict globals) throw PyExc.TypeError("frame globals must be a dict");
        var locals = it[3] == PyNone.Value ? null : it[3];
        int pc = (int)Ops.Index(ts, it[4]).Small, lasti = (int)Ops.Index(ts, it[5]).Small, mode = (int)Ops.Index(ts, it[6]).Small;
        if (it[8] is not PyTuple slots || it[9] is not PyBytes nulls || nulls.Data.Length != slots.Items.Length)
            throw PyExc.TypeError("frame slots must be a tuple with a bytes mask of the same length");
        var c = Code.Code;
        int n = slots.Items.Length;
        if (n < StackBase || n > Slots.Length - 1) throw PyExc.ValueError("frame state has a bad stack depth");
        if (pc < 0 || pc > c.Code.Length || lasti < -1 || lasti >= c.Code.Length) throw PyExc.ValueError("frame state has a bad instruction index");
        if (mode < Interpreter.ReturnPush || mode > Interpreter.ReturnConsume) throw PyExc.ValueError("frame state has a bad return mode");
        int nv = c.VarNames.Length, ncells = c.CellVars.Length + c.FreeVars.Length;
        for (int i = 0; i < n; i++)
        {
            bool isNull = nulls.Data[i] != 0;
            if (i >= nv && i < nv + ncells && (isNull || slots.Items[i] is not PyCell))
                throw PyExc.TypeError("frame state: a cell variable must hold a cell");
            Slots[i] = isNull ? null : slots.Items[i];
        }
        Array.Clear(Slots, n, Slots.Length - n);
        Globals = globals;
        Builtins = Interpreter.BuiltinsOf(ts, globals);
        Locals = locals;
        Sp = n; Pc = pc; Lasti = lasti;
        ReturnMode = (byte)mode;
        InitSelf = it[7] == PyNone.Value ? null : it[7];
        Finished = state.Items.Length > 10 && Ops.IsTrue(ts, it[10]);
        RestoredInvalid = !valid && !Finished;
        Unpickled = true;
        _localsCache = null;
        _awaitingState = false;
        // a 12th item: f_trace, kept by Stackless's PICKLEFLAGS_PRESERVE_TRACING_STATE
        if (state.Items.Length > 11 && it[11] != PyNone.Value)
        {
            TraceFunc = it[11];
            if (!Finished) Interpreter.StartTracing(this);
        }
    }

    /// <summary>pickle's BUILD step for a frame made by `_stackless._wrap.frame`.</summary>
    [PyMethod]
    static void __setstate__(ThreadState ts, Frame self, PyObject state) => self.RestoreState(ts, state);
}
