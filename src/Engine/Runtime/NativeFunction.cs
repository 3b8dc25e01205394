#nullable enable
using System.Linq.Expressions;
using System.Reflection;
using System;
namespace StacklessIron.Runtime;

/// <summary>
/// A C# method exposed to Python. Its Signature and a compiled invoker (argument conversion
/// plus the direct call) are built once, on the first call, from the method's parameters:
/// `ThreadState ts` first, then (for methods) self, then the Python parameters.
/// Supported parameter types: PyObject and subclasses, int, long, double, bool (truth value),
/// string (a str), `params PyObject[]` (*args), `[PyKwArgs] PyDict` (**kwargs). A parameter
/// with a C# default (or nullable PyObject? = null) is optional.
/// </summary>
public sealed class NativeFunction
{
    public readonly string Name;
    public readonly MethodInfo Method;
    /// <summary>The first Python-visible parameter is the bound self (method) or cls (classmethod).</summary>
    public readonly bool HasSelf;
    public string? OwnerName;            // type (or module) name for argument errors
    Signature? _sig;
    bool[]? _optional;
    Func<ThreadState, PyObject?[], PyObject>? _invoker;
    // Fixed-arity invokers (self and positional parameters as separate arguments, missing
    // optional ones as null): a call with positional arguments only needs no bound array
    // and no Signature.Bind. Set when the method takes at most 4 such parameters and no
    // *args, **kwargs or keyword-only ones; _fastArity says which one is set.
    Func<ThreadState, PyObject>? _f0;
    Func<ThreadState, PyObject?, PyObject>? _f1;
    Func<ThreadState, PyObject?, PyObject?, PyObject>? _f2;
    Func<ThreadState, PyObject?, PyObject?, PyObject?, PyObject>? _f3;
    Func<ThreadState, PyObject?, PyObject?, PyObject?, PyObject?, PyObject>? _f4;
    int _fastArity = -1;
    int _required;       // leading positional parameters that are not optional

    public NativeFunction(string name, MethodInfo method, bool hasSelf, string? ownerName = null)
    {
        Name = name; Method = method; HasSelf = hasSelf; OwnerName = ownerName;
    }

    public Signature Signature { get { if (_sig == null) Build(); return _sig!; } }

    /// <summary>The fast path alone: nothing of it lives across a call, so the method keeps no
    /// frame (no callee-saved registers pushed and popped at every native call) and ends in a
    /// tail call of the invoker; the first call, keywords and binding go to CallBound.</summary>
    public PyObject Call(ThreadState ts, PyObject? self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var sig = _sig;
        if (sig != null && kwnames == null && args.Length <= sig.PosCount && args.Length >= _required)
        {
            if (HasSelf)
                switch (_fastArity)
                {
                    case 1: return _f1!(ts, self);
                    case 2: return _f2!(ts, self, Arg(args, 0));
                    case 3: return _f3!(ts, self, Arg(args, 0), Arg(args, 1));
                    case 4: return _f4!(ts, self, Arg(args, 0), Arg(args, 1), Arg(args, 2));
                }
            else
                switch (_fastArity)
                {
                    case 0: return _f0!(ts);
                    case 1: return _f1!(ts, Arg(args, 0));
                    case 2: return _f2!(ts, Arg(args, 0), Arg(args, 1));
                    case 3: return _f3!(ts, Arg(args, 0), Arg(args, 1), Arg(args, 2));
                    case 4: return _f4!(ts, Arg(args, 0), Arg(args, 1), Arg(args, 2), Arg(args, 3));
                }
        }
        return CallBound(ts, self, args, kwnames);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    PyObject CallBound(ThreadState ts, PyObject? self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var sig = _sig ?? Build();
        // built just now: a call that fits its fast invoker takes it
        if (kwnames == null && _fastArity >= 0 && args.Length <= sig.PosCount && args.Length >= _required)
            return Call(ts, self, args, kwnames);
        int off = HasSelf ? 1 : 0;
        var bound = new PyObject?[sig.Total + off];
        if (HasSelf) bound[0] = self;
        sig.Bind(ts, args, kwnames, bound.AsSpan(off), null, null, _optional);
        // the general invoker is compiled on first need: most natives only ever see the fast one
        return (_invoker ?? CompileGeneralInvoker())(ts, bound);
    }

    static PyObject? Arg(ReadOnlySpan<PyObject> args, int i) => i < args.Length ? args[i] : null;

    Func<ThreadState, PyObject?[], PyObject> CompileGeneralInvoker()
    {
        lock (this)
            return _invoker ??= CompileInvoker(Method.GetParameters(), _sig!);
    }

    Signature Build()
    {
        lock (this)
        {
            if (_sig != null) return _sig;
            var ps = Method.GetParameters();
            if (ps.Length == 0 || ps[0].ParameterType != typeof(ThreadState))
                throw new InvalidOperationException($"native {Method.DeclaringType?.Name}.{Method.Name}: first parameter must be ThreadState");
            int first = HasSelf ? 2 : 1;
            var names = new List<string>();
            var optional = new List<bool>();
            int posOnly = 0, posCount = 0, kwOnly = 0;
            bool varArgs = false, varKw = false, keywordMode = false, kwOnlyMode = false;
            for (int i = first; i < ps.Length; i++)
            {
                var p = ps[i];
                if (p.IsDefined(typeof(ParamArrayAttribute), false)) { varArgs = true; continue; }
                if (p.IsDefined(typeof(PyKwArgsAttribute), false)) { varKw = true; continue; }
                if (p.IsDefined(typeof(PyKwOnlyAttribute), false)) kwOnlyMode = true;
                if (p.IsDefined(typeof(PyKeywordAttribute), false)) keywordMode = true;
                names.Add(p.Name!);
                optional.Add(p.HasDefaultValue || p.IsOptional);
                if (kwOnlyMode) kwOnly++;
                else { posCount++; if (!keywordMode) posOnly++; }
            }
            var sig = new Signature(Name, names.ToArray(), posOnly, posCount, kwOnly, varArgs, varKw);
            sig.Style = !varArgs && !varKw && names.Count == 0 ? Signature.NativeStyle.NoArgs
                : !varArgs && !varKw && names.Count == 1 && posOnly == 1 && !optional[0] ? Signature.NativeStyle.One
                : !varKw && kwOnly == 0 && posOnly == posCount ? Signature.NativeStyle.Positional
                : !varKw ? Signature.NativeStyle.Keywords
                : Signature.NativeStyle.Python;
            sig.QualifiedName = OwnerName != null ? OwnerName + "." + Name : Name;
            var opt = new bool[sig.Total];
            for (int i = 0; i < optional.Count; i++) opt[i] = optional[i];
            _optional = opt;
            while (_required < sig.PosCount && !opt[_required]) _required++;
            if (!varArgs && !varKw && kwOnly == 0 && posCount + (HasSelf ? 1 : 0) <= 4)
            {
                // adapters first, the compiled invoker once the native proves hot (NativeTier0)
                int arity = posCount + (HasSelf ? 1 : 0);
                if (NativeTier0.Make(this, Method, ps, arity) is Delegate adapter) SetFast(arity, adapter);
                else CompileFastInvoker(ps, sig);
            }
            // otherwise the general invoker, compiled at the first call (CompileGeneralInvoker)
            // unless a hand-written one (UseInvoker) came first
            _sig = sig;   // last: a non-null _sig means everything above is ready
            return sig;
        }
    }

    void SetFast(int arity, Delegate d)
    {
        switch (arity)
        {
            case 0: _f0 = (Func<ThreadState, PyObject>)d; break;
            case 1: _f1 = (Func<ThreadState, PyObject?, PyObject>)d; break;
            case 2: _f2 = (Func<ThreadState, PyObject?, PyObject?, PyObject>)d; break;
            case 3: _f3 = (Func<ThreadState, PyObject?, PyObject?, PyObject?, PyObject>)d; break;
            case 4: _f4 = (Func<ThreadState, PyObject?, PyObject?, PyObject?, PyObject?, PyObject>)d; break;
        }
        _fastArity = arity;
    }

    /// <summary>Called by a first (adapter) invoker that has been called often: the compiled
    /// invoker takes its place once the background compiler has built it (the adapter serves
    /// the calls meanwhile).</summary>
    internal void TierUp() => BackgroundCompiler.Enqueue(() => { lock (this) { if (!_handWritten) CompileFastInvoker(Method.GetParameters(), _sig!); } });

    /// <summary>Gives a native a hand-written fast invoker (a Func of ThreadState and its fixed
    /// arity: self, then the positional parameters, a missing optional one as null) in place of
    /// the adapter and the later expression-compiled one. It is compiled with its assembly, so
    /// no tier-up compile and no swap of invokers falls into a program's first thousands of
    /// calls (the channel switch path). It must check and convert its arguments as the
    /// compiled invoker would; the arity check and the binder's errors stay here.
    /// A native without a fast path (keywords, more than four parameters) may get the general
    /// shape instead: a Func of ThreadState and the bound arguments ([self] + parameters in
    /// order, a missing optional one as null), called after the binder.</summary>
    public void UseInvoker(Delegate invoker)
    {
        lock (this)
        {
            var sig = _sig ?? Build();
            if (_fastArity < 0 && invoker is Func<ThreadState, PyObject?[], PyObject> general)
            {
                _handWritten = true;
                _invoker = general;
                return;
            }
            int arity = sig.PosCount + (HasSelf ? 1 : 0);
            if (_fastArity < 0 || invoker.GetType() != FastDelegateType(arity))
                throw new InvalidOperationException($"native {Name}: no fast invoker of arity {arity} to replace");
            _handWritten = true;
            SetFast(arity, invoker);
        }
    }
    bool _handWritten;
    /// <summary>Whether UseInvoker gave this native its fast invoker.</summary>
    public bool InvokerIsHandWritten => _handWritten;

    static Type FastDelegateType(int arity) => arity switch
    {
        0 => typeof(Func<ThreadState, PyObject>),
        1 => typeof(Func<ThreadState, PyObject?, PyObject>),
        2 => typeof(Func<ThreadState, PyObject?, PyObject?, PyObject>),
        3 => typeof(Func<ThreadState, PyObject?, PyObject?, PyObject?, PyObject>),
        _ => typeof(Func<ThreadState, PyObject?, PyObject?, PyObject?, PyObject?, PyObject>),
    };

    void CompileFastInvoker(ParameterInfo[] ps, Signature sig)
    {
        var ts = Expression.Parameter(typeof(ThreadState), "ts");
        int arity = sig.PosCount + (HasSelf ? 1 : 0);
        var pars = new ParameterExpression[arity];
        for (int i = 0; i < arity; i++) pars[i] = Expression.Parameter(typeof(PyObject), "a" + i);
        var body = InvokerBody(ps, sig, ts, i => pars[i]);
        var all = new List<ParameterExpression> { ts };
        all.AddRange(pars);
        switch (arity)
        {
            case 0: _f0 = Expression.Lambda<Func<ThreadState, PyObject>>(body, all).Compile(); break;
            case 1: _f1 = Expression.Lambda<Func<ThreadState, PyObject?, PyObject>>(body, all).Compile(); break;
            case 2: _f2 = Expression.Lambda<Func<ThreadState, PyObject?, PyObject?, PyObject>>(body, all).Compile(); break;
            case 3: _f3 = Expression.Lambda<Func<ThreadState, PyObject?, PyObject?, PyObject?, PyObject>>(body, all).Compile(); break;
            case 4: _f4 = Expression.Lambda<Func<ThreadState, PyObject?, PyObject?, PyObject?, PyObject?, PyObject>>(body, all).Compile(); break;
        }
        _fastArity = arity;
    }

    Func<ThreadState, PyObject?[], PyObject> CompileInvoker(ParameterInfo[] ps, Signature sig)
    {
        var ts = Expression.Parameter(typeof(ThreadState), "ts");
        var arr = Expression.Parameter(typeof(PyObject?[]), "args");
        var body = InvokerBody(ps, sig, ts, index => Expression.ArrayIndex(arr, Expression.Constant(index)));
        return Expression.Lambda<Func<ThreadState, PyObject?[], PyObject>>(body, ts, arr).Compile();
    }

    /// <summary>The call of Method with converted arguments; `raw(i)` reads bound slot i
    /// ([self?] + positional/keyword params + [*args] + [**kwargs]).</summary>
    Expression InvokerBody(ParameterInfo[] ps, Signature sig, ParameterExpression ts, Func<int, Expression> rawOf)
    {
        var callArgs = new List<Expression> { ts };
        int off = HasSelf ? 1 : 0;
        int named = 0;
        for (int i = 1; i < ps.Length; i++)
        {
            var p = ps[i];
            int index;
            if (HasSelf && i == 1) index = 0;
            else if (p.IsDefined(typeof(ParamArrayAttribute), false)) index = off + sig.VarArgsIndex;
            else if (p.IsDefined(typeof(PyKwArgsAttribute), false)) index = off + sig.VarKwIndex;
            else index = off + named++;
            Expression raw = rawOf(index);
            callArgs.Add(Convert(raw, p, ts, HasSelf && i == 1));
        }
        Expression call = Expression.Call(Method, callArgs);
        Expression body;
        var rt = Method.ReturnType;
        // None as a static field, not a constant: a lambda's constant is read from its closure's
        // object array and cast back to PyObject by a runtime helper at every call (list.append)
        if (rt == typeof(void)) body = Expression.Block(call, Expression.Convert(Expression.Field(null, typeof(PyNone).GetField(nameof(PyNone.Value))!), typeof(PyObject)));
        else if (typeof(PyObject).IsAssignableFrom(rt)) body = Expression.Call(typeof(NativeConvert).GetMethod(nameof(NativeConvert.NoneIfNull))!, Expression.Convert(call, typeof(PyObject)));
        else if (rt == typeof(bool)) body = Expression.Call(typeof(PyBool).GetMethod(nameof(PyBool.From))!, call);
        else if (rt == typeof(int) || rt == typeof(long)) body = Expression.Convert(Expression.Call(typeof(PyInt).GetMethod(nameof(PyInt.From), new[] { typeof(long) })!, Expression.Convert(call, typeof(long))), typeof(PyObject));
        else if (rt == typeof(double)) body = Expression.Convert(Expression.New(typeof(PyFloat).GetConstructor(new[] { typeof(double) })!, call), typeof(PyObject));
        else if (rt == typeof(string)) body = Expression.Convert(Expression.New(typeof(PyStr).GetConstructor(new[] { typeof(string) })!, call), typeof(PyObject));
        else throw new InvalidOperationException($"native {Method.Name}: unsupported return type {rt}");
        return body;
    }

    Expression Convert(Expression raw, ParameterInfo p, ParameterExpression ts, bool isSelf)
    {
        var t = p.ParameterType;
        string pname = p.Name!;
        Expression conv;
        if (t == typeof(PyObject)) conv = raw;
        else if (typeof(PyObject).IsAssignableFrom(t))
        {
            // `raw as T ?? fail`: the type test inline; the generic helper (shared code with a
            // runtime type lookup) only builds the error.
            var m = typeof(NativeConvert).GetMethod(isSelf ? nameof(NativeConvert.Self) : nameof(NativeConvert.Cast))!.MakeGenericMethod(t);
            var fail = Expression.Call(m, raw, Expression.Constant(Name), Expression.Constant(isSelf ? (OwnerName ?? "object") : pname));
            conv = Expression.Coalesce(Expression.TypeAs(raw, t), fail);
        }
        else if (t == typeof(PyObject[])) conv = Expression.Field(Expression.Convert(raw, typeof(PyTuple)), nameof(PyTuple.Items));
        else if (t == typeof(int)) conv = Expression.Call(typeof(NativeConvert).GetMethod(nameof(NativeConvert.ToInt))!, ts, raw);
        else if (t == typeof(long)) conv = Expression.Call(typeof(NativeConvert).GetMethod(nameof(NativeConvert.ToLong))!, ts, raw);
        else if (t == typeof(double)) conv = Expression.Call(typeof(NativeConvert).GetMethod(nameof(NativeConvert.ToDouble))!, ts, raw);
        else if (t == typeof(bool)) conv = Expression.Call(typeof(Ops).GetMethod(nameof(Ops.IsTrue))!, ts, raw);
        else if (t == typeof(string)) conv = Expression.Call(typeof(NativeConvert).GetMethod(nameof(NativeConvert.ToStr))!, raw, Expression.Constant(Name), Expression.Constant(pname));
        else throw new InvalidOperationException($"native {Method.Name}: unsupported parameter type {t}");
        if (p.HasDefaultValue || p.IsOptional)
        {
            var def = p.HasDefaultValue ? p.DefaultValue : null;
            Expression defExpr = def == null ? Expression.Default(t) : Expression.Constant(def, t);
            conv = Expression.Condition(Expression.Equal(raw, Expression.Constant(null, typeof(PyObject))), defExpr, conv);
        }
        return conv;
    }
}

/// <summary>Argument conversions used by compiled native invokers.</summary>
public static class NativeConvert
{
    public static PyObject NoneIfNull(PyObject? o) => o ?? PyNone.Value;

    public static T Self<T>(PyObject? o, string func, string owner) where T : PyObject
    {
        if (o is T t) return t;
        throw PyExc.TypeError($"descriptor '{func}' for '{owner}' objects doesn't apply to a '{o?.Type.Name ?? "NoneType"}' object");
    }

    public static T Cast<T>(PyObject? o, string func, string param) where T : PyObject
    {
        if (o is T t) return t;
        throw PyExc.TypeError($"{func}() argument '{param}' must be {TypeNameOf(typeof(T))}, not {o?.Type.Name ?? "None"}");
    }

    static string TypeNameOf(Type t)
    {
        var a = (PyTypeAttribute?)System.Attribute.GetCustomAttribute(t, typeof(PyTypeAttribute));
        return a?.Name ?? t.Name;
    }

    public static long ToLong(ThreadState ts, PyObject? o)
    {
        if (o is PyInt i) return i.ToLongChecked();
        var idx = Ops.Index(ts, o!);
        return idx.ToLongChecked();
    }

    public static int ToInt(ThreadState ts, PyObject? o)
    {
        long v = ToLong(ts, o);
        if (v < int.MinValue || v > int.MaxValue) throw PyExc.OverflowError("Python int too large to convert to C int");
        return (int)v;
    }

    public static double ToDouble(ThreadState ts, PyObject? o) => Ops.ToDouble(ts, o!);

    public static string ToStr(PyObject? o, string func, string param)
    {
        if (o is PyStr s) return s.Value;
        throw PyExc.TypeError($"{func}() argument '{param}' must be str, not {o?.Type.Name ?? "None"}");
    }
}
