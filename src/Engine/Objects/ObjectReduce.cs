#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>object.__reduce_ex__ / __reduce__ / __getstate__ as CPython 3.11 defines them:
/// protocol 2 and above reduce to copyreg.__newobj__ (or __newobj_ex__) with the arguments of
/// __getnewargs_ex__/__getnewargs__, the state (instance dict and __slots__ values) and the
/// items of list and dict subclasses; protocols 0 and 1 go through copyreg._reduce_ex.
/// copy.copy, copy.deepcopy and pickle all start here.</summary>
public static class ObjectReduce
{
    public static PyObject ReduceEx(ThreadState ts, PyObject self, PyObject protocol)
    {
        // A class that overrides __reduce__ decides for every protocol.
        var reduce = self.Type.Lookup("__reduce__");
        if (reduce != null && reduce != TypeObjects.Object.Namespace.GetStr("__reduce__"))
            return Ops.Call(ts, Ops.GetAttr(ts, self, PyStr.Intern("__reduce__")));
        return Common(ts, self, Ops.Index(ts, protocol));
    }

    public static PyObject Reduce(ThreadState ts, PyObject self) => Common(ts, self, PyInt.From(0));

    static PyObject Common(ThreadState ts, PyObject self, PyInt protocol)
    {
        if (protocol.Sign >= 0 && (!protocol.FitsLong || protocol.Small >= 2)) return NewObj(ts, self);
        var copyreg = Importer.ImportModule(ts, "copyreg");
        return Ops.Call(ts, Ops.GetAttr(ts, copyreg, PyStr.Intern("_reduce_ex")), self, protocol);
    }

    static PyObject NewObj(ThreadState ts, PyObject self)
    {
        var cls = self.Type;
        GetNewArguments(ts, self, out var args, out var kwargs);
        var copyreg = Importer.ImportModule(ts, "copyreg");
        PyObject newobj, newargs;
        if (kwargs == null || kwargs.Count == 0)
        {
            newobj = Ops.GetAttr(ts, copyreg, PyStr.Intern("__newobj__"));
            var items = new PyObject[1 + (args?.Items.Length ?? 0)];
            items[0] = cls;
            args?.Items.CopyTo(items, 1);
            newargs = PyTuple.Of(items);
        }
        else
        {
            newobj = Ops.GetAttr(ts, copyreg, PyStr.Intern("__newobj_ex__"));
            newargs = PyTuple.Of(cls, args!, kwargs);
        }
        bool isList = self is PyList, isDict = self is PyDict;
        var state = GetState(ts, self, args == null && !isList && !isDict);
        PyObject listitems = isList ? Ops.GetIter(ts, self) : PyNone.Value;
        PyObject dictitems = isDict ? Ops.GetIter(ts, Ops.CallMethod(ts, self, "items")) : PyNone.Value;
        return PyTuple.Of(newobj, newargs, state, listitems, dictitems);
    }

    static void GetNewArguments(ThreadState ts, PyObject self, out PyTuple? args, out PyDict? kwargs)
    {
        args = null; kwargs = null;
        if (self.Type.Lookup("__getnewargs_ex__") != null)
        {
            var r = Ops.CallMethod(ts, self, "__getnewargs_ex__");
            if (r is not PyTuple t) throw PyExc.TypeError($"__getnewargs_ex__ should return a tuple, not '{r.Type.Name}'");
            if (t.Items.Length != 2) throw PyExc.ValueError($"__getnewargs_ex__ should return a tuple of length 2, not {t.Items.Length}");
            if (t.Items[0] is not PyTuple a) throw PyExc.TypeError($"first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{t.Items[0].Type.Name}'");
            if (t.Items[1] is not PyDict k) throw PyExc.TypeError($"second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{t.Items[1].Type.Name}'");
            args = a; kwargs = k;
            return;
        }
        if (self.Type.Lookup("__getnewargs__") != null)
        {
            var r = Ops.CallMethod(ts, self, "__getnewargs__");
            args = r as PyTuple ?? throw PyExc.TypeError($"__getnewargs__ should return a tuple, not '{r.Type.Name}'");
        }
    }

    /// <summary>The state to pickle: a class's own __getstate__, else the default one.
    /// `required`: nothing else (no new-args, not a list or dict) would carry the object's
    /// content, so a native object whose content is not in its dict or slots cannot be pickled.</summary>
    static PyObject GetState(ThreadState ts, PyObject self, bool required)
    {
        var getstate = self.Type.Lookup("__getstate__");
        if (getstate != null && getstate != TypeObjects.Object.Namespace.GetStr("__getstate__"))
            return Ops.CallMethod(ts, self, "__getstate__");
        return DefaultState(ts, self, required);
    }

    public static PyObject DefaultState(ThreadState ts, PyObject self, bool required)
    {
        var solid = self.Type.SolidBase;
        if (required && solid != TypeObjects.Object && solid.NativeClass != typeof(PyInstance))
            throw PyExc.TypeError($"cannot pickle '{self.Type.TpName}' object");
        PyObject state = self.Dict is { Count: > 0 } d ? d : PyNone.Value;
        var copyreg = Importer.ImportModule(ts, "copyreg");
        var names = Ops.Call(ts, Ops.GetAttr(ts, copyreg, PyStr.Intern("_slotnames")), self.Type);
        if (names is PyList { Count: > 0 } list)
        {
            var slots = new PyDict();
            foreach (var name in Ops.ToArray(ts, list))
            {
                if (name is not PyStr sn) continue;
                var value = Ops.GetAttrOrNull(ts, self, sn);
                if (value != null) slots.SetItem(ts, name, value);
            }
            if (slots.Count > 0) state = PyTuple.Of(state, slots);
        }
        return state;
    }
}
