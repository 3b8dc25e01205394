#nullable enable
using System;
using System.Text;
namespace StacklessIron.Objects;

/// <summary>
/// `types.GenericAlias`: what `list[int]` (a builtin's __class_getitem__) returns. The types
/// module itself gets the class as `type(list[int])`, so it has to exist natively. Attribute
/// access other than its own falls through to the origin (`list[int].append is list.append`).
/// `list[T][int]` substitutes the type variables; iterating gives the starred alias `*tuple[int]`.
/// </summary>
[PyType("GenericAlias")]
public sealed class PyGenericAlias : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("GenericAlias", typeof(PyGenericAlias), module: "types");
    public readonly PyObject Origin;
    public readonly PyTuple Args;
    /// <summary>`*tuple[int]`: what iterating an alias gives (PEP 646 unpacking).</summary>
    public readonly bool Starred;
    PyTuple? _parameters;

    public PyGenericAlias(PyObject origin, PyObject args, bool starred = false) : base(TypeObject)
    {
        Origin = origin;
        Args = args as PyTuple ?? PyTuple.Of(args);
        Starred = starred;
    }

    /// <summary>Iterating an alias yields it once, starred (`[*tuple[int]]`); without this the
    /// __getitem__ fallback would subscript it 0, 1, 2 ... for ever.</summary>
    [PySlot("__iter__")]
    static PyObject Iter(ThreadState ts, PyObject self)
    {
        var g = (PyGenericAlias)self;
        var one = new PyList();
        one.Append(new PyGenericAlias(g.Origin, g.Args, starred: true));
        return Ops.GetIter(ts, one);
    }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null && kwnames.Items.Length > 0) throw PyExc.TypeError("GenericAlias() takes no keyword arguments");
        if (args.Length != 2) throw PyExc.TypeError($"GenericAlias expected 2 arguments, got {args.Length}");
        return new PyGenericAlias(args[0], args[1]);
    }

    static readonly PyStr s_typingSubst = PyStr.Intern("__typing_subst__"), s_parametersName = PyStr.Intern("__parameters__"),
        s_prepareSubst = PyStr.Intern("__typing_prepare_subst__"), s_isUnpackedTvt = PyStr.Intern("__typing_is_unpacked_typevartuple__");

    /// <summary>The type variables among the arguments (objects with __typing_subst__), and
    /// those of arguments that have __parameters__ themselves (list[List[T]]), without repeats.</summary>
    PyTuple Parameters(ThreadState ts)
    {
        if (_parameters != null) return _parameters;
        var found = new List<PyObject>();
        foreach (var a in Args.Items)
        {
            if (a is PyType) continue;
            PyObject[] inner = a is PyGenericAlias g ? g.Parameters(ts).Items
                : a.Type.Lookup(s_typingSubst) != null ? new[] { a }
                : Ops.GetAttrOrNull(ts, a, s_parametersName) is PyTuple sub ? sub.Items : Array.Empty<PyObject>();
            foreach (var p in inner) if (!found.Contains(p)) found.Add(p);
        }
        return _parameters = new PyTuple(found.ToArray());
    }

    static int IndexOf(PyObject[] items, PyObject x)
    {
        for (int i = 0; i < items.Length; i++) if (items[i] == x) return i;
        return -1;
    }

    /// <summary>`alias[args]`: each type variable among the arguments replaced by the
    /// argument in its place (through its __typing_subst__), and arguments with their own
    /// parameters subscripted in turn (CPython's _Py_subs_parameters).</summary>
    PyObject Substitute(ThreadState ts, PyObject item)
    {
        var parameters = Parameters(ts).Items;
        if (parameters.Length == 0) throw PyExc.TypeError($"{Ops.ReprString(ts, this)} is not a generic class");
        item = UnpackStarredTuples(ts, item);
        foreach (var p in parameters)
        {
            var prepare = Ops.GetAttrOrNull(ts, p, s_prepareSubst);
            if (prepare != null && prepare != PyNone.Value) item = Ops.Call(ts, prepare, this, item as PyTuple ?? PyTuple.Of(item));
        }
        var argItems = item is PyTuple t ? t.Items : new[] { item };
        if (argItems.Length != parameters.Length)
            throw PyExc.TypeError($"Too {(argItems.Length > parameters.Length ? "many" : "few")} arguments for {Ops.ReprString(ts, this)}; actual {argItems.Length}, expected {parameters.Length}");
        var newArgs = new List<PyObject>();
        foreach (var a in Args.Items)
        {
            if (a is PyType) { newArgs.Add(a); continue; }
            bool unpack = Ops.GetAttrOrNull(ts, a, s_isUnpackedTvt) is { } u && Ops.IsTrue(ts, u);
            PyObject r;
            var subst = Ops.GetAttrOrNull(ts, a, s_typingSubst);
            if (subst != null) r = Ops.Call(ts, subst, argItems[IndexOf(parameters, a)]);
            else r = SubstituteInner(ts, a, parameters, argItems);
            if (unpack && r is PyTuple rt) newArgs.AddRange(rt.Items);
            else newArgs.Add(r);
        }
        return new PyGenericAlias(Origin, new PyTuple(newArgs.ToArray()), Starred);
    }

    static readonly PyStr s_unpackedTupleArgs = PyStr.Intern("__typing_unpacked_tuple_args__");

    /// <summary>The arguments with each `*tuple[int, str]` spliced in as its items (a starred
    /// `tuple[int, ...]` stays whole).</summary>
    static PyObject UnpackStarredTuples(ThreadState ts, PyObject item)
    {
        var items = item is PyTuple t ? t.Items : new[] { item };
        List<PyObject>? result = null;
        for (int i = 0; i < items.Length; i++)
        {
            var a = items[i];
            if (a is not PyType && Ops.GetAttrOrNull(ts, a, s_unpackedTupleArgs) is PyTuple inner
                && !(inner.Items.Length > 0 && inner.Items[^1] == PyEllipsis.Value))
            {
                result ??= new List<PyObject>(items[..i]);
                result.AddRange(inner.Items);
            }
            else result?.Add(a);
        }
        return result == null ? item : new PyTuple(result.ToArray());
    }

    /// <summary>An argument with parameters of its own (List[T], dict[K, T]) subscripted with
    /// the arguments its parameters stand for.</summary>
    static PyObject SubstituteInner(ThreadState ts, PyObject obj, PyObject[] parameters, PyObject[] argItems)
    {
        if (Ops.GetAttrOrNull(ts, obj, s_parametersName) is not PyTuple { Items.Length: > 0 } sub) return obj;
        var subArgs = new List<PyObject>();
        foreach (var sp in sub.Items)
        {
            int i = IndexOf(parameters, sp);
            if (i < 0) { subArgs.Add(sp); continue; }
            // a TypeVarTuple (iterable) takes the items of the tuple it stands for
            if (parameters[i].Type.Iter != null && argItems[i] is PyTuple at) subArgs.AddRange(at.Items);
            else subArgs.Add(argItems[i]);
        }
        return Ops.GetItem(ts, obj, new PyTuple(subArgs.ToArray()));
    }

    static readonly HashSet<string> OwnAttributes = new()
    {
        "__origin__", "__args__", "__unpacked__", "__parameters__", "__typing_unpacked_tuple_args__", "__mro_entries__",
        "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__", "__class__",
    };

    [PySlot("__getattribute__")]
    static PyObject? GetAttribute(ThreadState ts, PyObject self, PyStr name)
    {
        var g = (PyGenericAlias)self;
        if (!OwnAttributes.Contains(name.Value) && !(name.Value.StartsWith("__") && name.Value.EndsWith("__") && TypeObject.Lookup(name) != null))
            return Ops.GetAttrOrNull(ts, g.Origin, name);
        return Ops.GenericGetAttr(ts, self, name);
    }

    [PyGetter("__origin__")] static PyObject GetOrigin(ThreadState ts, PyObject self) => ((PyGenericAlias)self).Origin;
    [PyGetter("__args__")] static PyObject GetArgs(ThreadState ts, PyObject self) => ((PyGenericAlias)self).Args;
    [PyGetter("__parameters__")] static PyObject GetParameters(ThreadState ts, PyObject self) => ((PyGenericAlias)self).Parameters(ts);
    [PyGetter("__unpacked__")] static PyObject GetUnpacked(ThreadState ts, PyObject self) => PyBool.From(((PyGenericAlias)self).Starred);
    [PyGetter("__typing_unpacked_tuple_args__")]
    static PyObject GetUnpackedArgs(ThreadState ts, PyObject self)
    {
        var g = (PyGenericAlias)self;
        return g.Starred && g.Origin == TypeObjects.Tuple ? g.Args : PyNone.Value;
    }

    static readonly PyStr s_origin = PyStr.Intern("__origin__"), s_args = PyStr.Intern("__args__"),
        s_qualname = PyStr.Intern("__qualname__"), s_module = PyStr.Intern("__module__");

    /// <summary>How an argument shows inside the brackets (CPython's ga_repr_item): aliases by
    /// repr, anything with a qualified name and a module as "module.qualname" (no "builtins.").</summary>
    static string ItemRepr(ThreadState ts, PyObject o)
    {
        if (o == PyEllipsis.Value) return "...";
        if (o is PyType t) return t.FullName;
        if (Ops.GetAttrOrNull(ts, o, s_origin) != null && Ops.GetAttrOrNull(ts, o, s_args) != null) return Ops.ReprString(ts, o);
        var qualname = Ops.GetAttrOrNull(ts, o, s_qualname);
        var module = qualname == null ? null : Ops.GetAttrOrNull(ts, o, s_module);
        if (qualname == null || module == null || module == PyNone.Value) return Ops.ReprString(ts, o);
        if (module is PyStr m && m.Value == "builtins") return Ops.StrString(ts, qualname);
        return Ops.StrString(ts, module) + "." + Ops.StrString(ts, qualname);
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var g = (PyGenericAlias)self;
        var sb = new StringBuilder(g.Starred ? "*" : "").Append(ItemRepr(ts, g.Origin)).Append('[');
        if (g.Args.Items.Length == 0) sb.Append("()");
        for (int i = 0; i < g.Args.Items.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(ItemRepr(ts, g.Args.Items[i]));
        }
        return new PyStr(sb.Append(']').ToString());
    }

    static readonly PyStr s_origClass = PyStr.Intern("__orig_class__");

    /// <summary>Calls the origin; the instance remembers the alias in __orig_class__ when it can.</summary>
    [PySlot("__call__")]
    static PyObject Call(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var g = (PyGenericAlias)self;
        var r = Ops.Call(ts, g.Origin, args, kwnames);
        try { Ops.SetAttr(ts, r, s_origClass, g); }
        catch (PyException e) when (e.Matches(ExceptionTypes.AttributeError) || e.Matches(ExceptionTypes.TypeError)) { }
        return r;
    }

    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        if (a is not PyGenericAlias x || b is not PyGenericAlias y || (op != CompareOp.Eq && op != CompareOp.Ne)) return PyNotImplemented.Value;
        bool eq = x.Starred == y.Starred && Ops.Equal(ts, x.Origin, y.Origin) && Ops.Equal(ts, x.Args, y.Args);
        return PyBool.From(eq == (op == CompareOp.Eq));
    }

    [PySlot("__hash__")]
    static long Hash(ThreadState ts, PyObject self)
    {
        var g = (PyGenericAlias)self;
        long h = Ops.Hash(ts, g.Origin) ^ Ops.Hash(ts, g.Args);
        return h == -1 ? -2 : h;
    }

    [PySlot("__getitem__")]
    static PyObject GetItem(ThreadState ts, PyObject self, PyObject key)
    {
        return ((PyGenericAlias)self).Substitute(ts, key);
    }

    /// <summary>list[int] | None: a types.UnionType.</summary>
    [PySlot("__or__", "__ror__")] static PyObject Or(ThreadState ts, PyObject a, PyObject b) => PyUnionType.Or(ts, a, b);

    [PyMethod] static PyObject __mro_entries__(ThreadState ts, PyGenericAlias self, PyObject bases) => PyTuple.Of(self.Origin);

    [PyMethod]
    static PyObject __instancecheck__(ThreadState ts, PyGenericAlias self, PyObject obj)
        => throw PyExc.TypeError("isinstance() argument 2 cannot be a parameterized generic");

    [PyMethod]
    static PyObject __subclasscheck__(ThreadState ts, PyGenericAlias self, PyObject obj)
        => throw PyExc.TypeError("issubclass() argument 2 cannot be a parameterized generic");

    [PyMethod] static PyObject __reduce__(ThreadState ts, PyGenericAlias self) => PyTuple.Of(TypeObject, PyTuple.Of(self.Origin, self.Args));

    [PyMethod]
    static PyObject __dir__(ThreadState ts, PyGenericAlias self)
    {
        var names = new PyList();
        foreach (var (k, _) in TypeObject.Namespace.Items()) names.Append(k);
        return names;
    }
}
