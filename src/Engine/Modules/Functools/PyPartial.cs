#nullable enable
using System;
using System.Text;
namespace StacklessIron.Modules;

/// <summary>`functools.partial(func, /, *args, **keywords)`: a callable that prepends args
/// and merges keywords. A partial of a plain partial is flattened, as in CPython.</summary>
[PyType("partial")]
public class PyPartial : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("partial", typeof(PyPartial), module: "functools");

    PyObject _fn = PyNone.Value;
    PyObject[] _args = Array.Empty<PyObject>();
    PyDict _kw = new();
    PyDict? _dict;

    public PyPartial(PyType t) : base(t) { }
    public override PyDict? Dict { get => _dict ??= new PyDict(); set => _dict = value; }

    bool HasInstanceAttrs => _dict != null && _dict.Count > 0;

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        int nkw = kwnames?.Items.Length ?? 0, npos = args.Length - nkw;
        if (npos < 1) throw PyExc.TypeError("type 'partial' takes at least one argument");
        var fn = args[0];
        if (!Ops.IsCallable(fn)) throw PyExc.TypeError("the first argument must be callable");
        var p = new PyPartial(cls);
        var pargs = new System.Collections.Generic.List<PyObject>();
        var kw = new PyDict();
        // Flatten partial(partial(f, a), b) into partial(f, a, b) when the inner one is plain.
        if (fn is PyPartial inner && inner.Type.Call == TypeObject.Call && !inner.HasInstanceAttrs)
        {
            pargs.AddRange(inner._args);
            kw.Update(ts, inner._kw);
            fn = inner._fn;
        }
        for (int i = 1; i < npos; i++) pargs.Add(args[i]);
        for (int k = 0; k < nkw; k++) kw.SetItem(ts, kwnames!.Items[k], args[npos + k]);
        p._fn = fn;
        p._args = pargs.ToArray();
        p._kw = kw;
        return p;
    }

    [PySlot("__call__")]
    static PyObject Call(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var p = (PyPartial)self;
        int nkw = kwnames?.Items.Length ?? 0, npos = args.Length - nkw;
        if (p._kw.Count == 0)
        {
            if (p._args.Length == 0) return Ops.Call(ts, p._fn, args, kwnames);
            var all = new PyObject[p._args.Length + args.Length];
            p._args.CopyTo(all, 0);
            args.CopyTo(all.AsSpan(p._args.Length));
            return Ops.Call(ts, p._fn, all, kwnames);
        }
        var kw = p._kw.Copy();
        for (int k = 0; k < nkw; k++) kw.SetItem(ts, kwnames!.Items[k], args[npos + k]);
        var pos = new PyObject[p._args.Length + npos];
        p._args.CopyTo(pos, 0);
        args.Slice(0, npos).CopyTo(pos.AsSpan(p._args.Length));
        return Ops.CallWithDict(ts, p._fn, pos, kw);
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var p = (PyPartial)self;
        string name = p.Type == TypeObject ? "functools.partial" : p.Type.Name;
        if (!ts.EnterRepr(p)) return new PyStr("...");
        try
        {
            var sb = new StringBuilder(name).Append('(').Append(Ops.ReprString(ts, p._fn));
            foreach (var a in p._args) sb.Append(", ").Append(Ops.ReprString(ts, a));
            foreach (var (k, v) in p._kw.Items()) sb.Append(", ").Append(Ops.StrString(ts, k)).Append('=').Append(Ops.ReprString(ts, v));
            return new PyStr(sb.Append(')').ToString());
        }
        finally { ts.LeaveRepr(p); }
    }

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyPartial self)
        => PyTuple.Of(self.Type, PyTuple.Of(self._fn),
            PyTuple.Of(self._fn, new PyTuple(self._args), self._kw, self.HasInstanceAttrs ? self._dict! : PyNone.Value));

    [PyMethod]
    static void __setstate__(ThreadState ts, PyPartial self, PyObject state)
    {
        if (state is not PyTuple t || t.Items.Length != 4) throw PyExc.TypeError("invalid partial state");
        PyObject fn = t.Items[0], args = t.Items[1], kw = t.Items[2], dict = t.Items[3];
        if (!Ops.IsCallable(fn) || args is not PyTuple at || (kw != PyNone.Value && kw is not PyDict) || (dict != PyNone.Value && dict is not PyDict))
            throw PyExc.TypeError("invalid partial state");
        self._fn = fn;
        self._args = (PyObject[])at.Items.Clone();
        self._kw = kw is PyDict kd ? (kd.Type == TypeObjects.Dict ? kd : kd.Copy()) : new PyDict();
        self._dict = dict is PyDict dd ? dd : null;
    }

    [PyClassMethod] static PyObject __class_getitem__(ThreadState ts, PyType cls, PyObject item) => new PyGenericAlias(cls, item);

    [PyGetter("__dict__")] static PyObject GetDict(ThreadState ts, PyObject self) => ((PyPartial)self).Dict!;
    [PySetter("__dict__")]
    static void SetDict(ThreadState ts, PyObject self, PyObject? v)
        => ((PyPartial)self)._dict = v as PyDict ?? throw PyExc.TypeError("__dict__ must be set to a dictionary, not a '" + (v?.Type.Name ?? "NoneType") + "'");

    [PyGetter("func")] static PyObject GetFunc(ThreadState ts, PyObject self) => ((PyPartial)self)._fn;
    [PyGetter("args")] static PyObject GetArgs(ThreadState ts, PyObject self) => new PyTuple(((PyPartial)self)._args);
    [PyGetter("keywords")] static PyObject GetKeywords(ThreadState ts, PyObject self) => ((PyPartial)self)._kw;
    [PySetter("func")] static void SetFunc(ThreadState ts, PyObject self, PyObject? v) => throw PyExc.AttributeError("readonly attribute");
    [PySetter("args")] static void SetArgs(ThreadState ts, PyObject self, PyObject? v) => throw PyExc.AttributeError("readonly attribute");
    [PySetter("keywords")] static void SetKeywords(ThreadState ts, PyObject self, PyObject? v) => throw PyExc.AttributeError("readonly attribute");
}
