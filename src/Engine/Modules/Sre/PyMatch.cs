#nullable enable
using System;
namespace StacklessIron.Modules.Sre;

/// <summary>`re.Match`: the result of a successful run; keeps the spans of all groups.</summary>
[PyType("Match")]
public sealed class PyMatch : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("Match", typeof(PyMatch), subclassable: false, module: "re");

    internal readonly PyPattern Pattern;
    internal readonly SreText Text;
    /// <summary>start, end of group 0, 1, ... (-1 for a group that did not take part).</summary>
    readonly int[] _spans;
    readonly int _pos, _endpos, _lastIndex;

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
        => throw PyExc.TypeError("cannot create 're.Match' instances");

    internal PyMatch(PyPattern pattern, SreState st) : base(TypeObject)
    {
        Pattern = pattern;
        Text = st.Text;
        _spans = new int[2 * (pattern.Groups + 1)];
        _spans[0] = st.Start;
        _spans[1] = st.Ptr;
        for (int g = 1; g <= pattern.Groups; g++)
        {
            var (a, b) = st.GroupSpan(g);
            _spans[2 * g] = a;
            _spans[2 * g + 1] = b;
        }
        _pos = st.Pos;
        _endpos = st.EndPos;
        _lastIndex = st.LastIndex;
    }

    int GroupCount => _spans.Length / 2;

    /// <summary>A group number from an int (via __index__) or a group name.</summary>
    int GetIndex(ThreadState ts, PyObject index)
    {
        long i = -1;
        if (index is PyInt || index.Type.Index != null)
        {
            var v = Ops.Index(ts, index);
            i = v.FitsLong ? v.Small : -1;
        }
        else if (Pattern.GroupIndex != null && Pattern.GroupIndex.GetItem(ts, index) is PyInt n && n.FitsLong)
            i = n.Small;
        if (i < 0 || i >= GroupCount) throw PyExc.IndexError("no such group");
        return (int)i;
    }

    PyObject Group(int i, PyObject dflt)
    {
        int a = _spans[2 * i], b = _spans[2 * i + 1];
        return a < 0 || b < 0 ? dflt : Text.SliceLive(a, b);
    }

    [PyMethod]
    static PyObject group(ThreadState ts, PyMatch self, params PyObject[] args)
    {
        if (args.Length == 0) return self.Group(0, PyNone.Value);
        if (args.Length == 1) return self.Group(self.GetIndex(ts, args[0]), PyNone.Value);
        var r = new PyObject[args.Length];
        for (int k = 0; k < args.Length; k++) r[k] = self.Group(self.GetIndex(ts, args[k]), PyNone.Value);
        return new PyTuple(r);
    }

    [PySlot("__getitem__")]
    static PyObject GetItem(ThreadState ts, PyObject self, PyObject key)
    {
        var m = (PyMatch)self;
        return m.Group(m.GetIndex(ts, key), PyNone.Value);
    }

    [PyMethod]
    static PyObject groups(ThreadState ts, PyMatch self, [PyKeyword] PyObject? @default = null)
    {
        var r = new PyObject[self.GroupCount - 1];
        for (int k = 0; k < r.Length; k++) r[k] = self.Group(k + 1, @default ?? PyNone.Value);
        return new PyTuple(r);
    }

    [PyMethod]
    static PyObject groupdict(ThreadState ts, PyMatch self, [PyKeyword] PyObject? @default = null)
    {
        var d = new PyDict();
        var gi = self.Pattern.GroupIndex;
        if (gi == null) return d;
        foreach (var (name, _) in gi.Items())
            d.SetItem(ts, name, self.Group(self.GetIndex(ts, name), @default ?? PyNone.Value));
        return d;
    }

    [PyMethod]
    static long start(ThreadState ts, PyMatch self, PyObject? group = null)
        => self._spans[2 * (group == null ? 0 : self.GetIndex(ts, group))];

    [PyMethod]
    static long end(ThreadState ts, PyMatch self, PyObject? group = null)
        => self._spans[2 * (group == null ? 0 : self.GetIndex(ts, group)) + 1];

    [PyMethod]
    static PyObject span(ThreadState ts, PyMatch self, PyObject? group = null)
    {
        int i = group == null ? 0 : self.GetIndex(ts, group);
        return PyTuple.Of(PyInt.From(self._spans[2 * i]), PyInt.From(self._spans[2 * i + 1]));
    }

    [PyMethod]
    static PyObject expand(ThreadState ts, PyMatch self, [PyKeyword] PyObject template)
    {
        var re = Importer.ImportModule(ts, "re");
        return Ops.Call(ts, Ops.GetAttr(ts, re, "_expand"), self.Pattern, self, template);
    }

    [PyGetter("regs")]
    static PyObject GetRegs(ThreadState ts, PyObject self)
    {
        var m = (PyMatch)self;
        var r = new PyObject[m.GroupCount];
        for (int k = 0; k < r.Length; k++) r[k] = PyTuple.Of(PyInt.From(m._spans[2 * k]), PyInt.From(m._spans[2 * k + 1]));
        return new PyTuple(r);
    }

    [PyGetter("string")] static PyObject GetString(ThreadState ts, PyObject self) => ((PyMatch)self).Text.Original;
    [PyGetter("re")] static PyObject GetRe(ThreadState ts, PyObject self) => ((PyMatch)self).Pattern;
    [PyGetter("pos")] static PyObject GetPos(ThreadState ts, PyObject self) => PyInt.From(((PyMatch)self)._pos);
    [PyGetter("endpos")] static PyObject GetEndpos(ThreadState ts, PyObject self) => PyInt.From(((PyMatch)self)._endpos);

    [PyGetter("lastindex")]
    static PyObject GetLastIndex(ThreadState ts, PyObject self)
    {
        int li = ((PyMatch)self)._lastIndex;
        return li >= 0 ? PyInt.From(li) : PyNone.Value;
    }

    [PyGetter("lastgroup")]
    static PyObject GetLastGroup(ThreadState ts, PyObject self)
    {
        var m = (PyMatch)self;
        var ig = m.Pattern.IndexGroup;
        if (ig == null || m._lastIndex < 0 || m._lastIndex >= ig.Items.Length) return PyNone.Value;
        return ig.Items[m._lastIndex];
    }

    [PyMethod] static PyObject __copy__(ThreadState ts, PyMatch self) => self;
    [PyMethod] static PyObject __deepcopy__(ThreadState ts, PyMatch self, PyObject memo) => self;
    [PyClassMethod] static PyObject __class_getitem__(ThreadState ts, PyType cls, PyObject item) => PyList.GenericAlias(ts, cls, item);

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var m = (PyMatch)self;
        string g = PyPattern.Truncate(Ops.ReprString(ts, m.Group(0, PyNone.Value)), 50);
        return new PyStr($"<re.Match object; span=({m._spans[0]}, {m._spans[1]}), match={g}>");
    }
}
