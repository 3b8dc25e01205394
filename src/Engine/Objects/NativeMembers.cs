#nullable enable
using System.Reflection;
using System;
namespace StacklessIron.Objects;

/// <summary>Fills a builtin type's namespace from the [Py*]-marked static members of its C# class.
/// Creating the descriptors is cheap; argument binders are built on first call.
/// A class may also declare `static void InitType(PyType t)` for anything else (e.g. setting
/// `__hash__` to None); it runs after the members are in place.</summary>
public static class NativeMembers
{
    public static void Fill(PyType t, Type cls)
    {
        var dict = t.Namespace;
        Dictionary<string, (MethodInfo? get, MethodInfo? set)>? props = null;
        MethodInfo? init = null;
        foreach (var m in cls.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
        {
            if (m.Name == "InitType" && m.GetParameters().Length == 1) { init = m; continue; }
            foreach (var a in m.GetCustomAttributes(false))
            {
                switch (a)
                {
                    case PyMethodAttribute pm:
                    {
                        var name = pm.Name ?? m.Name;
                        dict.SetStr(name, new PyMethodDescriptor(t, new NativeFunction(name, m, true, t.Name)));
                        break;
                    }
                    case PyClassMethodAttribute pc:
                    {
                        var name = pc.Name ?? m.Name;
                        dict.SetStr(name, new PyClassMethod(new PyBuiltinFunction(new NativeFunction(name, m, true, t.Name), null)));
                        break;
                    }
                    case PyStaticMethodAttribute ps:
                    {
                        var name = ps.Name ?? m.Name;
                        dict.SetStr(name, new PyStaticMethod(new PyBuiltinFunction(new NativeFunction(name, m, false, t.Name), null)));
                        break;
                    }
                    case PySlotAttribute sl:
                    {
                        var def = SlotDefs.Find(sl.Names[0]) ?? throw new InvalidOperationException($"{cls.Name}.{m.Name}: unknown slot {sl.Names[0]}");
                        var fn = Delegate.CreateDelegate(def.DelegateType, m);
                        foreach (var n in sl.Names) dict.SetStr(n, new PySlotWrapper(def, n, fn, t));
                        break;
                    }
                    case PyGetterAttribute g:
                        props ??= new();
                        props.TryGetValue(g.Name, out var pg);
                        props[g.Name] = (m, pg.set);
                        break;
                    case PySetterAttribute s:
                        props ??= new();
                        props.TryGetValue(s.Name, out var ps2);
                        props[s.Name] = (ps2.get, m);
                        break;
                }
            }
        }
        if (props != null)
            foreach (var (name, (get, set)) in props)
            {
                var g = get == null ? null : (Func<ThreadState, PyObject, PyObject>)Delegate.CreateDelegate(typeof(Func<ThreadState, PyObject, PyObject>), get);
                var s = set == null ? null : (Action<ThreadState, PyObject, PyObject?>)Delegate.CreateDelegate(typeof(Action<ThreadState, PyObject, PyObject?>), set);
                dict.SetStr(name, new PyGetSetDescriptor(t, name, g, s));
            }
        init?.Invoke(null, new object[] { t });
    }

    /// <summary>Builds a module-level builtin function from a static method (no self).</summary>
    public static PyBuiltinFunction Function(Type cls, string csName, string? pyName = null, PyObject? module = null)
    {
        var m = cls.GetMethod(csName, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
                ?? throw new InvalidOperationException($"no method {cls.Name}.{csName}");
        return new PyBuiltinFunction(new NativeFunction(pyName ?? csName, m, false, OwnerOf(module)), module);
    }

    /// <summary>A module function's argument errors name it with its module, as CPython's do
    /// ("math.sqrt() takes exactly one argument"), except for builtins ("len()").</summary>
    static string? OwnerOf(PyObject? module) =>
        module is PyModule m && m.GetName() is PyStr n && n.Value != "builtins" ? n.Value : null;

    /// <summary>Adds every [PyMethod]-marked static method of `cls` (no self parameter) to a
    /// module namespace as builtin functions.</summary>
    public static void FillModule(PyModule module, Type cls)
    {
        foreach (var m in cls.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
        {
            var a = m.GetCustomAttribute<PyMethodAttribute>(false);
            if (a == null) continue;
            var name = a.Name ?? m.Name;
            module.Namespace.SetStr(name, new PyBuiltinFunction(new NativeFunction(name, m, false, OwnerOf(module)), module));
        }
    }
}
