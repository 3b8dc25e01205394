#nullable enable
using System;
using System.Text;
namespace StacklessIron.Modules;

/// <summary>`operator.methodcaller(name, /, *args, **kwargs)`: obj.name(*args, **kwargs).</summary>
[PyType("methodcaller")]
public sealed class PyMethodCaller : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("methodcaller", typeof(PyMethodCaller), subclassable: false, module: "operator");

    PyStr _name = PyStr.Empty;
    PyObject[] _args = Array.Empty<PyObject>();   // positional arguments, then the keyword values
    PyTuple? _kwnames;

    PyMethodCaller(PyType t) : base(t) { }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        int nkw = kwnames?.Items.Length ?? 0;
        if (args.Length - nkw < 1) throw PyExc.TypeError("methodcaller needs at least one argument, the method name");
        if (args[0] is not PyStr name) throw PyExc.TypeError("method name must be a string");
        return new PyMethodCaller(cls)
        {
            _name = PyStr.Intern(name.Value),
            _args = args.Slice(1).ToArray(),
            _kwnames = nkw > 0 ? kwnames : null,
        };
    }

    [PySlot("__call__")]
    static PyObject Call(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var m = (PyMethodCaller)self;
        OperatorModule.CheckOneArgument("methodcaller", args, kwnames);
        return Ops.Call(ts, Ops.GetAttr(ts, args[0], m._name), m._args, m._kwnames);
    }

    int PositionalCount => _args.Length - (_kwnames?.Items.Length ?? 0);

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var m = (PyMethodCaller)self;
        if (!ts.EnterRepr(m)) return new PyStr("operator.methodcaller(...)");
        try
        {
            var sb = new StringBuilder("operator.methodcaller(").Append(Ops.ReprString(ts, m._name));
            int npos = m.PositionalCount;
            for (int i = 0; i < npos; i++) sb.Append(", ").Append(Ops.ReprString(ts, m._args[i]));
            for (int k = 0; k < m._args.Length - npos; k++)
                sb.Append(", ").Append(((PyStr)m._kwnames!.Items[k]).Value).Append('=').Append(Ops.ReprString(ts, m._args[npos + k]));
            return new PyStr(sb.Append(')').ToString());
        }
        finally { ts.LeaveRepr(m); }
    }

    /// <summary>(methodcaller, (name, *args)); with keywords, a partial that holds them, as CPython does.</summary>
    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyMethodCaller self)
    {
        int npos = self.PositionalCount;
        var positional = new PyObject[npos];
        Array.Copy(self._args, positional, npos);
        if (self._kwnames == null)
        {
            var all = new PyObject[npos + 1];
            all[0] = self._name;
            positional.CopyTo(all, 1);
            return PyTuple.Of(self.Type, new PyTuple(all));
        }
        var partialArgs = new PyObject[2 + self._kwnames.Items.Length];
        partialArgs[0] = self.Type;
        partialArgs[1] = self._name;
        Array.Copy(self._args, npos, partialArgs, 2, self._kwnames.Items.Length);
        var partial = Ops.Call(ts, PyPartial.TypeObject, partialArgs, self._kwnames);
        return PyTuple.Of(partial, new PyTuple(positional));
    }
}
