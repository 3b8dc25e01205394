#nullable enable
using System;
using StacklessIron.Compiling;
namespace StacklessIron.Modules.Symtable;

/// <summary>A "symtable entry": one block of the compiler's symbol table (module, class,
/// function, lambda, comprehension) as symtable.py reads it: name, type, line, the symbols'
/// flags (DEF_* bits with the resolved scope above SCOPE_OFF), parameters and child blocks.</summary>
[PyType("symtable entry")]
public sealed class PySymtableEntry : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("symtable entry", typeof(PySymtableEntry), subclassable: false);
    public const int ScopeOff = 11;
    internal const int TypeFunction = 0, TypeClass = 1, TypeModule = 2;

    readonly Scope _scope;
    readonly long _id;
    PyList? _children;
    PyDict? _symbols;
    static long s_nextId = 1;

    internal PySymtableEntry(Scope scope) : base(TypeObject)
    {
        _scope = scope;
        _id = System.Threading.Interlocked.Increment(ref s_nextId);
    }

    int Kind => _scope.Kind switch { ScopeKind.Module => TypeModule, ScopeKind.Class => TypeClass, _ => TypeFunction };

    [PyGetter("id")] static PyObject GetId(ThreadState ts, PyObject self) => PyInt.From(((PySymtableEntry)self)._id);
    [PyGetter("name")] static PyObject GetName(ThreadState ts, PyObject self) => new PyStr(((PySymtableEntry)self)._scope.Name);
    [PyGetter("type")] static PyObject GetKind(ThreadState ts, PyObject self) => PyInt.From(((PySymtableEntry)self).Kind);
    [PyGetter("lineno")] static PyObject GetLineno(ThreadState ts, PyObject self) => PyInt.From(((PySymtableEntry)self)._scope.Kind == ScopeKind.Module ? 0 : ((PySymtableEntry)self)._scope.Lineno);
    [PyGetter("nested")] static PyObject GetNested(ThreadState ts, PyObject self) => PyInt.From(((PySymtableEntry)self)._scope.Nested ? 1 : 0);

    [PyGetter("symbols")]
    static PyObject GetSymbols(ThreadState ts, PyObject self)
    {
        var e = (PySymtableEntry)self;
        if (e._symbols != null) return e._symbols;
        var d = new PyDict();
        foreach (var name in e._scope.SymbolOrder)
            d.SetItem(ts, new PyStr(name), PyInt.From((int)e._scope.FlagsOf(name) | ((int)e._scope.ScopeOf(name) << ScopeOff)));
        return e._symbols = d;
    }

    [PyGetter("varnames")]
    static PyObject GetVarnames(ThreadState ts, PyObject self)
    {
        var l = new PyList();
        foreach (var n in ((PySymtableEntry)self)._scope.VarNames) l.Append(new PyStr(n));
        return l;
    }

    [PyGetter("children")]
    static PyObject GetChildren(ThreadState ts, PyObject self)
    {
        var e = (PySymtableEntry)self;
        if (e._children != null) return e._children;
        var l = new PyList();
        foreach (var c in e._scope.Children) l.Append(new PySymtableEntry(c));
        return e._children = l;
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var e = (PySymtableEntry)self;
        return new PyStr($"<symtable entry {e._scope.Name}({e._id}), line {(e._scope.Kind == ScopeKind.Module ? 0 : e._scope.Lineno)}>");
    }
}
