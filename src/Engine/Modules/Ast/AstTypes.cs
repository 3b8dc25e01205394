#nullable enable
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using StacklessIron.Objects;
namespace StacklessIron.Modules.Ast;

/// <summary>The `_ast` node classes of one engine: heap classes (as in CPython, `type(ast.Name)`
/// is `type`) under the native `AST`, built once from <see cref="AstSchema"/>. compile() needs
/// them even before anything imports `ast`, so they hang off the engine, not the module.</summary>
public sealed class AstTypes
{
    static readonly ConditionalWeakTable<PythonEngine, AstTypes> s_perEngine = new();

    /// <summary>Class by name, AST included.</summary>
    public readonly Dictionary<string, PyType> ByName = new();
    /// <summary>Schema entry by class.</summary>
    public readonly Dictionary<PyType, AstClassInfo> InfoOf = new();
    /// <summary>The concrete classes of each abstract base ("expr" -> Name, Constant ...), in ASDL order.</summary>
    public readonly Dictionary<string, List<PyType>> ConcreteOf = new();
    /// <summary>The one instance of each field-less class (Load, Add ...) that parse results share.</summary>
    public readonly Dictionary<string, PyObject> Singletons = new();

    public static AstTypes For(ThreadState ts)
    {
        lock (s_perEngine)
        {
            if (s_perEngine.TryGetValue(ts.Engine, out var t)) return t;
            t = new AstTypes(ts);
            s_perEngine.Add(ts.Engine, t);
            return t;
        }
    }

    AstTypes(ThreadState ts)
    {
        ByName["AST"] = PyAstObject.TypeObject;
        var module = PyStr.Intern("ast");
        foreach (var info in AstSchema.Classes)
        {
            var ns = new PyDict();
            ns.SetStr("__module__", module);
            ns.SetStr("__doc__", new PyStr(info.Doc));
            var fields = Array.ConvertAll(info.Fields, f => (PyObject)PyStr.Intern(f));
            ns.SetStr("_fields", new PyTuple(fields));
            ns.SetStr("__match_args__", new PyTuple(fields));
            if (info.BaseName == "AST")
            {
                ns.SetStr("_attributes", new PyTuple(Array.ConvertAll(info.Attributes, a => (PyObject)PyStr.Intern(a))));
                // 3.11 gives optional attributes a class-level None so that reading them never fails.
                foreach (var a in info.Attributes)
                    if (a.StartsWith("end_", StringComparison.Ordinal)) ns.SetStr(a, PyNone.Value);
            }
            for (int i = 0; i < info.Fields.Length; i++)
                if (info.FieldTypes[i].EndsWith('?')) ns.SetStr(info.Fields[i], PyNone.Value);
            var baseType = ByName[info.BaseName];
            var cls = (PyType)Ops.Call(ts, TypeObjects.Type, PyStr.Intern(info.Name), PyTuple.Of(baseType), ns);
            ByName[info.Name] = cls;
            InfoOf[cls] = info;
            if (!info.IsAbstract)
            {
                if (!ConcreteOf.TryGetValue(info.BaseName, out var list)) ConcreteOf[info.BaseName] = list = new List<PyType>();
                list.Add(cls);
                if (info.IsSingleton) Singletons[info.Name] = new PyAstObject(cls);
            }
        }
    }

    /// <summary>The `_ast` class an object is an instance of (walking the MRO, so a Python
    /// subclass of ast.Name counts as Name), or null.</summary>
    public AstClassInfo? ClassOf(PyObject o)
    {
        foreach (var t in o.Type.Mro)
            if (InfoOf.TryGetValue(t, out var info)) return info;
        return null;
    }
}
