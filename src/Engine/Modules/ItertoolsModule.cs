#nullable enable
using System;
using System.Numerics;
using StacklessIron.Compiling;
namespace StacklessIron.Modules;

/// <summary>The `itertools` module. Every itertools type shares one C# class
/// (<see cref="ItertoolsIterator"/>) whose steps are a C# iterator block made by the type's
/// factory: the iterator blocks read like the recipes in the itertools docs and each Python
/// type stays a distinct, subclassable type object.</summary>
public static class ItertoolsModule
{
    delegate IEnumerator<PyObject> Factory(ThreadState ts, ItertoolsIterator self, PyObject[] a);

    /// <summary>Per type: positional parameter names, how many are required, whether extra
    /// positionals are *args, and which names may be given by keyword.</summary>
    sealed record Spec(string[] Names, int Required, bool VarArgs, string[] Keywords, Factory Make);

    static readonly Dictionary<PyType, Spec> s_specs = new();
    static readonly Dictionary<string, PyType> s_types = new();

    static PyType Define(string name, Spec spec)
    {
        var t = PyType.Builtin(name, typeof(ItertoolsIterator), module: "itertools");
        s_specs[t] = spec;
        s_types[name] = t;
        return t;
    }

    static readonly string[] None = Array.Empty<string>();

    static ItertoolsModule()
    {
        Define("count", new Spec(new[] { "start", "step" }, 0, false, new[] { "start", "step" }, Count));
        Define("cycle", new Spec(new[] { "iterable" }, 1, false, None, Cycle));
        Define("repeat", new Spec(new[] { "object", "times" }, 1, false, new[] { "object", "times" }, Repeat));
        Define("accumulate", new Spec(new[] { "iterable", "func", "initial" }, 1, false, new[] { "iterable", "func", "initial" }, Accumulate));
        Define("chain", new Spec(new[] { "iterables" }, 0, true, None, Chain));
        Define("compress", new Spec(new[] { "data", "selectors" }, 2, false, new[] { "data", "selectors" }, Compress));
        Define("dropwhile", new Spec(new[] { "predicate", "iterable" }, 2, false, None, DropWhile));
        Define("filterfalse", new Spec(new[] { "function", "iterable" }, 2, false, None, FilterFalse));
        Define("groupby", new Spec(new[] { "iterable", "key" }, 1, false, new[] { "iterable", "key" }, GroupBy));
        Define("_grouper", new Spec(new[] { "parent", "tgtkey" }, 2, false, None, GrouperFromArgs));
        Define("islice", new Spec(new[] { "iterable", "start", "stop", "step" }, 2, false, None, ISlice));
        Define("pairwise", new Spec(new[] { "iterable" }, 1, false, None, Pairwise));
        Define("starmap", new Spec(new[] { "function", "iterable" }, 2, false, None, StarMap));
        Define("takewhile", new Spec(new[] { "predicate", "iterable" }, 2, false, None, TakeWhile));
        Define("_tee", new Spec(new[] { "iterable" }, 1, false, None, (ts, s, a) => TeeFromIterable(ts, s, a[0])));
        Define("zip_longest", new Spec(new[] { "iterables" }, 0, true, new[] { "fillvalue" }, ZipLongest));
        Define("product", new Spec(new[] { "iterables" }, 0, true, new[] { "repeat" }, Product));
        Define("permutations", new Spec(new[] { "iterable", "r" }, 1, false, new[] { "iterable", "r" }, Permutations));
        Define("combinations", new Spec(new[] { "iterable", "r" }, 2, false, new[] { "iterable", "r" }, Combinations));
        Define("combinations_with_replacement", new Spec(new[] { "iterable", "r" }, 2, false, new[] { "iterable", "r" }, CombinationsWR));
        // Set before the type is ever used, so no attribute cache can hold a stale view.
        s_types["chain"].Namespace.SetStr("from_iterable", new PyClassMethod(NativeMembers.Function(typeof(ItertoolsModule), nameof(from_iterable))));
        var teeType = s_types["_tee"];
        teeType.Namespace.SetStr("__copy__", new PyMethodDescriptor(teeType, new NativeFunction("__copy__",
            typeof(ItertoolsModule).GetMethod(nameof(TeeCopy), System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!, true, "_tee")));
    }

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("itertools", "Functional tools for creating and using iterators.");
        NativeMembers.FillModule(m, typeof(ItertoolsModule));
        foreach (var (name, t) in s_types) if (name[0] != '_') m.Set(name, t);
        m.Set("_grouper", s_types["_grouper"]);
        m.Set("_tee", s_types["_tee"]);
        m.Set("_tee_dataobject", ItertoolsTeeData.TypeObject);
        return m;
    }

    public static void Register() => Importer.NativeModules["itertools"] = Create;

    /// <summary>`__new__` of every itertools type: find the builtin ancestor's spec, bind the
    /// arguments with CPython's messages, then let the factory build the step iterator.</summary>
    internal static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        PyType t = cls;
        while (!s_specs.ContainsKey(t)) t = t.Base!;
        var spec = s_specs[t];
        string name = t.Name;
        int nkw = kwnames?.Items.Length ?? 0, npos = args.Length - nkw;
        var bound = new List<PyObject?>();
        var extra = new PyObject?[spec.Keywords.Length];
        if (spec.VarArgs)
        {
            for (int i = 0; i < npos; i++) bound.Add(args[i]);
        }
        else
        {
            if (npos > spec.Names.Length)
                throw PyExc.TypeError(spec.Keywords.Length > 0
                    ? $"{name}() takes at most {spec.Names.Length} arguments ({npos} given)"
                    : spec.Required == spec.Names.Length ? $"{name} expected {spec.Names.Length} argument{(spec.Names.Length == 1 ? "" : "s")}, got {npos}"
                    : $"{name} expected at most {spec.Names.Length} arguments, got {npos}");
            for (int i = 0; i < spec.Names.Length; i++) bound.Add(i < npos ? args[i] : null);
        }
        for (int k = 0; k < nkw; k++)
        {
            var key = Ops.StrValue(kwnames!.Items[k]);
            int ki = Array.IndexOf(spec.Keywords, key);
            if (spec.Keywords.Length == 0) throw PyExc.TypeError($"{name}() takes no keyword arguments");
            if (ki < 0) throw PyExc.TypeError(name == "zip_longest" ? "zip_longest() got an unexpected keyword argument" : $"'{key}' is an invalid keyword argument for {name}()");
            if (spec.VarArgs) extra[ki] = args[npos + k];
            else
            {
                int pi = Array.IndexOf(spec.Names, key);
                if (bound[pi] != null) throw PyExc.TypeError($"argument for {name}() given by name ('{key}') and position ({pi + 1})");
                bound[pi] = args[npos + k];
            }
        }
        if (!spec.VarArgs)
            for (int i = 0; i < spec.Required; i++)
                if (bound[i] == null)
                    throw PyExc.TypeError(spec.Keywords.Length > 0
                        ? $"{name}() missing required argument '{spec.Names[i]}' (pos {i + 1})"
                        : spec.Required == spec.Names.Length ? $"{name} expected {spec.Required} argument{(spec.Required == 1 ? "" : "s")}, got {npos}"
                        : $"{name} expected at least {spec.Required} argument{(spec.Required == 1 ? "" : "s")}, got {npos}");
        if (spec.VarArgs) bound.AddRange(extra);
        var self = new ItertoolsIterator(cls);
        self.Steps = spec.Make(ts, self, bound.ToArray()!);
        return self;
    }

    static PyObject from_iterable(ThreadState ts, PyType cls, PyObject iterable)
    {
        var self = new ItertoolsIterator(cls);
        self.Steps = ChainFrom(ts, self, Ops.GetIter(ts, iterable));
        return self;
    }

    // ---------------- infinite iterators ----------------

    static IEnumerator<PyObject> Count(ThreadState ts, ItertoolsIterator self, PyObject?[] a)
    {
        PyObject start = a[0] ?? PyInt.From(0), step = a[1] ?? PyInt.From(1);
        foreach (var v in new[] { start, step })
            if (v is not PyInt && v is not PyFloat && v.Type.Index == null && v.Type.Float == null && v.Type.Int == null && v.Type.Lookup("__complex__") == null && v is not PyComplex)
                throw PyExc.TypeError("a number is required");
        string StepRepr() => step is PyInt si && si.FitsLong && si.Small == 1 ? "" : ", " + Ops.ReprString(ts, step);
        PyObject cur = start;
        self.Repr = () => $"{self.Type.Name}({Ops.ReprString(ts, cur)}{StepRepr()})";
        // CPython's fast mode (an int start, step 1) reduces to the count alone
        bool fast = start is PyInt s0 && s0.FitsLong && step is PyInt s1 && s1.FitsLong && s1.Small == 1;
        self.ReduceArgs = () => fast ? new[] { cur } : new[] { cur, step };
        return CountSteps();
        IEnumerator<PyObject> CountSteps()
        {
            while (true)
            {
                var r = cur;
                cur = Ops.BinaryOp(ts, cur, step, (int)BinaryOpArg.Add);
                yield return r;
            }
        }
    }

    static IEnumerator<PyObject> Cycle(ThreadState ts, ItertoolsIterator self, PyObject?[] a)
    {
        var it = Ops.GetIter(ts, a[0]!);
        var saved = new List<PyObject>();
        bool firstPass = true;
        int index = 0;          // in the second pass: the next saved item
        self.ReduceArgs = () => new[] { it };
        self.ReduceState = () => PyTuple.Of(new PyList(saved.ToArray()), PyBool.From(firstPass), PyInt.From(index));
        self.SetState = (ts2, st) =>
        {
            var parts = Ops.ToArray(ts2, st);
            if (parts.Length != 3) throw PyExc.TypeError("cycle state must be (saved, firstpass, index)");
            saved = new List<PyObject>(Ops.ToArray(ts2, parts[0]));
            firstPass = Ops.IsTrue(ts2, parts[1]);
            index = (int)Ops.Index(ts2, parts[2]).ToLongChecked();
        };
        return Steps();
        IEnumerator<PyObject> Steps()
        {
            while (firstPass)
            {
                var x = Ops.Next(ts, it);
                if (x == null) { firstPass = false; break; }
                saved.Add(x);
                yield return x;
            }
            if (saved.Count == 0) yield break;
            while (true)
            {
                if (index >= saved.Count) index = 0;
                yield return saved[index++];
            }
        }
    }

    static IEnumerator<PyObject> Repeat(ThreadState ts, ItertoolsIterator self, PyObject?[] a)
    {
        var obj = a[0]!;
        long times = -1;
        if (a[1] != null) { times = Ops.Index(ts, a[1]!).ToLongChecked(); if (times < 0) times = 0; }
        self.Repr = () => times < 0 ? $"repeat({Ops.ReprString(ts, obj)})" : $"repeat({Ops.ReprString(ts, obj)}, {times})";
        self.LengthHint = () => times < 0 ? throw PyExc.TypeError("len() of unsized object") : times;
        self.ReduceArgs = () => times < 0 ? new[] { obj } : new[] { obj, PyInt.From(times) };
        return Steps();
        IEnumerator<PyObject> Steps()
        {
            while (times != 0) { if (times > 0) times--; yield return obj; }
        }
    }

    // ---------------- iterators that end on the shortest input ----------------

    static IEnumerator<PyObject> Accumulate(ThreadState ts, ItertoolsIterator self, PyObject?[] a)
    {
        var it = Ops.GetIter(ts, a[0]!);
        var func = a[1] is PyNone ? null : a[1];
        var initial = a[2] is PyNone ? null : a[2];
        PyObject? total = initial;
        bool initialDue = initial != null;
        self.ReduceArgs = () => initialDue
            ? new[] { it, func ?? PyNone.Value, initial! }
            : new[] { it, func ?? PyNone.Value };
        self.ReduceState = () => initialDue ? null : total;
        self.SetState = (ts2, st) => total = st is PyNone ? null : st;
        return Steps();
        IEnumerator<PyObject> Steps()
        {
            if (initialDue) { initialDue = false; yield return total!; }
            for (var x = Ops.Next(ts, it); x != null; x = Ops.Next(ts, it))
            {
                total = total == null ? x : func == null ? Ops.BinaryOp(ts, total, x, (int)BinaryOpArg.Add) : Ops.Call(ts, func, total, x);
                yield return total;
            }
        }
    }

    static IEnumerator<PyObject> Chain(ThreadState ts, ItertoolsIterator self, PyObject?[] a)
        => ChainFrom(ts, self, Ops.GetIter(ts, new PyTuple(a[..^0].Length == 0 ? Array.Empty<PyObject>() : (PyObject[])a)));

    /// <summary>Reads the iterables from `sources0`; its state (sources, the active
    /// iterator) pickles as CPython's: (chain, (), (source, active)).</summary>
    static IEnumerator<PyObject> ChainFrom(ThreadState ts, ItertoolsIterator self, PyObject sources0)
    {
        PyObject? sources = sources0, active = null;
        self.ReduceArgs = () => Array.Empty<PyObject>();
        self.ReduceState = () => sources == null ? null : active == null ? PyTuple.Of(sources) : PyTuple.Of(sources, active);
        self.SetState = (ts2, st) =>
        {
            var parts = Ops.ToArray(ts2, st);
            if (parts.Length is < 1 or > 2) throw PyExc.TypeError("chain state must be (source[, active])");
            sources = Ops.GetIter(ts2, parts[0]);
            active = parts.Length == 2 ? Ops.GetIter(ts2, parts[1]) : null;
        };
        return Steps();
        IEnumerator<PyObject> Steps()
        {
            while (sources != null)
            {
                if (active == null)
                {
                    var src = Ops.Next(ts, sources);
                    if (src == null) { sources = null; yield break; }
                    active = Ops.GetIter(ts, src);
                }
                var x = Ops.Next(ts, active);
                if (x == null) { active = null; continue; }
                yield return x;
            }
        }
    }

    static IEnumerator<PyObject> Compress(ThreadState ts, ItertoolsIterator self, PyObject?[] a)
    {
        var data = Ops.GetIter(ts, a[0]!); var sel = Ops.GetIter(ts, a[1]!);
        self.ReduceArgs = () => new[] { data, sel };
        return Steps();
        IEnumerator<PyObject> Steps()
        {
            while (true)
            {
                var d = Ops.Next(ts, data); if (d == null) yield break;
                var s = Ops.Next(ts, sel); if (s == null) yield break;
                if (Ops.IsTrue(ts, s)) yield return d;
            }
        }
    }

    static IEnumerator<PyObject> DropWhile(ThreadState ts, ItertoolsIterator self, PyObject?[] a)
    {
        var pred = a[0]!; var it = Ops.GetIter(ts, a[1]!);
        bool dropping = true;
        self.ReduceArgs = () => new[] { pred, it };
        self.ReduceState = () => PyBool.From(!dropping);
        self.SetState = (ts2, st) => dropping = !Ops.IsTrue(ts2, st);
        return Steps();
        IEnumerator<PyObject> Steps()
        {
            for (var x = Ops.Next(ts, it); x != null; x = Ops.Next(ts, it))
            {
                if (dropping && Ops.IsTrue(ts, Ops.Call(ts, pred, x))) continue;
                dropping = false;
                yield return x;
            }
        }
    }

    static IEnumerator<PyObject> TakeWhile(ThreadState ts, ItertoolsIterator self, PyObject?[] a)
    {
        var pred = a[0]!; var it = Ops.GetIter(ts, a[1]!);
        bool stopped = false;
        self.ReduceArgs = () => new[] { pred, it };
        self.ReduceState = () => PyBool.From(stopped);
        self.SetState = (ts2, st) => stopped = Ops.IsTrue(ts2, st);
        return Steps();
        IEnumerator<PyObject> Steps()
        {
            for (var x = stopped ? null : Ops.Next(ts, it); x != null; x = Ops.Next(ts, it))
            {
                if (!Ops.IsTrue(ts, Ops.Call(ts, pred, x))) { stopped = true; yield break; }
                yield return x;
            }
        }
    }

    static IEnumerator<PyObject> FilterFalse(ThreadState ts, ItertoolsIterator self, PyObject?[] a)
    {
        var pred = a[0] is PyNone ? null : a[0]; var it = Ops.GetIter(ts, a[1]!);
        self.ReduceArgs = () => new[] { pred ?? PyNone.Value, it };
        return Steps();
        IEnumerator<PyObject> Steps()
        {
            for (var x = Ops.Next(ts, it); x != null; x = Ops.Next(ts, it))
                if (!Ops.IsTrue(ts, pred == null ? x : Ops.Call(ts, pred, x))) yield return x;
        }
    }

    static IEnumerator<PyObject> StarMap(ThreadState ts, ItertoolsIterator self, PyObject?[] a)
    {
        var func = a[0]!; var it = Ops.GetIter(ts, a[1]!);
        self.ReduceArgs = () => new[] { func, it };
        return Steps();
        IEnumerator<PyObject> Steps()
        {
            for (var x = Ops.Next(ts, it); x != null; x = Ops.Next(ts, it))
                yield return Ops.Call(ts, func, Ops.ToArray(ts, x));
        }
    }

    static IEnumerator<PyObject> Pairwise(ThreadState ts, ItertoolsIterator self, PyObject?[] a)
    {
        var it = Ops.GetIter(ts, a[0]!);
        return Steps();
        IEnumerator<PyObject> Steps()
        {
            var prev = Ops.Next(ts, it);
            if (prev == null) yield break;
            for (var x = Ops.Next(ts, it); x != null; x = Ops.Next(ts, it)) { yield return PyTuple.Of(prev, x); prev = x; }
        }
    }

    static long? SliceArg(ThreadState ts, PyObject? v, string msg)
    {
        if (v == null || v is PyNone) return null;
        if (v is not PyInt && v.Type.Index == null) throw PyExc.ValueError(msg);
        var i = Ops.Index(ts, v);
        if (i.Sign < 0) throw PyExc.ValueError(msg);
        return i.FitsLong ? i.Small : long.MaxValue;
    }

    static IEnumerator<PyObject> ISlice(ThreadState ts, ItertoolsIterator self, PyObject?[] a)
    {
        const string stopMsg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
        const string startMsg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
        const string stepMsg = "Step for islice() must be a positive integer or None.";
        long start = 0, step = 1; long? stop;
        if (a[2] == null) stop = SliceArg(ts, a[1], stopMsg);
        else
        {
            start = SliceArg(ts, a[1], startMsg) ?? 0;
            stop = SliceArg(ts, a[2], stopMsg);
            if (a[3] != null && a[3] is not PyNone)
            {
                if (a[3] is not PyInt && a[3]!.Type.Index == null) throw PyExc.ValueError(stepMsg);
                var s = Ops.Index(ts, a[3]!);
                if (s.Sign <= 0) throw PyExc.ValueError(stepMsg);
                step = s.FitsLong ? s.Small : long.MaxValue;
            }
        }
        var it = Ops.GetIter(ts, a[0]!);
        long i = 0, next = start;
        // the same slice of what `it` has left: skip to the next item, the stop less what was read
        self.ReduceArgs = () => new[] { it, PyInt.From(next - i), stop == null ? PyNone.Value : PyInt.From(Math.Max(stop.Value - i, next - i)), PyInt.From(step) };
        return Steps();
        IEnumerator<PyObject> Steps()
        {
            while (stop == null || next < stop)
            {
                var x = Ops.Next(ts, it);
                if (x == null) yield break;
                if (i++ == next) { next = next > long.MaxValue - step ? long.MaxValue : next + step; yield return x; }
            }
            // CPython consumes up to `stop` even when the step skips past it.
            while (i < (stop ?? 0)) { if (Ops.Next(ts, it) == null) break; i++; }
        }
    }

    static IEnumerator<PyObject> ZipLongest(ThreadState ts, ItertoolsIterator self, PyObject?[] a)
    {
        var fill = a[^1] ?? PyNone.Value;
        var its = new PyObject?[a.Length - 1];
        for (int i = 0; i < its.Length; i++) its[i] = Ops.GetIter(ts, a[i]!);
        // an input already used up pickles as (): it gives the fill value from the start
        self.ReduceArgs = () => Array.ConvertAll(its, x => x ?? PyTuple.Empty);
        self.ReduceState = () => fill;
        self.SetState = (ts2, st) => fill = st;
        return Steps();
        IEnumerator<PyObject> Steps()
        {
            if (its.Length == 0) yield break;
            int active = its.Length;
            while (true)
            {
                var row = new PyObject[its.Length];
                for (int i = 0; i < its.Length; i++)
                {
                    var x = its[i] == null ? null : Ops.Next(ts, its[i]!);
                    if (x == null)
                    {
                        if (its[i] != null) { its[i] = null; active--; }
                        if (active == 0) yield break;
                        x = fill;
                    }
                    row[i] = x;
                }
                yield return new PyTuple(row);
            }
        }
    }

    // ---------------- combinatoric iterators ----------------

    static IEnumerator<PyObject> Product(ThreadState ts, ItertoolsIterator self, PyObject?[] a)
    {
        long repeat = 1;
        if (a[^1] != null)
        {
            repeat = Ops.Index(ts, a[^1]!).ToLongChecked();
            if (repeat < 0) throw PyExc.ValueError("repeat argument cannot be negative");
        }
        var pools0 = new List<PyObject[]>();
        for (int i = 0; i < a.Length - 1; i++) pools0.Add(Ops.ToArray(ts, a[i]!));
        var pools = new List<PyObject[]>();
        for (long r = 0; r < repeat; r++) pools.AddRange(pools0);
        // position: the indices of the last row given (the next call moves on from them)
        var idx = new int[pools.Count];
        bool started = false, stopped = false;
        self.ReduceArgs = () => stopped ? new PyObject[] { PyTuple.Empty } : pools.ConvertAll(p => (PyObject)new PyTuple(p)).ToArray();
        self.ReduceState = () => started && !stopped ? IndexTuple(idx) : null;
        self.SetState = (ts2, st) => { SetIndices(ts2, st, idx, i => pools[i].Length); started = true; };
        return Steps();
        IEnumerator<PyObject> Steps()
        {
            if (stopped) yield break;
            bool resumed = started;     // from __setstate__: move on from the last row first
            if (!started)
            {
                foreach (var p in pools) if (p.Length == 0) { stopped = true; yield break; }
                started = true;
            }
            while (true)
            {
                if (!resumed)
                {
                    var row = new PyObject[pools.Count];
                    for (int i = 0; i < row.Length; i++) row[i] = pools[i][idx[i]];
                    yield return new PyTuple(row);
                }
                resumed = false;
                int k = pools.Count - 1;
                while (k >= 0 && ++idx[k] == pools[k].Length) { idx[k] = 0; k--; }
                if (k < 0) { stopped = true; yield break; }
            }
        }
    }

    static PyTuple IndexTuple(int[] idx)
    {
        var items = new PyObject[idx.Length];
        for (int i = 0; i < idx.Length; i++) items[i] = PyInt.From(idx[i]);
        return new PyTuple(items);
    }

    /// <summary>__setstate__ of the combinatoric iterators: indices each clamped to [0, limit(i)).</summary>
    static void SetIndices(ThreadState ts, PyObject state, int[] idx, Func<int, int> limit)
    {
        var items = Ops.ToArray(ts, state);
        if (items.Length != idx.Length) throw PyExc.ValueError("invalid arguments");
        for (int i = 0; i < idx.Length; i++)
        {
            long v = Ops.Index(ts, items[i]).ToLongChecked();
            int lim = limit(i);
            idx[i] = (int)Math.Clamp(v, 0, Math.Max(lim - 1, 0));
        }
    }

    static int RArg(ThreadState ts, PyObject? r, int n, bool permutations = false)
    {
        if (r == null || r is PyNone) return n;
        if (permutations && r is not PyInt && r.Type.Index == null) throw PyExc.TypeError("Expected int as r");
        var v = Ops.Index(ts, r);
        if (v.Sign < 0) throw PyExc.ValueError("r must be non-negative");
        return v.FitsLong && v.Small < int.MaxValue ? (int)v.Small : int.MaxValue;
    }

    static PyTuple Pick(PyObject[] pool, int[] idx, int r)
    {
        var row = new PyObject[r];
        for (int i = 0; i < r; i++) row[i] = pool[idx[i]];
        return new PyTuple(row);
    }

    static IEnumerator<PyObject> Permutations(ThreadState ts, ItertoolsIterator self, PyObject?[] a)
    {
        var pool = Ops.ToArray(ts, a[0]!);
        int n = pool.Length, r = RArg(ts, a[1], n, permutations: true);
        var indices = new int[n];
        for (int i = 0; i < n; i++) indices[i] = i;
        var cycles = new int[Math.Min(r, n)];
        for (int i = 0; i < cycles.Length; i++) cycles[i] = n - i;
        bool started = false, stopped = r > n;
        self.ReduceArgs = () => new PyObject[] { stopped ? PyTuple.Empty : new PyTuple(pool), PyInt.From(stopped ? 1 : r) };
        self.ReduceState = () => started && !stopped ? PyTuple.Of(IndexTuple(indices), IndexTuple(cycles)) : null;
        self.SetState = (ts2, st) =>
        {
            var parts = Ops.ToArray(ts2, st);
            if (parts.Length != 2) throw PyExc.ValueError("invalid arguments");
            SetIndices(ts2, parts[0], indices, _ => n);
            SetIndices(ts2, parts[1], cycles, i => n - i + 1);
            started = true;
        };
        return Steps();
        IEnumerator<PyObject> Steps()
        {
            if (stopped) yield break;
            if (!started) { started = true; yield return Pick(pool, indices, r); }
            while (n > 0)
            {
                int i = r - 1;
                for (; i >= 0; i--)
                {
                    cycles[i]--;
                    if (cycles[i] == 0)
                    {
                        var first = indices[i];
                        Array.Copy(indices, i + 1, indices, i, n - i - 1);
                        indices[n - 1] = first;
                        cycles[i] = n - i;
                    }
                    else
                    {
                        int j = n - cycles[i];
                        (indices[i], indices[j]) = (indices[j], indices[i]);
                        yield return Pick(pool, indices, r);
                        break;
                    }
                }
                if (i < 0) { stopped = true; yield break; }
            }
            stopped = true;
        }
    }

    static IEnumerator<PyObject> Combinations(ThreadState ts, ItertoolsIterator self, PyObject?[] a)
    {
        var pool = Ops.ToArray(ts, a[0]!);
        int n = pool.Length, r = RArg(ts, a[1], n);
        var indices = new int[r > n ? 0 : r];
        for (int i = 0; i < indices.Length; i++) indices[i] = i;
        bool started = false, stopped = r > n;
        self.ReduceArgs = () => new PyObject[] { stopped ? PyTuple.Empty : new PyTuple(pool), PyInt.From(stopped ? 1 : r) };
        self.ReduceState = () => started && !stopped ? IndexTuple(indices) : null;
        self.SetState = (ts2, st) => { SetIndices(ts2, st, indices, i => n - r + i + 1); started = true; };
        return Steps();
        IEnumerator<PyObject> Steps()
        {
            if (stopped) yield break;
            if (!started) { started = true; yield return Pick(pool, indices, r); }
            while (true)
            {
                int i = r - 1;
                while (i >= 0 && indices[i] == i + n - r) i--;
                if (i < 0) { stopped = true; yield break; }
                indices[i]++;
                for (int j = i + 1; j < r; j++) indices[j] = indices[j - 1] + 1;
                yield return Pick(pool, indices, r);
            }
        }
    }

    static IEnumerator<PyObject> CombinationsWR(ThreadState ts, ItertoolsIterator self, PyObject?[] a)
    {
        var pool = Ops.ToArray(ts, a[0]!);
        int n = pool.Length, r = RArg(ts, a[1], n);
        var indices = new int[r];
        bool started = false, stopped = n == 0 && r > 0;
        self.ReduceArgs = () => new PyObject[] { stopped ? PyTuple.Empty : new PyTuple(pool), PyInt.From(stopped ? 1 : r) };
        self.ReduceState = () => started && !stopped ? IndexTuple(indices) : null;
        self.SetState = (ts2, st) => { SetIndices(ts2, st, indices, _ => n); started = true; };
        return Steps();
        IEnumerator<PyObject> Steps()
        {
            if (stopped) yield break;
            if (!started) { started = true; yield return Pick(pool, indices, r); }
            while (true)
            {
                int i = r - 1;
                while (i >= 0 && indices[i] == n - 1) i--;
                if (i < 0) { stopped = true; yield break; }
                int v = indices[i] + 1;
                for (int j = i; j < r; j++) indices[j] = v;
                yield return Pick(pool, indices, r);
            }
        }
    }

    // ---------------- groupby and tee: iterators sharing state ----------------

    /// <summary>A groupby's position, shared with its groupers: the current item (its key
    /// and, until a grouper hands it out, its value), the key of the current group, and the
    /// grouper that may still read (an older grouper stops, as in CPython).</summary>
    sealed class GroupState
    {
        public readonly ItertoolsIterator Parent; public readonly PyObject It; public readonly PyObject? KeyFunc;
        public PyObject? CurKey, CurValue, TgtKey; public ItertoolsIterator? Grouper;
        public GroupState(ItertoolsIterator parent, PyObject it, PyObject? keyFunc) { Parent = parent; It = it; KeyFunc = keyFunc; }
        public bool Advance(ThreadState ts)
        {
            var v = Ops.Next(ts, It);
            if (v == null) return false;
            var k = KeyFunc == null ? v : Ops.Call(ts, KeyFunc, v);
            CurValue = v; CurKey = k;
            return true;
        }
    }

    /// <summary>groupby pickles as CPython's: (groupby, (it, key), (currkey, currvalue, tgtkey))
    /// when all three are set, else without its position in the current group (a grouper
    /// took the value: the loaded groupby then starts a group at the next item, as CPython's).</summary>
    static IEnumerator<PyObject> GroupBy(ThreadState ts, ItertoolsIterator self, PyObject?[] a)
    {
        var st = new GroupState(self, Ops.GetIter(ts, a[0]!), a[1] is PyNone ? null : a[1]);
        self.State = st;
        self.ReduceArgs = () => new PyObject[] { st.It, st.KeyFunc ?? PyNone.Value };
        self.ReduceState = () => st.CurKey != null && st.CurValue != null && st.TgtKey != null
            ? PyTuple.Of(st.CurKey, st.CurValue, st.TgtKey) : null;
        self.SetState = (ts2, state) =>
        {
            if (state is not PyTuple t3 || t3.Type != TypeObjects.Tuple) throw PyExc.TypeError("state is not a tuple");
            if (t3.Items.Length != 3) throw PyExc.TypeError($"function takes exactly 3 arguments ({t3.Items.Length} given)");
            st.CurKey = t3.Items[0]; st.CurValue = t3.Items[1]; st.TgtKey = t3.Items[2];
        };
        return Steps();
        IEnumerator<PyObject> Steps()
        {
            while (true)
            {
                st.Grouper = null;
                // skip what is left of the current group (its grouper may be unfinished)
                while (true)
                {
                    if (st.CurKey == null) { if (!st.Advance(ts)) yield break; }
                    else if (st.TgtKey == null || !Ops.RichCompareBool(ts, st.TgtKey, st.CurKey, CompareOp.Eq)) break;
                    else if (!st.Advance(ts)) yield break;
                }
                st.TgtKey = st.CurKey;
                yield return PyTuple.Of(st.CurKey!, NewGrouper(st, st.CurKey!));
            }
        }
    }

    static ItertoolsIterator NewGrouper(GroupState st, PyObject key)
    {
        var g = new ItertoolsIterator(s_types["_grouper"]);
        g.Steps = SetUpGrouper(g, st, key);
        return g;
    }

    /// <summary>Makes `g` the current grouper of `st`'s groupby. A grouper pickles as
    /// (_grouper, (parent, tgtkey)), or, once no longer its groupby's current one, as an
    /// empty iterator (CPython's choice: it would yield nothing more).</summary>
    static IEnumerator<PyObject> SetUpGrouper(ItertoolsIterator g, GroupState st, PyObject key)
    {
        st.Grouper = g;
        g.ReduceArgs = () => st.Grouper == g ? new PyObject[] { st.Parent, key } : new PyObject[] { PyTuple.Empty };
        g.ReduceType = ts => st.Grouper == g ? null : PySeqIterator.Builtin(ts, "iter");
        return GrouperSteps(st, key, g);
    }

    /// <summary>_grouper(parent, tgtkey): the unpickling of a grouper; it becomes the parent's
    /// current one.</summary>
    static IEnumerator<PyObject> GrouperFromArgs(ThreadState ts, ItertoolsIterator self, PyObject?[] a)
    {
        if (a[0] is not ItertoolsIterator { State: GroupState st })
            throw PyExc.TypeError($"_grouper() argument 1 must be itertools.groupby, not {a[0]!.Type.Name}");
        return SetUpGrouper(self, st, a[1]!);
    }

    static IEnumerator<PyObject> GrouperSteps(GroupState st, PyObject key, ItertoolsIterator self)
    {
        while (st.Grouper == self)
        {
            var ts = self.Ts!;
            if (st.CurValue == null && !st.Advance(ts)) yield break;
            if (!Ops.RichCompareBool(ts, key, st.CurKey!, CompareOp.Eq)) yield break;
            var v = st.CurValue!;
            st.CurValue = null;
            yield return v;
        }
    }

    /// <summary>One tee iterator's position: a block and the index of its next value.</summary>
    sealed class TeeCursor
    {
        public ItertoolsTeeData Link; public int Index;
        public TeeCursor(ItertoolsTeeData link, int index) { Link = link; Index = index; }
    }

    static ItertoolsIterator NewTee(TeeCursor cursor)
    {
        var t = new ItertoolsIterator(s_types["_tee"]);
        SetUpTee(t, cursor);
        return t;
    }

    /// <summary>A tee iterator pickles as CPython's: (_tee, ((),), (block, index)); the blocks
    /// carry the source iterator and the values not yet read by every copy.</summary>
    static IEnumerator<PyObject> SetUpTee(ItertoolsIterator t, TeeCursor cursor)
    {
        t.State = cursor;
        t.ReduceArgs = () => new PyObject[] { PyTuple.Empty };
        t.ReduceState = () => PyTuple.Of(cursor.Link, PyInt.From(cursor.Index));
        t.SetState = (ts, st) =>
        {
            if (st is not PyTuple { Items.Length: 2 } tu) throw PyExc.TypeError("state is not a tuple");
            if (tu.Items[0] is not ItertoolsTeeData d) throw PyExc.TypeError($"argument 1 must be itertools._tee_dataobject, not {tu.Items[0].Type.Name}");
            long i = NativeConvert.ToLong(ts, tu.Items[1]);
            // (no index past the values read: the buffer has no holes)
            if (i < 0 || i > d.Count) throw PyExc.ValueError("Index out of range");
            cursor.Link = d; cursor.Index = (int)i;
        };
        return t.Steps = TeeSteps(cursor, t);
    }

    /// <summary>_tee(iterable): a copy when given a tee iterator, as CPython's tee_fromiterable.</summary>
    static IEnumerator<PyObject> TeeFromIterable(ThreadState ts, ItertoolsIterator self, PyObject iterable)
    {
        var it = Ops.GetIter(ts, iterable);
        var cursor = it is ItertoolsIterator { State: TeeCursor c }
            ? new TeeCursor(c.Link, c.Index)
            : new TeeCursor(new ItertoolsTeeData(new ItertoolsTeeData.Source(it)), 0);
        return SetUpTee(self, cursor);
    }

    static IEnumerator<PyObject> TeeSteps(TeeCursor cur, ItertoolsIterator self)
    {
        while (true)
        {
            if (cur.Index == ItertoolsTeeData.Size)
            {
                cur.Link = cur.Link.Following();
                cur.Index = 0;
            }
            var link = cur.Link;
            if (cur.Index == link.Count)
            {
                var src = link.From;
                if (src.Done) yield break;
                if (src.Running) throw PyExc.RuntimeError("cannot re-enter the tee iterator");
                PyObject? x;
                src.Running = true;
                try { x = Ops.Next(self.Ts!, src.It); }
                finally { src.Running = false; }
                if (x == null) { src.Done = true; yield break; }
                // another iterator of this tee may have filled the slot meanwhile (threads)
                if (cur.Index == link.Count) link.Values[link.Count++] = x;
            }
            yield return link.Values[cur.Index++];
        }
    }

    /// <summary>_tee.__copy__: a new iterator at the same position over the same buffer.</summary>
    static PyObject TeeCopy(ThreadState ts, ItertoolsIterator self)
    {
        if (self.State is not TeeCursor c) throw PyExc.TypeError("not a tee iterator");
        return NewTee(new TeeCursor(c.Link, c.Index));
    }

    [PyMethod]
    static PyObject tee(ThreadState ts, PyObject iterable, long n = 2)
    {
        if (n < 0) throw PyExc.ValueError("n must be >= 0");
        if (n == 0) return PyTuple.Empty;
        var it = Ops.GetIter(ts, iterable);
        // an iterator that can copy itself (a tee) is used as is, as in CPython
        PyObject copyable = Ops.GetAttrOrNull(ts, it, PyStr.Intern("__copy__")) != null
            ? it : NewTee(new TeeCursor(new ItertoolsTeeData(new ItertoolsTeeData.Source(it)), 0));
        var r = new PyObject[n];
        r[0] = copyable;
        for (long i = 1; i < n; i++) r[i] = Ops.CallMethod(ts, copyable, "__copy__");
        return new PyTuple(r);
    }
}
