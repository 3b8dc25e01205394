using System;
using NUnit.Framework;
using StacklessIron.Objects;
using StacklessIron.Runtime;
using ThreadState = StacklessIron.Runtime.ThreadState;

namespace StacklessIron.Tests;

/// <summary>The object model without the VM: types, slots, native binding, exceptions.</summary>
public class ObjectModelTests
{
    static ThreadState NewTs() => new PythonEngine().MainThread;

    static string Repr(ThreadState ts, PyObject o) => Ops.ReprString(ts, o);

    [Test]
    public void BootstrapTypesHaveConsistentMetadata()
    {
        Assert.That(TypeObjects.Type.Type, Is.SameAs(TypeObjects.Type));
        Assert.That(TypeObjects.Object.Type, Is.SameAs(TypeObjects.Type));
        Assert.That(PyStr.Intern("x").Type, Is.SameAs(TypeObjects.Str));
        Assert.That(PyBool.True.Type.Mro.Length, Is.EqualTo(3));   // bool, int, object
        Assert.That(PyBool.TypeObject.Name, Is.EqualTo("bool"));
    }

    [Test]
    public void IntArithmeticUsesSlotsAndOverflowsToBigInteger()
    {
        var ts = NewTs();
        var r = Ops.BinaryOp(ts, PyInt.From(long.MaxValue), PyInt.From(1), 0);
        Assert.That(Repr(ts, r), Is.EqualTo("9223372036854775808"));
        Assert.That(Repr(ts, Ops.BinaryOp(ts, PyInt.From(-7), PyInt.From(2), 2)), Is.EqualTo("-4"));
        Assert.That(Repr(ts, Ops.BinaryOp(ts, PyInt.From(-7), PyInt.From(2), 6)), Is.EqualTo("1"));
        Assert.That(Repr(ts, Ops.BinaryOp(ts, PyInt.From(1), new PyFloat(0.5), 0)), Is.EqualTo("1.5"));
        Assert.That(PyInt.From(5), Is.SameAs(PyInt.From(5)));
    }

    [Test]
    public void UnsupportedOperandGivesCPythonMessage()
    {
        var ts = NewTs();
        var e = Assert.Throws<PyException>(() => Ops.BinaryOp(ts, PyInt.From(1), new PyStr("a"), 0))!;
        Assert.That(e.Value.Type, Is.SameAs(ExceptionTypes.TypeError));
        Assert.That(Ops.StrString(ts, e.Value), Is.EqualTo("unsupported operand type(s) for +: 'int' and 'str'"));
    }

    [Test]
    public void NativeMethodBindingAndMessages()
    {
        var ts = NewTs();
        var l = new PyList();
        var append = Ops.GetAttr(ts, l, "append");
        Ops.Call(ts, append, PyInt.From(3));
        Assert.That(Repr(ts, l), Is.EqualTo("[3]"));
        var e = Assert.Throws<PyException>(() => Ops.Call(ts, append))!;
        Assert.That(Ops.StrString(ts, e.Value), Is.EqualTo("list.append() takes exactly one argument (0 given)"));
        e = Assert.Throws<PyException>(() => Ops.Call(ts, append, PyInt.From(1), PyInt.From(2)))!;
        Assert.That(Ops.StrString(ts, e.Value), Is.EqualTo("list.append() takes exactly one argument (2 given)"));
        // optional parameter with a C# default
        var pop = Ops.GetAttr(ts, l, "pop");
        Assert.That(Repr(ts, Ops.Call(ts, pop)), Is.EqualTo("3"));
    }

    [Test]
    public void SignatureMessagesMatchCPython()
    {
        var ts = NewTs();
        var sig = new Signature("f", new[] { "a", "b" }, 0, 2, 0, false, false);
        var dest = new PyObject?[2];
        var e = Assert.Throws<PyException>(() => sig.Bind(ts, new PyObject[] { PyInt.From(1), PyInt.From(2), PyInt.From(3) }, null, dest,
            new PyObject[] { PyInt.From(0), PyInt.From(0) }))!;
        Assert.That(Ops.StrString(ts, e.Value), Is.EqualTo("f() takes from 0 to 2 positional arguments but 3 were given"));
        var g = new Signature("g", new[] { "a", "k" }, 0, 1, 1, false, false);
        e = Assert.Throws<PyException>(() => g.Bind(ts, new PyObject[] { PyInt.From(1), PyInt.From(2), PyInt.From(3) },
            new PyTuple(new PyObject[] { PyStr.Intern("k") }), new PyObject?[2]))!;
        Assert.That(Ops.StrString(ts, e.Value), Is.EqualTo("g() takes 1 positional argument but 2 positional arguments (and 1 keyword-only argument) were given"));
        var h = new Signature("h", new[] { "a", "b", "c" }, 0, 3, 0, false, false);
        e = Assert.Throws<PyException>(() => h.Bind(ts, ReadOnlySpan<PyObject>.Empty, null, new PyObject?[3]))!;
        Assert.That(Ops.StrString(ts, e.Value), Is.EqualTo("h() missing 3 required positional arguments: 'a', 'b', and 'c'"));
        e = Assert.Throws<PyException>(() => h.Bind(ts, new PyObject[] { PyInt.From(1) }, new PyTuple(new PyObject[] { PyStr.Intern("zz") }), new PyObject?[3]))!;
        Assert.That(Ops.StrString(ts, e.Value), Is.EqualTo("h() got an unexpected keyword argument 'zz'"));
        var p = new Signature("p", new[] { "a", "b" }, 2, 2, 0, false, false);
        e = Assert.Throws<PyException>(() => p.Bind(ts, new PyObject[] { PyInt.From(1), PyInt.From(2) }, new PyTuple(new PyObject[] { PyStr.Intern("a"), PyStr.Intern("b") }), new PyObject?[2]))!;
        Assert.That(Ops.StrString(ts, e.Value), Is.EqualTo("p() got some positional-only arguments passed as keyword arguments: 'a, b'"));
    }

    [Test]
    public void DictIsOrderedAndHandlesDeletesAndGrowth()
    {
        var ts = NewTs();
        var d = new PyDict();
        for (int i = 0; i < 100; i++) d.SetItem(ts, PyInt.From(i), new PyStr("v" + i));
        for (int i = 0; i < 100; i += 2) Assert.That(d.Pop(ts, PyInt.From(i)), Is.Not.Null);
        Assert.That(d.Count, Is.EqualTo(50));
        Assert.That(d.GetItem(ts, PyInt.From(51)), Is.InstanceOf<PyStr>());
        Assert.That(d.GetItem(ts, PyInt.From(50)), Is.Null);
        // 1 == 1.0 == True share a key, as in Python
        d.SetItem(ts, new PyFloat(1.0), PyStr.Intern("one"));
        Assert.That(((PyStr)d.GetItem(ts, PyBool.True)!).Value, Is.EqualTo("one"));
        var small = new PyDict();
        small.SetItem(ts, PyStr.Intern("b"), PyInt.From(1));
        small.SetItem(ts, PyStr.Intern("a"), PyInt.From(2));
        Assert.That(Repr(ts, small), Is.EqualTo("{'b': 1, 'a': 2}"));
    }

    [Test]
    public void ExceptionHierarchyAndRepr()
    {
        var ts = NewTs();
        Assert.That(ExceptionTypes.FileNotFoundError.IsSubtypeOf(ExceptionTypes.OSError), Is.True);
        Assert.That(ExceptionTypes.ExceptionGroup.Mro.Length, Is.EqualTo(5));
        var e = PyExc.KeyError(new PyStr("k")).Value;
        Assert.That(Ops.StrString(ts, e), Is.EqualTo("'k'"));
        Assert.That(Repr(ts, e), Is.EqualTo("KeyError('k')"));
        var s = PyExc.StopIteration(PyInt.From(5)).Value;
        Assert.That(Repr(ts, Ops.GetAttr(ts, s, "value")), Is.EqualTo("5"));
        var ose = ExceptionTypes.Create(ExceptionTypes.FileNotFoundError, PyInt.From(2), new PyStr("No such file or directory"), new PyStr("x"));
        Assert.That(Ops.StrString(ts, ose), Is.EqualTo("[Errno 2] No such file or directory: 'x'"));
        var ae = Assert.Throws<PyException>(() => Ops.GetAttr(ts, PyInt.From(1), "nope"))!;
        Assert.That(Ops.StrString(ts, ae.Value), Is.EqualTo("'int' object has no attribute 'nope'"));
    }

    [Test]
    public void ClassCreationMroAndSlotsFromPythonLevelDunders()
    {
        var ts = NewTs();
        PyType Make(string name, params PyObject[] bases) => (PyType)ClassBuilder.NewClass(ts, TypeObjects.Type, name, bases, new PyDict(), new PyDict());
        var o = TypeObjects.Object;
        var a = Make("A", o); var b = Make("B", a); var c = Make("C", a); var d = Make("D", b, c);
        Assert.That(string.Join(",", Array.ConvertAll(d.Mro, t => t.Name)), Is.EqualTo("D,B,C,A,object"));
        var e = Assert.Throws<PyException>(() => Make("X", a, d))!;
        Assert.That(Ops.StrString(ts, e.Value), Does.StartWith("Cannot create a consistent method resolution"));
        // a builtin slot is inherited directly; setting a dunder on the class switches it to generic
        var sub = Make("MyInt", PyInt.TypeObject);
        Assert.That(sub.NumberOps[0], Is.SameAs(PyInt.TypeObject.NumberOps[0]));
        Ops.SetAttr(ts, sub, PyStr.Intern("__add__"), Ops.GetAttr(ts, PyInt.TypeObject, "__sub__"));
        Assert.That(sub.NumberOps[0], Is.Not.SameAs(PyInt.TypeObject.NumberOps[0]));
        var inst = Ops.Call(ts, sub, PyInt.From(10));
        Assert.That(Repr(ts, Ops.BinaryOp(ts, inst, PyInt.From(3), 0)), Is.EqualTo("7"));
        // instance attributes of a plain class live in the dict
        var obj = Ops.Call(ts, a);
        Ops.SetAttr(ts, obj, PyStr.Intern("x"), PyInt.From(42));
        Assert.That(Repr(ts, Ops.GetAttr(ts, obj, "x")), Is.EqualTo("42"));
        var err = Assert.Throws<PyException>(() => Ops.Call(ts, a, PyInt.From(1)))!;
        Assert.That(Ops.StrString(ts, err.Value), Is.EqualTo("A() takes no arguments"));
    }

    [Test]
    public void TypeOfBuiltinsIsImmutable()
    {
        var ts = NewTs();
        var e = Assert.Throws<PyException>(() => Ops.SetAttr(ts, PyInt.TypeObject, PyStr.Intern("x"), PyInt.From(1)))!;
        Assert.That(Ops.StrString(ts, e.Value), Is.EqualTo("cannot set 'x' attribute of immutable type 'int'"));
    }
}
