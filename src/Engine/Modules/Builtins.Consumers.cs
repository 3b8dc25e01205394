#nullable enable
using StacklessIron.Compiling;
using System;
namespace StacklessIron.Modules;

// The builtins that loop over an iterable, as IterationConsumers: the VM drives them when the
// iterable is a generator (each yield goes straight to Add, no nested loop per item).
public static partial class Builtins
{
    sealed class SumConsumer : IterationConsumer
    {
        PyObject _acc;
        public SumConsumer(PyObject start) { _acc = start; }

        public override bool AddQuick(ThreadState ts, PyObject x)
        {
            var acc = _acc;
            if (acc is PyInt ai && x is PyInt xi && ai.FitsLong && xi.FitsLong && acc.Type == PyInt.TypeObject && x.Type == PyInt.TypeObject)
            {
                long r = ai.Small + xi.Small;
                if (((ai.Small ^ r) & (xi.Small ^ r)) >= 0) { _acc = PyInt.From(r); return true; }
            }
            else if (acc is PyFloat af && x is PyFloat xf && acc.Type == PyFloat.TypeObject && x.Type == PyFloat.TypeObject)
            {
                _acc = new PyFloat(af.Value + xf.Value);
                return true;
            }
            return false;
        }

        public override bool Add(ThreadState ts, PyObject x)
        {
            if (AddQuick(ts, x)) return true;
            var acc = _acc;
            _acc = Ops.BinaryOp(ts, acc, x, (int)BinaryOpArg.Add);
            return true;
        }

        public override PyObject Finish(ThreadState ts) => _acc;
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
    }

    sealed class MinMaxConsumer : IterationConsumer
    {
        readonly PyObject? _key, _default;
        readonly CompareOp _op;
        readonly string _name;
        PyObject? _best, _bestKey;
        public MinMaxConsumer(PyObject? key, PyObject? dflt, CompareOp op, string name) { _key = key; _default = dflt; _op = op; _name = name; }

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
