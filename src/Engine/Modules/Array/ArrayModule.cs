#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>The `array` module: typed arrays of numbers or characters.</summary>
public static class ArrayModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("array", "This module defines an object type which can efficiently represent\nan array of basic values: characters, integers, floating point\nnumbers.");
        m.Set("array", PyArray.TypeObject);
        m.Set("ArrayType", PyArray.TypeObject);
        m.Set("typecodes", new PyStr(PyArray.TypeCodes));
        NativeMembers.FillModule(m, typeof(ArrayModule));
        // As CPython's array module does at import: arrays are MutableSequences.
        var abc = Importer.ImportModule(ts, "collections.abc");
        Ops.CallMethod(ts, Ops.GetAttr(ts, abc, "MutableSequence"), "register", PyArray.TypeObject);
        return m;
    }

    /// <summary>The item layout of each machine format code (array_reconstructor's third argument):
    /// size in bytes, signedness, big-endian, and kind ('i'nteger, 'f'loat, 'u'nicode).</summary>
    static readonly (int Size, bool Signed, bool BigEndian, char Kind)[] MachineFormats =
    {
        (1, false, false, 'i'), (1, true, false, 'i'),
        (2, false, false, 'i'), (2, false, true, 'i'), (2, true, false, 'i'), (2, true, true, 'i'),
        (4, false, false, 'i'), (4, false, true, 'i'), (4, true, false, 'i'), (4, true, true, 'i'),
        (8, false, false, 'i'), (8, false, true, 'i'), (8, true, false, 'i'), (8, true, true, 'i'),
        (4, true, false, 'f'), (4, true, true, 'f'), (8, true, false, 'f'), (8, true, true, 'f'),
        (2, false, false, 'u'), (2, false, true, 'u'), (4, false, false, 'u'), (4, false, true, 'u'),
    };

    /// <summary>`array._array_reconstructor(arraytype, typecode, mformat_code, items)`: rebuilds a
    /// pickled array (protocol 3+) from its bytes, converting them when the pickling machine's
    /// layout differs from this one's.</summary>
    [PyMethod]
    static PyObject _array_reconstructor(ThreadState ts, PyObject arraytype, PyObject typecode, int mformat_code, PyObject items)
    {
        if (arraytype is not PyType cls) throw PyExc.TypeError($"first argument must be a type object, not {arraytype.Type.Name}");
        if (!cls.IsSubtypeOf(PyArray.TypeObject)) throw PyExc.TypeError($"{cls.Name} is not a subtype of array.array");
        if (typecode is not PyStr tcs || tcs.CpLength != 1)
            throw PyExc.TypeError($"_array_reconstructor() argument 2 must be a unicode character, not {typecode.Type.Name}");
        char code = tcs.Value[0];
        if (!PyArray.TypeCodes.Contains(code)) throw PyExc.ValueError("second argument must be a valid type code");
        if (mformat_code < 0 || mformat_code >= MachineFormats.Length) throw PyExc.ValueError("third argument must be a valid machine format code.");
        if (items is not PyBytes bytes) throw PyExc.TypeError($"fourth argument should be bytes, not {items.Type.Name}");
        var data = bytes.Data;
        var mf = MachineFormats[mformat_code];
        if (data.Length % mf.Size != 0) throw PyExc.ValueError("bytes length not a multiple of item size");
        var typecodeStr = new PyStr(code.ToString());
        if (mformat_code == new PyArray(PyArray.TypeObject, code).MachineFormat)
            return Ops.Call(ts, cls, typecodeStr, bytes);
        int n = data.Length / mf.Size;
        if (mf.Kind == 'u')
        {
            var enc = mf.Size == 2 ? (mf.BigEndian ? System.Text.Encoding.BigEndianUnicode : System.Text.Encoding.Unicode)
                                   : new System.Text.UTF32Encoding(mf.BigEndian, false);
            return Ops.Call(ts, cls, typecodeStr, new PyStr(enc.GetString(data)));
        }
        var values = new PyObject[n];
        for (int i = 0; i < n; i++)
        {
            var item = data.AsSpan(i * mf.Size, mf.Size).ToArray();
            if (mf.BigEndian) Array.Reverse(item);   // now little-endian
            if (mf.Kind == 'f')
                values[i] = new PyFloat(mf.Size == 4 ? BitConverter.ToSingle(item) : BitConverter.ToDouble(item));
            else
                values[i] = PyInt.From(new System.Numerics.BigInteger(item, isUnsigned: !mf.Signed));
        }
        if (mf.Kind == 'i')
        {
            // The items go into the (last) integer typecode of the same size and signedness:
            // an L array of a 32-bit machine comes back as an I array here.
            foreach (char c in PyArray.TypeCodes)
                if (c != 'u' && c != 'f' && c != 'd' && PyArray.SizeOf(c) == mf.Size && char.IsLower(c) == mf.Signed)
                    code = c;
            typecodeStr = new PyStr(code.ToString());
        }
        return Ops.Call(ts, cls, typecodeStr, new PyList(values));
    }

    public static void Register() => Importer.NativeModules["array"] = Create;
}
