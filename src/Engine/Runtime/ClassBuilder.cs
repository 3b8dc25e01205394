#nullable enable
using System;
namespace StacklessIron.Runtime;

/// <summary>Class creation: `type.__new__(meta, name, bases, ns, **kw)` and the
/// `__build_class__` builtin behind the class statement.</summary>
public static class ClassBuilder
{
    static readonly PyStr s_slots = PyStr.Intern("__slots__"), s_qualname = PyStr.Intern("__qualname__"),
        s_module = PyStr.Intern("__module__"), s_classcell = PyStr.Intern("__classcell__"),
        s_setname = PyStr.Intern("__set_name__"), s_initsubclass = PyStr.Intern("__init_subclass__"),
        s_mroentries = PyStr.Intern("__mro_entries__"), s_prepare = PyStr.Intern("__prepare__");

    /// <summary>The most derived metaclass of `meta` and the metaclasses of `bases`.</summary>
    public static PyType CalculateMetaclass(PyType meta, PyObject[] bases)
    {
        var winner = meta;
        foreach (var b in bases)
        {
            var t = b.Type;
            if (winner.IsSubtypeOf(t)) continue;
            if (t.IsSubtypeOf(winner)) { winner = t; continue; }
            throw PyExc.TypeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
        }
        return winner;
    }

    public static PyType NewClass(ThreadState ts, PyType metatype, string name, PyObject[] baseObjs, PyDict ns, PyDict kw)
    {
        // type.__new__ has already handed the call to a more derived metaclass's own __new__.
        metatype = CalculateMetaclass(metatype, baseObjs);

        PyType[] bases;
        if (baseObjs.Length == 0) bases = new[] { TypeObjects.Object };
        else
        {
            bases = new PyType[baseObjs.Length];
            for (int i = 0; i < baseObjs.Length; i++)
            {
                if (baseObjs[i] is not PyType bt) throw PyExc.TypeError($"bases must be types");
                if ((bt.Flags & TypeFlags.BaseType) == 0) throw PyExc.TypeError($"type '{bt.FullName}' is not an acceptable base type");
                for (int j = 0; j < i; j++) if (bases[j] == bt) throw PyExc.TypeError($"duplicate base class {bt.Name}");
                bases[i] = bt;
            }
        }

        // The layout: the most derived "solid" base decides which C# class instances are made of.
        PyType solid = bases[0].SolidBase;
        foreach (var b in bases)
        {
            var s = b.SolidBase;
            if (s.IsSubtypeOf(solid)) solid = s;
            else if (!solid.IsSubtypeOf(s)) throw PyExc.TypeError("multiple bases have instance lay-out conflict");
        }

        var dict = ns.Copy();
        // The compiler's __qualname__ and __classcell__ leave the namespace before __slots__ may
        // name them too (a slot then takes the name).
        var qn = dict.GetStr(s_qualname);
        if (qn != null) dict.RemoveStr(s_qualname);
        var cellObj = dict.GetStr(s_classcell);
        if (cellObj != null) dict.RemoveStr(s_classcell);
        var type = new PyType(metatype, name, bases, solid.NativeClass, TypeFlags.HeapType | TypeFlags.BaseType);
        type.SetNamespace(dict);

        // __slots__
        bool baseHasDict = false;
        int slotCount = 0;
        foreach (var b in bases) { baseHasDict |= b.InstanceHasDict || (!b.IsHeapType && b.NativeClass != typeof(PyInstance) && b != TypeObjects.Object && BuiltinHasDict(b)); slotCount = Math.Max(slotCount, b.SlotCount); }
        var slotsObj = dict.GetStr(s_slots);
        bool wantDict = true;
        bool baseTakesWeakrefs = false;
        foreach (var b in bases) baseTakesWeakrefs |= b.IsHeapType ? !b.InstanceRefusesWeakrefs : PyWeakRef.BuiltinTakesWeakrefs(b);
        bool wantWeakrefs = true;
        if (slotsObj != null)
        {
            wantDict = false;
            wantWeakrefs = false;
            var names = slotsObj is PyStr one ? new PyObject[] { one } : Ops.ToArray(ts, slotsObj);
            foreach (var n in names)
            {
                if (n is not PyStr sn) throw PyExc.TypeError($"__slots__ items must be strings, not '{n.Type.Name}'");
                if (sn.Value == "__dict__") { if (baseHasDict) throw PyExc.TypeError("__dict__ slot disallowed: we already got one"); wantDict = true; continue; }
                if (sn.Value == "__weakref__") { wantWeakrefs = true; continue; }
                if (solid.NativeClass != typeof(PyInstance))
                {
                    // Variable-size builtins refuse slots as CPython does; other builtin bases keep
                    // their slot values in an instance dict (the C# layout cannot grow).
                    if (solid.Name is "int" or "bool" or "tuple" or "bytes" or "str")
                        throw PyExc.TypeError($"nonempty __slots__ not supported for subtype of '{solid.Name}'");
                    wantDict = true;
                    continue;
                }
                var mangled = Mangle(name, sn.Value);
                // Only the class body's own names conflict; a name listed twice (datetime's
                // date.__slots__ + time.__slots__) keeps one slot.
                // __qualname__ and __classcell__ come from the compiler and leave the namespace
                // below, so they are no class variables.
                if (ns.GetStr(mangled) != null && mangled != "__qualname__" && mangled != "__classcell__")
                    throw PyExc.ValueError($"'{sn.Value}' in __slots__ conflicts with class variable");
                if (dict.GetStr(mangled) is PyMemberDescriptor existing && existing.Owner == type) continue;
                dict.SetStr(mangled, new PyMemberDescriptor(type, mangled, slotCount++));
            }
        }
        type.SlotCount = slotCount;
        type.InstanceRefusesWeakrefs = !wantWeakrefs && !baseTakesWeakrefs;
        type.InstanceHasDict = baseHasDict || wantDict;
        if (type.InstanceHasDict && !baseHasDict && dict.GetStr("__dict__") == null)
            dict.SetStr("__dict__", new PyGetSetDescriptor(type, "__dict__",
                (ts2, o) => (PyObject?)o.Dict ?? throw PyExc.AttributeError("This object has no __dict__"),
                (ts2, o, v) => o.Dict = v == null ? new PyDict() : v as PyDict ?? throw PyExc.TypeError($"__dict__ must be set to a dictionary, not a '{v?.Type.Name ?? "NoneType"}'")));

        // names
        if (qn != null)
        {
            if (qn is not PyStr qs) throw PyExc.TypeError($"type __qualname__ must be a str, not {qn.Type.Name}");
            type.QualName = qs.Value;
        }
        if (dict.GetStr(s_module) == null)
        {
            var modName = ts.Frame?.Globals.GetStr("__name__");
            if (modName != null) dict.SetStr(s_module, modName);
        }
        if (dict.GetStr("__doc__") == null) dict.SetStr("__doc__", PyNone.Value);

        // implicit classmethod/staticmethod
        if (dict.GetStr("__new__") is PyFunction nf) dict.SetStr("__new__", new PyStaticMethod(nf));
        foreach (var cm in new[] { "__init_subclass__", "__class_getitem__" })
            if (dict.GetStr(cm) is PyFunction f) dict.SetStr(cm, new PyClassMethod(f));
        if (dict.GetStr("__eq__") != null && dict.GetStr("__hash__") == null) dict.SetStr("__hash__", PyNone.Value);

        type.Mro = type.ComputeMro();
        foreach (var b in bases) b.AddSubclass(type);
        SlotDefs.ResolveAll(type);

        // __classcell__
        if (cellObj != null)
        {
            if (cellObj is not PyCell cell) throw PyExc.TypeError($"__classcell__ must be a nonlocal cell, not {cellObj.Type}");
            cell.Value = type;
        }

        // __set_name__
        foreach (var (k, v) in dict.Copy().Items())
        {
            var sn = v.Type.Lookup(s_setname);
            if (sn == null) continue;
            try { SlotDefs.CallBoundKw(ts, sn, v, new PyObject[] { type, k }, null); }
            catch (PyException e)
            {
                var err = ExceptionTypes.Create(ExceptionTypes.RuntimeError, new PyStr($"Error calling __set_name__ on '{v.Type.Name}' instance {Ops.ReprString(ts, k)} in '{name}'"));
                err.Cause = e.Value; err.Context = e.Value; err.SuppressContext = true;
                throw new PyException(err);
            }
        }

        // super().__init_subclass__(**kw)
        for (int i = 1; i < type.Mro.Length; i++)
        {
            var isc = type.Mro[i].Namespace.GetStr(s_initsubclass);
            if (isc == null) continue;
            var bound = isc.Type.DescrGet != null ? isc.Type.DescrGet(ts, isc, null, type) : isc;
            Ops.CallWithDict(ts, bound, Array.Empty<PyObject>(), kw);
            break;
        }
        return type;
    }

    static bool BuiltinHasDict(PyType b) => b.Lookup("__dict__") is PyGetSetDescriptor && b != TypeObjects.Type;

    /// <summary>Private name mangling: `__x` inside class C becomes `_C__x`.</summary>
    public static string Mangle(string className, string name)
    {
        if (!name.StartsWith("__") || name.EndsWith("__") || name.Contains('.')) return name;
        var c = className.TrimStart('_');
        return c.Length == 0 ? name : "_" + c + name;
    }

    /// <summary>builtins.__build_class__(func, name, *bases, metaclass=None, **kwds).</summary>
    public static PyObject BuildClass(ThreadState ts, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        int nkw = kwnames?.Items.Length ?? 0;
        int npos = args.Length - nkw;
        if (npos < 2) throw PyExc.TypeError("__build_class__: not enough arguments");
        if (args[0] is not PyFunction body) throw PyExc.TypeError("__build_class__: func must be a function");
        if (args[1] is not PyStr name) throw PyExc.TypeError("__build_class__: name is not a string");
        var origBases = args.Slice(2, npos - 2).ToArray();
        var bases = ResolveMroEntries(ts, origBases);
        PyObject? meta = null;
        var kw = new PyDict();
        for (int i = 0; i < nkw; i++)
        {
            var k = kwnames!.Items[i];
            if (k is PyStr ks && ks.Value == "metaclass") meta = args[npos + i];
            else kw.SetItem(ts, k, args[npos + i]);
        }
        if (meta == null) meta = bases.Length > 0 ? bases[0].Type : TypeObjects.Type;
        if (meta is PyType mt) meta = CalculateMetaclass(mt, bases);

        PyObject ns;
        var prepare = Ops.GetAttrOrNull(ts, meta, s_prepare);
        if (prepare != null) ns = Ops.CallWithDict(ts, prepare, new PyObject[] { name, new PyTuple(bases) }, kw);
        else ns = new PyDict();
        if (ns.Type.GetItem == null)
            throw PyExc.TypeError($"{(meta is PyType m2 ? m2.Name : "<metaclass>")}.__prepare__() must return a mapping, not {ns.Type.Name}");

        var cell = Interpreter.RunClassBody(ts, body, ns);
        if (bases != origBases && !ReferenceEquals(bases, origBases))
            Ops.SetItem(ts, ns, PyStr.Intern("__orig_bases__"), new PyTuple(origBases));
        var cls = Ops.CallWithDict(ts, meta, new PyObject[] { name, new PyTuple(bases), ns }, kw);
        if (cell is PyCell c && cls is PyType && c.Value != cls)
        {
            if (c.Value == null)
                throw PyExc.RuntimeError($"__class__ not set defining {Ops.ReprString(ts, name)} as {Ops.ReprString(ts, cls)}. Was __classcell__ propagated to type.__new__?");
            throw PyExc.TypeError($"__class__ set to {Ops.ReprString(ts, c.Value)} defining {Ops.ReprString(ts, name)} as {Ops.ReprString(ts, cls)}");
        }
        return cls;
    }

    static PyObject[] ResolveMroEntries(ThreadState ts, PyObject[] bases)
    {
        List<PyObject>? result = null;
        for (int i = 0; i < bases.Length; i++)
        {
            var b = bases[i];
            if (b is PyType) { result?.Add(b); continue; }
            var me = Ops.GetAttrOrNull(ts, b, s_mroentries);
            if (me == null) { result?.Add(b); continue; }
            if (result == null) { result = new List<PyObject>(); for (int j = 0; j < i; j++) result.Add(bases[j]); }
            var entries = Ops.Call(ts, me, new PyTuple(bases));
            if (entries is not PyTuple et) throw PyExc.TypeError("__mro_entries__ must return a tuple");
            result.AddRange(et.Items);
        }
        return result == null ? bases : result.ToArray();
    }
}
