#nullable enable
using System;
using StacklessIron.Objects;
namespace StacklessIron.Modules;

/// <summary>`contextvars.ContextVar`: a key into the current Context, with an optional default.
/// set() returns a Token that reset() uses to put back the previous value.</summary>
[PyType("ContextVar")]
public sealed class PyContextVar : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("ContextVar", typeof(PyContextVar), subclassable: false, module: "_contextvars");

    public readonly PyStr Name;
    public readonly PyObject? Default;

    PyContextVar(PyStr name, PyObject? @default) : base(TypeObject) { Name = name; Default = @default; }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        int nkw = kwnames?.Items.Length ?? 0;
        int npos = args.Length - nkw;
        PyObject? name = npos > 0 ? args[0] : null, dflt = null;
        if (npos > 1) throw PyExc.TypeError($"ContextVar() takes at most 1 positional argument ({npos} given)");
        for (int i = 0; i < nkw; i++)
        {
            var k = ((PyStr)kwnames!.Items[i]).Value;
            if (k == "default") dflt = args[npos + i];
            else if (k == "name" && name == null) name = args[npos + i];
            else throw PyExc.TypeError($"ContextVar() got an unexpected keyword argument '{k}'");
        }
        if (name == null) throw PyExc.TypeError("ContextVar() missing required argument 'name' (pos 1)");
        if (name is not PyStr s) throw PyExc.TypeError("context variable name must be a str");
        return new PyContextVar(s, dflt);
    }

    [PyGetter("name")] static PyObject GetName(ThreadState ts, PyObject self) => ((PyContextVar)self).Name;

    [PyMethod]
    static PyObject get(ThreadState ts, PyContextVar self, PyObject? @default = null)
    {
        if (ContextvarsModule.CurrentContext(ts).Vars.TryGetValue(self, out var v)) return v;
        return @default ?? self.Default ?? throw PyExc.New(ExceptionTypes.LookupError, self);
    }

    [PyMethod]
    static PyObject set(ThreadState ts, PyContextVar self, PyObject value)
    {
        var ctx = ContextvarsModule.CurrentContext(ts);
        ctx.Vars.TryGetValue(self, out var old);
        ctx.Vars = ctx.Vars.SetItem(self, value);
        return new PyContextToken(ctx, self, old);
    }

    [PyMethod]
    static void reset(ThreadState ts, PyContextVar self, PyObject token)
    {
        if (token is not PyContextToken t) throw PyExc.TypeError($"expected an instance of Token, got {Ops.ReprString(ts, token)}");
        if (t.Used) throw PyExc.RuntimeError($"{Ops.ReprString(ts, t)} has already been used once");
        if (t.Var != self) throw PyExc.ValueError($"{Ops.ReprString(ts, t)} was created by a different ContextVar");
        var ctx = ContextvarsModule.CurrentContext(ts);
        if (t.Context != ctx) throw PyExc.ValueError($"{Ops.ReprString(ts, t)} was created in a different Context");
        t.Used = true;
        ctx.Vars = t.OldValue == null ? ctx.Vars.Remove(self) : ctx.Vars.SetItem(self, t.OldValue);
    }

    [PyClassMethod] static PyObject __class_getitem__(ThreadState ts, PyType cls, PyObject item) => PyList.GenericAlias(ts, cls, item);

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var v = (PyContextVar)self;
        var d = v.Default == null ? "" : " default=" + Ops.ReprString(ts, v.Default);
        return new PyStr($"<ContextVar name={Ops.ReprString(ts, v.Name)}{d} at 0x{Ops.Id(self):x}>");
    }
}
