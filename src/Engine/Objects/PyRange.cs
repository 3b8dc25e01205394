#nullable enable
using System.Numerics;
using System;
namespace StacklessIron.Objects;

/// <summary>
/// `range`: start, stop, step and the length as unbounded ints (CPython keeps them as int
/// objects too); iteration, indexing and `in` take a long fast path when everything fits.
/// </summary>
[PyType("range")]
public sealed class PyRange : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("range", typeof(PyRange), subclassable: false);
    public readonly PyInt Start, Stop, Step;
    public readonly BigInteger Length;

    public PyRange(PyInt start, PyInt stop, PyInt step) : base(TypeObject)
    {
        Start = start; Stop = stop; Step = step;
        Length = ComputeLength(start.Big, stop.Big, step.Big);
    }

    public PyRange(long start, long stop, long step = 1) : this(PyInt.From(start), PyInt.From(stop), PyInt.From(step)) { }

    static BigInteger ComputeLength(BigInteger lo, BigInteger hi, BigInteger step)
    {
        if (step.Sign < 0) { (lo, hi) = (hi, lo); step = -step; }
        if (lo >= hi) return 0;
        return (hi - lo - 1) / step + 1;
    }

    /// <summary>The i-th item (0 <= i < Length).</summary>
    public BigInteger ItemAt(BigInteger i) => Start.Big + i * Step.Big;

    public long LengthChecked()
    {
        if (Length > long.MaxValue) throw PyExc.OverflowError("Python int too large to convert to C ssize_t");
        return (long)Length;
    }

    static PyInt Arg(ThreadState ts, PyObject o)
    {
        if (o is PyInt i) return i.Type == PyInt.TypeObject ? i : PyInt.From(i.Big);
        if (o.Type.Index == null) throw PyExc.TypeError($"'{o.Type.Name}' object cannot be interpreted as an integer");
        var r = Ops.Index(ts, o);
        return r.Type == PyInt.TypeObject ? r : PyInt.From(r.Big);
    }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null && kwnames.Items.Length > 0) throw PyExc.TypeError("range() takes no keyword arguments");
        switch (args.Length)
        {
            case 0: throw PyExc.TypeError("range expected at least 1 argument, got 0");
            case 1: return new PyRange(PyInt.From(0), Arg(ts, args[0]), PyInt.From(1));
            case 2: return new PyRange(Arg(ts, args[0]), Arg(ts, args[1]), PyInt.From(1));
            case 3:
                var start = Arg(ts, args[0]); var stop = Arg(ts, args[1]); var step = Arg(ts, args[2]);
                if (step.Sign == 0) throw PyExc.ValueError("range() arg 3 must not be zero");
                return new PyRange(start, stop, step);
            default: throw PyExc.TypeError($"range expected at most 3 arguments, got {args.Length}");
        }
    }

    [PyGetter("start")] static PyObject GetStart(ThreadState ts, PyObject self) => ((PyRange)self).Start;
    [PyGetter("stop")] static PyObject GetStop(ThreadState ts, PyObject self) => ((PyRange)self).Stop;
    [PyGetter("step")] static PyObject GetStep(ThreadState ts, PyObject self) => ((PyRange)self).Step;

    [PySlot("__len__")] static long Len(ThreadState ts, PyObject self) => ((PyRange)self).LengthChecked();
    [PySlot("__bool__")] static bool Bool(ThreadState ts, PyObject self) => !((PyRange)self).Length.IsZero;

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var r = (PyRange)self;
        var step = r.Step.Big == 1 ? "" : ", " + r.Step;
        return new PyStr($"range({r.Start}, {r.Stop}{step})");
    }

    /// <summary>Whether the int `v` is one of the range's items (no iteration).</summary>
    bool ContainsInt(BigInteger v)
    {
        BigInteger start = Start.Big, stop = Stop.Big, step = Step.Big;
        bool inBounds = step.Sign > 0 ? start <= v && v < stop : stop < v && v <= start;
        return inBounds && BigInteger.Remainder(v - start, step).IsZero;
    }

    [PySlot("__contains__")]
    static bool Contains(ThreadState ts, PyObject self, PyObject item)
    {
        var r = (PyRange)self;
        if (item is PyInt i && (i.Type == PyInt.TypeObject || i.Type == PyBool.TypeObject)) return r.ContainsInt(i.Big);
        var it = Iter(ts, r);
        while (Ops.Next(ts, it) is PyObject x) if (Ops.Equal(ts, x, item)) return true;
        return false;
    }

    [PySlot("__getitem__")]
    static PyObject GetItem(ThreadState ts, PyObject self, PyObject key)
    {
        var r = (PyRange)self;
        if (key is PySlice s)
        {
            var (start, stop, step) = s.LongIndices(ts, r.Length);
            return new PyRange(PyInt.From(r.ItemAt(start)), PyInt.From(r.ItemAt(stop)), PyInt.From(step * r.Step.Big));
        }
        if (key is PyInt || key.Type.Index != null)
        {
            var i = Ops.Index(ts, key).Big;
            if (i.Sign < 0) i += r.Length;
            if (i.Sign < 0 || i >= r.Length) throw PyExc.IndexError("range object index out of range");
            return PyInt.From(r.ItemAt(i));
        }
        throw PyExc.TypeError($"range indices must be integers or slices, not {key.Type.Name}");
    }

    [PySlot("__iter__")]
    static PyObject Iter(ThreadState ts, PyObject self)
    {
        var r = (PyRange)self;
        return PyRangeIterator.Create(r.Start.Big, r.Step.Big, r.Length);
    }

    [PyMethod]
    static PyObject __reversed__(ThreadState ts, PyRange self)
        => PyRangeIterator.Create(self.ItemAt(self.Length - 1), -self.Step.Big, self.Length);

    /// <summary>Ranges are equal when they hold the same items (range(0) == range(2, 1)).</summary>
    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if (a is not PyRange x || b is not PyRange y || (op != CompareOp.Eq && op != CompareOp.Ne)) return PyNotImplemented.Value;
        bool eq = x == y || (x.Length == y.Length && (x.Length.IsZero
            || (x.Start.Big == y.Start.Big && (x.Length.IsOne || x.Step.Big == y.Step.Big))));
        return PyBool.From(eq == (op == CompareOp.Eq));
    }

    /// <summary>hash((len, start, step)) with None for what does not matter, as CPython.</summary>
    [PySlot("__hash__")]
    static long Hash(ThreadState ts, PyObject self)
    {
        var r = (PyRange)self;
        var items = new PyObject[] { PyInt.From(r.Length), PyNone.Value, PyNone.Value };
        if (!r.Length.IsZero)
        {
            items[1] = r.Start;
            if (!r.Length.IsOne) items[2] = r.Step;
        }
        return PyTuple.HashItems(ts, items);
    }

    [PyMethod]
    static PyObject count(ThreadState ts, PyRange self, PyObject value)
    {
        if (value is PyInt i && (i.Type == PyInt.TypeObject || i.Type == PyBool.TypeObject)) return PyInt.From(self.ContainsInt(i.Big) ? 1 : 0);
        long n = 0;
        var it = Iter(ts, self);
        while (Ops.Next(ts, it) is PyObject x) if (Ops.Equal(ts, x, value)) n++;
        return PyInt.From(n);
    }

    [PyMethod]
    static PyObject index(ThreadState ts, PyRange self, PyObject value)
    {
        if (value is PyInt i && (i.Type == PyInt.TypeObject || i.Type == PyBool.TypeObject))
        {
            if (self.ContainsInt(i.Big)) return PyInt.From((i.Big - self.Start.Big) / self.Step.Big);
        }
        else
        {
            long n = 0;
            var it = Iter(ts, self);
            while (Ops.Next(ts, it) is PyObject x)
            {
                if (Ops.Equal(ts, x, value)) return PyInt.From(n);
                n++;
            }
        }
        throw PyExc.ValueError($"{Ops.ReprString(ts, value)} is not in range");
    }

    [PyMethod] static PyObject __reduce__(ThreadState ts, PyRange self) => PyTuple.Of(TypeObject, PyTuple.Of(self.Start, self.Stop, self.Step));
}
