#nullable enable
using System.Numerics;
using System.Text;
using System;
namespace StacklessIron.Objects;

/// <summary>
/// `slice`: start, stop and step as given (any objects). Sequences turn it into clamped
/// machine-size indices with Unpack + AdjustIndices (CPython's PySlice_Unpack and
/// PySlice_AdjustIndices); slice.indices() works on unbounded ints.
/// </summary>
[PyType("slice")]
public sealed class PySlice : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("slice", typeof(PySlice), subclassable: false);
    public readonly PyObject Start, Stop, Step;

    public PySlice(PyObject? start, PyObject? stop, PyObject? step) : base(TypeObject)
    {
        Start = start ?? PyNone.Value; Stop = stop ?? PyNone.Value; Step = step ?? PyNone.Value;
    }

    const string IndexMessage = "slice indices must be integers or None or have an __index__ method";

    /// <summary>An index of a slice, clamped to the long range as CPython clamps to Py_ssize_t.</summary>
    public static long ClampedIndex(ThreadState ts, PyObject v)
    {
        PyInt i;
        if (v is PyInt pi) i = pi;
        else if (v.Type.Index != null) i = Ops.Index(ts, v);
        else throw PyExc.TypeError(IndexMessage);
        if (i.FitsLong) return i.Small;
        return i.Sign < 0 ? long.MinValue : long.MaxValue;
    }

    /// <summary>A sequence subscript that is an index (has __index__): its value, with
    /// IndexError when it does not fit a machine index (CPython's PyNumber_AsSsize_t(x, IndexError)).
    /// False when `key` is no index at all (then it may be a slice).</summary>
    public static bool TryIndex(ThreadState ts, PyObject key, out long index)
    {
        PyInt i;
        if (key is PyInt pi) i = pi;
        else if (key.Type.Index != null) i = Ops.Index(ts, key);
        else { index = 0; return false; }
        if (!i.FitsLong) throw PyExc.IndexError($"cannot fit '{key.Type.Name}' into an index-sized integer");
        index = i.Small;
        return true;
    }

    /// <summary>Start, stop and step as longs; missing ends get the extremes for the step's direction.</summary>
    public void Unpack(ThreadState ts, out long start, out long stop, out long step)
    {
        if (Step == PyNone.Value) step = 1;
        else
        {
            step = ClampedIndex(ts, Step);
            if (step == 0) throw PyExc.ValueError("slice step cannot be zero");
            // so that -step cannot overflow
            if (step < -long.MaxValue) step = -long.MaxValue;
        }
        if (Start == PyNone.Value) start = step < 0 ? long.MaxValue : 0;
        else start = ClampedIndex(ts, Start);
        if (Stop == PyNone.Value) stop = step < 0 ? long.MinValue : long.MaxValue;
        else stop = ClampedIndex(ts, Stop);
    }

    /// <summary>Clips start/stop to a sequence of `length` items; returns the slice length.</summary>
    public static long AdjustIndices(long length, ref long start, ref long stop, long step)
    {
        if (start < 0) { start += length; if (start < 0) start = step < 0 ? -1 : 0; }
        else if (start >= length) start = step < 0 ? length - 1 : length;
        if (stop < 0) { stop += length; if (stop < 0) stop = step < 0 ? -1 : 0; }
        else if (stop >= length) stop = step < 0 ? length - 1 : length;
        if (step < 0) return stop < start ? (start - stop - 1) / (-step) + 1 : 0;
        return start < stop ? (stop - start - 1) / step + 1 : 0;
    }

    /// <summary>Unpack + AdjustIndices in one call.</summary>
    public long GetIndices(ThreadState ts, long length, out long start, out long stop, out long step)
    {
        Unpack(ts, out start, out stop, out step);
        return AdjustIndices(length, ref start, ref stop, step);
    }

    static BigInteger BigIndex(ThreadState ts, PyObject v)
    {
        if (v is PyInt i) return i.Big;
        if (v.Type.Index != null) return Ops.Index(ts, v).Big;
        throw PyExc.TypeError(IndexMessage);
    }

    /// <summary>slice.indices(length) on unbounded ints (CPython's _PySlice_GetLongIndices).</summary>
    public (BigInteger Start, BigInteger Stop, BigInteger Step) LongIndices(ThreadState ts, BigInteger length)
    {
        if (length.Sign < 0) throw PyExc.ValueError("length should not be negative");
        BigInteger step = 1;
        if (Step != PyNone.Value)
        {
            step = BigIndex(ts, Step);
            if (step.IsZero) throw PyExc.ValueError("slice step cannot be zero");
        }
        bool back = step.Sign < 0;
        BigInteger lower = back ? -1 : 0, upper = back ? length - 1 : length;
        BigInteger Clip(PyObject v, BigInteger dflt)
        {
            if (v == PyNone.Value) return dflt;
            var x = BigIndex(ts, v);
            if (x.Sign < 0) { x += length; if (x < lower) x = lower; }
            else if (x > upper) x = upper;
            return x;
        }
        var start = Clip(Start, back ? upper : lower);
        var stop = Clip(Stop, back ? lower : upper);
        return (start, stop, step);
    }

    // ---------------- Python-visible members ----------------

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null && kwnames.Items.Length > 0) throw PyExc.TypeError("slice() takes no keyword arguments");
        switch (args.Length)
        {
            case 0: throw PyExc.TypeError("slice expected at least 1 argument, got 0");
            case 1: return new PySlice(null, args[0], null);
            case 2: return new PySlice(args[0], args[1], null);
            case 3: return new PySlice(args[0], args[1], args[2]);
            default: throw PyExc.TypeError($"slice expected at most 3 arguments, got {args.Length}");
        }
    }

    [PyGetter("start")] static PyObject GetStart(ThreadState ts, PyObject self) => ((PySlice)self).Start;
    [PyGetter("stop")] static PyObject GetStop(ThreadState ts, PyObject self) => ((PySlice)self).Stop;
    [PyGetter("step")] static PyObject GetStep(ThreadState ts, PyObject self) => ((PySlice)self).Step;

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var s = (PySlice)self;
        var sb = new StringBuilder("slice(");
        sb.Append(Ops.ReprString(ts, s.Start)).Append(", ").Append(Ops.ReprString(ts, s.Stop)).Append(", ").Append(Ops.ReprString(ts, s.Step));
        return new PyStr(sb.Append(')').ToString());
    }

    PyObject[] AsArray() => new[] { Start, Stop, Step };

    /// <summary>Slices compare as the tuples (start, stop, step).</summary>
    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if (a is not PySlice x || b is not PySlice y) return PyNotImplemented.Value;
        if (x == y && (op == CompareOp.Eq || op == CompareOp.Ne)) return PyBool.From(op == CompareOp.Eq);
        return Ops.CompareSequences(ts, x.AsArray(), 3, y.AsArray(), 3, op);
    }

    [PyMethod]
    static PyObject indices(ThreadState ts, PySlice self, PyObject len)
    {
        var n = Ops.Index(ts, len).Big;
        var (start, stop, step) = self.LongIndices(ts, n);
        return PyTuple.Of(PyInt.From(start), PyInt.From(stop), PyInt.From(step));
    }

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PySlice self) => PyTuple.Of(TypeObject, new PyTuple(self.AsArray()));

    // slices are unhashable in 3.11
    public static void InitType(PyType t) => t.Namespace.SetStr("__hash__", PyNone.Value);
}
