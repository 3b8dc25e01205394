#nullable enable
using System;
namespace StacklessIron.Runtime;

/// <summary>BaseExceptionGroup/ExceptionGroup behaviour (PEP 654) and the helpers behind
/// `except*` (CHECK_EG_MATCH, PREP_RERAISE_STAR).</summary>
public static class ExceptionGroups
{
    static readonly PyStr s_exceptions = PyStr.Intern("exceptions"), s_message = PyStr.Intern("message"), s_derive = PyStr.Intern("derive");

    static bool _installed;

    /// <summary>Adds the group members to BaseExceptionGroup (once per process).</summary>
    public static void EnsureInstalled()
    {
        lock (typeof(ExceptionGroups))
        {
            if (_installed) return;
            _installed = true;
            Install();
        }
    }

    static void Install()
    {
        var beg = ExceptionTypes.BaseExceptionGroup;
        beg.Namespace.SetStr("__new__", NativeMembers.Function(typeof(ExceptionGroups), nameof(NewGroup), "__new__"));
        beg.Namespace.SetStr("__new__", new PyStaticMethod(beg.Namespace.GetStr("__new__")!));
        foreach (var n in new[] { "split", "subgroup", "derive" })
            beg.Namespace.SetStr(n, new PyMethodDescriptor(beg, new NativeFunction(n, typeof(ExceptionGroups).GetMethod(n, System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!, true, beg.Name)));
        beg.Namespace.SetStr("__str__", new PyMethodDescriptor(beg, new NativeFunction("__str__", typeof(ExceptionGroups).GetMethod(nameof(Str), System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!, true, beg.Name)));
        beg.Modified(null);
        foreach (var sub in beg.Subclasses()) sub.Modified(null);
    }

    static PyObject NewGroup(ThreadState ts, PyType cls, PyObject message, PyObject exceptions)
    {
        if (message is not PyStr) throw PyExc.TypeError("argument 1 must be str, not " + message.Type.Name);
        var items = exceptions is PyTuple or PyList ? Ops.ToArray(ts, exceptions) : throw PyExc.TypeError("second argument (exceptions) must be a sequence");
        if (items.Length == 0) throw PyExc.ValueError("second argument (exceptions) must be a non-empty sequence");
        bool allExceptions = true;
        for (int i = 0; i < items.Length; i++)
        {
            if (items[i] is not PyBaseException be) throw PyExc.ValueError($"Item {i} of second argument (exceptions) is not an exception");
            if (!be.Type.IsSubtypeOf(ExceptionTypes.Exception)) allExceptions = false;
        }
        if (cls == ExceptionTypes.BaseExceptionGroup && allExceptions) cls = ExceptionTypes.ExceptionGroup;
        else if (cls.IsSubtypeOf(ExceptionTypes.Exception) && !allExceptions)
            throw PyExc.TypeError($"Cannot nest BaseExceptions in {(cls == ExceptionTypes.ExceptionGroup ? "an ExceptionGroup" : $"'{cls.Name}'")}");
        var e = new PyBaseException(cls, new PyTuple(new[] { message, new PyTuple(items) }));
        e.Dict!.SetStr(s_message, message);
        e.Dict!.SetStr(s_exceptions, new PyTuple(items));
        return e;
    }

    static PyObject Str(ThreadState ts, PyBaseException self)
    {
        var msg = self.Dict!.GetStr(s_message) as PyStr;
        int n = (self.Dict!.GetStr(s_exceptions) as PyTuple)?.Items.Length ?? 0;
        return new PyStr($"{msg?.Value} ({n} sub-exception{(n == 1 ? "" : "s")})");
    }

    static PyObject derive(ThreadState ts, PyBaseException self, PyObject excs)
        => NewGroup(ts, ExceptionTypes.BaseExceptionGroup, self.Dict!.GetStr(s_message)!, excs);

    static PyObject split(ThreadState ts, PyBaseException self, PyObject condition)
    {
        var (m, r) = SplitGroup(ts, self, Matcher(ts, condition));
        return new PyTuple(new[] { m ?? PyNone.Value, r ?? PyNone.Value });
    }

    static PyObject subgroup(ThreadState ts, PyBaseException self, PyObject condition)
        => SplitGroup(ts, self, Matcher(ts, condition)).match ?? PyNone.Value;

    static Func<PyBaseException, bool> Matcher(ThreadState ts, PyObject condition)
    {
        if (condition is PyType || condition is PyTuple) return e => Interpreter.ExceptionMatches(ts, e, condition);
        if (Ops.IsCallable(condition)) return e => Ops.IsTrue(ts, Ops.Call(ts, condition, e));
        throw PyExc.TypeError("expected a function, exception type or tuple of exception types");
    }

    static bool IsGroup(PyObject o) => o is PyBaseException e && e.Type.IsSubtypeOf(ExceptionTypes.BaseExceptionGroup);

    static (PyObject? match, PyObject? rest) SplitGroup(ThreadState ts, PyBaseException eg, Func<PyBaseException, bool> pred)
    {
        if (pred(eg)) return (eg, null);
        if (!IsGroup(eg)) return (null, eg);
        var items = ((PyTuple)eg.Dict!.GetStr(s_exceptions)!).Items;
        var ms = new List<PyObject>(); var rs = new List<PyObject>();
        foreach (var x in items)
        {
            var (m, r) = SplitGroup(ts, (PyBaseException)x, pred);
            if (m != null) ms.Add(m);
            if (r != null) rs.Add(r);
        }
        PyObject? Make(List<PyObject> l)
        {
            if (l.Count == 0) return null;
            var d = Ops.CallMethod(ts, eg, "derive", new PyTuple(l.ToArray()));
            if (d is PyBaseException de)
            {
                de.Cause = eg.Cause; de.Context = eg.Context; de.Traceback = eg.Traceback; de.SuppressContext = eg.SuppressContext;
                var notes = eg.DictIfAny?.GetStr("__notes__");
                if (notes != null) de.Dict!.SetStr("__notes__", notes);
            }
            return d;
        }
        return (Make(ms), Make(rs));
    }

    /// <summary>CHECK_EG_MATCH: (match, rest) of `exc` against the except* type.</summary>
    public static (PyObject? match, PyObject? rest) Split(ThreadState ts, PyObject exc, PyObject matchType)
    {
        var e = (PyBaseException)exc;
        if (Interpreter.ExceptionMatches(ts, e, matchType))
        {
            if (IsGroup(e)) return (e, null);
            // A naked exception is wrapped in a group.
            var g = (PyBaseException)NewGroup(ts, ExceptionTypes.BaseExceptionGroup, PyStr.Empty, new PyTuple(new PyObject[] { e }));
            g.Traceback = e.Traceback;
            return (g, null);
        }
        if (!IsGroup(e)) return (null, e);
        return SplitGroup(ts, e, x => Interpreter.ExceptionMatches(ts, x, matchType));
    }

    /// <summary>PREP_RERAISE_STAR: what to re-raise after the except* clauses ran.</summary>
    public static PyObject PrepReraiseStar(ThreadState ts, PyObject orig, PyList raised)
    {
        var items = raised.ToArray();
        // A naked exception was caught and wrapped: only one handler ran.
        if (!IsGroup(orig)) return items.Length > 0 ? items[0] : PyNone.Value;
        // Handlers either re-raised (a part of the original group, which keeps its metadata)
        // or raised something new; the new ones come first, the re-raised part of the
        // original group last (_PyExc_PrepReraiseStar of 3.11.2, the oracle).
        var newOnes = new List<PyObject>();
        var reraisedLeaves = new HashSet<PyObject>(ReferenceEqualityComparer.Instance);
        var o = (PyBaseException)orig;
        foreach (var x in items)
        {
            if (x is not PyBaseException e) continue;
            if (SameMetadata(e, o)) CollectLeaves(e, reraisedLeaves);
            else newOnes.Add(e);
        }
        PyObject? reraisedPart = reraisedLeaves.Count > 0 ? SplitGroup(ts, o, e => reraisedLeaves.Contains(e)).match : null;
        if (newOnes.Count == 0) return reraisedPart ?? PyNone.Value;
        if (reraisedPart != null) newOnes.Add(reraisedPart);
        // 3.11.2 wraps even a single new exception in a group (later 3.11 releases unwrap it).
        return NewGroup(ts, ExceptionTypes.BaseExceptionGroup, PyStr.Empty, new PyTuple(newOnes.ToArray()));
    }

    static bool SameMetadata(PyBaseException a, PyBaseException b)
        => a.Traceback == b.Traceback && a.Cause == b.Cause && a.Context == b.Context
           && a.DictIfAny?.GetStr("__notes__") == b.DictIfAny?.GetStr("__notes__");

    static void CollectLeaves(PyBaseException e, HashSet<PyObject> into)
    {
        if (IsGroup(e)) { foreach (var x in ((PyTuple)e.Dict!.GetStr(s_exceptions)!).Items) CollectLeaves((PyBaseException)x, into); }
        else into.Add(e);
    }
}
