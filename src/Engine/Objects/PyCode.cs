#nullable enable
using StacklessIron.Compiling;
using System;
namespace StacklessIron.Objects;

/// <summary>`code`: the Python view of a CodeObject, plus the runtime data derived from it once
/// (materialised constants, interned names, the argument Signature).</summary>
[PyType("code")]
public sealed class PyCode : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("code", typeof(PyCode), subclassable: false);
    public readonly CodeObject Code;
    public readonly PyObject[] Consts;
    public readonly PyStr[] Names;
    public readonly PyStr[] VarNames;
    Signature? _signature;
    /// <summary>Per cell variable: the index of the argument it starts from, or -1 (null: none).</summary>
    public readonly int[]? CellArgs;
    /// <summary>Finished frames kept for the next calls of this code (Frame.ForCall/Recycle and
    /// the loop's inline call and return): Spares[0 .. SpareCount), the last one taken first.
    /// An array rather than a chain through Frame.Back: taking and giving back a frame store
    /// one reference each instead of two (each a GC write barrier).</summary>
    public Frame?[]? Spares;
    public int SpareCount;
    /// <summary>The argument count when a call with exactly that many positional arguments
    /// binds by plain copying (no keyword-only, *args or **kwargs parameters), else -1.</summary>
    public readonly int SimpleArgCount;
    /// <summary>SimpleArgCount for code whose frame needs nothing but its arguments copied in
    /// (no cells, no free variables, not a generator): the loop's inline call path. Else -1.</summary>
    public readonly int FastArgCount;
    /// <summary>A call makes a generator, coroutine or async generator (read at every call).</summary>
    public readonly bool IsGeneratorLike;

    /// <summary>LOAD_GLOBAL inline cache entry: valid while both dicts keep their versions.</summary>
    public struct GlobalCacheEntry
    {
        public PyDict? Globals, Builtins;
        public int GlobalsVersion, BuiltinsVersion;
        public PyObject? Value;
    }

    GlobalCacheEntry[]? _globalCache;

    /// <summary>What an attribute inline cache entry found for its type.</summary>
    public enum AttrKind : byte
    {
        /// <summary>Not cacheable (custom attribute hooks, descriptors): the generic path.</summary>
        None,
        /// <summary>No attribute of that name on the type: the instance's own store. Index is
        /// the name's index in the type's shared keys (its inline value), -1 until it has one;
        /// Hint guesses the entry of an instance with a real dict.</summary>
        InstanceDict,
        /// <summary>A `__slots__` member: PyInstance.Slots[Index].</summary>
        Slot,
        /// <summary>LOAD_METHOD: Descr is a function or method descriptor found on the type.</summary>
        Method,
        /// <summary>CALL of a class (Type is the class itself): object.__new__ makes the instance
        /// and Descr, a Python function, is its __init__.</summary>
        Init,
    }

    /// <summary>LOAD_ATTR / STORE_ATTR / LOAD_METHOD inline cache entry: valid while the
    /// object's type is Type with VersionTag Version (any change to the type or its bases
    /// gives it a new VersionTag).</summary>
    public struct AttrCacheEntry
    {
        public PyType? Type;
        public int Version;
        public AttrKind Kind;
        public int Index;
        public int Hint;
        public PyObject? Descr;
    }

    AttrCacheEntry[]? _attrCache;

    /// <summary>The attribute caches, one entry per instruction (allocated on first use).</summary>
    public AttrCacheEntry[] AttrCache
    {
        // inlined into the loop: the lazy allocation is a call of its own
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        get => _attrCache ?? NewAttrCache();
    }
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    AttrCacheEntry[] NewAttrCache() => _attrCache = new AttrCacheEntry[Code.Code.Length];

    /// <summary>The LOAD_GLOBAL cache, one entry per instruction (allocated on first use).</summary>
    public GlobalCacheEntry[] GlobalCache
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        get => _globalCache ?? NewGlobalCache();
    }
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    GlobalCacheEntry[] NewGlobalCache() => _globalCache = new GlobalCacheEntry[Code.Code.Length];

    /// <summary>LOAD_NAME/STORE_NAME entry-index guesses, two per instruction (the locals',
    /// then the globals' or builtins'), for code that has those and a loop (a module's loop;
    /// code without a loop runs each of them once). Null otherwise.</summary>
    public readonly int[]? NameHints;

    static bool LoopsOverNames(int[] code)
    {
        bool loop = false, names = false;
        foreach (var i in code)
        {
            var op = CodeObject.OpOf(i);
            loop |= op == Opcode.JUMP_BACKWARD;
            names |= op == Opcode.LOAD_NAME || op == Opcode.STORE_NAME;
        }
        return loop && names;
    }

    /// <summary>The instructions the loop runs: Code.Code with pairs of common instructions
    /// fused into superinstructions (see Opcode), one dispatch instead of two.</summary>
    public readonly int[] Quick;

    /// <summary>The loop's instructions for `c`: superinstructions in place of the first of
    /// two, and a jump to a `return` of the same line replaced by that return (the
    /// `x if c else y` of a return statement).</summary>
    internal static int[] Quicken(CodeObject c)
    {
        var code = c.Code;
        var q = (int[])code.Clone();
        for (int i = 0; i + 1 < q.Length; i++)
        {
            Opcode a = CodeObject.OpOf(q[i]), b = CodeObject.OpOf(code[i + 1]);
            Opcode c2 = i + 2 < code.Length ? CodeObject.OpOf(code[i + 2]) : Opcode.NOP;
            Opcode fused = (a, b) switch
            {
                (Opcode.LOAD_FAST, Opcode.LOAD_FAST) when c2 == Opcode.STORE_ATTR => Opcode.LOAD_FAST__LOAD_FAST__STORE_ATTR,
                (Opcode.LOAD_FAST, Opcode.LOAD_ATTR) => Opcode.LOAD_FAST__LOAD_ATTR,
                (Opcode.LOAD_FAST, Opcode.LOAD_METHOD) => Opcode.LOAD_FAST__LOAD_METHOD,
                (Opcode.LOAD_CONST, Opcode.RETURN_VALUE) => Opcode.LOAD_CONST__RETURN_VALUE,
                // `k = ...; d.get(k)`, `acc + p.norm1()`: the LOAD_FAST goes with the attribute
                // lookup after it (which saves a store too), the instruction before runs alone
                (_, Opcode.LOAD_FAST) when c2 == Opcode.LOAD_ATTR || c2 == Opcode.LOAD_METHOD => Opcode.NOP,
                (Opcode.LOAD_FAST, Opcode.LOAD_FAST) => Opcode.LOAD_FAST__LOAD_FAST,
                (Opcode.LOAD_FAST, Opcode.LOAD_CONST) => Opcode.LOAD_FAST__LOAD_CONST,
                (Opcode.LOAD_CONST, Opcode.LOAD_FAST) => Opcode.LOAD_CONST__LOAD_FAST,
                (Opcode.STORE_FAST, Opcode.LOAD_FAST) => Opcode.STORE_FAST__LOAD_FAST,
                (Opcode.STORE_FAST, Opcode.STORE_FAST) => Opcode.STORE_FAST__STORE_FAST,
                (Opcode.PUSH_NULL, Opcode.LOAD_GLOBAL) => Opcode.PUSH_NULL__LOAD_GLOBAL,
                (Opcode.COMPARE_OP, Opcode.POP_JUMP_IF_FALSE) => Opcode.COMPARE_OP__POP_JUMP_IF_FALSE,
                (Opcode.COMPARE_OP, Opcode.POP_JUMP_IF_TRUE) => Opcode.COMPARE_OP__POP_JUMP_IF_TRUE,
                (Opcode.FOR_ITER, Opcode.STORE_FAST) => Opcode.FOR_ITER__STORE_FAST,
                (Opcode.FOR_ITER, Opcode.UNPACK_SEQUENCE) when code[i + 1] >> 8 == 2 => Opcode.FOR_ITER__UNPACK_PAIR,
                _ => Opcode.NOP,
            };
            if (fused == Opcode.NOP && a == Opcode.BINARY_OP) fused = SpecializedBinaryOp((BinaryOpArg)(q[i] >> 8));
            if (fused != Opcode.NOP) q[i] = (q[i] & ~0xFF) | (int)fused;
            else if (a == Opcode.JUMP_FORWARD)
            {
                int target = code[i] >> 8;
                if ((uint)target < (uint)code.Length && CodeObject.OpOf(code[target]) == Opcode.RETURN_VALUE
                    && i < c.Lines.Length && target < c.Lines.Length && c.Lines[i] == c.Lines[target])
                    q[i] = (int)Opcode.RETURN_VALUE;
            }
        }
        return q;
    }

    static Opcode SpecializedBinaryOp(BinaryOpArg op) => op switch
    {
        BinaryOpArg.Add or BinaryOpArg.InplaceAdd => Opcode.BINARY_OP_ADD,
        BinaryOpArg.Subtract or BinaryOpArg.InplaceSubtract => Opcode.BINARY_OP_SUBTRACT,
        BinaryOpArg.Multiply or BinaryOpArg.InplaceMultiply => Opcode.BINARY_OP_MULTIPLY,
        BinaryOpArg.Remainder or BinaryOpArg.InplaceRemainder => Opcode.BINARY_OP_REMAINDER,
        _ => Opcode.NOP,
    };

    /// <summary>Indexed by the instruction after a YIELD_VALUE: that yield lies in a try or
    /// with block (an exception table range), so a generator suspended there must be closed
    /// when dropped (its finally/exit runs). Null when no yield of this code does: such a
    /// generator needs no finalizer at all.</summary>
    public readonly bool[]? YieldsInTry;

    static bool[]? FindYieldsInTry(CodeObject c)
    {
        bool[]? r = null;
        var code = c.Code;
        for (int i = 0; i < code.Length; i++)
        {
            if (CodeObject.OpOf(code[i]) != Opcode.YIELD_VALUE) continue;
            foreach (var e in c.ExceptionTable)
                if (i >= e.Start && i < e.End) { (r ??= new bool[code.Length + 1])[i + 1] = true; break; }
        }
        return r;
    }

    PyCode(CodeObject code) : base(TypeObject)
    {
        Code = code;
        Quick = Quicken(code);
        if (LoopsOverNames(code.Code)) NameHints = new int[2 * code.Code.Length];
        Consts = new PyObject[code.Constants.Length];
        for (int i = 0; i < Consts.Length; i++) Consts[i] = Materialize(code.Constants[i]);
        Names = Array.ConvertAll(code.Names, PyStr.Intern);
        VarNames = Array.ConvertAll(code.VarNames, PyStr.Intern);
        IsGeneratorLike = (code.Flags & (CodeFlags.Generator | CodeFlags.Coroutine | CodeFlags.AsyncGenerator)) != 0;
        if (IsGeneratorLike) YieldsInTry = FindYieldsInTry(code);
        SimpleArgCount = code.KwOnlyArgCount == 0 && (code.Flags & (CodeFlags.VarArgs | CodeFlags.VarKeywords)) == 0 ? code.ArgCount : -1;
        FastArgCount = code.CellVars.Length == 0 && code.FreeVars.Length == 0 && !IsGeneratorLike ? SimpleArgCount : -1;
        int nargs = code.ArgCount + code.KwOnlyArgCount + ((code.Flags & CodeFlags.VarArgs) != 0 ? 1 : 0) + ((code.Flags & CodeFlags.VarKeywords) != 0 ? 1 : 0);
        for (int i = 0; i < code.CellVars.Length; i++)
        {
            int j = Array.IndexOf(code.VarNames, code.CellVars[i], 0, Math.Min(nargs, code.VarNames.Length));
            if (j >= 0) { CellArgs ??= Array.ConvertAll(code.CellVars, _ => -1); CellArgs[i] = j; }
        }
    }

    /// <summary>The runtime view of `code`, created on first use and kept in code.RuntimeCache.</summary>
    public static PyCode For(CodeObject code)
    {
        if (code.RuntimeCache is PyCode c) return c;
        lock (code)
        {
            if (code.RuntimeCache is PyCode c2) return c2;
            var r = new PyCode(code);
            code.RuntimeCache = r;
            return r;
        }
    }

    /// <summary>A compile-time constant as a Python object.</summary>
    public static PyObject Materialize(object? c) => c switch
    {
        null => PyNone.Value,
        bool b => PyBool.From(b),
        System.Numerics.BigInteger bi => PyInt.From(bi),
        long l => PyInt.From(l),
        int i => PyInt.From(i),
        double d => new PyFloat(d),
        string s => PyStr.Intern(s),
        // A str whose escaped surrogate code points UTF-16 would merge: PyStr holds UTF-16,
        // so the pair becomes one astral character until str can keep them apart.
        Parsing.Ast.CodePointString cps => PyStr.Intern(cps.Lossy),
        System.Numerics.Complex z => ConstantHooks.MakeComplex(z),
        byte[] bytes => ConstantHooks.MakeBytes(bytes),
        Parsing.Ast.EllipsisConstant => PyEllipsis.Value,
        ConstTuple t => t.Items.Length == 0 ? PyTuple.Empty : new PyTuple(Array.ConvertAll(t.Items, Materialize)),
        ConstFrozenSet fs => ConstantHooks.MakeFrozenSet(Array.ConvertAll(fs.Items, Materialize)),
        CodeObject co => For(co),
        _ => throw new InvalidOperationException($"unknown constant {c.GetType()}"),
    };

    /// <summary>The parameter list as a Signature (FuncName = co_name; functions override it).</summary>
    public Signature Signature
    {
        get
        {
            if (_signature != null) return _signature;
            var c = Code;
            int n = c.ArgCount + c.KwOnlyArgCount;
            var names = c.VarNames.AsSpan(0, n).ToArray();
            _signature = new Signature(c.QualName.Length > 0 ? c.QualName : c.Name, names, c.PosOnlyArgCount, c.ArgCount, c.KwOnlyArgCount,
                (c.Flags & CodeFlags.VarArgs) != 0, (c.Flags & CodeFlags.VarKeywords) != 0);
            return _signature;
        }
    }

    [PyGetter("co_name")] static PyObject GetName(ThreadState ts, PyObject self) => new PyStr(((PyCode)self).Code.Name);
    [PyGetter("co_qualname")] static PyObject GetQualName(ThreadState ts, PyObject self) => new PyStr(((PyCode)self).Code.QualName);
    [PyGetter("co_filename")] static PyObject GetFilename(ThreadState ts, PyObject self) => new PyStr(((PyCode)self).Code.Filename);
    [PyGetter("co_firstlineno")] static PyObject GetFirstLine(ThreadState ts, PyObject self) => PyInt.From(((PyCode)self).Code.FirstLineNo);
    [PyGetter("co_argcount")] static PyObject GetArgCount(ThreadState ts, PyObject self) => PyInt.From(((PyCode)self).Code.ArgCount);
    [PyGetter("co_posonlyargcount")] static PyObject GetPosOnly(ThreadState ts, PyObject self) => PyInt.From(((PyCode)self).Code.PosOnlyArgCount);
    [PyGetter("co_kwonlyargcount")] static PyObject GetKwOnly(ThreadState ts, PyObject self) => PyInt.From(((PyCode)self).Code.KwOnlyArgCount);
    [PyGetter("co_flags")] static PyObject GetFlags(ThreadState ts, PyObject self) => PyInt.From((long)((PyCode)self).Code.Flags);
    [PyGetter("co_nlocals")] static PyObject GetNLocals(ThreadState ts, PyObject self) => PyInt.From(((PyCode)self).Code.VarNames.Length);
    [PyGetter("co_stacksize")] static PyObject GetStackSize(ThreadState ts, PyObject self) => PyInt.From(((PyCode)self).Code.StackSize);
    [PyGetter("co_varnames")] static PyObject GetVarNames(ThreadState ts, PyObject self) => StrTuple(((PyCode)self).Code.VarNames);
    [PyGetter("co_cellvars")] static PyObject GetCellVars(ThreadState ts, PyObject self) => StrTuple(((PyCode)self).Code.CellVars);
    [PyGetter("co_freevars")] static PyObject GetFreeVars(ThreadState ts, PyObject self) => StrTuple(((PyCode)self).Code.FreeVars);
    [PyGetter("co_names")] static PyObject GetNames(ThreadState ts, PyObject self) => StrTuple(((PyCode)self).Code.Names);
    [PyGetter("co_consts")] static PyObject GetConsts(ThreadState ts, PyObject self) => new PyTuple(((PyCode)self).Consts);

    static PyObject IntOrNone(int v) => v < 0 ? PyNone.Value : PyInt.From(v);

    /// <summary>co_positions(): (line, end_line, col, end_col) per instruction. One instruction
    /// is one entry here and two bytes of tb_lasti/f_lasti, as in CPython.</summary>
    [PyMethod]
    static PyObject co_positions(ThreadState ts, PyCode self)
    {
        var c = self.Code;
        var items = new PyObject[c.Code.Length];
        for (int i = 0; i < items.Length; i++)
        {
            bool has = i < c.Lines.Length && c.Lines[i] >= 0;
            items[i] = has
                ? new PyTuple(new[] { IntOrNone(c.Lines[i]), IntOrNone(c.EndLines[i]), IntOrNone(c.Cols[i]), IntOrNone(c.EndCols[i]) })
                : new PyTuple(new PyObject[] { PyNone.Value, PyNone.Value, PyNone.Value, PyNone.Value });
        }
        return Ops.GetIter(ts, new PyList(items));
    }

    /// <summary>co_lines(): (start, end, line) byte ranges with one line each, merged as CPython does.</summary>
    [PyMethod]
    static PyObject co_lines(ThreadState ts, PyCode self)
    {
        var c = self.Code;
        var rows = new List<PyObject>();
        int n = c.Code.Length, start = 0;
        for (int i = 1; i <= n; i++)
        {
            int line = start < c.Lines.Length ? c.Lines[start] : -1;
            if (i < n && i < c.Lines.Length && c.Lines[i] == line) continue;
            rows.Add(new PyTuple(new[] { PyInt.From(start * 2), PyInt.From(i * 2), IntOrNone(line) }));
            start = i;
        }
        return Ops.GetIter(ts, new PyList(rows.ToArray()));
    }

    /// <summary>code.replace(**changes): a copy with other names, file, first line or flags
    /// (types.coroutine sets CO_ITERABLE_COROUTINE this way). The instructions and the tables
    /// derived from them cannot be replaced here: asking for that is a clean ValueError.</summary>
    [PyMethod]
    static PyObject replace(ThreadState ts, PyCode self, [PyKwArgs] PyDict? changes = null)
    {
        if (changes == null || changes.Count == 0) return self;
        var copy = self.Code.ShallowCopy();
        foreach (var (key, value) in changes.Items())
        {
            var name = ((PyStr)key).Value;
            switch (name)
            {
                case "co_name": copy.Name = StrArg(name, value); break;
                case "co_qualname": copy.QualName = StrArg(name, value); break;
                case "co_filename": copy.Filename = StrArg(name, value); break;
                case "co_firstlineno": copy.FirstLineNo = IntArg(ts, name, value); break;
                case "co_flags": copy.Flags = (CodeFlags)IntArg(ts, name, value); break;
                case "co_argcount" or "co_posonlyargcount" or "co_kwonlyargcount" or "co_nlocals" or "co_stacksize"
                    or "co_code" or "co_consts" or "co_names" or "co_varnames" or "co_freevars" or "co_cellvars"
                    or "co_linetable" or "co_exceptiontable":
                    throw PyExc.ValueError($"code.replace(): {name} cannot be replaced in StacklessIron");
                default:
                    throw PyExc.TypeError($"'{name}' is an invalid keyword argument for replace()");
            }
        }
        return For(copy);
    }

    static string StrArg(string name, PyObject value)
        => value is PyStr s ? s.Value : throw PyExc.TypeError($"replace() argument '{name}' must be str, not {value.Type.Name}");

    static int IntArg(ThreadState ts, string name, PyObject value)
    {
        if (value is not PyInt) throw PyExc.TypeError($"'{value.Type.Name}' object cannot be interpreted as an integer");
        var n = Ops.Index(ts, value);
        if (!n.FitsLong || n.Small > int.MaxValue || n.Small < int.MinValue) throw PyExc.OverflowError("Python int too large to convert to C int");
        return (int)n.Small;
    }

    static PyTuple StrTuple(string[] s) => new(Array.ConvertAll(s, x => (PyObject)new PyStr(x)));

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var c = ((PyCode)self).Code;
        return new PyStr($"<code object {c.Name} at 0x{Ops.Id(self):x}, file \"{c.Filename}\", line {c.FirstLineNo}>");
    }
}
