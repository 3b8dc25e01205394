#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>How a Python call of a slot wrapper maps onto the slot delegate.</summary>
public delegate PyObject WrapperInvoke(ThreadState ts, PySlotWrapper w, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames);

/// <summary>One type slot: the dunder names that feed it, how to read/write it on a PyType,
/// the generic implementation used when a class defines the dunder in Python, and how a
/// wrapper of a builtin implementation is called from Python.</summary>
public sealed class SlotDef
{
    public readonly string[] Names;
    public readonly Type DelegateType;
    public readonly Action<PyType, Delegate?> Set;
    public readonly Delegate Generic;
    readonly WrapperInvoke _invoke;

    public SlotDef(string[] names, Type delegateType, Action<PyType, Delegate?> set, Delegate generic, WrapperInvoke invoke)
    {
        Names = names; DelegateType = delegateType; Set = set; Generic = generic; _invoke = invoke;
    }

    public PyObject Invoke(ThreadState ts, PySlotWrapper w, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
        => _invoke(ts, w, self, args, kwnames);
}

/// <summary>
/// The table of slots and their dunders, and slot resolution: for each slot, look its dunders
/// up along the MRO; if every one found is a wrapper of the same builtin slot, use that C#
/// delegate directly, otherwise use the generic implementation that calls the Python dunder.
/// </summary>
public static class SlotDefs
{
    public static readonly List<SlotDef> All = new();
    static readonly Dictionary<string, List<SlotDef>> ByName = new();
    public static SlotDef GetAttrDef = null!, HashDef = null!, IterDef = null!, InitDef = null!, NewDef = null!, CallDef = null!;

    static readonly string[] CompareNames = { "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__" };
    /// <summary>Per binary operator: the slot a class gets when it defines the dunder in Python.</summary>
    internal static readonly BinarySlot?[] GenericBinary = new BinarySlot?[13];

    public static readonly string[] BinaryNames =
        { "add", "and", "floordiv", "lshift", "matmul", "mul", "mod", "or", "pow", "rshift", "sub", "truediv", "xor" };

    static SlotDef Add(string[] names, Type dt, Action<PyType, Delegate?> set, Delegate generic, WrapperInvoke invoke)
    {
        var d = new SlotDef(names, dt, set, generic, invoke);
        All.Add(d);
        foreach (var n in names)
        {
            if (!ByName.TryGetValue(n, out var l)) ByName[n] = l = new();
            l.Add(d);
        }
        return d;
    }

    static void NoKw(PySlotWrapper w, PyTuple? kw)
    {
        if (kw != null && kw.Items.Length > 0) throw PyExc.TypeError($"wrapper {w.Name}() takes no keyword arguments");
    }

    static void Expect(PySlotWrapper w, ReadOnlySpan<PyObject> args, PyTuple? kw, int n)
    {
        NoKw(w, kw);
        if (args.Length != n) throw PyExc.TypeError($"expected {n} argument{(n == 1 ? "" : "s")}, got {args.Length}");
    }

    static void Unary(string name, Action<PyType, UnarySlot?> set)
    {
        var pname = PyStr.Intern(name);
        Add(new[] { name }, typeof(UnarySlot), (t, d) => set(t, (UnarySlot?)d),
            (UnarySlot)((ts, self) => CallDunder(ts, self, pname)),
            (ts, w, self, args, kw) => { Expect(w, args, kw, 0); return ((UnarySlot)w.Fn)(ts, self); });
    }

    static SlotDefs()
    {
        Unary("__repr__", (t, d) => t.Repr = d);
        Unary("__str__", (t, d) => t.Str = d);
        Unary("__iter__", (t, d) => t.Iter = d);
        IterDef = All[^1];
        Unary("__neg__", (t, d) => t.Neg = d);
        Unary("__pos__", (t, d) => t.Pos = d);
        Unary("__invert__", (t, d) => t.Invert = d);
        Unary("__abs__", (t, d) => t.Abs = d);
        Unary("__index__", (t, d) => t.Index = d);
        Unary("__int__", (t, d) => t.Int = d);
        Unary("__float__", (t, d) => t.Float = d);

        var sNext = PyStr.Intern("__next__");
        Add(new[] { "__next__" }, typeof(IterNextSlot), (t, d) => t.IterNext = (IterNextSlot?)d,
            (IterNextSlot)((ts, self) =>
            {
                try { return CallDunder(ts, self, sNext); }
                catch (PyException e) when (e.Matches(ExceptionTypes.StopIteration)) { return null; }
            }),
            (ts, w, self, args, kw) => { Expect(w, args, kw, 0); return ((IterNextSlot)w.Fn)(ts, self) ?? throw PyExc.StopIteration(); });

        var sHash = PyStr.Intern("__hash__");
        HashDef = Add(new[] { "__hash__" }, typeof(HashSlot), (t, d) => t.Hash = (HashSlot?)d,
            (HashSlot)((ts, self) =>
            {
                var r = CallDunder(ts, self, sHash);
                if (r is not PyInt i) throw PyExc.TypeError("__hash__ method should return an integer");
                // as CPython's slot_tp_hash: a value that fits a machine word is the hash itself
                // (hash(()) returned by __hash__ stays hash(())); only a bigger one is reduced
                long h = i.FitsLong ? i.Small : i.HashValue();
                return h == -1 ? -2 : h;
            }),
            (ts, w, self, args, kw) => { Expect(w, args, kw, 0); return PyInt.From(((HashSlot)w.Fn)(ts, self)); });

        var sBool = PyStr.Intern("__bool__");
        Add(new[] { "__bool__" }, typeof(BoolSlot), (t, d) => t.Bool = (BoolSlot?)d,
            (BoolSlot)((ts, self) =>
            {
                var r = CallDunder(ts, self, sBool);
                if (r is not PyBool b) throw PyExc.TypeError($"__bool__ should return bool, returned {r.Type.Name}");
                return b == PyBool.True;
            }),
            (ts, w, self, args, kw) => { Expect(w, args, kw, 0); return PyBool.From(((BoolSlot)w.Fn)(ts, self)); });

        var sLen = PyStr.Intern("__len__");
        Add(new[] { "__len__" }, typeof(LenSlot), (t, d) => t.Len = (LenSlot?)d,
            (LenSlot)((ts, self) =>
            {
                var r = CallDunder(ts, self, sLen);
                var i = Ops.Index(ts, r);
                if (i.Sign < 0) throw PyExc.ValueError("__len__() should return >= 0");
                if (!i.FitsLong) throw PyExc.OverflowError("cannot fit 'int' into an index-sized integer");
                return i.ToLongChecked();
            }),
            (ts, w, self, args, kw) => { Expect(w, args, kw, 0); return PyInt.From(((LenSlot)w.Fn)(ts, self)); });

        var cmpNames = new PyStr[6];
        for (int i = 0; i < 6; i++) cmpNames[i] = PyStr.Intern(CompareNames[i]);
        Add(CompareNames, typeof(RichCompareSlot), (t, d) => t.RichCompare = (RichCompareSlot?)d,
            (RichCompareSlot)((ts, a, b, op) =>
            {
                var f = a.Type.Lookup(cmpNames[(int)op]);
                if (f == null) return PyNotImplemented.Value;
                return CallBound(ts, f, a, b);
            }),
            (ts, w, self, args, kw) =>
            {
                Expect(w, args, kw, 1);
                var op = (CompareOp)Array.IndexOf(CompareNames, w.Name);
                return ((RichCompareSlot)w.Fn)(ts, self, args[0], op);
            });

        var sGetattribute = PyStr.Intern("__getattribute__");
        var sGetattr = PyStr.Intern("__getattr__");
        GetAttrDef = Add(new[] { "__getattribute__", "__getattr__" }, typeof(GetAttrSlot), (t, d) => t.GetAttr = (GetAttrSlot?)d,
            (GetAttrSlot)((ts, self, name) =>
            {
                var ga = self.Type.Lookup(sGetattribute);
                var gattr = self.Type.Lookup(sGetattr);
                if (ga is PySlotWrapper w && w.Def == GetAttrDef)
                {
                    var r = ((GetAttrSlot)w.Fn)(ts, self, name);
                    if (r != null || gattr == null) return r;
                }
                else if (ga != null)
                {
                    if (gattr == null) return CallBound(ts, ga, self, name);
                    try { return CallBound(ts, ga, self, name); }
                    catch (PyException e) when (e.Matches(ExceptionTypes.AttributeError)) { }
                }
                return gattr == null ? null : CallBound(ts, gattr, self, name);
            }),
            (ts, w, self, args, kw) =>
            {
                Expect(w, args, kw, 1);
                if (args[0] is not PyStr name) throw PyExc.TypeError($"attribute name must be string, not '{args[0].Type.Name}'");
                return ((GetAttrSlot)w.Fn)(ts, self, name) ?? throw PyExc.NoAttribute(self, name);
            });

        var sSetattr = PyStr.Intern("__setattr__");
        var sDelattr = PyStr.Intern("__delattr__");
        Add(new[] { "__setattr__", "__delattr__" }, typeof(SetAttrSlot), (t, d) => t.SetAttr = (SetAttrSlot?)d,
            (SetAttrSlot)((ts, self, name, value) =>
            {
                if (value == null) CallDunder(ts, self, sDelattr, name);
                else CallDunder(ts, self, sSetattr, name, value);
            }),
            (ts, w, self, args, kw) =>
            {
                bool del = w.Name == "__delattr__";
                Expect(w, args, kw, del ? 1 : 2);
                if (args[0] is not PyStr name) throw PyExc.TypeError($"attribute name must be string, not '{args[0].Type.Name}'");
                ((SetAttrSlot)w.Fn)(ts, self, name, del ? null : args[1]);
                return PyNone.Value;
            });

        var sCall = PyStr.Intern("__call__");
        CallDef = Add(new[] { "__call__" }, typeof(CallSlot), (t, d) => t.Call = (CallSlot?)d,
            (CallSlot)((ts, self, args, kwnames) =>
            {
                var f = self.Type.Lookup(sCall) ?? throw PyExc.TypeError($"'{self.Type.Name}' object is not callable");
                return CallBoundKw(ts, f, self, args, kwnames);
            }),
            (ts, w, self, args, kw) => ((CallSlot)w.Fn)(ts, self, args, kw));

        var sGetitem = PyStr.Intern("__getitem__");
        Add(new[] { "__getitem__" }, typeof(BinarySlot), (t, d) => t.GetItem = (BinarySlot?)d,
            (BinarySlot)((ts, self, key) => CallDunder(ts, self, sGetitem, key)),
            (ts, w, self, args, kw) => { Expect(w, args, kw, 1); return ((BinarySlot)w.Fn)(ts, self, args[0]); });

        var sSetitem = PyStr.Intern("__setitem__");
        var sDelitem = PyStr.Intern("__delitem__");
        Add(new[] { "__setitem__", "__delitem__" }, typeof(SetItemSlot), (t, d) => t.SetItem = (SetItemSlot?)d,
            (SetItemSlot)((ts, self, key, value) =>
            {
                if (value == null) CallDunder(ts, self, sDelitem, key);
                else CallDunder(ts, self, sSetitem, key, value);
            }),
            (ts, w, self, args, kw) =>
            {
                bool del = w.Name == "__delitem__";
                Expect(w, args, kw, del ? 1 : 2);
                ((SetItemSlot)w.Fn)(ts, self, args[0], del ? null : args[1]);
                return PyNone.Value;
            });

        var sContains = PyStr.Intern("__contains__");
        Add(new[] { "__contains__" }, typeof(ContainsSlot), (t, d) => t.Contains = (ContainsSlot?)d,
            (ContainsSlot)((ts, self, item) => Ops.IsTrue(ts, CallDunder(ts, self, sContains, item))),
            (ts, w, self, args, kw) => { Expect(w, args, kw, 1); return PyBool.From(((ContainsSlot)w.Fn)(ts, self, args[0])); });

        var sGet = PyStr.Intern("__get__");
        Add(new[] { "__get__" }, typeof(DescrGetSlot), (t, d) => t.DescrGet = (DescrGetSlot?)d,
            (DescrGetSlot)((ts, self, obj, type) => CallDunder(ts, self, sGet, obj ?? PyNone.Value, (PyObject?)type ?? PyNone.Value)),
            (ts, w, self, args, kw) =>
            {
                NoKw(w, kw);
                if (args.Length < 1 || args.Length > 2) throw PyExc.TypeError($"expected 1 or 2 arguments, got {args.Length}");
                var obj = args[0] == PyNone.Value ? null : args[0];
                var type = args.Length > 1 && args[1] != PyNone.Value ? args[1] as PyType : null;
                if (obj == null && type == null) throw PyExc.TypeError("__get__(None, None) is invalid");
                return ((DescrGetSlot)w.Fn)(ts, self, obj, type);
            });

        var sSet = PyStr.Intern("__set__");
        var sDelete = PyStr.Intern("__delete__");
        Add(new[] { "__set__", "__delete__" }, typeof(DescrSetSlot), (t, d) => t.DescrSet = (DescrSetSlot?)d,
            (DescrSetSlot)((ts, self, obj, value) =>
            {
                if (value == null) CallDunder(ts, self, sDelete, obj);
                else CallDunder(ts, self, sSet, obj, value);
            }),
            (ts, w, self, args, kw) =>
            {
                bool del = w.Name == "__delete__";
                Expect(w, args, kw, del ? 1 : 2);
                ((DescrSetSlot)w.Fn)(ts, self, args[0], del ? null : args[1]);
                return PyNone.Value;
            });

        var sNew = PyStr.Intern("__new__");
        NewDef = Add(new[] { "__new__" }, typeof(NewSlot), (t, d) => t.New = (NewSlot?)d,
            (NewSlot)((ts, cls, args, kwnames) =>
            {
                var f = cls.Lookup(sNew)!;
                if (f is PyStaticMethod sm) f = sm.Callable;
                var all = new PyObject[args.Length + 1];
                all[0] = cls; args.CopyTo(all.AsSpan(1));
                return Ops.Call(ts, f, all, kwnames);
            }),
            (ts, w, self, args, kw) =>
            {
                // T.__new__(cls, ...): `self` is cls here.
                if (self is not PyType cls) throw PyExc.TypeError($"{w.Owner.Name}.__new__(X): X is not a type object ({self.Type.Name})");
                if (!cls.IsSubtypeOf(w.Owner))
                    throw PyExc.TypeError($"{w.Owner.Name}.__new__({cls.Name}): {cls.Name} is not a subtype of {w.Owner.Name}");
                return ((NewSlot)w.Fn)(ts, cls, args, kw);
            });

        var sInit = PyStr.Intern("__init__");
        InitDef = Add(new[] { "__init__" }, typeof(InitSlot), (t, d) => t.Init = (InitSlot?)d,
            (InitSlot)((ts, self, args, kwnames) =>
            {
                var f = self.Type.Lookup(sInit)!;
                var r = CallBoundKw(ts, f, self, args, kwnames);
                if (r != PyNone.Value) throw PyExc.TypeError($"__init__() should return None, not '{r.Type.Name}'");
            }),
            (ts, w, self, args, kw) => { ((InitSlot)w.Fn)(ts, self, args, kw); return PyNone.Value; });

        for (int op = 0; op < 13; op++)
        {
            int index = op;
            var name = PyStr.Intern("__" + BinaryNames[op] + "__");
            var rname = PyStr.Intern("__r" + BinaryNames[op] + "__");
            BinarySlot? generic = null;
            generic = (ts, a, b) =>
            {
                var ta = a.Type; var tb = b.Type;
                // identity, not delegate ==, which compares unequal delegates' methods slowly
                bool doOther = ta != tb && (object?)tb.NumberOps[index] == (object?)generic && tb.Lookup(rname) != null;
                if ((object?)ta.NumberOps[index] == (object?)generic)
                {
                    // the subclass goes first only if it overrides the reflected method
                    // (CPython's method_is_overloaded): ChainMap() | Sub() is a ChainMap
                    if (doOther && tb.IsSubtypeOf(ta) && !ReferenceEquals(tb.Lookup(rname), ta.Lookup(rname)))
                    {
                        var r0 = CallMaybe(ts, b, rname, a);
                        if (r0 != PyNotImplemented.Value) return r0;
                        doOther = false;
                    }
                    var r = CallMaybe(ts, a, name, b);
                    if (r != PyNotImplemented.Value || ta == tb) return r;
                }
                return doOther ? CallMaybe(ts, b, rname, a) : PyNotImplemented.Value;
            };
            GenericBinary[index] = generic;
            Add(new[] { name.Value, rname.Value }, typeof(BinarySlot), (t, d) => t.NumberOps[index] = (BinarySlot?)d, generic,
                (ts, w, self, args, kw) =>
                {
                    if (w.Name == "__pow__" || w.Name == "__rpow__")
                    {
                        NoKw(w, kw);
                        // CPython unpacks these with an empty function name: " expected at most 2 arguments".
                        if (args.Length > 2) throw PyExc.TypeError($" expected at most 2 arguments, got {args.Length}");
                        if (args.Length < 1) throw PyExc.TypeError($" expected at least 1 argument, got {args.Length}");
                        if (args.Length == 2 && args[1] != PyNone.Value)
                        {
                            var ternary = Ops.TernaryPowerOf(ts, (BinarySlot)w.Fn);
                            return w.Name == "__pow__" ? ternary(ts, self, args[0], args[1]) : ternary(ts, args[0], self, args[1]);
                        }
                    }
                    else Expect(w, args, kw, 1);
                    var fn = (BinarySlot)w.Fn;
                    return w.Name[2] == 'r' && w.Name != "__rshift__" && w.Name != "__round__" ? fn(ts, args[0], self) : fn(ts, self, args[0]);
                });
            var iname = PyStr.Intern("__i" + BinaryNames[op] + "__");
            Add(new[] { iname.Value }, typeof(BinarySlot), (t, d) => t.NumberOps[index + 13] = (BinarySlot?)d,
                (BinarySlot)((ts, a, b) => CallMaybe(ts, a, iname, b)),
                (ts, w, self, args, kw) => { Expect(w, args, kw, 1); return ((BinarySlot)w.Fn)(ts, self, args[0]); });
        }
    }

    // ---------------- resolution ----------------

    public static void ResolveAll(PyType t)
    {
        foreach (var d in All) Resolve(t, d);
    }

    /// <summary>Re-resolves the slots fed by `name` (all slots when null).</summary>
    public static void ResolveFor(PyType t, string? name)
    {
        if (name == null) { ResolveAll(t); return; }
        if (ByName.TryGetValue(name, out var defs)) foreach (var d in defs) Resolve(t, d);
    }

    static void Resolve(PyType t, SlotDef def)
    {
        Delegate? chosen = null;
        bool generic = false;
        foreach (var n in def.Names)
        {
            var d = t.Lookup(n);
            if (d == null) continue;
            if (d is PySlotWrapper w && w.Def == def) chosen ??= w.Fn;
            else generic = true;
        }
        if (def == HashDef && t.Lookup("__hash__") == PyNone.Value) { def.Set(t, (HashSlot)Unhashable); return; }
        // `__iter__ = None` makes a class not iterable, without the __getitem__ fallback
        if (def == IterDef && t.Lookup("__iter__") == PyNone.Value) { def.Set(t, (UnarySlot)NotIterable); return; }
        def.Set(t, generic ? def.Generic : chosen);
    }

    static PyObject NotIterable(ThreadState ts, PyObject self) => throw PyExc.TypeError($"'{self.Type.Name}' object is not iterable");

    static long Unhashable(ThreadState ts, PyObject self) => throw PyExc.TypeError($"unhashable type: '{self.Type.Name}'");

    /// <summary>Installs a C# slot implementation on a builtin type created without a members
    /// class (e.g. an exception class's __str__), with its wrapper in the namespace.</summary>
    public static void AddNative(PyType t, string dunder, Delegate fn)
    {
        var def = ByName[dunder][0];
        t.Namespace.SetStr(dunder, new PySlotWrapper(def, dunder, fn, t));
        t.Modified(PyStr.Intern(dunder));
    }

    public static SlotDef? Find(string dunder) => ByName.TryGetValue(dunder, out var l) ? l[0] : null;

    // ---------------- calling dunders ----------------

    /// <summary>Calls the dunder `name` found on type(self) with self bound (raises AttributeError if missing).</summary>
    public static PyObject CallDunder(ThreadState ts, PyObject self, PyStr name, params PyObject[] args)
    {
        var f = self.Type.Lookup(name) ?? throw PyExc.NoAttribute(self, name);
        return CallBoundKw(ts, f, self, args, null);
    }

    static PyObject CallMaybe(ThreadState ts, PyObject self, PyStr name, PyObject arg)
    {
        var f = self.Type.Lookup(name);
        if (f == null) return PyNotImplemented.Value;
        return CallBound(ts, f, self, arg);
    }

    /// <summary>Calls a class attribute `f` as a method of `self` (binding through __get__ when
    /// it is a descriptor other than a plain function).</summary>
    public static PyObject CallBound(ThreadState ts, PyObject f, PyObject self, PyObject arg)
        => CallBoundKw(ts, f, self, new[] { arg }, null);

    public static PyObject CallBoundKw(ThreadState ts, PyObject f, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (f is PyFunction || f is PyMethodDescriptor || f is PySlotWrapper)
        {
            var all = new PyObject[args.Length + 1];
            all[0] = self; args.CopyTo(all.AsSpan(1));
            return Ops.Call(ts, f, all, kwnames);
        }
        ts.CheckStack();    // an instance as its own class's __call__ recurses natively: RecursionError, not a crash
        var get = f.Type.DescrGet;
        if (get != null) f = get(ts, f, self, self.Type);
        return Ops.Call(ts, f, args, kwnames);
    }
}
