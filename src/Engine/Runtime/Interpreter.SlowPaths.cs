#nullable enable
using System.Runtime.CompilerServices;
using StacklessIron.Compiling;
using System;
namespace StacklessIron.Runtime;

// The slow paths of hot instructions: Dispatch runs the common case inline and calls these for
// the rest, so that its own locals (and those of what it inlines) stay few enough for the JIT
// to keep the loop's state in registers and to inline the hot paths' helpers. Errors travel
// in ts.ColdException, as from DispatchCold.
public static partial class Interpreter
{
    /// <summary>BINARY_OP on anything but two small ints or two floats under + - *.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static PyObject BinaryOpOther(ThreadState ts, PyObject a, PyObject b, int op)
    {
        PyType at = a.Type, bt = b.Type;
        if (at == TypeObjects.Str)
        {
            if (bt == TypeObjects.Str && (op == (int)BinaryOpArg.Add || op == (int)BinaryOpArg.InplaceAdd))
                return PyStr.Concat(Unsafe.As<PyStr>(a), Unsafe.As<PyStr>(b));  // the amortised append (s += x)
            // "fmt" % args with builtin args (no __rmod__ of a subclass to try first): str's
            // formatter directly, without the binary-op slot search
            if ((op == (int)BinaryOpArg.Remainder || op == (int)BinaryOpArg.InplaceRemainder)
                && (bt == TypeObjects.Tuple || bt == PyInt.TypeObject || bt == TypeObjects.Str || bt == PyFloat.TypeObject))
                return PyStr.Percent(ts, Unsafe.As<PyStr>(a), b);
        }
        return Ops.BinaryOp(ts, a, b, op);
    }

    /// <summary>UNPACK_SEQUENCE of `seq` (popped from f's stack, f.Sp stored) into `n` values
    /// pushed there, but for a tuple of that size. False with ts.ColdException set when it
    /// cannot be done.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static bool UnpackOther(ThreadState ts, Frame f, PyObject seq, int n)
    {
        PyObject[] items;
        if (seq.Type == TypeObjects.Tuple) items = Unsafe.As<PyTuple>(seq).Items;
        else if (seq.Type == PyList.TypeObject) items = Unsafe.As<PyList>(seq).ToArray();
        else
        {
            if (seq.Type.Iter == null && seq.Type.GetItem == null)
                return ColdFail(ts, PyExc.TypeError($"cannot unpack non-iterable {seq.Type.Name} object"));
            var it = Ops.GetIter(ts, seq);
            var buf = new List<PyObject>(n);
            while (buf.Count <= n)
            {
                var x = Ops.Next(ts, it);
                if (x == null) break;
                buf.Add(x);
            }
            if (buf.Count > n) return ColdFail(ts, PyExc.ValueError($"too many values to unpack (expected {n})"));
            items = buf.ToArray();
        }
        if (items.Length != n)
        {
            return ColdFail(ts, items.Length < n
                ? PyExc.ValueError($"not enough values to unpack (expected {n}, got {items.Length})")
                : PyExc.ValueError($"too many values to unpack (expected {n})"));
        }
        var s = f.Slots;
        int sp = f.Sp;
        for (int i = n - 1; i >= 0; i--) s[sp++] = items[i];
        f.Sp = sp;
        return true;
    }

    static bool ColdFail(ThreadState ts, PyException e)
    {
        ts.ColdException = e.Value;
        return false;
    }

    /// <summary>LOAD_GLOBAL whose inline cache does not hold: looks the name up and refills the
    /// cache. Null with ts.ColdException set when the name is not defined.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static PyObject? LoadGlobalMiss(ThreadState ts, Frame f, int arg, ref PyCode.GlobalCacheEntry cache)
    {
        var g = f.Globals; var bi = f.Builtins;
        var name = f.Code.Names[arg];
        var v = g.GetStr(name) ?? (bi.Type == TypeObjects.Dict ? bi.GetStr(name) : bi.GetItem(ts, name));
        if (v == null) { ts.ColdException = NameNotDefined(name); return null; }
        if (g.Type == TypeObjects.Dict && bi.Type == TypeObjects.Dict)
        {
            cache.Globals = g; cache.GlobalsVersion = g.Version;
            cache.Builtins = bi; cache.BuiltinsVersion = bi.Version;
            cache.Value = v;
        }
        return v;
    }

    /// <summary>LOAD_NAME in a module's (or class body's) loop, where the locals, globals and
    /// builtins are plain dicts: their lookups with the instruction's guesses of the entry
    /// (PyCode.NameHints). Null when the name is in none of them or the guesses do not apply:
    /// DispatchCold does the general lookup (mappings, NameError).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static PyObject? LoadNameHinted(Frame f, int arg, int at)
    {
        var code = f.Code;
        var hints = code.NameHints;
        if (hints == null || f.Locals is not PyDict loc || loc.Type != TypeObjects.Dict) return null;
        var name = code.Names[arg];
        var v = loc.GetStrHinted(name, ref hints[2 * at]);
        if (v != null) return v;
        var g = f.Globals;
        if (g != loc)
        {
            if (g.Type != TypeObjects.Dict) return null;
            v = g.GetStrHinted(name, ref hints[2 * at + 1]);
            if (v != null) return v;
        }
        var b = f.Builtins;
        return b.Type == TypeObjects.Dict ? b.GetStrHinted(name, ref hints[2 * at + 1]) : null;
    }

    /// <summary>STORE_NAME in a module's loop into plain-dict locals, with the instruction's
    /// guess of the entry. False: DispatchCold stores it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static bool StoreNameHinted(Frame f, int arg, int at, PyObject v)
    {
        var code = f.Code;
        var hints = code.NameHints;
        if (hints == null || f.Locals is not PyDict loc || loc.Type != TypeObjects.Dict) return false;
        loc.SetStrHinted(code.Names[arg], v, ref hints[2 * at]);
        return true;
    }

    const int PairOther = 0, PairPushed = 1, PairsDone = 2;

    /// <summary>FOR_ITER__UNPACK_PAIR: for a dict's items iterator, or an enumerate over a
    /// list, range or dict iterator (no Python code runs in their next), pushes the next pair's
    /// values over the iterator at s[sp - 1] as UNPACK_SEQUENCE 2 would leave them (the first
    /// on top): PairPushed, or PairsDone when exhausted. PairOther: another iterator, which
    /// FOR_ITER runs.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int ForIterPair(ThreadState ts, PyObject it, PyObject?[] s, int sp)
    {
        PyObject first, second;
        if (it is PyDictIterator di && di.IsItems)
        {
            if (!di.NextEntry(out first, out second)) return PairsDone;
        }
        else if (it.Type == PyEnumerate.TypeObject && Unsafe.As<PyEnumerate>(it).Inner is PyListIterator or PyRangeIterator or PyDictIterator)
        {
            if (!Unsafe.As<PyEnumerate>(it).NextPair(ts, out first, out second)) return PairsDone;
        }
        else return PairOther;
        s[sp] = second;
        s[sp + 1] = first;
        return PairPushed;
    }

    /// <summary>LOAD_METHOD whose cache does not hold: pushes [method, obj] when `name` is a
    /// plain method of obj's type, else [NULL, the attribute], over obj at s[sp - 1].</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void LoadMethodOther(ThreadState ts, PyObject?[] s, int sp, PyObject obj, PyStr name)
    {
        var t = obj.Type;
        if (Same(t.GetAttr, s_objectGetAttr) || Same(t.GetAttr, s_moduleGetAttr) && obj is not PyModule)
        {
            var descr = t.Lookup(name);
            if ((descr is PyFunction || descr is PyMethodDescriptor) && (obj is PyInstance pi ? pi.GetOwn(name) == null : obj.Dict == null || obj.Dict.GetStr(name) == null))
            {
                s[sp - 1] = descr;
                s[sp] = obj;
                return;
            }
        }
        // (obj stays on the stack if the lookup raises)
        var attr = LoadAttr(ts, obj, name);
        s[sp - 1] = null;
        s[sp] = attr;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static PyBaseException NotAnIterator(PyObject it) => PyExc.TypeError($"'{it.Type.Name}' object is not an iterator").Value;

    [MethodImpl(MethodImplOptions.NoInlining)]
    static PyBaseException CantSendNonNone(PyGenerator g) => PyExc.TypeError($"can't send non-None value to a just-started {g.KindName}").Value;
}
