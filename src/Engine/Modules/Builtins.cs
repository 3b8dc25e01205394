#nullable enable
using System.Numerics;
using System.Text;
using StacklessIron.Compiling;
using System;
namespace StacklessIron.Modules;

/// <summary>The `builtins` module: functions here, builtin types registered by name.</summary>
public static partial class Builtins
{
    public static PyModule Create(PythonEngine engine)
    {
        var m = new PyModule("builtins", "Built-in functions, types, exceptions, and other objects.");
        NativeMembers.FillModule(m, typeof(Builtins));
        var ns = m.Namespace;
        ns.SetStr("__build_class__", new PyBuiltinFunction(new NativeFunction("__build_class__", typeof(Builtins).GetMethod(nameof(BuildClassEntry), System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!, false), m));
        // builtins.open is io.open (the same object); _io's module reuses this one.
        ns.SetStr("open", NativeMembers.Function(typeof(IoModule), "open", null, m));
        ns.SetStr("None", PyNone.Value);
        ns.SetStr("Ellipsis", PyEllipsis.Value);
        ns.SetStr("NotImplemented", PyNotImplemented.Value);
        ns.SetStr("True", PyBool.True);
        ns.SetStr("False", PyBool.False);
        ns.SetStr("__debug__", PyBool.True);
        foreach (var t in new[] { TypeObjects.Object, TypeObjects.Type, TypeObjects.Str, TypeObjects.Dict, TypeObjects.Tuple,
                                  PyInt.TypeObject, PyBool.TypeObject, PyFloat.TypeObject, PyList.TypeObject,
                                  TypeObjects.ClassMethod, TypeObjects.StaticMethod, PyProperty.TypeObject, PySuper.TypeObject,
                                  PyEnumerate.TypeObject, PyZip.TypeObject, PyMap.TypeObject, PyFilter.TypeObject, PyReversed.TypeObject })
            ns.SetStr(t.Name, t);
        // Types written in other parts of the engine, found by their C# class name when present.
        foreach (var (pyName, csName) in new[] { ("set", "PySet"), ("frozenset", "PyFrozenSet"), ("range", "PyRange"), ("slice", "PySlice"),
                                                 ("bytes", "PyBytes"), ("bytearray", "PyByteArray"), ("complex", "PyComplex"), ("memoryview", "PyMemoryView") })
        {
            var t = FindType(csName);
            if (t != null) ns.SetStr(pyName, t);
        }
        if (ns.GetStr("range") == null) ns.SetStr("range", RangeFallback.TypeObject);
        foreach (var e in ExceptionTypes.All) ns.SetStr(e.Name, e);
        ns.SetStr("EnvironmentError", ExceptionTypes.OSError);
        ns.SetStr("IOError", ExceptionTypes.OSError);
        return m;
    }

    /// <summary>The type object of a builtin implemented by C# class `csName` (its static TypeObject).</summary>
    public static PyType? FindType(string csName)
    {
        var t = typeof(PyObject).Assembly.GetType("StacklessIron.Objects." + csName);
        var f = t?.GetField("TypeObject", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public);
        return f?.GetValue(null) as PyType;
    }

    static PyObject BuildClassEntry(ThreadState ts, PyObject func, PyObject name, [PyKwArgs] PyDict kwargs, params PyObject[] bases)
    {
        var args = new List<PyObject> { func, name };
        args.AddRange(bases);
        var names = new List<PyObject>();
        foreach (var (k, v) in kwargs.Items()) { names.Add(k); args.Add(v); }
        return ClassBuilder.BuildClass(ts, args.ToArray(), names.Count == 0 ? null : new PyTuple(names.ToArray()));
    }

    /// <summary>ascii(): repr with non-ASCII characters escaped.</summary>
    public static string AsciiOf(string repr)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < repr.Length; i++)
        {
            char c = repr[i];
            if (c < 128) { sb.Append(c); continue; }
            int cp = c;
            if (char.IsHighSurrogate(c) && i + 1 < repr.Length && char.IsLowSurrogate(repr[i + 1])) { cp = char.ConvertToUtf32(c, repr[i + 1]); i++; }
            if (cp <= 0xff) sb.Append($"\\x{cp:x2}");
            else if (cp <= 0xffff) sb.Append($"\\u{cp:x4}");
            else sb.Append($"\\U{cp:x8}");
        }
        return sb.ToString();
    }

    [PyMethod]
    static PyObject __import__(ThreadState ts, [PyKeyword] PyObject name, PyObject? globals = null, PyObject? locals = null, PyObject? fromlist = null, int level = 0)
    {
        if (name is not PyStr s) throw PyExc.TypeError($"__import__() argument 1 must be str, not {name.Type.Name}");
        return Importer.ImportModuleLevel(ts, s.Value, globals == PyNone.Value ? null : globals, fromlist ?? PyTuple.Empty, level);
    }

    [PyMethod] static PyObject abs(ThreadState ts, PyObject x) => Ops.Absolute(ts, x);

    [PyMethod]
    static PyObject all(ThreadState ts, PyObject iterable) => new AnyAllConsumer(false).Run(ts, iterable);

    [PyMethod]
    static PyObject any(ThreadState ts, PyObject iterable) => new AnyAllConsumer(true).Run(ts, iterable);

    [PyMethod] static PyObject ascii(ThreadState ts, PyObject obj) => new PyStr(AsciiOf(Ops.ReprString(ts, obj)));

    static string IntToBase(ThreadState ts, PyObject x, int b)
    {
        var iv = Ops.Index(ts, x);
        return iv.FitsLong ? StacklessIron.Objects.Formatting.NumberParsing.ToPrefixedBase(iv.Small, b) : StacklessIron.Objects.Formatting.NumberParsing.ToPrefixedBase(iv.Big, b);
    }

    [PyMethod] static string bin(ThreadState ts, PyObject number) => IntToBase(ts, number, 2);
    [PyMethod] static string oct(ThreadState ts, PyObject number) => IntToBase(ts, number, 8);
    [PyMethod] static string hex(ThreadState ts, PyObject number) => IntToBase(ts, number, 16);

    [PyMethod] static bool callable(ThreadState ts, PyObject obj) => Ops.IsCallable(obj);

    [PyMethod]
    static string chr(ThreadState ts, PyObject i)
    {
        var v = Ops.Index(ts, i);
        if (!v.FitsLong || v.Small < 0 || v.Small > 0x10ffff) throw PyExc.ValueError("chr() arg not in range(0x110000)");
        int cp = (int)v.Small;
        return cp >= 0xd800 && cp <= 0xdfff ? ((char)cp).ToString() : char.ConvertFromUtf32(cp);
    }

    [PyMethod]
    static long ord(ThreadState ts, PyObject c)
    {
        if (c is PyStr s)
        {
            var v = s.Value;
            if (v.Length == 1) return v[0];
            if (v.Length == 2 && char.IsHighSurrogate(v[0]) && char.IsLowSurrogate(v[1])) return char.ConvertToUtf32(v[0], v[1]);
            throw PyExc.TypeError($"ord() expected a character, but string of length {v.Length} found");
        }
        var bytesType = FindType("PyBytes");
        if (bytesType != null && c.Type.IsSubtypeOf(bytesType) || c.Type.Name == "bytearray")
        {
            long n = Ops.Len(ts, c);
            if (n != 1) throw PyExc.TypeError($"ord() expected a character, but string of length {n} found");
            return Ops.Index(ts, Ops.GetItem(ts, c, PyInt.From(0))).Small;
        }
        throw PyExc.TypeError($"ord() expected string of length 1, but {c.Type.Name} found");
    }

    [PyMethod]
    static PyObject compile(ThreadState ts, [PyKeyword] PyObject source, PyObject filename, PyObject mode, int flags = 0, bool dont_inherit = false, int optimize = -1, [PyKwOnly] int _feature_version = -1)
    {
        var fn = filename is PyStr fs ? fs.Value : Ops.StrString(ts, filename);
        var md = mode is PyStr ms ? ms.Value : throw PyExc.TypeError("compile() mode must be str");
        if (optimize < -1 || optimize > 2) throw PyExc.ValueError("compile(): invalid optimize value");
        if (Ast.AstFromPython.IsAst(source)) return Ast.AstModule.Compile(ts, source, fn, md, flags, optimize);
        if ((flags & Ast.AstModule.PyCF_ONLY_AST) != 0) return Ast.AstModule.Parse(ts, SourceText(ts, source, "compile"), fn, md);
        CompileMode cm = md switch
        {
            "exec" => CompileMode.Exec, "eval" => CompileMode.Eval, "single" => CompileMode.Single,
            _ => throw PyExc.ValueError("compile() mode must be 'exec', 'eval' or 'single'"),
        };
        if (source is PyCode) return source;
        return ts.Engine.CompileSource(ts, SourceText(ts, source, "compile"), fn, cm, flags, optimize);
    }

    static object SourceText(ThreadState ts, PyObject source, string func)
    {
        if (source is PyStr s) return s.Value;
        var bytesType = FindType("PyBytes");
        if (bytesType != null && source.Type.IsSubtypeOf(bytesType) || source.Type.Name == "bytearray")
        {
            var n = (int)Ops.Len(ts, source);
            var b = new byte[n];
            int i = 0;
            foreach (var x in Ops.Iterate(ts, source)) b[i++] = (byte)((PyInt)x).Small;
            return b;
        }
        throw PyExc.TypeError(func == "compile" ? "compile() arg 1 must be a string, bytes or AST object" : $"{func}() arg 1 must be a string, bytes or code object");
    }

    static (PyDict globals, PyObject locals) EvalNamespaces(ThreadState ts, PyObject? globals, PyObject? locals, string func)
    {
        PyDict g;
        if (globals == null || globals == PyNone.Value)
        {
            var f = ts.Frame;
            g = f?.Globals ?? new PyDict();
            if (locals == null || locals == PyNone.Value) locals = f?.GetLocals(ts) ?? g;
        }
        else g = globals as PyDict ?? throw PyExc.TypeError($"{func}() globals must be a dict, not {globals.Type.Name}");
        if (locals == null || locals == PyNone.Value) locals = g;
        if (g.GetStr("__builtins__") == null) g.SetStr("__builtins__", ts.Engine.Builtins);
        return (g, locals);
    }

    [PyMethod]
    static PyObject eval(ThreadState ts, PyObject source, PyObject? globals = null, PyObject? locals = null)
    {
        var (g, l) = EvalNamespaces(ts, globals, locals, "eval");
        PyCode code;
        if (source is PyCode c) code = c;
        else
        {
            var text = SourceText(ts, source, "eval");
            if (text is string st) text = st.TrimStart(' ', '\t');
            code = (PyCode)ts.Engine.CompileSource(ts, text, "<string>", CompileMode.Eval, 0);
        }
        return Interpreter.RunModuleCode(ts, code, g, l);
    }

    [PyMethod]
    static void exec(ThreadState ts, PyObject source, PyObject? globals = null, PyObject? locals = null, [PyKwOnly] PyObject? closure = null)
    {
        var (g, l) = EvalNamespaces(ts, globals, locals, "exec");
        if (closure == PyNone.Value) closure = null;
        if (closure != null && source is not PyCode) throw PyExc.TypeError("closure can only be used when source is a code object");
        var code = source as PyCode ?? (PyCode)ts.Engine.CompileSource(ts, SourceText(ts, source, "exec"), "<string>", CompileMode.Exec, 0);
        // as CPython: a code object with free variables needs exactly one cell for each
        int nfree = code.Code.FreeVars.Length;
        PyObject[]? cells = null;
        if (nfree == 0)
        {
            if (closure != null) throw PyExc.TypeError("cannot use a closure with this code object");
        }
        else
        {
            if (closure is not PyTuple t || t.Type != TypeObjects.Tuple || t.Items.Length != nfree || Array.Exists(t.Items, x => x is not PyCell))
                throw PyExc.TypeError($"code object requires a closure of exactly length {nfree}");
            cells = t.Items;
        }
        Interpreter.RunModuleCode(ts, code, g, l, cells);
    }

    [PyMethod] static PyObject globals(ThreadState ts) => (PyObject?)ts.Frame?.Globals ?? new PyDict();
    [PyMethod] static PyObject locals(ThreadState ts) => ts.Frame?.GetLocals(ts) ?? new PyDict();

    [PyMethod]
    static PyObject vars(ThreadState ts, PyObject? @object = null)
    {
        if (@object == null) return locals(ts);
        return Ops.GetAttrOrNull(ts, @object, PyStr.Intern("__dict__")) ?? throw PyExc.TypeError("vars() argument must have __dict__ attribute");
    }

    [PyMethod]
    static PyObject dir(ThreadState ts, PyObject? @object = null)
    {
        PyObject names;
        if (@object == null)
        {
            var loc = locals(ts);
            names = new PyList(Ops.ToArray(ts, Ops.CallMethod(ts, loc, "keys")));
        }
        else
        {
            // A special method: looked up on the type, so dir(cls) takes the metaclass's __dir__.
            var dirMethod = @object.Type.Lookup("__dir__") ?? throw PyExc.TypeError("object does not provide __dir__");
            names = SlotDefs.CallBoundKw(ts, dirMethod, @object, ReadOnlySpan<PyObject>.Empty, null);
        }
        var list = new PyList((PyObject[])Ops.ToArray(ts, names).Clone());
        list.Sort(ts, null, false);
        return list;
    }

    [PyMethod]
    static PyObject divmod(ThreadState ts, PyObject a, PyObject b)
    {
        // int, float and complex define __divmod__ themselves (with CPython's messages)
        var dm = a.Type.Lookup("__divmod__");
        if (dm != null)
        {
            var r = SlotDefs.CallBound(ts, dm, a, b);
            if (r != PyNotImplemented.Value) return r;
        }
        var rdm = b.Type.Lookup("__rdivmod__");
        if (rdm != null)
        {
            var r = SlotDefs.CallBound(ts, rdm, b, a);
            if (r != PyNotImplemented.Value) return r;
        }
        throw PyExc.TypeError($"unsupported operand type(s) for divmod(): '{a.Type.Name}' and '{b.Type.Name}'");
    }

    [PyMethod]
    static PyObject format(ThreadState ts, PyObject value, PyObject? format_spec = null) => Ops.Format(ts, value, format_spec ?? PyStr.Empty);

    [PyMethod]
    static PyObject getattr(ThreadState ts, PyObject @object, PyObject name, PyObject? @default = null)
    {
        if (name is not PyStr s) throw PyExc.TypeError($"attribute name must be string, not '{name.Type.Name}'");
        if (@default == null) return Ops.GetAttr(ts, @object, s);
        return Ops.GetAttrOrNull(ts, @object, s) ?? @default;
    }

    [PyMethod]
    static void setattr(ThreadState ts, PyObject obj, PyObject name, PyObject value)
    {
        if (name is not PyStr s) throw PyExc.TypeError($"attribute name must be string, not '{name.Type.Name}'");
        Ops.SetAttr(ts, obj, s, value);
    }

    [PyMethod]
    static void delattr(ThreadState ts, PyObject obj, PyObject name)
    {
        if (name is not PyStr s) throw PyExc.TypeError($"attribute name must be string, not '{name.Type.Name}'");
        Ops.SetAttr(ts, obj, s, null);
    }

    [PyMethod]
    static bool hasattr(ThreadState ts, PyObject obj, PyObject name)
    {
        if (name is not PyStr s) throw PyExc.TypeError($"attribute name must be string, not '{name.Type.Name}'");
        return Ops.GetAttrOrNull(ts, obj, s) != null;
    }

    [PyMethod] static long hash(ThreadState ts, PyObject obj) => Ops.Hash(ts, obj);
    [PyMethod] static long id(ThreadState ts, PyObject obj) => Ops.Id(obj);

    /// <summary>input(prompt): the prompt goes to sys.stdout (flushed, after sys.stderr is
    /// flushed), the line comes from sys.stdin.readline() without its newline; EOFError at end.</summary>
    [PyMethod]
    static PyObject input(ThreadState ts, PyObject? prompt = null)
    {
        var stdin = ts.Engine.Sys.Get("stdin");
        var stdout = ts.Engine.Sys.Get("stdout");
        var stderr = ts.Engine.Sys.Get("stderr");
        if (stdin == null || stdin == PyNone.Value) throw PyExc.RuntimeError("input(): lost sys.stdin");
        if (stdout == null || stdout == PyNone.Value) throw PyExc.RuntimeError("input(): lost sys.stdout");
        if (stderr == null || stderr == PyNone.Value) throw PyExc.RuntimeError("input(): lost sys.stderr");
        try { Ops.CallMethod(ts, stderr, "flush"); } catch (PyException) { }
        if (prompt != null)
        {
            Ops.CallMethod(ts, stdout, "write", Ops.Str(ts, prompt));
        }
        try { Ops.CallMethod(ts, stdout, "flush"); } catch (PyException) { }
        var line = Ops.CallMethod(ts, stdin, "readline");
        if (line is not PyStr ls) throw PyExc.TypeError("object.readline() returned non-string");
        var s = ls.Value;
        if (s.Length == 0) throw PyExc.EOFError("EOF when reading a line");
        return new PyStr(s.EndsWith('\n') ? s[..^1] : s);
    }

    [PyMethod] static bool isinstance(ThreadState ts, PyObject obj, PyObject class_or_tuple) => Ops.IsInstance(ts, obj, class_or_tuple);
    [PyMethod] static bool issubclass(ThreadState ts, PyObject cls, PyObject class_or_tuple) => Ops.IsSubclass(ts, cls, class_or_tuple);

    [PyMethod]
    static PyObject iter(ThreadState ts, PyObject @object, PyObject? sentinel = null)
    {
        if (sentinel == null) return Ops.GetIter(ts, @object);
        if (!Ops.IsCallable(@object)) throw PyExc.TypeError("iter(v, w): v must be callable");
        return new PyCallableIterator(@object, sentinel);
    }

    [PyMethod]
    static PyObject aiter(ThreadState ts, PyObject async_iterable) => Ops.CallMethod(ts, async_iterable, "__aiter__");

    [PyMethod]
    static PyObject anext(ThreadState ts, PyObject aiterator, PyObject? @default = null)
    {
        if (@default != null) throw PyExc.NotImplementedError("anext() with a default is not supported yet");
        return Ops.CallMethod(ts, aiterator, "__anext__");
    }

    [PyMethod] static long len(ThreadState ts, PyObject obj) => Ops.Len(ts, obj);

    [PyMethod]
    static PyObject next(ThreadState ts, PyObject iterator, PyObject? @default = null)
    {
        var f = iterator.Type.IterNext ?? throw PyExc.TypeError($"'{iterator.Type.Name}' object is not an iterator");
        if (iterator is PyGenerator g && @default == null)
        {
            if (ts.TakeUnwindPermission() && g.CanResumeSoftly) return Interpreter.ResumeSoftly(ts, g, PyNone.Value);
            var r0 = g.Send(ts, PyNone.Value, out var rv);
            if (r0 != null) return r0;
            throw rv == PyNone.Value ? PyExc.StopIteration() : PyExc.StopIteration(rv);
        }
        PyObject? r;
        if (@default == null) r = f(ts, iterator);
        else
        {
            try { r = f(ts, iterator); }
            catch (PyException e) when (e.Matches(ExceptionTypes.StopIteration)) { r = null; }
        }
        return r ?? @default ?? throw PyExc.StopIteration();
    }

    static PyObject MinMax(ThreadState ts, PyObject[] args, PyObject? key, PyObject? dflt, CompareOp op, string name)
    {
        if (args.Length == 0) throw PyExc.TypeError($"{name} expected at least 1 argument, got 0");
        if (key == PyNone.Value) key = null;
        if (args.Length == 1) return new MinMaxConsumer(key, dflt, op, name).Run(ts, args[0]);
        if (dflt != null) throw PyExc.TypeError($"Cannot specify a default for {name}() with multiple positional arguments");
        var c = new MinMaxConsumer(key, null, op, name);
        foreach (var x in args) c.Add(ts, x);
        return c.Finish(ts);
    }

    [PyMethod]
    static PyObject max(ThreadState ts, [PyKwOnly] PyObject? key = null, PyObject? @default = null, params PyObject[] args)
        => MinMax(ts, args, key, @default, CompareOp.Gt, "max");

    [PyMethod]
    static PyObject min(ThreadState ts, [PyKwOnly] PyObject? key = null, PyObject? @default = null, params PyObject[] args)
        => MinMax(ts, args, key, @default, CompareOp.Lt, "min");

    [PyMethod]
    static PyObject pow(ThreadState ts, [PyKeyword] PyObject @base, PyObject exp, PyObject? mod = null)
        => Ops.Power(ts, @base, exp, mod ?? PyNone.Value);


    [PyMethod]
    static void print(ThreadState ts, [PyKwOnly] PyObject? sep = null, PyObject? end = null, PyObject? file = null, PyObject? flush = null, params PyObject[] args)
    {
        if (file == null || file == PyNone.Value)
        {
            file = ts.Engine.Sys.Get("stdout");
            if (file == null || file == PyNone.Value) return;
        }
        string sepS = sep == null || sep == PyNone.Value ? " " : sep is PyStr ss ? ss.Value : throw PyExc.TypeError($"sep must be None or a string, not {sep.Type.Name}");
        string endS = end == null || end == PyNone.Value ? "\n" : end is PyStr es ? es.Value : throw PyExc.TypeError($"end must be None or a string, not {end.Type.Name}");
        if (file is PyTextIOWrapper tw && !tw.Type.IsHeapType)
        {
            // The common case, sys.stdout or a text file: no method lookups, one encode per piece.
            tw.WritePrint(ts, args, sepS, endS);
            if (flush != null && Ops.IsTrue(ts, flush)) Ops.CallMethod(ts, file, "flush");
            return;
        }
        var write = Ops.GetAttr(ts, file, "write");
        for (int i = 0; i < args.Length; i++)
        {
            if (i > 0) Ops.Call(ts, write, new PyStr(sepS));
            Ops.Call(ts, write, Ops.Str(ts, args[i]));
        }
        Ops.Call(ts, write, new PyStr(endS));
        if (flush != null && Ops.IsTrue(ts, flush)) Ops.CallMethod(ts, file, "flush");
    }

    [PyMethod] static PyObject repr(ThreadState ts, PyObject obj) => Ops.Repr(ts, obj);

    [PyMethod]
    static PyObject round(ThreadState ts, [PyKeyword] PyObject number, PyObject? ndigits = null)
    {
        var r = number.Type.Lookup("__round__");
        if (r == null) throw PyExc.TypeError($"type {number.Type.Name} doesn't define __round__ method");
        return ndigits == null || ndigits == PyNone.Value
            ? SlotDefs.CallBoundKw(ts, r, number, ReadOnlySpan<PyObject>.Empty, null)
            : SlotDefs.CallBound(ts, r, number, ndigits);
    }

    [PyMethod]
    static PyObject sorted(ThreadState ts, PyObject iterable, [PyKwOnly] PyObject? key = null, bool reverse = false)
    {
        // one sort for sorted() and list.sort(): the list's TimSort
        if (key == PyNone.Value) key = null;
        if (iterable is PyGenerator)
            return new CollectingConsumer((ts2, l) => { l.Sort(ts2, key, reverse); return l; }, ts2 => SortedCallable(ts2, key, reverse)).Run(ts, iterable);
        var list = new PyList((PyObject[])Ops.ToArray(ts, iterable).Clone());
        list.Sort(ts, key, reverse);
        return list;
    }

    /// <summary>functools.partial(sorted, key=, reverse=): sorted's finish for a pickled tasklet.</summary>
    static PyObject SortedCallable(ThreadState ts, PyObject? key, bool reverse)
    {
        var partial = Ops.GetAttr(ts, Importer.ImportModule(ts, "functools"), new PyStr("partial"));
        var kw = new PyDict();
        kw.SetStr("key", key ?? PyNone.Value);
        kw.SetStr("reverse", PyBool.From(reverse));
        return Ops.CallWithDict(ts, partial, new[] { ts.Engine.BuiltinsDict.GetStr("sorted")! }, kw);
    }

    [PyMethod]
    static PyObject sum(ThreadState ts, PyObject iterable, [PyKeyword] PyObject? start = null)
    {
        PyObject acc = start ?? PyInt.From(0);
        if (acc is PyStr) throw PyExc.TypeError("sum() can't sum strings [use ''.join(seq) instead]");
        if (acc.Type.Name is "bytes" or "bytearray" && !acc.Type.IsHeapType) throw PyExc.TypeError($"sum() can't sum {acc.Type.Name} [use b''.join(seq) instead]");
        return new SumConsumer(acc).Run(ts, iterable);
    }

    /// <summary>breakpoint(*args, **kws): calls sys.breakpointhook with them.</summary>
    [PyMethod]
    static PyObject breakpoint(ThreadState ts, [PyKwArgs] PyDict kw, params PyObject[] args)
    {
        var hook = ts.Engine.Sys.Get("breakpointhook") ?? throw PyExc.RuntimeError("lost sys.breakpointhook");
        return Ops.CallWithDict(ts, hook, args, kw.Count > 0 ? kw : null);
    }
}
