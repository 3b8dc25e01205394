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
    public void ListFromArrayOfDerivedElementTypeTakesAnyItem()
    {
        // A PyStr[] passed where a PyObject[] is expected (array covariance) must not become the
        // list's storage: storing an int there would fail, or corrupt it without the store check.
        var l = new PyList(new PyStr[] { S("a"), S("b") });
        Ops.SetItem(ts, l, I(0), I(1));
        l.Append(I(2));
        M(l, "insert", I(0), I(3));
        Assert.That(R(l), Is.EqualTo("[3, 1, 'b', 2]"));
        Assert.That(l.Items.GetType(), Is.EqualTo(typeof(PyObject[])));
    }

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
        // code point order (U+FFFF before U+1F600); repr escapes the non-printable U+FFFF as CPython does
        Assert.That(R(strs), Is.EqualTo("['a', 'b', '\\uffff', '\U0001F600']"));
        var victim = L(3, 2, 1);
        Assert.That(Err(() => Kw(Ops.GetAttr(ts, victim, "sort"), Array.Empty<PyObject>(), ("key", new Appender(victim)))),
            Is.EqualTo("ValueError: list modified during sort"));
        Assert.That(R(victim), Is.EqualTo("[1, 2, 3]"));
        Assert.That(Err(() => M(victim, "sort", I(1))), Is.EqualTo("TypeError: sort() takes no positional arguments"));
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

    // ---------------- helpers for sets and dicts ----------------

    PySet Set(params long[] v) { var s = new PySet(); foreach (var x in v) s.AddKey(ts, I(x)); return s; }
    PyObject Bin(PyObject a, PyObject b, int op) => Ops.BinaryOp(ts, a, b, op);
    const int And = 1, Or = 7, Sub = 10, Xor = 12;
    PyDict D(params (PyObject, PyObject)[] kv) { var d = new PyDict(); foreach (var (k, v) in kv) d.SetItem(ts, k, v); return d; }
    PyObject Range(params long[] a) => Ops.Call(ts, PyRange.TypeObject, a.Select(x => (PyObject)I(x)).ToArray());
    PyObject ListOf(PyObject iterable) => Call(PyList.TypeObject, iterable);

    // ---------------- set / frozenset ----------------

    [Test]
    public void SetIterationOrderFollowsCPythonTable()
    {
        Assert.That(R(Set(10, 100, 1000)), Is.EqualTo("{1000, 10, 100}"));
        var s = new PySet(); s.UpdateFrom(ts, Range(20));
        for (int i = 0; i < 20; i += 3) M(s, "discard", I(i));
        M(s, "add", I(100));
        Assert.That(R(s), Is.EqualTo("{1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 19, 100}"));
        var t = Set(8, 16); M(t, "discard", I(8)); M(t, "discard", I(16)); M(t, "add", I(24)); M(t, "add", I(0));
        Assert.That(R(t), Is.EqualTo("{0, 24}"));   // a new key takes the last deleted slot it passed
        var p = new PySet(); p.UpdateFrom(ts, Range(10));
        Assert.That(R(M(p, "pop")) + R(M(p, "pop")) + R(M(p, "pop")) + " " + R(p), Is.EqualTo("012 {3, 4, 5, 6, 7, 8, 9}"));
        var big = new PySet(); big.UpdateFrom(ts, Range(20));
        Assert.That(R(Bin(big, Set(3, 4), Sub)), Is.EqualTo("{0, 1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}"));
        Assert.That(R(Bin(Set(1, 2, 3), Set(2, 5, 9), Xor)), Is.EqualTo("{1, 3, 5, 9}"));
        Assert.That(R(Bin(Set(100, 1, 2), Set(2, 100, 7), And)), Is.EqualTo("{2, 100}"));
    }

    [Test]
    public void SetOperatorsMethodsAndMessages()
    {
        var a = Set(1, 2, 3);
        Assert.That(R(Bin(a, Set(3, 4), Or)), Is.EqualTo("{1, 2, 3, 4}"));
        Assert.That(Err(() => Bin(a, L(1), Or)), Is.EqualTo("TypeError: unsupported operand type(s) for |: 'set' and 'list'"));
        Assert.That(R(M(a, "union", L(7), T(I(8)))), Is.EqualTo("{1, 2, 3, 7, 8}"));
        Assert.That(R(M(a, "intersection", L(3, 2, 9))), Is.EqualTo("{2, 3}"));
        Assert.That(R(M(a, "difference", L(1), L(2))), Is.EqualTo("{3}"));
        Assert.That(R(M(a, "issubset", L(1, 2, 3, 4))), Is.EqualTo("True"));
        Assert.That(R(M(a, "issuperset", L(1, 1))), Is.EqualTo("True"));
        Assert.That(R(M(a, "isdisjoint", L(4, 5))), Is.EqualTo("True"));
        Assert.That(Ops.RichCompareBool(ts, Set(1), a, CompareOp.Lt), Is.True);
        Assert.That(Ops.RichCompareBool(ts, a, a, CompareOp.Lt), Is.False);
        var f = Call(PyFrozenSet.TypeObject, L(1, 2, 3));
        Assert.That(Ops.RichCompareBool(ts, a, f, CompareOp.Eq), Is.True);
        Assert.That(R(Bin(f, Set(5), Or)), Is.EqualTo("frozenset({1, 2, 3, 5})"));
        Assert.That(R(Bin(Set(5), f, Or)), Is.EqualTo("{1, 2, 3, 5}"));
        Assert.That(Ops.Hash(ts, f), Is.EqualTo(-272375401224217160L));
        var f2 = Call(PyFrozenSet.TypeObject, T(I(-1), PyInt.From(System.Numerics.BigInteger.Pow(10, 20)), I(0)));
        Assert.That(Ops.Hash(ts, f2), Is.EqualTo(5216403162077679768L));
        Assert.That(Ops.Hash(ts, Call(PyFrozenSet.TypeObject, L(1))) == Ops.Hash(ts, Call(PyFrozenSet.TypeObject, T(PyBool.True))), Is.True);
        Assert.That(Ops.Hash(ts, Call(PyFrozenSet.TypeObject)), Is.EqualTo(133146708735736L));
        Assert.That(Call(PyFrozenSet.TypeObject, f), Is.SameAs(f));
        Assert.That(M(f, "copy"), Is.SameAs(f));
        Assert.That(R(Call(PyFrozenSet.TypeObject)) + R(new PySet()), Is.EqualTo("frozenset()set()"));
        Assert.That(Err(() => Ops.Hash(ts, a)), Is.EqualTo("TypeError: unhashable type: 'set'"));
        Assert.That(Err(() => M(new PySet(), "pop")), Is.EqualTo("KeyError: 'pop from an empty set'"));
        Assert.That(Err(() => M(a, "remove", I(9))), Is.EqualTo("KeyError: 9"));
        Assert.That(Err(() => M(a, "add", new PyList())), Is.EqualTo("TypeError: unhashable type: 'list'"));
        // a set as an element to look up is tried as a frozenset
        var ss = new PySet(); ss.AddKey(ts, f);
        Assert.That(Ops.Contains(ts, ss, Set(3, 2, 1)), Is.True);
        M(ss, "remove", Set(1, 2, 3));
        Assert.That(ss.Count, Is.EqualTo(0));
        var u = Set(1, 2);
        Assert.That(Bin(u, Set(2, 3), 13 + Xor), Is.SameAs(u));
        Assert.That(R(u), Is.EqualTo("{1, 3}"));
        M(u, "intersection_update", L(3, 4), L(3));
        Assert.That(R(u), Is.EqualTo("{3}"));
        M(u, "update", L(5), Range(2));
        M(u, "difference_update", L(0));
        M(u, "symmetric_difference_update", L(1, 9));
        Assert.That(R(u), Is.EqualTo("{9, 3, 5}"));
        Assert.That(Err(() => Call(PySet.TypeObject, I(1), I(2))), Is.EqualTo("TypeError: set expected at most 1 argument, got 2"));
        Assert.That(Err(() => Call(PySet.TypeObject, I(1))), Is.EqualTo("TypeError: 'int' object is not iterable"));
        var it = Ops.GetIter(ts, u);
        Ops.Next(ts, it);
        M(u, "add", I(77));
        Assert.That(Err(() => Ops.Next(ts, it)), Is.EqualTo("RuntimeError: Set changed size during iteration"));
        var rec = new PySet();
        Assert.That(R(M(rec, "__reduce__")), Is.EqualTo("(<class 'set'>, ([],), None)"));
    }

    [Test]
    public void SetSurvivesEqThatMutatesIt()
    {
        var s = new PySet();
        var k1 = new Mutator(null); var k2 = new Mutator(s);
        s.AddKey(ts, k1);
        s.AddKey(ts, k2);   // k2's __eq__ clears the set while it is being probed
        Assert.That(s.Count, Is.LessThanOrEqualTo(2));
        var d = new PyDict();
        var m1 = new Mutator(null); var m2 = new Mutator(null) { TargetDict = d };
        d.SetItem(ts, m1, I(1));
        d.SetItem(ts, m2, I(2));
        Assert.That(d.Count, Is.LessThanOrEqualTo(2));
    }

    /// <summary>A key with a constant hash whose __eq__ empties a container (once) and says False.</summary>
    sealed class Mutator : PyObject
    {
        static readonly PyType Ty = MakeMutatorType();
        public PySet? Target; public PyDict? TargetDict;
        public Mutator(PySet? t) : base(Ty) { Target = t; }
        static PyType MakeMutatorType()
        {
            var t = PyType.Builtin("Mutator", typeof(ContainerTypeTests), subclassable: false);
            t.Hash = (ts, self) => 7;
            t.RichCompare = (ts, a, b, op) =>
            {
                foreach (var o in new[] { a, b })
                    if (o is Mutator m)
                    {
                        if (m.Target != null) { var x = m.Target; m.Target = null; x.ClearTable(); }
                        if (m.TargetDict != null) { var x = m.TargetDict; m.TargetDict = null; x.Clear(); }
                    }
                return PyBool.False;
            };
            return t;
        }
    }

    // ---------------- dict ----------------

    [Test]
    public void DictMethodsAndMessages()
    {
        var d = (PyDict)Ops.Call(ts, Ops.GetAttr(ts, TypeObjects.Dict, "fromkeys"), S("abc"), I(0));
        Assert.That(R(d), Is.EqualTo("{'a': 0, 'b': 0, 'c': 0}"));
        Assert.That(R(M(d, "popitem")) + R(d), Is.EqualTo("('c', 0){'a': 0, 'b': 0}"));
        Assert.That(Err(() => M(new PyDict(), "popitem")), Is.EqualTo("KeyError: 'popitem(): dictionary is empty'"));
        Assert.That(Err(() => Ops.GetItem(ts, d, S("z"))), Is.EqualTo("KeyError: 'z'"));
        Assert.That(R(M(d, "get", S("z"))) + R(M(d, "get", S("z"), I(5))), Is.EqualTo("None5"));
        Assert.That(R(M(d, "setdefault", S("q"), L(1))) + R(M(d, "setdefault", S("q"), I(2))), Is.EqualTo("[1][1]"));
        Assert.That(R(M(d, "pop", S("q"))) + R(M(d, "pop", S("q"), I(3))), Is.EqualTo("[1]3"));
        Assert.That(Err(() => M(d, "pop", S("q"))), Is.EqualTo("KeyError: 'q'"));
        var e = D((I(1), I(1)), (I(2), I(2)));
        Assert.That(Bin(e, D((I(3), I(3))), 13 + Or), Is.SameAs(e));
        Bin(e, L(), 13 + Or);   // |= takes pairs too
        Assert.That(R(Bin(e, D((I(1), S("x"))), Or)), Is.EqualTo("{1: 'x', 2: 2, 3: 3}"));
        Assert.That(Err(() => Bin(e, L(), Or)), Is.EqualTo("TypeError: unsupported operand type(s) for |: 'dict' and 'list'"));
        Assert.That(R(ListOf(M(e, "__reversed__"))), Is.EqualTo("[3, 2, 1]"));
        Assert.That(R(ListOf(M(M(e, "items"), "__reversed__"))), Is.EqualTo("[(3, 3), (2, 2), (1, 1)]"));
        var u = new PyDict();
        Kw(Ops.GetAttr(ts, u, "update"), new PyObject[] { L() }, ("a", I(1)));
        M(u, "update", L().Also(l => l.Append(T(I(5), I(6)))));
        Assert.That(R(u), Is.EqualTo("{'a': 1, 5: 6}"));
        Assert.That(Err(() => M(u, "update", new PyList(new PyObject[] { I(1) }))), Is.EqualTo("TypeError: cannot convert dictionary update sequence element #0 to a sequence"));
        Assert.That(Err(() => M(u, "update", new PyList(new PyObject[] { T(I(1)) }))), Is.EqualTo("ValueError: dictionary update sequence element #0 has length 1; 2 is required"));
        Assert.That(Err(() => M(u, "update", I(1), I(2))), Is.EqualTo("TypeError: update expected at most 1 argument, got 2"));
        Assert.That(Err(() => Ops.SetItem(ts, u, L(), I(1))), Is.EqualTo("TypeError: unhashable type: 'list'"));
        // int and float keys that are equal share an entry
        var n = D((I(1), S("int")));
        n.SetItem(ts, new PyFloat(1.0), S("float"));
        Assert.That(R(n), Is.EqualTo("{1: 'float'}"));
        Assert.That(Ops.RichCompareBool(ts, D((I(1), I(2))), D((I(1), I(2))), CompareOp.Eq), Is.True);
        Assert.That(Err(() => Ops.RichCompare(ts, D(), D(), CompareOp.Lt)), Is.EqualTo("TypeError: '<' not supported between instances of 'dict' and 'dict'"));
        var r = new PyDict(); r.SetItem(ts, I(1), r);
        Assert.That(R(r), Is.EqualTo("{1: {...}}"));
    }

    [Test]
    public void DictIterationDetectsChanges()
    {
        var d = D((I(1), I(2)));
        var it = Ops.GetIter(ts, d);
        d.SetItem(ts, I(2), I(3));
        Assert.That(Err(() => Ops.Next(ts, it)), Is.EqualTo("RuntimeError: dictionary changed size during iteration"));
        Assert.That(Err(() => Ops.Next(ts, it)), Is.EqualTo("RuntimeError: dictionary changed size during iteration"));   // sticky
        var e = D((I(1), I(2)), (I(3), I(4)));
        var it2 = Ops.GetIter(ts, e);
        Ops.Next(ts, it2);                        // 1
        e.Pop(ts, I(3)); e.SetItem(ts, I(5), I(6)); e.Pop(ts, I(1)); e.SetItem(ts, I(7), I(8));
        Assert.That(R(Ops.Next(ts, it2)!), Is.EqualTo("5"));
        Assert.That(Err(() => Ops.Next(ts, it2)), Is.EqualTo("RuntimeError: dictionary keys changed during iteration"));
        Assert.That(Ops.GetIter(ts, M(e, "items")).Type.Name, Is.EqualTo("dict_itemiterator"));
        Assert.That(M(e, "__reversed__").Type.Name, Is.EqualTo("dict_reversekeyiterator"));
    }

    [Test]
    public void DictMissingForSubclasses()
    {
        var sub = PyType.Builtin("defaultish", typeof(MissingDict), TypeObjects.Dict);
        var d = new PyDict(sub);
        Assert.That(R(Ops.GetItem(ts, d, S("k"))), Is.EqualTo("'missing k'"));
        Assert.That(Err(() => Ops.GetItem(ts, new PyDict(), S("k"))), Is.EqualTo("KeyError: 'k'"));
    }

    static class MissingDict
    {
        [PyMethod] static PyObject __missing__(ThreadState ts, PyDict self, PyObject key) => new PyStr("missing " + Ops.StrString(ts, key));
    }

    [Test]
    public void DictViewsAreLiveAndSetLike()
    {
        var d = D((I(1), I(2)), (I(3), I(4)));
        var k = M(d, "keys"); var v = M(d, "values"); var it = M(d, "items");
        d.SetItem(ts, I(5), I(6));
        Assert.That(R(k) + R(v) + R(it), Is.EqualTo("dict_keys([1, 3, 5])dict_values([2, 4, 6])dict_items([(1, 2), (3, 4), (5, 6)])"));
        Assert.That(R(Bin(k, Set(1, 9), And)) + R(Bin(Set(1, 9), k, And)), Is.EqualTo("{1}{1}"));
        Assert.That(R(Bin(k, Set(1), Sub)) + R(Bin(k, L(1, 7), Xor)), Is.EqualTo("{3, 5}{3, 5, 7}"));
        Assert.That(R(Bin(L(1, 8), k, Sub)), Is.EqualTo("{8}"));
        Assert.That(R(Bin(it, Set(), Or)), Is.EqualTo("{(1, 2), (3, 4), (5, 6)}"));
        Assert.That(Ops.RichCompareBool(ts, k, Set(1, 3, 5), CompareOp.Eq), Is.True);
        Assert.That(Ops.RichCompareBool(ts, k, Set(1, 3, 5, 6), CompareOp.Lt), Is.True);
        Assert.That(Ops.Contains(ts, it, T(I(3), I(4))) && !Ops.Contains(ts, it, T(I(3), I(5))) && !Ops.Contains(ts, it, L(3, 4)), Is.True);
        Assert.That(Ops.Contains(ts, v, I(4)), Is.True);
        Assert.That(R(M(k, "isdisjoint", L(2, 4))), Is.EqualTo("True"));
        Assert.That(Err(() => Ops.Hash(ts, k)), Is.EqualTo("TypeError: unhashable type: 'dict_keys'"));
        Assert.That(Ops.Hash(ts, v), Is.EqualTo(Ops.Hash(ts, v)));
        Assert.That(R(Ops.GetAttr(ts, k, "mapping")), Is.EqualTo("mappingproxy({1: 2, 3: 4, 5: 6})"));
        Assert.That(Ops.Len(ts, it), Is.EqualTo(3));
    }

    // ---------------- range ----------------

    [Test]
    public void RangeBehaviour()
    {
        var big = PyInt.From(System.Numerics.BigInteger.Pow(10, 20));
        Assert.That(R(ListOf(Call(PyRange.TypeObject, big, Ops.BinaryOp(ts, big, I(3), 0)))),
            Is.EqualTo("[100000000000000000000, 100000000000000000001, 100000000000000000002]"));
        Assert.That(R(Ops.GetItem(ts, Range(0, 10, 3), Sl(null, null, -1))), Is.EqualTo("range(9, -3, -3)"));
        Assert.That(R(Ops.GetItem(ts, Range(10), Sl(2, 8, 3))), Is.EqualTo("range(2, 8, 3)"));
        Assert.That(R(Ops.GetItem(ts, Range(5), I(-1))), Is.EqualTo("4"));
        Assert.That(Ops.Len(ts, Range(-5, 1000, 7)), Is.EqualTo(144));
        Assert.That(R(Range(3)) + R(Range(1, 5, 2)), Is.EqualTo("range(0, 3)range(1, 5, 2)"));
        Assert.That(Ops.RichCompareBool(ts, Range(0), Range(2, 1), CompareOp.Eq), Is.True);
        Assert.That(Ops.RichCompareBool(ts, Range(1, 2, 5), Range(1, 3, 7), CompareOp.Eq), Is.True);
        // hash((len, start, step)) with None where it does not matter (None's hash is an address in 3.11)
        Assert.That(Ops.Hash(ts, Range(0)), Is.EqualTo(Ops.Hash(ts, Range(7, 2))));
        Assert.That(Ops.Hash(ts, Range(5)), Is.EqualTo(5795932985296280846L));
        Assert.That(Ops.Hash(ts, Range(3, 4)), Is.EqualTo(Ops.Hash(ts, Range(3, 5, 9))));
        Assert.That(R(M(Range(3), "index", I(2))) + R(M(Range(0, 10, 2), "count", I(4))), Is.EqualTo("21"));
        Assert.That(Err(() => M(Range(3), "index", I(7))), Is.EqualTo("ValueError: 7 is not in range"));
        Assert.That(Ops.Contains(ts, Range(0, 10, 2), new PyFloat(4.0)), Is.True);
        Assert.That(Ops.Contains(ts, Range(0, 10 , 2), I(5)), Is.False);
        Assert.That(Err(() => Ops.GetItem(ts, Range(3), I(3))), Is.EqualTo("IndexError: range object index out of range"));
        Assert.That(Err(() => Range(1, 2, 0)), Is.EqualTo("ValueError: range() arg 3 must not be zero"));
        Assert.That(Err(() => Call(PyRange.TypeObject, new PyFloat(1.0))), Is.EqualTo("TypeError: 'float' object cannot be interpreted as an integer"));
        Assert.That(Err(() => Ops.Len(ts, Call(PyRange.TypeObject, big))), Is.EqualTo("OverflowError: Python int too large to convert to C ssize_t"));
        Assert.That(R(ListOf(M(Range(1, 10, 4), "__reversed__"))), Is.EqualTo("[9, 5, 1]"));
        var huge = Call(PyRange.TypeObject, I(long.MaxValue - 1), Ops.BinaryOp(ts, I(long.MaxValue), I(2), 0));
        Assert.That(R(ListOf(huge)), Is.EqualTo("[9223372036854775806, 9223372036854775807, 9223372036854775808]"));
        Assert.That(Ops.GetIter(ts, huge).Type.Name, Is.EqualTo("longrange_iterator"));
        Assert.That(R(Ops.GetAttr(ts, Range(4), "stop")), Is.EqualTo("4"));
    }

    // ---------------- iterator builtins ----------------

    [Test]
    public void IteratorTypes()
    {
        Assert.That(R(ListOf(Call(PyEnumerate.TypeObject, S("ab"), I(5)))), Is.EqualTo("[(5, 'a'), (6, 'b')]"));
        Assert.That(R(ListOf(Kw(PyEnumerate.TypeObject, Array.Empty<PyObject>(), ("iterable", S("a")), ("start", I(-1))))), Is.EqualTo("[(-1, 'a')]"));
        Assert.That(Err(() => Call(PyEnumerate.TypeObject)), Is.EqualTo("TypeError: enumerate() missing required argument 'iterable'"));
        Assert.That(Err(() => Kw(PyEnumerate.TypeObject, new PyObject[] { L() }, ("x", I(1)))), Is.EqualTo("TypeError: 'x' is an invalid keyword argument for enumerate()"));
        Assert.That(Err(() => Call(PyEnumerate.TypeObject, L(), new PyFloat(1.5))), Is.EqualTo("TypeError: 'float' object cannot be interpreted as an integer"));
        Assert.That(R(ListOf(Call(PyZip.TypeObject, L(1, 2, 3), S("ab")))), Is.EqualTo("[(1, 'a'), (2, 'b')]"));
        Assert.That(Err(() => ListOf(Kw(PyZip.TypeObject, new PyObject[] { L(1, 2), L(3) }, ("strict", PyBool.True)))), Is.EqualTo("ValueError: zip() argument 2 is shorter than argument 1"));
        Assert.That(Err(() => ListOf(Kw(PyZip.TypeObject, new PyObject[] { L(1), L(3, 4), L(5) }, ("strict", PyBool.True)))), Is.EqualTo("ValueError: zip() argument 2 is longer than argument 1"));
        Assert.That(Err(() => ListOf(Kw(PyZip.TypeObject, new PyObject[] { L(1), L(3), L() }, ("strict", PyBool.True)))), Is.EqualTo("ValueError: zip() argument 3 is shorter than arguments 1-2"));
        Assert.That(R(ListOf(Call(PyZip.TypeObject))), Is.EqualTo("[]"));
        var abs = Ops.GetAttr(ts, I(0), "__abs__");
        Assert.That(R(ListOf(Call(PyMap.TypeObject, Ops.GetAttr(ts, PyInt.TypeObject, "__add__"), L(1, 2, 3), L(10, 20)))), Is.EqualTo("[11, 22]"));
        Assert.That(Err(() => Call(PyMap.TypeObject, abs)), Is.EqualTo("TypeError: map() must have at least two arguments."));
        Assert.That(R(ListOf(Call(PyFilter.TypeObject, PyNone.Value, L(0, 1, 0, 2)))), Is.EqualTo("[1, 2]"));
        Assert.That(R(ListOf(Call(PyFilter.TypeObject, Ops.GetAttr(ts, PyInt.TypeObject, "__neg__"), L(0, 1, 0, 2)))), Is.EqualTo("[1, 2]"));
        Assert.That(Err(() => Call(PyFilter.TypeObject, PyNone.Value)), Is.EqualTo("TypeError: filter expected 2 arguments, got 1"));
        Assert.That(R(ListOf(Call(PyReversed.TypeObject, T(I(1), I(2), I(3))))), Is.EqualTo("[3, 2, 1]"));
        Assert.That(Call(PyReversed.TypeObject, L(1)).Type.Name, Is.EqualTo("list_reverseiterator"));
        Assert.That(Call(PyReversed.TypeObject, Range(3)).Type.Name, Is.EqualTo("range_iterator"));
        Assert.That(Err(() => Call(PyReversed.TypeObject, Set(1))), Is.EqualTo("TypeError: 'set' object is not reversible"));
        Assert.That(Err(() => Call(PyReversed.TypeObject)), Is.EqualTo("TypeError: reversed expected 1 argument, got 0"));
        var li = Ops.GetIter(ts, L(1, 2, 3));
        Ops.Next(ts, li);
        Assert.That(R(M(li, "__length_hint__")), Is.EqualTo("2"));
        // the sequence iterator over __getitem__ stops at IndexError
        var seq = new PySeqIterator(S("xy"));
        Assert.That(R(ListOf(seq)), Is.EqualTo("['x', 'y']"));
        var calls = 0;
        var counter = new Counter(() => ++calls);
        Assert.That(R(ListOf(PyCallableIterator.Create(ts, counter, I(4)))), Is.EqualTo("[1, 2, 3]"));
        Assert.That(Err(() => PyCallableIterator.Create(ts, I(1), I(2))), Is.EqualTo("TypeError: iter(v, w): v must be callable"));
    }

    /// <summary>The names each type defines in CPython 3.11 (its own __dict__, from python3.11).</summary>
    static readonly (string Name, PyType Type, string Names)[] CPythonMembers =
    {
        ("list", PyList.TypeObject, "__add__ __class_getitem__ __contains__ __delitem__ __eq__ __ge__ __getattribute__ __getitem__ __gt__ __hash__ __iadd__ __imul__ __init__ __iter__ __le__ __len__ __lt__ __mul__ __ne__ __new__ __repr__ __reversed__ __rmul__ __setitem__ __sizeof__ append clear copy count extend index insert pop remove reverse sort"),
        ("tuple", TypeObjects.Tuple, "__add__ __class_getitem__ __contains__ __eq__ __ge__ __getattribute__ __getitem__ __getnewargs__ __gt__ __hash__ __iter__ __le__ __len__ __lt__ __mul__ __ne__ __new__ __repr__ __rmul__ count index"),
        ("dict", TypeObjects.Dict, "__class_getitem__ __contains__ __delitem__ __eq__ __ge__ __getattribute__ __getitem__ __gt__ __hash__ __init__ __ior__ __iter__ __le__ __len__ __lt__ __ne__ __new__ __or__ __repr__ __reversed__ __ror__ __setitem__ __sizeof__ clear copy fromkeys get items keys pop popitem setdefault update values"),
        ("set", PySet.TypeObject, "__and__ __class_getitem__ __contains__ __eq__ __ge__ __getattribute__ __gt__ __hash__ __iand__ __init__ __ior__ __isub__ __iter__ __ixor__ __le__ __len__ __lt__ __ne__ __new__ __or__ __rand__ __reduce__ __repr__ __ror__ __rsub__ __rxor__ __sizeof__ __sub__ __xor__ add clear copy difference difference_update discard intersection intersection_update isdisjoint issubset issuperset pop remove symmetric_difference symmetric_difference_update union update"),
        ("frozenset", PyFrozenSet.TypeObject, "__and__ __class_getitem__ __contains__ __eq__ __ge__ __getattribute__ __gt__ __hash__ __iter__ __le__ __len__ __lt__ __ne__ __new__ __or__ __rand__ __reduce__ __repr__ __ror__ __rsub__ __rxor__ __sizeof__ __sub__ __xor__ copy difference intersection isdisjoint issubset issuperset symmetric_difference union"),
        ("range", PyRange.TypeObject, "__bool__ __contains__ __eq__ __ge__ __getattribute__ __getitem__ __gt__ __hash__ __iter__ __le__ __len__ __lt__ __ne__ __new__ __reduce__ __repr__ __reversed__ count index start step stop"),
        ("slice", PySlice.TypeObject, "__eq__ __ge__ __getattribute__ __gt__ __hash__ __le__ __lt__ __ne__ __new__ __reduce__ __repr__ indices start step stop"),
        ("enumerate", PyEnumerate.TypeObject, "__class_getitem__ __getattribute__ __iter__ __new__ __next__ __reduce__"),
        ("zip", PyZip.TypeObject, "__getattribute__ __iter__ __new__ __next__ __reduce__ __setstate__"),
        ("map", PyMap.TypeObject, "__getattribute__ __iter__ __new__ __next__ __reduce__"),
        ("filter", PyFilter.TypeObject, "__getattribute__ __iter__ __new__ __next__ __reduce__"),
        ("reversed", PyReversed.TypeObject, "__getattribute__ __iter__ __length_hint__ __new__ __next__ __reduce__ __setstate__"),
        ("dict_keys", PyDictKeys.TypeObject, "__and__ __contains__ __eq__ __ge__ __getattribute__ __gt__ __hash__ __iter__ __le__ __len__ __lt__ __ne__ __or__ __rand__ __repr__ __reversed__ __ror__ __rsub__ __rxor__ __sub__ __xor__ isdisjoint mapping"),
        ("dict_values", PyDictValues.TypeObject, "__getattribute__ __iter__ __len__ __repr__ __reversed__ mapping"),
        ("dict_items", PyDictItems.TypeObject, "__and__ __contains__ __eq__ __ge__ __getattribute__ __gt__ __hash__ __iter__ __le__ __len__ __lt__ __ne__ __or__ __rand__ __repr__ __reversed__ __ror__ __rsub__ __rxor__ __sub__ __xor__ isdisjoint mapping"),
        ("list_iterator", PyListIterator.TypeObject, "__getattribute__ __iter__ __length_hint__ __next__ __reduce__ __setstate__"),
        ("tuple_iterator", PyTupleIterator.TypeObject, "__getattribute__ __iter__ __length_hint__ __next__ __reduce__ __setstate__"),
        ("dict_keyiterator", PyDictIterator.KeyIteratorType, "__getattribute__ __iter__ __length_hint__ __next__ __reduce__"),
        ("dict_reverseitemiterator", PyDictIterator.ReverseItemIteratorType, "__iter__ __length_hint__ __next__ __reduce__"),
        ("set_iterator", PySetIterator.TypeObject, "__getattribute__ __iter__ __length_hint__ __next__ __reduce__"),
        ("range_iterator", PyRangeIterator.TypeObject, "__getattribute__ __iter__ __length_hint__ __next__ __reduce__ __setstate__"),
        ("list_reverseiterator", PyListReverseIterator.TypeObject, "__getattribute__ __iter__ __length_hint__ __next__ __reduce__ __setstate__"),
        ("callable_iterator", PyCallableIterator.TypeObject, "__getattribute__ __iter__ __next__ __reduce__"),
        ("longrange_iterator", PyLongRangeIterator.TypeObject, "__getattribute__ __iter__ __length_hint__ __next__ __reduce__ __setstate__"),
        ("GenericAlias", PyGenericAlias.TypeObject, "__args__ __call__ __dir__ __eq__ __ge__ __getattribute__ __getitem__ __gt__ __hash__ __instancecheck__ __iter__ __le__ __lt__ __mro_entries__ __ne__ __new__ __or__ __origin__ __parameters__ __reduce__ __repr__ __ror__ __subclasscheck__ __typing_unpacked_tuple_args__ __unpacked__"),
        ("iterator", PySeqIterator.TypeObject, "__getattribute__ __iter__ __length_hint__ __next__ __reduce__ __setstate__"),
    };

    [Test]
    public void EveryCPythonMemberExistsAndNoneExtra()
    {
        var problems = new System.Collections.Generic.List<string>();
        foreach (var (name, type, names) in CPythonMembers)
        {
            if (type.Name != name) problems.Add($"{type.Name} should be named {name}");
            var expected = names.Split(' ').ToHashSet();
            foreach (var n in expected)
                if (type.Lookup(n) == null) problems.Add($"{name}.{n} missing");
            foreach (var (k, _) in type.Namespace.Items())
            {
                var key = Ops.StrValue(k);
                if (!expected.Contains(key) && key != "__doc__" && key != "__module__") problems.Add($"{name}.{key} is extra");
            }
        }
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void DeepNestingRaisesRecursionErrorNotCrash()
    {
        PyObject t = PyTuple.Empty, l = new PyList(), d = new PyDict();
        for (int i = 0; i < 200000; i++)
        {
            t = T(t);
            l = new PyList(new[] { l });
            var nd = new PyDict(); nd.SetItem(ts, I(1), d); d = nd;
        }
        Assert.That(Err(() => Ops.Hash(ts, t)), Does.StartWith("RecursionError"));
        Assert.That(Err(() => R(t)), Does.StartWith("RecursionError"));
        Assert.That(Err(() => R(l)), Does.StartWith("RecursionError"));
        Assert.That(Err(() => R(d)), Does.StartWith("RecursionError"));
        Assert.That(Err(() => Ops.RichCompareBool(ts, l, new PyList(new[] { l }), CompareOp.Eq)), Does.StartWith("RecursionError"));
    }

    sealed class Counter : PyObject
    {
        static readonly PyType Ty = MakeType("counter", (ts, self, args, kw) => I(((Counter)self).F()));
        public readonly Func<int> F;
        public Counter(Func<int> f) : base(Ty) { F = f; }
    }
}

static class TestExtensions
{
    public static T Also<T>(this T x, Action<T> f) { f(x); return x; }
}
