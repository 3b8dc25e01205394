#nullable enable
using StacklessIron.Compiling;
using System;
namespace StacklessIron.Modules;

// The builtins that loop over an iterable, as IterationConsumers: the VM drives them when the
// iterable is a generator (each yield goes straight to Add, no nested loop per item).
public static partial class Builtins
{
    /// <summary>sum, any/all and min/max consumers from their PickleState (IterationConsumer.RestoreInto).</summary>
    internal static IterationConsumer RestoreConsumer(ThreadState ts, string kind, PyObject[] st)
    {
        static PyObject? Opt(PyObject o) => o is PyTuple { Items.Length: 1 } t ? t.Items[0] : null;
        switch (kind)
        {
            case "sum" when st.Length == 2: return new SumConsumer(st[1]);
            case "anyall" when st.Length == 2: return new AnyAllConsumer(Ops.IsTrue(ts, st[1]));
            case "minmax" when st.Length == 7 && st[3] is PyStr name && (name.Value == "min" || name.Value == "max"):
                return new MinMaxConsumer(Opt(st[1]), Opt(st[2]), name.Value == "max" ? CompareOp.Gt : CompareOp.Lt, name.Value)
                    { Best = Opt(st[4]), BestKey = Opt(st[5]) };
        }
        throw PyExc.ValueError($"bad {kind} consumer state");
    }

    /// <summary>An optional value for a pickle state: () when absent, (v,) when present.</summary>
    static PyTuple Opt(PyObject? v) => v == null ? PyTuple.Empty : new PyTuple(new PyObject[] { v });

    /// <summary>sum(): while the total is an exact int that fits a long, or an exact float, it
    /// is kept unboxed, as CPython's sum keeps a C long / double (no int object allocated per
    /// item); the other items go through `+`. Both fast forms compute exactly what `+` of the
    /// exact types computes (int + int, float + float, float + int converted with rounding), so
    /// the result does not show which way an item took.</summary>
    sealed class SumConsumer : IterationConsumer
    {
        const byte Boxed = 0, SmallInt = 1, Float = 2;
        byte _mode;
        long _small;
        double _float;
        PyObject? _acc;

        public SumConsumer(PyObject start) => Unbox(start);

        void Unbox(PyObject acc)
        {
            if (acc is PyInt i && acc.Type == PyInt.TypeObject && i.FitsLong) { _mode = SmallInt; _small = i.Small; _acc = null; }
            else if (acc is PyFloat f && acc.Type == PyFloat.TypeObject) { _mode = Float; _float = f.Value; _acc = null; }
            else { _mode = Boxed; _acc = acc; }
        }

        PyObject Total => _mode == SmallInt ? PyInt.From(_small) : _mode == Float ? new PyFloat(_float) : _acc!;

        public override bool AddQuick(ThreadState ts, PyObject x)
        {
            if (_mode == SmallInt)
            {
                if (x is PyInt xi && xi.FitsLong && x.Type == PyInt.TypeObject)
                {
                    long a = _small, b = xi.Small, r = a + b;
                    if (((a ^ r) & (b ^ r)) >= 0) { _small = r; return true; }
                }
            }
            else if (_mode == Float)
            {
                if (x is PyFloat xf && x.Type == PyFloat.TypeObject) { _float += xf.Value; return true; }
                if (x is PyInt xi && xi.FitsLong && x.Type == PyInt.TypeObject) { _float += (double)xi.Small; return true; }
            }
            return false;
        }

        public override bool Add(ThreadState ts, PyObject x)
        {
            if (AddQuick(ts, x)) return true;
            Unbox(Ops.BinaryOp(ts, Total, x, (int)BinaryOpArg.Add));
            return true;
        }

        public override PyObject Finish(ThreadState ts) => Total;

        public override PyTuple? PickleState(ThreadState ts) => new PyTuple(new PyObject[] { new PyStr("sum"), Total });
    }

    /// <summary>any() (stops at the first true item) and all() (at the first false one).</summary>
    sealed class AnyAllConsumer : IterationConsumer
    {
        readonly bool _stopOn;
        bool _stopped;
        public AnyAllConsumer(bool stopOn) { _stopOn = stopOn; }

        public override bool AddQuick(ThreadState ts, PyObject x)
        {
            // a bool or small int whose truth does not stop: nothing to call, nothing to decide
            bool t;
            if (x == PyBool.True) t = true;
            else if (x == PyBool.False) t = false;
            else if (x is PyInt i && x.Type == PyInt.TypeObject && i.FitsLong) t = i.Small != 0;
            else return false;
            return t != _stopOn;
        }

        public override bool Add(ThreadState ts, PyObject x)
        {
            bool t = x == PyBool.True || (x != PyBool.False && Ops.IsTrue(ts, x));
            if (t != _stopOn) return true;
            _stopped = true;
            return false;
        }

        public override PyObject Finish(ThreadState ts) => PyBool.From(_stopped ? _stopOn : !_stopOn);

        // (while the generator runs, the consumer has not stopped)
        public override PyTuple? PickleState(ThreadState ts) => new PyTuple(new PyObject[] { new PyStr("anyall"), PyBool.From(_stopOn) });
    }

    sealed class MinMaxConsumer : IterationConsumer
    {
        readonly PyObject? _key, _default;
        readonly CompareOp _op;
        readonly string _name;
        PyObject? _best, _bestKey;
        public MinMaxConsumer(PyObject? key, PyObject? dflt, CompareOp op, string name) { _key = key; _default = dflt; _op = op; _name = name; }
        internal PyObject? Best { set => _best = value; }
        internal PyObject? BestKey { set => _bestKey = value; }

        public override PyTuple? PickleState(ThreadState ts) => new PyTuple(new PyObject[]
        {
            new PyStr("minmax"), Opt(_key), Opt(_default), new PyStr(_name), Opt(_best), Opt(_bestKey), PyInt.From((int)_op),
        });

        public override bool AddQuick(ThreadState ts, PyObject x)
        {
            if (_key != null || x is not PyInt ki || x.Type != PyInt.TypeObject || !ki.FitsLong) return false;
            if (_best == null) { _best = _bestKey = x; return true; }
            if (_bestKey is not PyInt bi || _bestKey.Type != PyInt.TypeObject || !bi.FitsLong) return false;
            if (_op == CompareOp.Gt ? ki.Small > bi.Small : ki.Small < bi.Small) _best = _bestKey = x;
            return true;
        }

        public override bool Add(ThreadState ts, PyObject x)
        {
            if (AddQuick(ts, x)) return true;
            var k = _key == null ? x : Ops.Call(ts, _key, x);
            if (_best == null) { _best = x; _bestKey = k; return true; }
            bool better;
            if (k is PyInt ki && _bestKey is PyInt bi && ki.FitsLong && bi.FitsLong && k.Type == PyInt.TypeObject && _bestKey.Type == PyInt.TypeObject)
                better = _op == CompareOp.Gt ? ki.Small > bi.Small : ki.Small < bi.Small;
            else better = Ops.RichCompareBool(ts, k, _bestKey!, _op);
            if (better) { _best = x; _bestKey = k; }
            return true;
        }

        public override PyObject Finish(ThreadState ts) => _best ?? _default ?? throw PyExc.ValueError($"{_name}() arg is an empty sequence");
    }
}
