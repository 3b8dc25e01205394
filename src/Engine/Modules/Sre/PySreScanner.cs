#nullable enable
using System;
namespace StacklessIron.Modules.Sre;

/// <summary>`_sre.SRE_Scanner`: successive matches over one text (pattern.scanner(), and the
/// engine of finditer). After an empty match the next one must not be empty at the same place.</summary>
[PyType("SRE_Scanner")]
public sealed class PySreScanner : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("SRE_Scanner", typeof(PySreScanner), subclassable: false, module: "_sre");

    readonly PyPattern _pattern;
    readonly SreState _state;
    bool _done;

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
        => throw PyExc.TypeError("cannot create '_sre.SRE_Scanner' instances");

    internal PySreScanner(PyPattern pattern, SreState state) : base(TypeObject)
    {
        _pattern = pattern;
        _state = state;
    }

    PyObject Next(bool search)
    {
        if (_done) return PyNone.Value;
        var st = _state;
        st.Reset();
        st.Ptr = st.Start;
        bool ok = search ? st.Search() : st.Match();
        if (!ok)
        {
            _done = true;
            return PyNone.Value;
        }
        var m = new PyMatch(_pattern, st);
        st.MustAdvance = st.Ptr == st.Start;
        st.Start = st.Ptr;
        return m;
    }

    [PyMethod] static PyObject match(ThreadState ts, PySreScanner self) => self.Next(false);
    [PyMethod] static PyObject search(ThreadState ts, PySreScanner self) => self.Next(true);
    [PyGetter("pattern")] static PyObject GetPattern(ThreadState ts, PyObject self) => ((PySreScanner)self)._pattern;
}
