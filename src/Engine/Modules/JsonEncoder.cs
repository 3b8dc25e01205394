#nullable enable
using System;
using System.Collections.Generic;
using System.Text;
namespace StacklessIron.Modules;

/// <summary>`_json.make_encoder` (the type `_json.Encoder`): json.encoder's one-shot encoder
/// (used by json.dumps when there is no indent) in C#. Called as (obj, indent_level), it
/// returns a list of the JSON text's chunks (here: one), as CPython's C encoder does.</summary>
[PyType("Encoder")]
public sealed class JsonEncoder : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("Encoder", typeof(JsonEncoder), subclassable: false, module: "_json");

    static readonly Signature NewSignature = new("make_encoder",
        new[] { "markers", "default", "encoder", "indent", "key_separator", "item_separator", "sort_keys", "skipkeys", "allow_nan" },
        0, 9, 0, false, false);
    static readonly Signature CallSignature = new("_iterencode", new[] { "obj", "_current_indent_level" }, 0, 2, 0, false, false);

    PyObject _markers = PyNone.Value, _default = PyNone.Value, _encoder = PyNone.Value, _indent = PyNone.Value;
    PyStr _keySeparator = PyStr.Empty, _itemSeparator = PyStr.Empty;
    bool _sortKeys, _skipKeys, _allowNan;
    /// <summary>0: call the encoder; 1/2: it is our encode_basestring_ascii/encode_basestring.</summary>
    int _fastEncode;

    JsonEncoder() : base(TypeObject) { }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var a = new PyObject?[9];
        NewSignature.Bind(ts, args, kwnames, a);
        var e = new JsonEncoder();
        if (a[0] != PyNone.Value && a[0] is not PyDict)
            throw PyExc.TypeError($"make_encoder() argument 1 must be dict or None, not {a[0].Type.Name}");
        e._markers = a[0];
        e._default = a[1];
        e._encoder = a[2];
        e._indent = a[3];
        e._keySeparator = a[4] as PyStr ?? throw PyExc.TypeError($"make_encoder() argument 5 must be str, not {a[4].Type.Name}");
        e._itemSeparator = a[5] as PyStr ?? throw PyExc.TypeError($"make_encoder() argument 6 must be str, not {a[5].Type.Name}");
        e._sortKeys = Ops.IsTrue(ts, a[6]);
        e._skipKeys = Ops.IsTrue(ts, a[7]);
        e._allowNan = Ops.IsTrue(ts, a[8]);
        if (a[2] is PyBuiltinFunction f && f.Func.Method.DeclaringType == typeof(JsonModule))
            e._fastEncode = f.Name == "encode_basestring_ascii" ? 1 : f.Name == "encode_basestring" ? 2 : 0;
        return e;
    }

    [PySlot("__call__")]
    static PyObject Call(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var a = new PyObject?[2];
        CallSignature.Bind(ts, args, kwnames, a);
        Ops.Index(ts, a[1]!);
        var enc = (JsonEncoder)self;
        var run = new Run(ts, enc);
        run.Value(a[0]!, 0);
        return new PyList(new PyObject[] { new PyStr(run.Text.ToString()) });
    }

    [PyGetter("markers")] static PyObject GetMarkers(ThreadState ts, PyObject self) => ((JsonEncoder)self)._markers;
    [PyGetter("default")] static PyObject GetDefault(ThreadState ts, PyObject self) => ((JsonEncoder)self)._default;
    [PyGetter("encoder")] static PyObject GetEncoder(ThreadState ts, PyObject self) => ((JsonEncoder)self)._encoder;
    [PyGetter("indent")] static PyObject GetIndent(ThreadState ts, PyObject self) => ((JsonEncoder)self)._indent;
    [PyGetter("key_separator")] static PyObject GetKeySeparator(ThreadState ts, PyObject self) => ((JsonEncoder)self)._keySeparator;
    [PyGetter("item_separator")] static PyObject GetItemSeparator(ThreadState ts, PyObject self) => ((JsonEncoder)self)._itemSeparator;
    [PyGetter("sort_keys")] static PyObject GetSortKeys(ThreadState ts, PyObject self) => PyBool.From(((JsonEncoder)self)._sortKeys);
    [PyGetter("skipkeys")] static PyObject GetSkipKeys(ThreadState ts, PyObject self) => PyBool.From(((JsonEncoder)self)._skipKeys);

    /// <summary>One call: the text built so far and the containers being encoded.</summary>
    sealed class Run
    {
        readonly ThreadState _ts;
        readonly JsonEncoder _e;
        public readonly StringBuilder Text = new();
        /// <summary>Containers (and objects given to default) being encoded, when the encoder
        /// checks for cycles (markers is a dict): what the markers dict keyed by id() holds in
        /// CPython, kept here by identity instead.</summary>
        readonly HashSet<PyObject>? _active;

        public Run(ThreadState ts, JsonEncoder e)
        {
            _ts = ts; _e = e;
            if (e._markers != PyNone.Value) _active = new HashSet<PyObject>(ReferenceEqualityComparer.Instance);
        }

        public void Value(PyObject o, int depth)
        {
            var sb = Text;
            if (o == PyNone.Value) sb.Append("null");
            else if (o == PyBool.True) sb.Append("true");
            else if (o == PyBool.False) sb.Append("false");
            else if (o is PyStr s) String(s);
            else if (o is PyInt i) Int(i);
            else if (o is PyFloat f) Float(f);
            else if (o is PyList || o is PyTuple) { Enter(depth); Sequence(o, depth + 1); }
            else if (o is PyDict d) { Enter(depth); Mapping(d, depth + 1); }
            else
            {
                Mark(o);
                var replacement = Ops.Call(_ts, _e._default, o);
                Enter(depth);
                Value(replacement, depth + 1);
                Unmark(o);
            }
        }

        /// <summary>CPython counts nesting against the recursion limit, as calls.</summary>
        void Enter(int depth)
        {
            if (_ts.RecursionDepth + depth + 1 > _ts.Engine.RecursionLimit)
                throw PyExc.RecursionError("maximum recursion depth exceeded while encoding a JSON object");
            _ts.CheckStack();
        }

        void Mark(PyObject o)
        {
            if (_active != null && !_active.Add(o)) throw PyExc.ValueError("Circular reference detected");
        }

        void Unmark(PyObject o) => _active?.Remove(o);

        void String(PyStr s)
        {
            if (_e._fastEncode != 0) { JsonModule.AppendQuoted(Text, s.Value, _e._fastEncode == 1); return; }
            var r = Ops.Call(_ts, _e._encoder, s);
            if (r is not PyStr rs) throw PyExc.TypeError($"encoder() must return a string, not {r.Type.Name}");
            Text.Append(rs.Value);
        }

        void Float(PyFloat f) => Text.Append(FloatText(f));

        /// <summary>int.__repr__, also for subclasses (an IntEnum member is written as its number).</summary>
        void Int(PyInt i)
        {
            if (i.FitsLong) Text.Append(i.Small);
            else Text.Append(IntText(i));
        }

        string IntText(PyInt i) => ((PyStr)PyInt.TypeObject.Repr!(_ts, i)).Value;

        string FloatText(PyFloat f)
        {
            double v = f.Value;
            if (!double.IsFinite(v))
            {
                if (!_e._allowNan) throw PyExc.ValueError("Out of range float values are not JSON compliant");
                return double.IsNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
            }
            return PyFloat.ReprOf(v);  // float.__repr__, also for subclasses
        }

        void Sequence(PyObject seq, int depth)
        {
            var list = seq as PyList;
            var tuple = seq as PyTuple;
            if ((list?.Count ?? tuple!.Items.Length) == 0) { Text.Append("[]"); return; }
            Mark(seq);
            Text.Append('[');
            // a list may change under a default() or encoder() callback: its length is re-read each step
            for (int i = 0; i < (list?.Count ?? tuple!.Items.Length); i++)
            {
                if (i > 0) Text.Append(_e._itemSeparator.Value);
                Value(list != null ? list.Items[i] : tuple!.Items[i], depth);
            }
            Text.Append(']');
            Unmark(seq);
        }

        void Mapping(PyDict d, int depth)
        {
            if (d.Count == 0) { Text.Append("{}"); return; }
            Mark(d);
            Text.Append('{');
            // the items are a snapshot, as PyMapping_Items gives: callbacks may change the dict
            PyObject[] keys, values;
            int n;
            if (d.Type == TypeObjects.Dict && !_e._sortKeys)
            {
                keys = new PyObject[d.Count];
                values = new PyObject[d.Count];
                n = 0;
                for (int pos = 0; d.NextEntry(ref pos, out var k, out var v); n++) { keys[n] = k; values[n] = v; }
            }
            else
            {
                PyObject itemsObj = d.Type == TypeObjects.Dict ? ItemList(d) : Ops.CallMethod(_ts, d, "items");
                var items = itemsObj as PyList ?? new PyList(Ops.ToArray(_ts, itemsObj));
                if (_e._sortKeys) items.Sort(_ts, null, false);
                n = items.Count;
                keys = new PyObject[n];
                values = new PyObject[n];
                for (int i = 0; i < n; i++)
                {
                    if (items.Items[i] is not PyTuple pair || pair.Items.Length != 2) throw PyExc.ValueError("items must return tuples of length 2");
                    keys[i] = pair.Items[0];
                    values[i] = pair.Items[1];
                }
            }
            bool first = true;
            for (int i = 0; i < n; i++)
            {
                PyObject key = keys[i];
                string keyText;
                if (key is PyStr ks) keyText = ks.Value;
                else if (key is PyFloat kf) keyText = FloatText(kf);
                else if (key == PyBool.True) keyText = "true";
                else if (key == PyBool.False) keyText = "false";
                else if (key == PyNone.Value) keyText = "null";
                else if (key is PyInt ki) keyText = IntText(ki);
                else if (_e._skipKeys) continue;
                else throw PyExc.TypeError($"keys must be str, int, float, bool or None, not {key.Type.Name}");
                if (!first) Text.Append(_e._itemSeparator.Value);
                first = false;
                String(key is PyStr kstr ? kstr : new PyStr(keyText));
                Text.Append(_e._keySeparator.Value);
                Value(values[i], depth);
            }
            Text.Append('}');
            Unmark(d);
        }

        static PyList ItemList(PyDict d)
        {
            var list = new PyList();
            foreach (var (k, v) in d.Items()) list.Append(new PyTuple(new[] { k, v }));
            return list;
        }
    }
}
