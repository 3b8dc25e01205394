#nullable enable
using System;
namespace StacklessIron.Runtime;

/// <summary>
/// list(gen), tuple(gen), set(gen) and dict(gen) for the exact builtin types: consumers that
/// build what type.__call__ would build with __new__/__init__, item by item as the loop runs
/// the generator (an error at an item leaves the generator suspended there, as in CPython).
/// </summary>
public static class ConstructorConsumers
{
    static readonly Func<ThreadState, PyList, PyObject> s_asList = (ts, l) => l;
    static readonly Func<ThreadState, PyList, PyObject> s_asTuple = (ts, l) => l.Count == 0 ? PyTuple.Empty : new PyTuple(l.ToArray());

    /// <summary>The consumer for calling `cls` with one iterable argument; null for other classes.</summary>
    public static IterationConsumer? For(PyType cls)
        => cls == PyList.TypeObject ? new CollectingConsumer(s_asList, _ => PyList.TypeObject)
         : cls == TypeObjects.Tuple ? new CollectingConsumer(s_asTuple, _ => TypeObjects.Tuple)
         : cls == PySet.TypeObject ? new SetConsumer()
         : cls == TypeObjects.Dict ? new DictConsumer()
         : null;

    /// <summary>A set or dict consumer from its PickleState (kind, what it built, plain[, count]).</summary>
    internal static IterationConsumer Restore(ThreadState ts, string kind, PyObject[] st)
    {
        if (kind == "set" && st.Length == 3 && st[1] is PySet set) return new SetConsumer(set, Ops.IsTrue(ts, st[2]));
        if (kind == "dict" && st.Length == 4 && st[1] is PyDict dict) return new DictConsumer(dict, Ops.IsTrue(ts, st[2]), (int)Ops.Index(ts, st[3]).Small);
        throw PyExc.ValueError($"bad {kind} consumer state");
    }

    /// <summary>Whether comparing `o` with an object of the same kind runs no Python code.</summary>
    static bool IsPlainKey(PyObject o)
        => o.Type == PyInt.TypeObject || o.Type == TypeObjects.Str || o == PyNone.Value || o is PyBool;

    sealed class SetConsumer : IterationConsumer
    {
        readonly PySet _set;
        // while every element is a plain int/str/None/bool, adding another one hashes and
        // compares without Python code (a user __eq__ could otherwise run on a hash collision)
        bool _plain;

        public SetConsumer(PySet? set = null, bool plain = true) { _set = set ?? new PySet(); _plain = plain; }

        public override PyTuple? PickleState(ThreadState ts) => new PyTuple(new PyObject[] { new PyStr("set"), _set, PyBool.From(_plain) });

        public override bool AddQuick(ThreadState ts, PyObject item)
        {
            if (!_plain || !IsPlainKey(item)) return false;
            _set.AddKey(ts, item);
            return true;
        }

        public override bool Add(ThreadState ts, PyObject item)
        {
            if (!IsPlainKey(item)) _plain = false;
            _set.AddKey(ts, item);
            return true;
        }

        public override PyObject Finish(ThreadState ts) => _set;
    }

    sealed class DictConsumer : IterationConsumer
    {
        readonly PyDict _dict;
        bool _plain;
        int _n;

        public DictConsumer(PyDict? dict = null, bool plain = true, int n = 0) { _dict = dict ?? new PyDict(); _plain = plain; _n = n; }

        public override PyTuple? PickleState(ThreadState ts) => new PyTuple(new PyObject[] { new PyStr("dict"), _dict, PyBool.From(_plain), PyInt.From(_n) });

        public override bool AddQuick(ThreadState ts, PyObject item)
        {
            if (!_plain || item is not PyTuple t || t.Items.Length != 2 || !IsPlainKey(t.Items[0])) return false;
            _dict.SetItem(ts, t.Items[0], t.Items[1]);
            _n++;
            return true;
        }

        public override bool Add(ThreadState ts, PyObject item)
        {
            PyDict.PairOfUpdateSequence(ts, item, _n, out var k, out var v);
            if (!IsPlainKey(k)) _plain = false;
            _dict.SetItem(ts, k, v);
            _n++;
            return true;
        }

        public override PyObject Finish(ThreadState ts) => _dict;
    }
}
