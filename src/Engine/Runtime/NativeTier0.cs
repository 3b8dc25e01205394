#nullable enable
using System;
using System.Reflection;
namespace StacklessIron.Runtime;

/// <summary>
/// The first invokers of a native function with a fixed-arity fast path (NativeFunction):
/// prebuilt generic adapters that convert the arguments with small converter objects and call
/// the method through a delegate bound to it. Making one costs microseconds and no JIT work
/// of its own (the adapters are shared code, compiled once per shape), where compiling an
/// expression tree costs a dynamic method and a full JIT compile each: importing a module
/// calls a hundred natives a few times each, and compiling their invokers was a fifth of a
/// warm `import asyncio`. A native called often is compiled after all (TierUpCalls) and
/// then runs the inlined conversions of the compiled invoker.
/// </summary>
static class NativeTier0
{
    /// <summary>Calls after which a native's compiled invoker replaces its adapter.</summary>
    public const int TierUpCalls = 500;

    /// <summary>An adapter for `method` (ThreadState first, then exactly `arity` positional
    /// parameters), as the fast-path delegate of that arity; null for a parameter or return
    /// type it does not convert (the caller compiles instead).</summary>
    public static Delegate? Make(NativeFunction owner, MethodInfo method, ParameterInfo[] ps, int arity)
    {
        if (ps.Length != arity + 1 || arity > 4) return null;
        var convs = new ArgConv[arity];
        var types = new Type[arity + 1];
        for (int i = 0; i < arity; i++)
        {
            var c = ConvFor(ps[i + 1], owner, isSelf: owner.HasSelf && i == 0);
            if (c == null) return null;
            convs[i] = c;
            types[i] = ps[i + 1].ParameterType;
        }
        var rt = method.ReturnType;
        bool isVoid = rt == typeof(void);
        RetConv? ret = null;
        if (!isVoid)
        {
            ret = RetFor(rt);
            if (ret == null) return null;
            // a PyObject-derived result binds as PyObject (delegate return types are covariant)
            types[arity] = typeof(PyObject).IsAssignableFrom(rt) ? typeof(PyObject) : rt;
        }
        Type adapterDef = (isVoid, arity) switch
        {
            (false, 0) => typeof(Fn0<>), (false, 1) => typeof(Fn1<,>), (false, 2) => typeof(Fn2<,,>), (false, 3) => typeof(Fn3<,,,>), (false, 4) => typeof(Fn4<,,,,>),
            (true, 0) => typeof(Act0), (true, 1) => typeof(Act1<>), (true, 2) => typeof(Act2<,>), (true, 3) => typeof(Act3<,,>), _ => typeof(Act4<,,,>),
        };
        var typeArgs = isVoid ? types.AsSpan(0, arity).ToArray() : types;
        var adapterType = typeArgs.Length == 0 ? adapterDef : adapterDef.MakeGenericType(typeArgs);
        var targetType = isVoid
            ? arity switch
            {
                0 => typeof(Action<ThreadState>),
                _ => Type.GetType("System.Action`" + (arity + 1))!.MakeGenericType([typeof(ThreadState), .. typeArgs]),
            }
            : Type.GetType("System.Func`" + (arity + 2))!.MakeGenericType([typeof(ThreadState), .. typeArgs]);
        Delegate target;
        try { target = method.CreateDelegate(targetType); }
        catch (ArgumentException) { return null; }
        var adapter = (Adapter)Activator.CreateInstance(adapterType)!;
        adapter.Init(owner, target, convs, ret);
        return adapter.Entry();
    }

    static ArgConv? ConvFor(ParameterInfo p, NativeFunction owner, bool isSelf)
    {
        var t = p.ParameterType;
        bool optional = p.HasDefaultValue || p.IsOptional;
        object? def = p.HasDefaultValue ? p.DefaultValue : null;
        string name = p.Name!;
        if (t == typeof(PyObject)) return new ObjectArg();
        if (typeof(PyObject).IsAssignableFrom(t))
        {
            var c = (ArgConv)Activator.CreateInstance(typeof(CastArg<>).MakeGenericType(t))!;
            ((ICastArg)c).Set(owner.Name, isSelf ? (owner.OwnerName ?? "object") : name, isSelf);
            return c;
        }
        if (t == typeof(long)) return new LongArg { Optional = optional, Default = def is long l ? l : 0 };
        if (t == typeof(int)) return new IntArg { Optional = optional, Default = def is int n ? n : 0 };
        if (t == typeof(double)) return new DoubleArg { Optional = optional, Default = def is double d ? d : 0 };
        if (t == typeof(bool)) return new BoolArg { Optional = optional, Default = def is bool b && b };
        if (t == typeof(string)) return new StrArg { Optional = optional, Default = def as string, Func = owner.Name, Param = name };
        return null;
    }

    static RetConv? RetFor(Type rt)
    {
        if (typeof(PyObject).IsAssignableFrom(rt)) return new ObjectRet();
        if (rt == typeof(bool)) return new BoolRet();
        if (rt == typeof(long)) return new LongRet();
        if (rt == typeof(int)) return new IntRet();
        if (rt == typeof(double)) return new DoubleRet();
        if (rt == typeof(string)) return new StrRet();
        return null;
    }

    // ---------------- argument conversions (as the compiled invoker's, NativeFunction.Convert) ----------------

    abstract class ArgConv { }
    abstract class ArgConv<T> : ArgConv { public abstract T Convert(ThreadState ts, PyObject? raw); }

    sealed class ObjectArg : ArgConv<PyObject> { public override PyObject Convert(ThreadState ts, PyObject? raw) => raw!; }

    interface ICastArg { void Set(string func, string param, bool isSelf); }
    /// <summary>Missing (null) stays null: an optional parameter's default.</summary>
    sealed class CastArg<T> : ArgConv<T>, ICastArg where T : PyObject
    {
        string Func = "", Param = "";
        bool IsSelf;
        public void Set(string func, string param, bool isSelf) { Func = func; Param = param; IsSelf = isSelf; }
        public override T Convert(ThreadState ts, PyObject? raw)
        {
            if (raw is T t || raw == null) return (T)raw!;
            return IsSelf ? NativeConvert.Self<T>(raw, Func, Param) : NativeConvert.Cast<T>(raw, Func, Param);
        }
    }

    sealed class LongArg : ArgConv<long>
    {
        public bool Optional; public long Default;
        public override long Convert(ThreadState ts, PyObject? raw) => raw == null && Optional ? Default : NativeConvert.ToLong(ts, raw);
    }
    sealed class IntArg : ArgConv<int>
    {
        public bool Optional; public int Default;
        public override int Convert(ThreadState ts, PyObject? raw) => raw == null && Optional ? Default : NativeConvert.ToInt(ts, raw);
    }
    sealed class DoubleArg : ArgConv<double>
    {
        public bool Optional; public double Default;
        public override double Convert(ThreadState ts, PyObject? raw) => raw == null && Optional ? Default : NativeConvert.ToDouble(ts, raw);
    }
    sealed class BoolArg : ArgConv<bool>
    {
        public bool Optional; public bool Default;
        public override bool Convert(ThreadState ts, PyObject? raw) => raw == null && Optional ? Default : Ops.IsTrue(ts, raw!);
    }
    sealed class StrArg : ArgConv<string>
    {
        public bool Optional; public string? Default; public string Func = "", Param = "";
        public override string Convert(ThreadState ts, PyObject? raw) => raw == null && Optional ? Default! : NativeConvert.ToStr(raw, Func, Param);
    }

    // ---------------- result conversions ----------------

    abstract class RetConv { }
    abstract class RetConv<R> : RetConv { public abstract PyObject Box(R r); }
    sealed class ObjectRet : RetConv<PyObject> { public override PyObject Box(PyObject r) => r ?? PyNone.Value; }
    sealed class BoolRet : RetConv<bool> { public override PyObject Box(bool r) => PyBool.From(r); }
    sealed class LongRet : RetConv<long> { public override PyObject Box(long r) => PyInt.From(r); }
    sealed class IntRet : RetConv<int> { public override PyObject Box(int r) => PyInt.From((long)r); }
    sealed class DoubleRet : RetConv<double> { public override PyObject Box(double r) => new PyFloat(r); }
    sealed class StrRet : RetConv<string> { public override PyObject Box(string r) => new PyStr(r); }

    // ---------------- adapters, one per arity, returning a value or not ----------------

    abstract class Adapter
    {
        NativeFunction _owner = null!;
        int _calls;
        public virtual void Init(NativeFunction owner, Delegate target, ArgConv[] convs, RetConv? ret) { _owner = owner; }
        public abstract Delegate Entry();
        protected void Count() { if (++_calls == TierUpCalls) _owner.TierUp(); }
    }

    abstract class FnAdapter<R> : Adapter
    {
        protected RetConv<R> Ret = null!;
        public override void Init(NativeFunction owner, Delegate target, ArgConv[] convs, RetConv? ret) { base.Init(owner, target, convs, ret); Ret = (RetConv<R>)ret!; }
    }

    sealed class Fn0<R> : FnAdapter<R>
    {
        Func<ThreadState, R> _t = null!;
        public override void Init(NativeFunction o, Delegate t, ArgConv[] c, RetConv? r) { base.Init(o, t, c, r); _t = (Func<ThreadState, R>)t; }
        public override Delegate Entry() => new Func<ThreadState, PyObject>(Invoke);
        PyObject Invoke(ThreadState ts) { Count(); return Ret.Box(_t(ts)); }
    }
    sealed class Fn1<T1, R> : FnAdapter<R>
    {
        ArgConv<T1> _c1 = null!;
        Func<ThreadState, T1, R> _t = null!;
        public override void Init(NativeFunction o, Delegate t, ArgConv[] c, RetConv? r) { base.Init(o, t, c, r); _c1 = (ArgConv<T1>)c[0]; _t = (Func<ThreadState, T1, R>)t; }
        public override Delegate Entry() => new Func<ThreadState, PyObject?, PyObject>(Invoke);
        PyObject Invoke(ThreadState ts, PyObject? a) { Count(); return Ret.Box(_t(ts, _c1.Convert(ts, a))); }
    }
    sealed class Fn2<T1, T2, R> : FnAdapter<R>
    {
        ArgConv<T1> _c1 = null!;
        ArgConv<T2> _c2 = null!;
        Func<ThreadState, T1, T2, R> _t = null!;
        public override void Init(NativeFunction o, Delegate t, ArgConv[] c, RetConv? r) { base.Init(o, t, c, r); _c1 = (ArgConv<T1>)c[0]; _c2 = (ArgConv<T2>)c[1]; _t = (Func<ThreadState, T1, T2, R>)t; }
        public override Delegate Entry() => new Func<ThreadState, PyObject?, PyObject?, PyObject>(Invoke);
        PyObject Invoke(ThreadState ts, PyObject? a, PyObject? b) { Count(); return Ret.Box(_t(ts, _c1.Convert(ts, a), _c2.Convert(ts, b))); }
    }
    sealed class Fn3<T1, T2, T3, R> : FnAdapter<R>
    {
        ArgConv<T1> _c1 = null!;
        ArgConv<T2> _c2 = null!;
        ArgConv<T3> _c3 = null!;
        Func<ThreadState, T1, T2, T3, R> _t = null!;
        public override void Init(NativeFunction o, Delegate t, ArgConv[] c, RetConv? r) { base.Init(o, t, c, r); _c1 = (ArgConv<T1>)c[0]; _c2 = (ArgConv<T2>)c[1]; _c3 = (ArgConv<T3>)c[2]; _t = (Func<ThreadState, T1, T2, T3, R>)t; }
        public override Delegate Entry() => new Func<ThreadState, PyObject?, PyObject?, PyObject?, PyObject>(Invoke);
        PyObject Invoke(ThreadState ts, PyObject? a, PyObject? b, PyObject? c)
        { Count(); return Ret.Box(_t(ts, _c1.Convert(ts, a), _c2.Convert(ts, b), _c3.Convert(ts, c))); }
    }
    sealed class Fn4<T1, T2, T3, T4, R> : FnAdapter<R>
    {
        ArgConv<T1> _c1 = null!;
        ArgConv<T2> _c2 = null!;
        ArgConv<T3> _c3 = null!;
        ArgConv<T4> _c4 = null!;
        Func<ThreadState, T1, T2, T3, T4, R> _t = null!;
        public override void Init(NativeFunction o, Delegate t, ArgConv[] c, RetConv? r) { base.Init(o, t, c, r); _c1 = (ArgConv<T1>)c[0]; _c2 = (ArgConv<T2>)c[1]; _c3 = (ArgConv<T3>)c[2]; _c4 = (ArgConv<T4>)c[3]; _t = (Func<ThreadState, T1, T2, T3, T4, R>)t; }
        public override Delegate Entry() => new Func<ThreadState, PyObject?, PyObject?, PyObject?, PyObject?, PyObject>(Invoke);
        PyObject Invoke(ThreadState ts, PyObject? a, PyObject? b, PyObject? c, PyObject? d)
        { Count(); return Ret.Box(_t(ts, _c1.Convert(ts, a), _c2.Convert(ts, b), _c3.Convert(ts, c), _c4.Convert(ts, d))); }
    }

    sealed class Act0 : Adapter
    {
        Action<ThreadState> _t = null!;
        public override void Init(NativeFunction o, Delegate t, ArgConv[] c, RetConv? r) { base.Init(o, t, c, r); _t = (Action<ThreadState>)t; }
        public override Delegate Entry() => new Func<ThreadState, PyObject>(Invoke);
        PyObject Invoke(ThreadState ts) { Count(); _t(ts); return PyNone.Value; }
    }
    sealed class Act1<T1> : Adapter
    {
        ArgConv<T1> _c1 = null!;
        Action<ThreadState, T1> _t = null!;
        public override void Init(NativeFunction o, Delegate t, ArgConv[] c, RetConv? r) { base.Init(o, t, c, r); _c1 = (ArgConv<T1>)c[0]; _t = (Action<ThreadState, T1>)t; }
        public override Delegate Entry() => new Func<ThreadState, PyObject?, PyObject>(Invoke);
        PyObject Invoke(ThreadState ts, PyObject? a) { Count(); _t(ts, _c1.Convert(ts, a)); return PyNone.Value; }
    }
    sealed class Act2<T1, T2> : Adapter
    {
        ArgConv<T1> _c1 = null!;
        ArgConv<T2> _c2 = null!;
        Action<ThreadState, T1, T2> _t = null!;
        public override void Init(NativeFunction o, Delegate t, ArgConv[] c, RetConv? r) { base.Init(o, t, c, r); _c1 = (ArgConv<T1>)c[0]; _c2 = (ArgConv<T2>)c[1]; _t = (Action<ThreadState, T1, T2>)t; }
        public override Delegate Entry() => new Func<ThreadState, PyObject?, PyObject?, PyObject>(Invoke);
        PyObject Invoke(ThreadState ts, PyObject? a, PyObject? b) { Count(); _t(ts, _c1.Convert(ts, a), _c2.Convert(ts, b)); return PyNone.Value; }
    }
    sealed class Act3<T1, T2, T3> : Adapter
    {
        ArgConv<T1> _c1 = null!;
        ArgConv<T2> _c2 = null!;
        ArgConv<T3> _c3 = null!;
        Action<ThreadState, T1, T2, T3> _t = null!;
        public override void Init(NativeFunction o, Delegate t, ArgConv[] c, RetConv? r) { base.Init(o, t, c, r); _c1 = (ArgConv<T1>)c[0]; _c2 = (ArgConv<T2>)c[1]; _c3 = (ArgConv<T3>)c[2]; _t = (Action<ThreadState, T1, T2, T3>)t; }
        public override Delegate Entry() => new Func<ThreadState, PyObject?, PyObject?, PyObject?, PyObject>(Invoke);
        PyObject Invoke(ThreadState ts, PyObject? a, PyObject? b, PyObject? c)
        { Count(); _t(ts, _c1.Convert(ts, a), _c2.Convert(ts, b), _c3.Convert(ts, c)); return PyNone.Value; }
    }
    sealed class Act4<T1, T2, T3, T4> : Adapter
    {
        ArgConv<T1> _c1 = null!;
        ArgConv<T2> _c2 = null!;
        ArgConv<T3> _c3 = null!;
        ArgConv<T4> _c4 = null!;
        Action<ThreadState, T1, T2, T3, T4> _t = null!;
        public override void Init(NativeFunction o, Delegate t, ArgConv[] c, RetConv? r) { base.Init(o, t, c, r); _c1 = (ArgConv<T1>)c[0]; _c2 = (ArgConv<T2>)c[1]; _c3 = (ArgConv<T3>)c[2]; _c4 = (ArgConv<T4>)c[3]; _t = (Action<ThreadState, T1, T2, T3, T4>)t; }
        public override Delegate Entry() => new Func<ThreadState, PyObject?, PyObject?, PyObject?, PyObject?, PyObject>(Invoke);
        PyObject Invoke(ThreadState ts, PyObject? a, PyObject? b, PyObject? c, PyObject? d)
        { Count(); _t(ts, _c1.Convert(ts, a), _c2.Convert(ts, b), _c3.Convert(ts, c), _c4.Convert(ts, d)); return PyNone.Value; }
    }
}
