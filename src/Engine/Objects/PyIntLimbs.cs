#nullable enable
using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
namespace StacklessIron.Objects;

/// <summary>
/// The magnitude of a big int as BigInteger's own representation: a sign (+1/-1) and a
/// normalized little-endian uint[] (no leading zero limb). A big PyInt keeps that array
/// itself, so going to and from BigInteger copies nothing and boxes nothing, and the kernels
/// here (add, subtract, multiply by a limb, hash) write their result straight into the array
/// the new int keeps: BigInteger's own operators compute into a pooled buffer and copy it.
/// Arrays are shared between ints and BigIntegers, so they are never written once built.
/// </summary>
static class PyIntLimbs
{
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_sign")] static extern ref int SignField(ref BigInteger b);
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_bits")] static extern ref uint[]? BitsField(ref BigInteger b);
    [UnsafeAccessor(UnsafeAccessorKind.Constructor)] static extern BigInteger Make(int n, uint[]? rgu);

    /// <summary>False if this runtime's BigInteger does not have the fields we read (then
    /// the slow, copying conversions are used).</summary>
    static readonly bool s_direct = Probe();

    static bool Probe()
    {
        try
        {
            var v = -(BigInteger.One << 70) - 5;
            if (SignField(ref v) != -1 || BitsField(ref v) is not { Length: 3 } bits || bits[0] != 5 || bits[2] != 64) return false;
            return Make(-1, new uint[] { 5, 0, 64 }) == v;
        }
        catch (Exception) { return false; }
    }

    /// <summary>Sign and magnitude of a value outside the long range.</summary>
    public static uint[] Decompose(BigInteger v, out int sign)
    {
        sign = v.Sign;
        if (s_direct && BitsField(ref v) is { } bits) return bits;
        var bytes = BigInteger.Abs(v).ToByteArray(isUnsigned: true);
        var mag = new uint[(bytes.Length + 3) / 4];
        for (int i = 0; i < bytes.Length; i++) mag[i >> 2] |= (uint)bytes[i] << (8 * (i & 3));
        return Trimmed(mag, mag.Length);
    }

    /// <summary>The BigInteger with this sign and normalized magnitude (of at least two limbs).</summary>
    public static BigInteger Compose(int sign, uint[] mag)
    {
        if (s_direct) return Make(sign, mag);
        var bytes = new byte[mag.Length * 4];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)(mag[i >> 2] >> (8 * (i & 3)));
        var v = new BigInteger(bytes, isUnsigned: true);
        return sign < 0 ? -v : v;
    }

    /// <summary>mag[0..len) without leading zero limbs, as an exact-length array (copied only when shorter).</summary>
    public static uint[] Trimmed(uint[] mag, int len)
    {
        while (len > 0 && mag[len - 1] == 0) len--;
        if (len == mag.Length) return mag;
        return mag.AsSpan(0, len).ToArray();
    }

    /// <summary>The magnitude of a long as limbs in <paramref name="buf"/> (two limbs long).</summary>
    public static ReadOnlySpan<uint> OfLong(long v, Span<uint> buf)
    {
        ulong m = v < 0 ? (ulong)(-(v + 1)) + 1 : (ulong)v;   // |long.MinValue| too
        buf[0] = (uint)m; buf[1] = (uint)(m >> 32);
        return buf.Slice(0, buf[1] != 0 ? 2 : buf[0] != 0 ? 1 : 0);
    }

    public static int CompareMagnitudes(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.Length != b.Length) return a.Length < b.Length ? -1 : 1;
        for (int i = a.Length - 1; i >= 0; i--)
            if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
        return 0;
    }

    /// <summary>|a| + |b|, exact length. The array is sized from the top limbs, so it is
    /// reallocated only when they cannot tell whether a carry comes out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static uint[] Add(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.Length < b.Length) { var t = a; a = b; b = t; }
        int n = a.Length, m = b.Length;
        ulong top = m == n ? (ulong)a[n - 1] + b[n - 1] : a[n - 1];
        bool carrySure = top > uint.MaxValue, carryPossible = top + 1 > uint.MaxValue;
        var r = GC.AllocateUninitializedArray<uint>(carryPossible ? n + 1 : n);
        ref uint ra = ref r[0];
        ref uint aa = ref Unsafe.AsRef(in a[0]);
        ulong carry = 0;
        int i = 0;
        if (m > 0)
        {
            ref uint bb = ref Unsafe.AsRef(in b[0]);
            carry = (ulong)aa + bb;
            ra = (uint)carry;
            carry >>= 32;
            i = 1;
            if (Vector256.IsHardwareAccelerated && m >= 9) i = AddBlocks(ref aa, ref bb, ref ra, m, ref carry);
            for (; i < m; i++)
            {
                carry += (ulong)Unsafe.Add(ref aa, i) + Unsafe.Add(ref bb, i);
                Unsafe.Add(ref ra, i) = (uint)carry;
                carry >>= 32;
            }
        }
        for (; i < n && carry != 0; i++)
        {
            carry += Unsafe.Add(ref aa, i);
            Unsafe.Add(ref ra, i) = (uint)carry;
            carry >>= 32;
        }
        if (i < n) a.Slice(i).CopyTo(r.AsSpan(i));
        if (!carryPossible) return r;
        r[n] = (uint)carry;
        return carrySure || carry != 0 ? r : Trimmed(r, n + 1);
    }

    /// <summary>The common limbs from 1 on, eight at a time (about twice as fast as one
    /// carry chain: big-int additions are the cost of loops like Fibonacci's). Each limb's
    /// carry-in is taken to be the carry its predecessor generates on its own, read from the
    /// same limbs loaded one position earlier; that is exact unless a limb whose sum is all
    /// ones receives a carry (the carry would run on), which the block checks, redoing that
    /// block one limb at a time until the carries agree again. Returns where it stopped, with
    /// <paramref name="carry"/> the true carry into that limb (on entry: into limb 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static int AddBlocks(ref uint aa, ref uint bb, ref uint ra, int m, ref ulong carry)
    {
        var ones = Vector256<uint>.AllBitsSet;
        int i = 1;
        bool carryIsGenerated = true;   // the carry into limb i is what limb i-1 generates alone
        while (i + 8 <= m)
        {
            var s = Vector256.LoadUnsafe(ref aa, (nuint)i) + Vector256.LoadUnsafe(ref bb, (nuint)i);
            var pa = Vector256.LoadUnsafe(ref aa, (nuint)(i - 1));
            var carryIn = Vector256.LessThan(pa + Vector256.LoadUnsafe(ref bb, (nuint)(i - 1)), pa);   // all ones = 1
            if ((Vector256.Equals(s, ones) & carryIn) == Vector256<uint>.Zero)
            {
                (s - carryIn).StoreUnsafe(ref ra, (nuint)i);
                i += 8;
                carryIsGenerated = true;
                continue;
            }
            int end = i + 8;
            carry = GeneratedCarry(ref aa, ref bb, i - 1);
            do
            {
                carry += (ulong)Unsafe.Add(ref aa, i) + Unsafe.Add(ref bb, i);
                Unsafe.Add(ref ra, i) = (uint)carry;
                carry >>= 32;
                i++;
            }
            while (i < m && (i < end || carry != GeneratedCarry(ref aa, ref bb, i - 1)));
            carryIsGenerated = false;
        }
        if (carryIsGenerated) carry = GeneratedCarry(ref aa, ref bb, i - 1);
        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong GeneratedCarry(ref uint aa, ref uint bb, int i) => ((ulong)Unsafe.Add(ref aa, i) + Unsafe.Add(ref bb, i)) >> 32;

    /// <summary>|a| - |b| for |a| &gt;= |b|, normalized (may be empty for zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static uint[] Subtract(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        int n = a.Length, m = b.Length;
        // The result has as many limbs as a unless the top limbs cancel: look at them first.
        int len = n;
        while (len > 0 && len > m && a[len - 1] == 0) len--;
        while (len > 0 && len <= m && a[len - 1] == b[len - 1]) len--;
        if (len == 0) return Array.Empty<uint>();
        // Limbs above len are equal (or a's alone and zero), so only a[0..len) - b[0..min(len,m)) counts.
        a = a.Slice(0, len);
        if (m > len) b = b.Slice(0, len);
        m = b.Length;
        var r = GC.AllocateUninitializedArray<uint>(len);
        ref uint ra = ref r[0];
        ref uint aa = ref Unsafe.AsRef(in a[0]);
        long borrow = 0;
        int i = 0;
        if (m > 0)
        {
            ref uint bb = ref Unsafe.AsRef(in b[0]);
            if (Vector256.IsHardwareAccelerated && m >= 9)
            {
                borrow = (long)aa - bb;
                ra = (uint)borrow;
                borrow >>= 32;
                i = SubtractBlocks(ref aa, ref bb, ref ra, m, ref borrow);
            }
            for (; i < m; i++)
            {
                borrow += (long)Unsafe.Add(ref aa, i) - Unsafe.Add(ref bb, i);
                Unsafe.Add(ref ra, i) = (uint)borrow;
                borrow >>= 32;
            }
        }
        for (; i < len && borrow != 0; i++)
        {
            borrow += Unsafe.Add(ref aa, i);
            Unsafe.Add(ref ra, i) = (uint)borrow;
            borrow >>= 32;
        }
        if (i < len) a.Slice(i).CopyTo(r.AsSpan(i));
        return r[len - 1] != 0 ? r : Trimmed(r, len);
    }

    /// <summary>Subtract's common limbs from 1 on, eight at a time, as AddBlocks: a limb's
    /// borrow-in is taken to be the borrow its predecessor makes on its own (a[i-1] &lt; b[i-1]),
    /// exact unless a limb whose difference is zero receives a borrow, which sends the block
    /// through one limb at a time. <paramref name="borrow"/> is 0 or -1: into limb 1 on entry,
    /// into the returned limb on exit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static int SubtractBlocks(ref uint aa, ref uint bb, ref uint ra, int m, ref long borrow)
    {
        int i = 1;
        bool borrowIsGenerated = true;
        while (i + 8 <= m)
        {
            var d = Vector256.LoadUnsafe(ref aa, (nuint)i) - Vector256.LoadUnsafe(ref bb, (nuint)i);
            var borrowIn = Vector256.LessThan(Vector256.LoadUnsafe(ref aa, (nuint)(i - 1)), Vector256.LoadUnsafe(ref bb, (nuint)(i - 1)));   // all ones = 1
            if ((Vector256.Equals(d, Vector256<uint>.Zero) & borrowIn) == Vector256<uint>.Zero)
            {
                (d + borrowIn).StoreUnsafe(ref ra, (nuint)i);
                i += 8;
                borrowIsGenerated = true;
                continue;
            }
            int end = i + 8;
            borrow = GeneratedBorrow(ref aa, ref bb, i - 1);
            do
            {
                borrow += (long)Unsafe.Add(ref aa, i) - Unsafe.Add(ref bb, i);
                Unsafe.Add(ref ra, i) = (uint)borrow;
                borrow >>= 32;
                i++;
            }
            while (i < m && (i < end || borrow != GeneratedBorrow(ref aa, ref bb, i - 1)));
            borrowIsGenerated = false;
        }
        if (borrowIsGenerated) borrow = GeneratedBorrow(ref aa, ref bb, i - 1);
        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static long GeneratedBorrow(ref uint aa, ref uint bb, int i) => Unsafe.Add(ref aa, i) < Unsafe.Add(ref bb, i) ? -1 : 0;

    /// <summary>|a| * m for one limb m &gt; 0, exact length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static uint[] MultiplyByLimb(ReadOnlySpan<uint> a, uint m)
    {
        int n = a.Length;
        ulong topProduct = (ulong)a[n - 1] * m;
        bool extraSure = topProduct > uint.MaxValue, extraPossible = topProduct + m - 1 > uint.MaxValue;
        var r = GC.AllocateUninitializedArray<uint>(extraPossible ? n + 1 : n);
        ref uint ra = ref r[0];
        ref uint aa = ref Unsafe.AsRef(in a[0]);
        ulong carry = 0;
        for (int i = 0; i < n; i++)
        {
            carry += (ulong)Unsafe.Add(ref aa, i) * m;
            Unsafe.Add(ref ra, i) = (uint)carry;
            carry >>= 32;
        }
        if (!extraPossible) return r;
        r[n] = (uint)carry;
        return extraSure || carry != 0 ? r : Trimmed(r, n + 1);
    }

    /// <summary>a &amp; b, a | b or a ^ b (op '&amp;', '|', '^') of two magnitudes, as for
    /// non-negative ints; normalized.</summary>
    public static uint[] Bitwise(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, char op)
    {
        if (a.Length < b.Length) { var t = a; a = b; b = t; }
        int m = b.Length;
        if (op == '&')
        {
            var r = new uint[m];
            for (int i = 0; i < m; i++) r[i] = a[i] & b[i];
            return Trimmed(r, m);
        }
        var w = GC.AllocateUninitializedArray<uint>(a.Length);
        if (op == '|') for (int i = 0; i < m; i++) w[i] = a[i] | b[i];
        else for (int i = 0; i < m; i++) w[i] = a[i] ^ b[i];
        a.Slice(m).CopyTo(w.AsSpan(m));
        return Trimmed(w, w.Length);
    }

    /// <summary>|a| shifted left by <paramref name="bits"/>, normalized.</summary>
    public static uint[] ShiftLeft(ReadOnlySpan<uint> a, long bits)
    {
        int limbs = (int)(bits >> 5), s = (int)(bits & 31);
        int n = a.Length;
        var r = new uint[n + limbs + (s == 0 ? 0 : 1)];
        if (s == 0) a.CopyTo(r.AsSpan(limbs));
        else
        {
            uint carry = 0;
            for (int i = 0; i < n; i++)
            {
                r[i + limbs] = (a[i] << s) | carry;
                carry = a[i] >> (32 - s);
            }
            r[n + limbs] = carry;
        }
        return Trimmed(r, r.Length);
    }

    /// <summary>|a| shifted right by <paramref name="bits"/> (truncating), normalized;
    /// <paramref name="lostOnes"/> tells whether any one bit was shifted out.</summary>
    public static uint[] ShiftRight(ReadOnlySpan<uint> a, long bits, out bool lostOnes)
    {
        int n = a.Length;
        if (bits >= (long)n * 32) { lostOnes = n > 0; return Array.Empty<uint>(); }
        int limbs = (int)(bits >> 5), s = (int)(bits & 31);
        lostOnes = a.Slice(0, limbs).ContainsAnyExcept(0u) || (s != 0 && (a[limbs] & ((1u << s) - 1)) != 0);
        var r = new uint[n - limbs];
        if (s == 0) a.Slice(limbs).CopyTo(r);
        else
        {
            for (int i = 0; i < r.Length; i++)
            {
                uint hi = i + limbs + 1 < n ? a[i + limbs + 1] : 0;
                r[i] = (a[i + limbs] >> s) | (hi << (32 - s));
            }
        }
        return Trimmed(r, r.Length);
    }

    /// <summary>The magnitude (at least two limbs, below 2**1024 or infinity) as a correctly
    /// rounded double (half to even): the top 64 bits with a sticky bit for the rest, rounded
    /// to 53 here, then scaled exactly.</summary>
    public static double ToDouble(ReadOnlySpan<uint> mag)
    {
        int n = mag.Length;
        long bits = BitLength(mag);
        if (bits > 1024) return double.PositiveInfinity;
        ulong top;
        bool sticky;
        if (n == 2) { top = ((ulong)mag[1] << 32) | mag[0]; sticky = false; }   // 64 bits exactly
        else
        {
            int topBits = 32 - BitOperations.LeadingZeroCount(mag[n - 1]);
            UInt128 window = ((UInt128)mag[n - 1] << 64) | ((UInt128)mag[n - 2] << 32) | mag[n - 3];
            top = (ulong)(window >> topBits);
            sticky = (mag[n - 3] & (uint)((1UL << topBits) - 1)) != 0 || mag.Slice(0, n - 3).ContainsAnyExcept(0u);
        }
        ulong kept = top >> 11, rest = top & 0x7FF;
        if (rest > 0x400 || (rest == 0x400 && (sticky || (kept & 1) != 0))) kept++;
        return Math.ScaleB((double)(long)kept, (int)(bits - 64 + 11));
    }

    const ulong HashModulus = (1UL << 61) - 1;

    /// <summary>|value| mod 2**61 - 1, folding limbs from the top: 2**32 times h is a
    /// rotation of h's 61 bits by 32.</summary>
    public static long HashMagnitude(ReadOnlySpan<uint> mag)
    {
        // Two limbs per step: 2**64 times h is h rotated by 3 within its 61 bits, and a
        // 64-bit value v is (v mod 2**61) + (v >> 61) modulo 2**61 - 1.
        ulong h = 0;
        int i = mag.Length - 1;
        if ((mag.Length & 1) != 0) h = mag[i--];
        for (; i > 0; i -= 2)
        {
            h = ((h << 3) & HashModulus) | (h >> 58);
            ulong v = ((ulong)mag[i] << 32) | mag[i - 1];
            h += (v & HashModulus) + (v >> 61);
            if (h >= HashModulus) h -= HashModulus;
            if (h >= HashModulus) h -= HashModulus;
        }
        return (long)h;
    }

    public static long BitLength(ReadOnlySpan<uint> mag) =>
        mag.Length == 0 ? 0 : (long)(mag.Length - 1) * 32 + (32 - BitOperations.LeadingZeroCount(mag[^1]));
}
