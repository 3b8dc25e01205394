#nullable enable
using System;
using System.Numerics;
namespace StacklessIron.Modules;

/// <summary>`_random.Random`: the Mersenne Twister (MT19937) seeded exactly like CPython's, so
/// random.py built on it gives CPython's sequences for the same seed.</summary>
[PyType("Random")]
public class PyRandom : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("Random", typeof(PyRandom), module: "_random");

    const int N = 624, M = 397;
    const uint MatrixA = 0x9908b0df, UpperMask = 0x80000000, LowerMask = 0x7fffffff;

    readonly uint[] _mt = new uint[N];
    int _index;
    PyDict? _dict;

    public PyRandom(PyType t) : base(t) { if (t != TypeObject && t.InstanceHasDict) _dict = new PyDict(); }
    public override PyDict? Dict { get => _dict; set => _dict = value; }

    void InitGenrand(uint s)
    {
        _mt[0] = s;
        for (int i = 1; i < N; i++) _mt[i] = 1812433253U * (_mt[i - 1] ^ (_mt[i - 1] >> 30)) + (uint)i;
        _index = N;
    }

    void InitByArray(uint[] key)
    {
        InitGenrand(19650218U);
        int i = 1, j = 0;
        for (int k = Math.Max(N, key.Length); k > 0; k--)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint)j;
            i++; j++;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
            if (j >= key.Length) j = 0;
        }
        for (int k = N - 1; k > 0; k--)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1566083941U)) - (uint)i;
            i++;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
        }
        _mt[0] = 0x80000000U;
    }

    public uint NextUInt32()
    {
        uint y;
        if (_index >= N)
        {
            int kk;
            for (kk = 0; kk < N - M; kk++)
            {
                y = (_mt[kk] & UpperMask) | (_mt[kk + 1] & LowerMask);
                _mt[kk] = _mt[kk + M] ^ (y >> 1) ^ ((y & 1) != 0 ? MatrixA : 0);
            }
            for (; kk < N - 1; kk++)
            {
                y = (_mt[kk] & UpperMask) | (_mt[kk + 1] & LowerMask);
                _mt[kk] = _mt[kk + (M - N)] ^ (y >> 1) ^ ((y & 1) != 0 ? MatrixA : 0);
            }
            y = (_mt[N - 1] & UpperMask) | (_mt[0] & LowerMask);
            _mt[N - 1] = _mt[M - 1] ^ (y >> 1) ^ ((y & 1) != 0 ? MatrixA : 0);
            _index = 0;
        }
        y = _mt[_index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680U;
        y ^= (y << 15) & 0xefc60000U;
        y ^= y >> 18;
        return y;
    }

    /// <summary>A double in [0, 1) with 53 random bits, as CPython computes it.</summary>
    public double NextDouble()
    {
        uint a = NextUInt32() >> 5, b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /// <summary>seed(arg): None takes OS entropy; an int seeds with its absolute value's 32-bit
    /// words; anything else seeds with its hash.</summary>
    public void Seed(ThreadState ts, PyObject? arg)
    {
        if (arg == null || arg == PyNone.Value)
        {
            var bytes = new byte[N * 4];
            System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
            var words = new uint[N];
            Buffer.BlockCopy(bytes, 0, words, 0, bytes.Length);
            InitByArray(words);
            return;
        }
        BigInteger n;
        if (arg is PyInt i) n = BigInteger.Abs(i.Big);
        else n = new BigInteger(unchecked((ulong)Ops.Hash(ts, arg)));
        var raw = n.IsZero ? new byte[] { 0 } : n.ToByteArray(isUnsigned: true, isBigEndian: false);
        var key = new uint[(raw.Length + 3) / 4];
        for (int k = 0; k < raw.Length; k++) key[k / 4] |= (uint)raw[k] << (8 * (k % 4));
        InitByArray(key);
    }

    public PyObject GetRandBits(long k)
    {
        if (k < 0) throw PyExc.ValueError("number of bits must be non-negative");
        if (k == 0) return PyInt.From(0);
        if (k <= 32) return PyInt.From((long)(NextUInt32() >> (int)(32 - k)));
        if (k > int.MaxValue) throw PyExc.OverflowError("Python int too large to convert to C int");
        long words = (k - 1) / 32 + 1;
        var bytes = new byte[words * 4];
        for (long w = 0; w < words; w++, k -= 32)
        {
            uint r = NextUInt32();
            if (k < 32) r >>= (int)(32 - k);
            bytes[w * 4] = (byte)r; bytes[w * 4 + 1] = (byte)(r >> 8); bytes[w * 4 + 2] = (byte)(r >> 16); bytes[w * 4 + 3] = (byte)(r >> 24);
        }
        return PyInt.From(new BigInteger(bytes, isUnsigned: true, isBigEndian: false));
    }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyRandom(cls);

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames != null && kwnames.Items.Length > 0 && (self.Type == TypeObject || self.Type.Init == TypeObject.Init))
            throw PyExc.TypeError("Random() takes no keyword arguments");
        int npos = args.Length - (kwnames?.Items.Length ?? 0);
        if (npos > 1) throw PyExc.TypeError("Random() requires 0 or 1 argument");
        ((PyRandom)self).Seed(ts, npos == 1 ? args[0] : null);
    }

    [PyMethod] static double random(ThreadState ts, PyRandom self) => self.NextDouble();
    [PyMethod] static void seed(ThreadState ts, PyRandom self, PyObject? n = null) => self.Seed(ts, n);
    [PyMethod] static PyObject getrandbits(ThreadState ts, PyRandom self, long k) => self.GetRandBits(k);

    [PyMethod]
    static PyObject getstate(ThreadState ts, PyRandom self)
    {
        var items = new PyObject[N + 1];
        for (int i = 0; i < N; i++) items[i] = PyInt.From((long)self._mt[i]);
        items[N] = PyInt.From(self._index);
        return new PyTuple(items);
    }

    [PyMethod]
    static void setstate(ThreadState ts, PyRandom self, PyObject state)
    {
        if (state is not PyTuple t) throw PyExc.TypeError("state vector must be a tuple");
        if (t.Items.Length != N + 1) throw PyExc.ValueError("state vector is the wrong size");
        var mt = new uint[N];
        for (int i = 0; i < N; i++)
        {
            var v = t.Items[i] as PyInt ?? throw PyExc.TypeError($"'{t.Items[i].Type.Name}' object cannot be interpreted as an integer");
            var b = v.Big;
            if (b.Sign < 0) throw PyExc.OverflowError("can't convert negative value to unsigned int");
            if (b > ulong.MaxValue) throw PyExc.OverflowError("Python int too large to convert to C unsigned long");
            mt[i] = (uint)(ulong)b;
        }
        var idx = t.Items[N] as PyInt ?? throw PyExc.TypeError($"'{t.Items[N].Type.Name}' object cannot be interpreted as an integer");
        if (!idx.FitsLong || idx.Small < 0 || idx.Small > N) throw PyExc.ValueError("invalid state");
        mt.CopyTo(self._mt, 0);
        self._index = (int)idx.Small;
    }
}
