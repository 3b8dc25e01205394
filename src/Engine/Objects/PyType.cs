#nullable enable
using System.Reflection;
using System;
using System.Runtime.CompilerServices;
namespace StacklessIron.Objects;

[Flags]
public enum TypeFlags
{
    None = 0,
    HeapType = 1,        // created by a class statement / type(name, bases, dict)
    BaseType = 2,        // may be subclassed
    Abstract = 4,        // has __abstractmethods__
    Immutable = 8,       // attributes cannot be set (builtin static types)
}

/// <summary>
/// A Python type. Holds the C3 MRO, the namespace dict, and the resolved slots of the hot
/// protocols: builtin types' slots are C# methods, a user class's slots call its dunders.
/// Slots are recomputed when a dunder is set on the type or one of its bases.
/// </summary>
[PyType("type")]
public sealed partial class PyType : PyObject
{
    public string Name;
    public string QualName;
    public PyType? Base;                 // the first base (tp_base)
    public PyType[] Bases;
    public PyType[] Mro = Array.Empty<PyType>();
    public TypeFlags Flags;
    PyDict _dict = null!;
    /// <summary>The C# class that instances of this type (and of its subclasses) are made of.</summary>
    public Type NativeClass;
    /// <summary>Instances of this (user) type get an instance dict.</summary>
    public bool InstanceHasDict;
    /// <summary>Instances of this (user) type take no weak references: `__slots__` without
    /// "__weakref__" over bases that take none (CPython's tp_weaklistoffset of 0).</summary>
    public bool InstanceRefusesWeakrefs;
    SharedKeys? _instanceKeys;
    /// <summary>The names PyInstance keeps in inline values for instances of exactly this type.</summary>
    public SharedKeys InstanceKeys { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => _instanceKeys ?? NewInstanceKeys(); }
    SharedKeys NewInstanceKeys() => _instanceKeys = new SharedKeys();
    /// <summary>Number of `__slots__` storage cells in PyInstance.Slots (all bases included).</summary>
    public int SlotCount;
    /// <summary>Bumped on every change of this type's or a base's namespace (attribute caches).</summary>
    public int VersionTag;
    static int _nextVersion;
    readonly List<WeakReference<PyType>> _subclasses = new();
    readonly Dictionary<PyStr, PyObject?> _lookupCache = new(PyStrComparer.Instance);

    // ---- slots (see SlotDefs for the dunder names) ----
    public UnarySlot? Repr, Str, Iter, Neg, Pos, Invert, Abs, Index, Int, Float;
    public HashSlot? Hash;
    public RichCompareSlot? RichCompare;
    public GetAttrSlot? GetAttr;
    public SetAttrSlot? SetAttr;
    public CallSlot? Call;
    public IterNextSlot? IterNext;
    public LenSlot? Len;
    public BoolSlot? Bool;
    public BinarySlot? GetItem;
    public SetItemSlot? SetItem;
    public ContainsSlot? Contains;
    public DescrGetSlot? DescrGet;
    public DescrSetSlot? DescrSet;
    public NewSlot? New;
    public InitSlot? Init;
    /// <summary>Number operators indexed by BinaryOpArg (in-place forms at 13..25).</summary>
    public readonly BinarySlot?[] NumberOps = new BinarySlot?[26];

    public override PyDict? Dict { get => _dict; set => throw PyExc.AttributeError("attribute '__dict__' of 'type' objects is not writable"); }
    public PyDict Namespace => _dict;
    public bool IsHeapType => (Flags & TypeFlags.HeapType) != 0;

    /// <summary>Creates a type object without filling it (bootstrap phase 1 or class creation).</summary>
    internal PyType(PyType? metatype, string name, PyType[] bases, Type nativeClass, TypeFlags flags) : base(metatype!)
    {
        Name = name; QualName = name;
        Bases = bases;
        Base = bases.Length > 0 ? bases[0] : null;
        NativeClass = nativeClass;
        Flags = flags;
        VersionTag = Interlocked.Increment(ref _nextVersion);
    }

    /// <summary>Creates and fills a builtin type from the [Py*]-marked members of `cls`.
    /// Use this for builtin types outside the bootstrap set (see TypeObjects).</summary>
    public static PyType Builtin(string name, Type cls, PyType? @base = null, bool subclassable = true, string module = "builtins")
    {
        var t = new PyType(TypeObjects.Type, name, new[] { @base ?? TypeObjects.Object }, cls,
            TypeFlags.Immutable | (subclassable ? TypeFlags.BaseType : 0));
        t.FinishBuiltin(module, cls);
        return t;
    }

    /// <summary>Phase 2 of creation for builtin types: namespace from attributes, MRO, slots.</summary>
    internal void FinishBuiltin(string module = "builtins", Type? members = null)
    {
        _dict = new PyDict();
        Mro = ComputeMro();
        foreach (var b in Bases) b.AddSubclass(this);
        if (members != null) NativeMembers.Fill(this, members);
        if (!_dict.ContainsStr("__module__") && module != "builtins") _dict.SetStr("__module__", new PyStr(module));
        if (!_dict.ContainsStr("__doc__")) _dict.SetStr("__doc__", PyNone.Value);
        SlotDefs.ResolveAll(this);
    }

    internal void SetNamespace(PyDict d) { _dict = d; }

    // ---------------- MRO ----------------

    /// <summary>C3 linearisation; raises TypeError when the bases have no consistent order.</summary>
    internal PyType[] ComputeMro()
    {
        if (Bases.Length == 0) return new[] { this };
        if (Bases.Length == 1)
        {
            var bm = Bases[0].Mro;
            var r = new PyType[bm.Length + 1];
            r[0] = this; Array.Copy(bm, 0, r, 1, bm.Length);
            return r;
        }
        var seqs = new List<List<PyType>>();
        foreach (var b in Bases) seqs.Add(new List<PyType>(b.Mro));
        seqs.Add(new List<PyType>(Bases));
        var result = new List<PyType> { this };
        while (true)
        {
            seqs.RemoveAll(s => s.Count == 0);
            if (seqs.Count == 0) break;
            PyType? candidate = null;
            foreach (var s in seqs)
            {
                var head = s[0];
                bool inTail = false;
                foreach (var s2 in seqs)
                    if (s2.IndexOf(head) > 0) { inTail = true; break; }
                if (!inTail) { candidate = head; break; }
            }
            if (candidate == null)
            {
                var names = new List<string>();
                foreach (var s in seqs) if (!names.Contains(s[0].Name)) names.Add(s[0].Name);
                throw PyExc.TypeError("Cannot create a consistent method resolution\norder (MRO) for bases " + string.Join(", ", names));
            }
            result.Add(candidate);
            foreach (var s in seqs) if (s[0] == candidate) s.RemoveAt(0);
        }
        return result.ToArray();
    }

    public bool IsSubtypeOf(PyType other)
    {
        if (this == other) return true;
        var mro = Mro;
        for (int i = 0; i < mro.Length; i++) if (mro[i] == other) return true;
        return false;
    }

    internal void AddSubclass(PyType sub) { lock (_subclasses) _subclasses.Add(new WeakReference<PyType>(sub)); }

    public List<PyType> Subclasses()
    {
        var r = new List<PyType>();
        lock (_subclasses)
        {
            _subclasses.RemoveAll(w => !w.TryGetTarget(out _));
            foreach (var w in _subclasses) if (w.TryGetTarget(out var t)) r.Add(t);
        }
        return r;
    }

    // ---------------- lookup ----------------

    /// <summary>Finds `name` along the MRO without invoking descriptors (_PyType_Lookup). Cached.</summary>
    public PyObject? Lookup(PyStr name)
    {
        // A small direct-mapped cache keyed by the (usually interned) name object first,
        // then the by-value dictionary (CPython's method cache idea).
        var fast = _fastCache;
        int i = (int)name.GetHash() & (FastCacheSize - 1);
        if ((object?)fast[i].Name == name) return fast[i].Value;
        if (!_lookupCache.TryGetValue(name, out var v))
        {
            v = LookupUncached(name);
            _lookupCache[name] = v;
        }
        fast[i].Name = name;
        fast[i].Value = v;
        return v;
    }

    struct FastCacheEntry { public PyStr? Name; public PyObject? Value; }
    const int FastCacheSize = 32;
    readonly FastCacheEntry[] _fastCache = new FastCacheEntry[FastCacheSize];

    public PyObject? Lookup(string name) => Lookup(PyStr.Intern(name));

    PyObject? LookupUncached(PyStr name)
    {
        var mro = Mro;
        for (int i = 0; i < mro.Length; i++)
        {
            var v = mro[i]._dict.GetStr(name);
            if (v != null) return v;
        }
        return null;
    }

    /// <summary>The class along the MRO whose own namespace defines `name`.</summary>
    public PyType? LookupOwner(PyStr name)
    {
        foreach (var t in Mro) if (t._dict.GetStr(name) != null) return t;
        return null;
    }

    /// <summary>Call after changing this type's namespace entry `name`: drops caches and
    /// re-resolves affected slots here and in every subclass.</summary>
    public void Modified(PyStr? name)
    {
        VersionTag = Interlocked.Increment(ref _nextVersion);
        _lookupCache.Clear();
        Array.Clear(_fastCache);
        if (name == null || name.Value.StartsWith("__")) SlotDefs.ResolveFor(this, name?.Value);
        foreach (var sub in Subclasses()) sub.Modified(name);
    }

    /// <summary>Sets an attribute in the namespace, as `type.__setattr__` does (no descriptor logic).</summary>
    public void SetTypeAttr(PyStr name, PyObject? value)
    {
        if (value == null)
        {
            if (!_dict.RemoveStr(name)) throw PyExc.AttributeError($"type object '{Name}' has no attribute '{name.Value}'");
        }
        else _dict.SetStr(name, value);
        Modified(name);
    }

    public override string ToString() => $"<class '{Name}'>";

    /// <summary>`__module__` as a string (builtins for builtin types).</summary>
    public string ModuleName
    {
        get
        {
            var m = _dict.GetStr("__module__");
            if (m is PyStr s) return s.Value;
            return "builtins";
        }
    }

    /// <summary>The qualified name used in messages and reprs: "mod.QualName" unless builtins.</summary>
    public string FullName
    {
        get
        {
            var m = ModuleName;
            return m == "builtins" ? QualName : m + "." + QualName;
        }
    }

    /// <summary>CPython's tp_name, which its messages about instances use ("'x.T' object has no
    /// attribute"): a class statement's type gives its name, a native type of a module its
    /// qualified name (_stackless.tasklet, collections.deque). A module's exception classes are
    /// made at run time in CPython (heap types), so they give their name alone.</summary>
    public string TpName => IsHeapType || IsSubtypeOf(ExceptionTypes.BaseException) ? Name : FullName;

    /// <summary>The nearest base whose instances share the C# layout (CPython's solid_base).</summary>
    public PyType SolidBase
    {
        get
        {
            // A builtin type whose instances are the same C# class as its base's adds nothing to
            // the layout (LookupError over Exception), so `class E(LookupError, SystemError)` is fine.
            var t = this;
            while (t.Base != null && (t.IsHeapType || t.Base.NativeClass == t.NativeClass && t.Base != TypeObjects.Object)) t = t.Base;
            return t;
        }
    }
}
