#nullable enable
using System;
using System.Numerics;
using StacklessIron.Objects;
using StacklessIron.Runtime;
namespace StacklessIron.Stackless;

/// <summary>A minimal `random` module: CPython's Mersenne Twister with the same seeding of int
/// seeds and the same random()/getrandbits()/randrange() algorithms, so a seeded benchmark
/// (hackysack) makes the same choices as on CPython. Registered only until the engine can import
/// the standard library's random.py (which needs _random, math, os ...).</summary>
[PyType("Random")]
public class MinimalRandomModule : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("Random", typeof(MinimalRandomModule), module: "random");

    readonly uint[] _mt = new uint[624];
    int _index = 625;
    PyDict? _dict;
    public override PyDict? Dict { get => _dict; set => _dict = value; }

    public MinimalRandomModule(PyType type) : base(type) { SeedFromTime(); }

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("random", "Minimal random module (StacklessIron fallback).");
        var inst = new MinimalRandomModule(TypeObject);
        var ns = m.Namespace;
        ns.SetStr("Random", TypeObject);
        foreach (var name in new[] { "random", "seed", "getrandbits", "randrange", "randint", "choice", "shuffle", "uniform" })
            ns.SetStr(name, Ops.GetAttr(ts, inst, new PyStr(name)));
        return m;
    }

    void SeedFromTime() => InitByArray(new[] { (uint)Environment.TickCount, (uint)DateTime.UtcNow.Ticks });

    void InitGenrand(uint s)
    {
        _mt[0] = s;
        for (int i = 1; i < 624; i++) _mt[i] = 1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30)) + (uint)i;
        _index = 624;
    }

    void InitByArray(uint[] key)
    {
        InitGenrand(19650218u);
        int i = 1, j = 0;
        for (int k = Math.Max(624, key.Length); k > 0; k--)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint)j;
            i++; j++;
            if (i >= 624) { _mt[0] = _mt[623]; i = 1; }
            if (j >= key.Length) j = 0;
        }
        for (int k = 623; k > 0; k--)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1566083941u)) - (uint)i;
            i++;
            if (i >= 624) { _mt[0] = _mt[623]; i = 1; }
        }
        _mt[0] = 0x80000000u;
        _index = 624;
    }

    uint Next32()
    {
        if (_index >= 624)
        {
            for (int k = 0; k < 624; k++)
            {
                uint y = (_mt[k] & 0x80000000u) | (_mt[(k + 1) % 624] & 0x7fffffffu);
                _mt[k] = _mt[(k + 397) % 624] ^ (y >> 1) ^ ((y & 1) != 0 ? 0x9908b0dfu : 0u);
            }
            _index = 0;
        }
        uint x = _mt[_index++];
        x ^= x >> 11;
        x ^= (x << 7) & 0x9d2c5680u;
        x ^= (x << 15) & 0xefc60000u;
        x ^= x >> 18;
        return x;
    }

    BigInteger GetRandBits(int k)
    {
        if (k <= 32) return Next32() >> (32 - k);
        BigInteger r = BigInteger.Zero;
        int shift = 0;
        while (k > 0)
        {
            uint w = Next32();
            if (k < 32) w >>= 32 - k;
            r |= (BigInteger)w << shift;
            shift += 32; k -= 32;
        }
        return r;
    }

    BigInteger Below(BigInteger n)
    {
        int k = (int)n.GetBitLength();
        var r = GetRandBits(k);
        while (r >= n) r = GetRandBits(k);
        return r;
    }

    static BigInteger ToBig(ThreadState ts, PyObject o) => BigInteger.Parse(Ops.StrString(ts, Ops.Index(ts, o)));
    static PyObject FromBig(ThreadState ts, BigInteger b) => b >= long.MinValue && b <= long.MaxValue ? PyInt.From((long)b) : Ops.Call(ts, PyInt.TypeObject, new PyStr(b.ToString()));

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var r = new MinimalRandomModule(cls);
        if (cls != TypeObject) r._dict = new PyDict();
        if (args.Length > 0) r.DoSeed(ts, args[0]);
        return r;
    }

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames) { }

    void DoSeed(ThreadState ts, PyObject? a)
    {
        if (a == null || a == PyNone.Value) { SeedFromTime(); return; }
        BigInteger n;
        if (a is PyInt) n = BigInteger.Abs(ToBig(ts, a));
        else n = new BigInteger(Ops.Hash(ts, a)) & ulong.MaxValue;
        var words = new System.Collections.Generic.List<uint>();
        if (n.IsZero) words.Add(0);
        while (!n.IsZero) { words.Add((uint)(n & uint.MaxValue)); n >>= 32; }
        InitByArray(words.ToArray());
    }

    [PyMethod] static void seed(ThreadState ts, MinimalRandomModule self, PyObject? a = null) => self.DoSeed(ts, a);

    [PyMethod]
    static double random(ThreadState ts, MinimalRandomModule self)
    {
        uint a = self.Next32() >> 5, b = self.Next32() >> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    [PyMethod]
    static PyObject getrandbits(ThreadState ts, MinimalRandomModule self, int k)
    {
        if (k < 0) throw PyExc.ValueError("number of bits must be non-negative");
        return k == 0 ? PyInt.From(0) : FromBig(ts, self.GetRandBits(k));
    }

    [PyMethod]
    static PyObject randrange(ThreadState ts, MinimalRandomModule self, PyObject start, PyObject? stop = null, PyObject? step = null)
    {
        var a = ToBig(ts, start);
        if (stop == null || stop == PyNone.Value)
        {
            if (a <= 0) throw PyExc.ValueError("empty range for randrange()");
            return FromBig(ts, self.Below(a));
        }
        var b = ToBig(ts, stop);
        var st = step == null ? BigInteger.One : ToBig(ts, step);
        var width = b - a;
        if (st == 1)
        {
            if (width <= 0) throw PyExc.ValueError($"empty range for randrange() ({a}, {b}, {width})");
            return FromBig(ts, a + self.Below(width));
        }
        if (st == 0) throw PyExc.ValueError("zero step for randrange()");
        var n = st > 0 ? (width + st - 1) / st : (width + st + 1) / st;
        if (n <= 0) throw PyExc.ValueError("empty range for randrange()");
        return FromBig(ts, a + st * self.Below(n));
    }

    [PyMethod]
    static PyObject randint(ThreadState ts, MinimalRandomModule self, PyObject a, PyObject b)
        => randrange(ts, self, a, FromBig(ts, ToBig(ts, b) + 1));

    [PyMethod]
    static PyObject choice(ThreadState ts, MinimalRandomModule self, PyObject seq)
    {
        long n = Ops.Len(ts, seq);
        if (n == 0) throw PyExc.IndexError("Cannot choose from an empty sequence");
        return Ops.GetItem(ts, seq, PyInt.From((long)self.Below(n)));
    }

    [PyMethod]
    static void shuffle(ThreadState ts, MinimalRandomModule self, PyObject x)
    {
        for (long i = Ops.Len(ts, x) - 1; i > 0; i--)
        {
            var j = PyInt.From((long)self.Below(i + 1));
            var ii = PyInt.From(i);
            var t = Ops.GetItem(ts, x, ii);
            Ops.SetItem(ts, x, ii, Ops.GetItem(ts, x, j));
            Ops.SetItem(ts, x, j, t);
        }
    }

    [PyMethod]
    static double uniform(ThreadState ts, MinimalRandomModule self, double a, double b) => a + (b - a) * random(ts, self);
}
