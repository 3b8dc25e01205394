#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>itertools._tee_dataobject: a block of values fetched for the iterators of one
/// tee() call. Blocks are linked forward only, so a block no tee iterator still points into is
/// garbage: a tee over an endless stream keeps only the values between its slowest and its
/// fastest iterator. It is a Python object so that tee iterators pickled together share their
/// buffer through the pickle memo (as CPython 3.11 pickles them).</summary>
[PyType("_tee_dataobject")]
public sealed class ItertoolsTeeData : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("_tee_dataobject", typeof(ItertoolsTeeData), subclassable: false, module: "itertools");

    public const int Size = 57;   // CPython's LINKCELLS

    /// <summary>What the blocks of one tee share: the source iterator, and whether one of its
    /// iterators is fetching from it right now (a second fetch then, from the source's own
    /// __next__ or another thread, is refused as in CPython).</summary>
    internal sealed class Source
    {
        public readonly PyObject It; public bool Running, Done;
        public Source(PyObject it) { It = it; }
    }

    internal readonly Source From;
    internal readonly PyObject[] Values = new PyObject[Size];
    internal int Count;
    internal ItertoolsTeeData? Next;

    internal ItertoolsTeeData(Source from) : base(TypeObject) { From = from; }

    /// <summary>The block after this one (made on first need; it reads the same source).</summary>
    internal ItertoolsTeeData Following() => Next ??= new ItertoolsTeeData(From);

    /// <summary>_tee_dataobject(iterable, values, next): a block holding `values` (at most
    /// Size; only a full block may have a next one), as its __reduce__ gives.</summary>
    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null && kwnames.Items.Length > 0) throw PyExc.TypeError("_tee_dataobject() takes no keyword arguments");
        if (args.Length != 3) throw PyExc.TypeError($"_tee_dataobject expected 3 arguments, got {args.Length}");
        if (args[1] is not PyList values) throw PyExc.TypeError($"_tee_dataobject() argument 2 must be list, not {args[1].Type.Name}");
        var next = args[2];
        int n = values.Count;
        if (n > Size || (n < Size && next is not PyNone) || (next is not PyNone && next is not ItertoolsTeeData))
            throw PyExc.ValueError("Invalid arguments");
        var it = Ops.GetIter(ts, args[0]);
        // the blocks of one pickled tee come back one by one: a block adopts the source of
        // the block after it when both read the same iterator, so they share its state
        var from = next is ItertoolsTeeData nd && nd.From.It == it ? nd.From : new Source(it);
        var d = new ItertoolsTeeData(from) { Count = n, Next = next as ItertoolsTeeData };
        for (int i = 0; i < n; i++) d.Values[i] = values.Items[i];
        return d;
    }

    [PyMethod]
    static PyObject __reduce__(ThreadState ts, ItertoolsTeeData self)
    {
        var values = new PyObject[self.Count];
        Array.Copy(self.Values, values, self.Count);
        return new PyTuple(new PyObject[] { TypeObject,
            new PyTuple(new PyObject[] { self.From.It, new PyList(values), (PyObject?)self.Next ?? PyNone.Value }) });
    }
}
