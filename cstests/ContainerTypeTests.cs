using System;
using System.Linq;
using NUnit.Framework;
using StacklessIron.Objects;
using StacklessIron.Runtime;
using ThreadState = StacklessIron.Runtime.ThreadState;

namespace StacklessIron.Tests;

/// <summary>list, tuple, dict, set/frozenset, range, slice and the iterator types, driven
/// through their slots and methods (no VM needed). Expected texts are CPython 3.11's.</summary>
public class ContainerTypeTests
{
    ThreadState ts = null!;

    [SetUp] public void SetUp() => ts = new PythonEngine().MainThread;

    static PyInt I(long v) => PyInt.From(v);
    static PyStr S(string v) => new(v);
    static PyList L(params long[] v) => new(v.Select(x => (PyObject)PyInt.From(x)).ToArray());
    static PyTuple T(params PyObject[] v) => new(v);
    string R(PyObject o) => Ops.ReprString(ts, o);
    PyObject M(PyObject o, string name, params PyObject[] args) => Ops.CallMethod(ts, o, name, args);
    PyObject Call(PyObject f, params PyObject[] args) => Ops.Call(ts, f, args);
    PyObject Kw(PyObject f, PyObject[] args, params (string, PyObject)[] kw)
    {
        var all = args.Concat(kw.Select(k => k.Item2)).ToArray();
        return Ops.Call(ts, f, all, new PyTuple(kw.Select(k => (PyObject)PyStr.Intern(k.Item1)).ToArray()));
    }
    static PySlice Sl(long? a, long? b, long? c = null)
        => new(a == null ? null : PyInt.From(a.Value), b == null ? null : PyInt.From(b.Value), c == null ? null : PyInt.From(c.Value));

    /// <summary>"TypeName: message" of the Python exception `f` raises.</summary>
    string Err(Action f)
    {
        try { f(); }
        catch (PyException e) { return e.Value.Type.Name + ": " + Ops.StrString(ts, e.Value); }
        return "no error";
    }

    // ---------------- slice ----------------

    [Test]
    public void SliceIndicesReprAndErrors()
    {
        Assert.That(R(M(Sl(null, null, -1), "indices", I(10))), Is.EqualTo("(9, -1, -1)"));
        Assert.That(R(M(Sl(-100, 100, 3), "indices", I(10))), Is.EqualTo("(0, 10, 3)"));
        Assert.That(R(M(new PySlice(null, PyInt.From(System.Numerics.BigInteger.Pow(10, 30)), null), "indices", PyInt.From(System.Numerics.BigInteger.Pow(10, 25)))),
            Is.EqualTo("(0, 10000000000000000000000000, 1)"));
        Assert.That(R(Sl(1, 2)), Is.EqualTo("slice(1, 2, None)"));
        Assert.That(Err(() => M(Sl(1, 2, 0), "indices", I(3))), Is.EqualTo("ValueError: slice step cannot be zero"));
        Assert.That(Err(() => M(Sl(1, 2), "indices", I(-3))), Is.EqualTo("ValueError: length should not be negative"));
        Assert.That(Err(() => M(new PySlice(S("a"), null, null), "indices", I(3))), Is.EqualTo("TypeError: slice indices must be integers or None or have an __index__ method"));
        Assert.That(Err(() => Ops.Hash(ts, Sl(1, 2))), Is.EqualTo("TypeError: unhashable type: 'slice'"));
        Assert.That(Ops.RichCompareBool(ts, Sl(1, 2), Sl(1, 2), CompareOp.Eq), Is.True);
        Assert.That(Ops.RichCompareBool(ts, Sl(1, 2), Sl(1, 3), CompareOp.Lt), Is.True);
        Assert.That(Err(() => Call(PySlice.TypeObject)), Is.EqualTo("TypeError: slice expected at least 1 argument, got 0"));
        Assert.That(R(Call(PySlice.TypeObject, I(5))), Is.EqualTo("slice(None, 5, None)"));
    }

    // ---------------- list ----------------

    [Test]
    public void ListSlicingGetSetDel()
    {
        var l = L(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        Assert.That(R(Ops.GetItem(ts, l, Sl(null, null, -3))), Is.EqualTo("[9, 6, 3, 0]"));
        Assert.That(R(Ops.GetItem(ts, l, Sl(2, 5))), Is.EqualTo("[2, 3, 4]"));
        Assert.That(R(Ops.GetItem(ts, l, Sl(8, 2, -2))), Is.EqualTo("[8, 6, 4]"));
        Ops.SetItem(ts, l, Sl(2, 5), L(20));
        Assert.That(R(l), Is.EqualTo("[0, 1, 20, 5, 6, 7, 8, 9]"));
        Ops.SetItem(ts, l, Sl(5, 1), L(-1, -2));   // stop below start inserts at start
        Assert.That(R(l), Is.EqualTo("[0, 1, 20, 5, 6, -1, -2, 7, 8, 9]"));
        Ops.DelItem(ts, l, Sl(null, null, 2));
        Assert.That(R(l), Is.EqualTo("[1, 5, -1, 7, 9]"));
        Ops.DelItem(ts, l, Sl(null, null, -2));
        Assert.That(R(l), Is.EqualTo("[5, 7]"));
        Ops.SetItem(ts, l, Sl(null, null, -1), L(1, 2));
        Assert.That(R(l), Is.EqualTo("[2, 1]"));
        Assert.That(Err(() => Ops.SetItem(ts, l, Sl(null, null, 2), L(1, 2))), Is.EqualTo("ValueError: attempt to assign sequence of size 2 to extended slice of size 1"));
        Assert.That(Err(() => Ops.SetItem(ts, l, Sl(null, null, 2), I(1))), Is.EqualTo("TypeError: must assign iterable to extended slice"));
        Assert.That(Err(() => Ops.SetItem(ts, l, Sl(null, null), I(1))), Is.EqualTo("TypeError: can only assign an iterable"));
        Ops.SetItem(ts, l, Sl(null, null), l);       // a[:] = a
        Assert.That(R(l), Is.EqualTo("[2, 1]"));
        Ops.SetItem(ts, l, Sl(1, 1), l);
        Assert.That(R(l), Is.EqualTo("[2, 2, 1, 1]"));
        Assert.That(Err(() => Ops.GetItem(ts, l, I(4))), Is.EqualTo("IndexError: list index out of range"));
        Assert.That(Err(() => Ops.SetItem(ts, l, I(-5), I(0))), Is.EqualTo("IndexError: list assignment index out of range"));
        Assert.That(Err(() => Ops.GetItem(ts, l, S("a"))), Is.EqualTo("TypeError: list indices must be integers or slices, not str"));
        Assert.That(Err(() => Ops.GetItem(ts, l, PyInt.From(System.Numerics.BigInteger.Pow(10, 20)))), Is.EqualTo("IndexError: cannot fit 'int' into an index-sized integer"));
        Assert.That(R(Ops.GetItem(ts, l, PyBool.True)), Is.EqualTo("2"));
    }

    [Test]
    public void ListMethodsAndMessages()
    {
        var l = L(3, 1, 2, 1);
        Assert.That(R(M(l, "index", I(1))), Is.EqualTo("1"));
        Assert.That(R(M(l, "index", I(1), I(2))), Is.EqualTo("3"));
        Assert.That(R(M(l, "index", I(1), I(-1))), Is.EqualTo("3"));
        Assert.That(Err(() => M(l, "index", I(7))), Is.EqualTo("ValueError: 7 is not in list"));
        Assert.That(Err(() => M(l, "index", I(3), I(1), I(3))), Is.EqualTo("ValueError: 3 is not in list"));
        Assert.That(R(M(l, "count", I(1))), Is.EqualTo("2"));
        M(l, "remove", I(1));
        Assert.That(R(l), Is.EqualTo("[3, 2, 1]"));
        Assert.That(Err(() => M(l, "remove", I(9))), Is.EqualTo("ValueError: list.remove(x): x not in list"));
        M(l, "insert", I(-100), I(0)); M(l, "insert", I(100), I(9)); M(l, "insert", I(-1), I(8));
        Assert.That(R(l), Is.EqualTo("[0, 3, 2, 1, 8, 9]"));
        Assert.That(R(M(l, "pop", I(1))), Is.EqualTo("3"));
        Assert.That(Err(() => M(l, "pop", I(10))), Is.EqualTo("IndexError: pop index out of range"));
        Assert.That(Err(() => M(new PyList(), "pop")), Is.EqualTo("IndexError: pop from empty list"));
        M(l, "reverse");
        Assert.That(R(l), Is.EqualTo("[9, 8, 1, 2, 0]"));
        var c = M(l, "copy");
        M(l, "clear");
        Assert.That(R(l) + R(c), Is.EqualTo("[][9, 8, 1, 2, 0]"));
        Assert.That(R(Ops.BinaryOp(ts, L(1, 2), I(2), 5)), Is.EqualTo("[1, 2, 1, 2]"));
        Assert.That(R(Ops.BinaryOp(ts, I(-1), L(1, 2), 5)), Is.EqualTo("[]"));
        Assert.That(Err(() => Ops.BinaryOp(ts, L(1), new PyFloat(2.5), 5)), Is.EqualTo("TypeError: can't multiply sequence by non-int of type 'float'"));
        Assert.That(Err(() => Ops.BinaryOp(ts, L(1), I(1), 0)), Is.EqualTo("TypeError: can only concatenate list (not \"int\") to list"));
        Assert.That(Err(() => Ops.BinaryOp(ts, L(1), PyInt.From(System.Numerics.BigInteger.Pow(10, 20)), 5)), Is.EqualTo("OverflowError: cannot fit 'int' into an index-sized integer"));
        Assert.That(Err(() => Ops.BinaryOp(ts, L(1), I(1L << 62), 5)), Is.EqualTo("MemoryError: "));
        var x = L(1, 2);
        Assert.That(Ops.BinaryOp(ts, x, T(I(3)), 13), Is.SameAs(x));     // += extends with any iterable
        Ops.BinaryOp(ts, x, I(2), 13 + 5);
        Assert.That(R(x), Is.EqualTo("[1, 2, 3, 1, 2, 3]"));
        Assert.That(Err(() => Ops.BinaryOp(ts, x, I(1), 13)), Is.EqualTo("TypeError: 'int' object is not iterable"));
        Assert.That(Err(() => Ops.Hash(ts, x)), Is.EqualTo("TypeError: unhashable type: 'list'"));
        Assert.That(Err(() => Call(PyList.TypeObject, I(1), I(2))), Is.EqualTo("TypeError: list expected at most 1 argument, got 2"));
    }

    [Test]
    public void ListComparisonAndRecursiveRepr()
    {
        Assert.That(Ops.RichCompareBool(ts, L(1, 2), L(1, 3), CompareOp.Lt), Is.True);
        Assert.That(Ops.RichCompareBool(ts, L(1, 2), L(1, 2, 0), CompareOp.Lt), Is.True);
        Assert.That(Ops.RichCompareBool(ts, L(1, 2), L(1, 2), CompareOp.Ge), Is.True);
        Assert.That(Err(() => Ops.RichCompare(ts, L(1), new PyList(new PyObject[] { S("a") }), CompareOp.Lt)),
            Is.EqualTo("TypeError: '<' not supported between instances of 'int' and 'str'"));
        var l = L(1);
        l.Append(l);
        Assert.That(R(l), Is.EqualTo("[1, [...]]"));
    }

    [Test]
    public void ListSortIsStableAndHandlesKeysReverseAndErrors()
    {
        var rnd = new Random(5);
        for (int round = 0; round < 30; round++)
        {
            int n = rnd.Next(0, 2000);
            var pairs = Enumerable.Range(0, n).Select(i => (k: rnd.Next(0, round % 3 == 0 ? 5 : 1000), i)).ToArray();
            if (round % 5 == 1) Array.Sort(pairs.Select(p => p.k).ToArray(), pairs);           // presorted runs
            var l = new PyList(pairs.Select(p => (PyObject)T(I(p.k), I(p.i))).ToArray());
            var byFirst = new PyList(pairs.Select(p => (PyObject)T(I(p.k), I(p.i))).ToArray());
            bool rev = round % 2 == 0;
            Kw(Ops.GetAttr(ts, byFirst, "sort"), Array.Empty<PyObject>(), ("key", new FirstItem()), ("reverse", PyBool.From(rev)));
            var expect = (rev ? pairs.OrderByDescending(p => p.k) : pairs.OrderBy(p => p.k)).ToArray();   // LINQ is stable
            var got = byFirst.ToArray().Select(o => (int)((PyInt)((PyTuple)o).Items[1]).Small).ToArray();
            Assert.That(got, Is.EqualTo(expect.Select(p => p.i).ToArray()), $"round {round}");
            M(l, "sort");
            var full = pairs.OrderBy(p => p.k).ThenBy(p => p.i).Select(p => p.i).ToArray();
            Assert.That(l.ToArray().Select(o => (int)((PyInt)((PyTuple)o).Items[1]).Small).ToArray(), Is.EqualTo(full));
        }
        var mixed = new PyList(new PyObject[] { I(1), S("a"), I(0) });
        Assert.That(Err(() => M(mixed, "sort")), Is.EqualTo("TypeError: '<' not supported between instances of 'str' and 'int'"));
        Assert.That(mixed.Count, Is.EqualTo(3));
        var strs = new PyList(new PyObject[] { S("b"), S("\U0001F600"), S("\uFFFF"), S("a") });
        M(strs, "sort");
        Assert.That(R(strs), Is.EqualTo("['a', 'b', '\uFFFF', '\U0001F600']"));
        var victim = L(3, 2, 1);
        Assert.That(Err(() => Kw(Ops.GetAttr(ts, victim, "sort"), Array.Empty<PyObject>(), ("key", new Appender(victim)))),
            Is.EqualTo("ValueError: list modified during sort"));
        Assert.That(R(victim), Is.EqualTo("[1, 2, 3]"));
        Assert.That(Err(() => M(victim, "sort", I(1))), Does.StartWith("TypeError: sort() takes"));
        Assert.That(Err(() => Kw(Ops.GetAttr(ts, victim, "sort"), Array.Empty<PyObject>(), ("reverse", S("x")))),
            Is.EqualTo("TypeError: 'str' object cannot be interpreted as an integer"));
    }

    /// <summary>A native callable: t -> t[0].</summary>
    sealed class FirstItem : PyObject
    {
        static readonly PyType Ty = MakeType("first_item", (ts, self, args, kw) => ((PyTuple)args[0]).Items[0]);
        public FirstItem() : base(Ty) { }
    }

    /// <summary>A key function that appends to the list being sorted.</summary>
    sealed class Appender : PyObject
    {
        static readonly PyType Ty = MakeType("appender", (ts, self, args, kw) => { ((Appender)self).Target.Append(I(0)); return args[0]; });
        public readonly PyList Target;
        public Appender(PyList t) : base(Ty) { Target = t; }
    }

    static PyType MakeType(string name, CallSlot call)
    {
        var t = PyType.Builtin(name, typeof(ContainerTypeTests), subclassable: false);
        t.Call = call;
        return t;
    }

    // ---------------- tuple ----------------

    [Test]
    public void TupleBehaviour()
    {
        var t = T(I(1), I(2), I(3), I(2));
        Assert.That(R(Ops.GetItem(ts, t, Sl(null, null, -1))), Is.EqualTo("(2, 3, 2, 1)"));
        Assert.That(Ops.GetItem(ts, t, Sl(null, null)), Is.SameAs(t));
        Assert.That(R(T(I(1))), Is.EqualTo("(1,)"));
        Assert.That(R(M(t, "index", I(2), I(2))), Is.EqualTo("3"));
        Assert.That(Err(() => M(t, "index", I(9))), Is.EqualTo("ValueError: tuple.index(x): x not in tuple"));
        Assert.That(R(M(t, "count", I(2))), Is.EqualTo("2"));
        Assert.That(Ops.Hash(ts, PyTuple.Empty), Is.EqualTo(5740354900026072187L));
        Assert.That(Ops.Hash(ts, T(I(1), I(2), I(3))), Is.EqualTo(529344067295497451L));
        Assert.That(Ops.Hash(ts, T(I(-1), T(I(5))) ), Is.EqualTo(3896002582772657960L));
        Assert.That(Err(() => Ops.Hash(ts, T(I(1), new PyList()))), Is.EqualTo("TypeError: unhashable type: 'list'"));
        Assert.That(R(Ops.BinaryOp(ts, T(I(1)), I(3), 5)), Is.EqualTo("(1, 1, 1)"));
        Assert.That(Err(() => Ops.BinaryOp(ts, T(I(1)), L(1), 0)), Is.EqualTo("TypeError: can only concatenate tuple (not \"list\") to tuple"));
        Assert.That(Err(() => Ops.GetItem(ts, t, I(4))), Is.EqualTo("IndexError: tuple index out of range"));
        Assert.That(Ops.RichCompareBool(ts, T(I(1), I(2)), T(I(1), I(3)), CompareOp.Lt), Is.True);
        Assert.That(R(M(t, "__getnewargs__")), Is.EqualTo("((1, 2, 3, 2),)"));
    }
}
