#nullable enable
using System;
using System.Text;
namespace StacklessIron.Modules;

/// <summary>The `binascii` module: hex, base64, uuencode, CRC-32 and CRC-CCITT, with CPython
/// 3.11's lenient and strict base64 decoding rules and messages.</summary>
public static class BinasciiModule
{
    public static readonly PyType Error = NativeErrors.Define("binascii", "Error", ExceptionTypes.ValueError);
    public static readonly PyType Incomplete = NativeErrors.Define("binascii", "Incomplete");

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("binascii", "Conversion between binary data and ASCII");
        NativeMembers.FillModule(m, typeof(BinasciiModule));
        m.Set("Error", Error);
        m.Set("Incomplete", Incomplete);
        return m;
    }

    public static void Register() => Importer.NativeModules["binascii"] = Create;

    static PyException Fail(string message) => PyExc.New(Error, message);

    /// <summary>An a2b_* argument: bytes-like, or a str of ASCII characters only.</summary>
    static byte[] AsciiData(PyObject o)
    {
        if (o is PyStr s)
        {
            foreach (char c in s.Value)
                if (c > 127) throw PyExc.ValueError("string argument should contain only ASCII characters");
            return Encoding.ASCII.GetBytes(s.Value);
        }
        if (PyBytes.TryGetBuffer(o, out var mem)) return mem.ToArray();
        throw PyExc.TypeError($"argument should be bytes, buffer or ASCII string, not '{o.Type.Name}'");
    }

    static ReadOnlySpan<byte> BinaryData(PyObject o)
    {
        if (PyBytes.TryGetBuffer(o, out var mem)) return mem.Span;
        throw PyExc.TypeError($"a bytes-like object is required, not '{o.Type.Name}'");
    }

    // ---------------- hex ----------------

    static PyObject Hexlify(ThreadState ts, PyObject data, PyObject? sep, PyObject? bytes_per_sep)
    {
        var bytes = PyBytes.From(BinaryData(data).ToArray());
        if (sep == null) return PyBytes.From(Encoding.ASCII.GetBytes(Convert.ToHexString(bytes.Data).ToLowerInvariant()));
        // bytes.hex implements the separator rules (sep str or bytes, grouping from the right
        // for a positive bytes_per_sep).
        var text = bytes_per_sep == null ? Ops.CallMethod(ts, bytes, "hex", sep) : Ops.CallMethod(ts, bytes, "hex", sep, bytes_per_sep);
        return PyBytes.From(Encoding.ASCII.GetBytes(Ops.StrValue(text)));
    }

    [PyMethod] static PyObject hexlify(ThreadState ts, [PyKeyword] PyObject data, PyObject? sep = null, PyObject? bytes_per_sep = null) => Hexlify(ts, data, sep, bytes_per_sep);
    [PyMethod] static PyObject b2a_hex(ThreadState ts, [PyKeyword] PyObject data, PyObject? sep = null, PyObject? bytes_per_sep = null) => Hexlify(ts, data, sep, bytes_per_sep);

    static int HexValue(byte c) => c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

    static PyObject Unhexlify(PyObject hexstr)
    {
        var s = AsciiData(hexstr);
        if (s.Length % 2 != 0) throw Fail("Odd-length string");
        var r = new byte[s.Length / 2];
        for (int i = 0; i < r.Length; i++)
        {
            int hi = HexValue(s[2 * i]), lo = HexValue(s[2 * i + 1]);
            if (hi < 0 || lo < 0) throw Fail("Non-hexadecimal digit found");
            r[i] = (byte)(hi * 16 + lo);
        }
        return PyBytes.From(r);
    }

    [PyMethod] static PyObject unhexlify(ThreadState ts, PyObject hexstr) => Unhexlify(hexstr);
    [PyMethod] static PyObject a2b_hex(ThreadState ts, PyObject hexstr) => Unhexlify(hexstr);

    // ---------------- base64 ----------------

    const string B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    static int B64Value(byte c) => c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26
        : c >= '0' && c <= '9' ? c - '0' + 52 : c == '+' ? 62 : c == '/' ? 63 : -1;

    [PyMethod]
    static PyObject a2b_base64(ThreadState ts, PyObject data, [PyKwOnly] bool strict_mode = false)
    {
        var s = AsciiData(data);
        var r = new System.IO.MemoryStream(s.Length / 4 * 3 + 3);
        if (strict_mode && s.Length > 0 && s[0] == '=') throw Fail("Leading padding not allowed");
        int quad = 0, left = 0, pads = 0;
        bool paddingStarted = false;
        for (int i = 0; i < s.Length; i++)
        {
            byte c = s[i];
            if (c == '=')
            {
                paddingStarted = true;
                if (quad >= 2 && quad + ++pads >= 4)
                {
                    if (strict_mode && i + 1 < s.Length) throw Fail("Excess data after padding");
                    return PyBytes.From(r.ToArray());
                }
                continue;
            }
            int v = B64Value(c);
            if (v < 0)
            {
                if (strict_mode) throw Fail("Only base64 data is allowed");
                continue;
            }
            if (strict_mode && paddingStarted) throw Fail("Discontinuous padding not allowed");
            pads = 0;
            switch (quad)
            {
                case 0: quad = 1; left = v; break;
                case 1: quad = 2; r.WriteByte((byte)((left << 2) | (v >> 4))); left = v & 0x0f; break;
                case 2: quad = 3; r.WriteByte((byte)((left << 4) | (v >> 2))); left = v & 0x03; break;
                default: quad = 0; r.WriteByte((byte)((left << 6) | v)); left = 0; break;
            }
        }
        if (quad == 1)
            throw Fail($"Invalid base64-encoded string: number of data characters ({r.Length / 3 * 4 + 1}) cannot be 1 more than a multiple of 4");
        if (quad != 0) throw Fail("Incorrect padding");
        return PyBytes.From(r.ToArray());
    }

    [PyMethod]
    static PyObject b2a_base64(ThreadState ts, PyObject data, [PyKwOnly] bool newline = true)
    {
        var d = BinaryData(data);
        var sb = new StringBuilder((d.Length + 2) / 3 * 4 + 1);
        int i = 0;
        for (; i + 2 < d.Length; i += 3)
        {
            int n = (d[i] << 16) | (d[i + 1] << 8) | d[i + 2];
            sb.Append(B64[n >> 18]).Append(B64[(n >> 12) & 63]).Append(B64[(n >> 6) & 63]).Append(B64[n & 63]);
        }
        if (d.Length - i == 1) sb.Append(B64[d[i] >> 2]).Append(B64[(d[i] & 3) << 4]).Append("==");
        else if (d.Length - i == 2) sb.Append(B64[d[i] >> 2]).Append(B64[((d[i] & 3) << 4) | (d[i + 1] >> 4)]).Append(B64[(d[i + 1] & 15) << 2]).Append('=');
        if (newline) sb.Append('\n');
        return PyBytes.From(Encoding.ASCII.GetBytes(sb.ToString()));
    }

    // ---------------- uuencode ----------------

    [PyMethod]
    static PyObject a2b_uu(ThreadState ts, PyObject data)
    {
        var s = AsciiData(data);
        int pos = 0;
        // The first character holds the binary length; a missing line means zero bytes.
        int binLen = ((s.Length == 0 ? 0 : s[pos++]) - ' ') & 0x3f;  // CPython reads the terminating NUL of empty input
        var r = new byte[binLen];
        int outPos = 0, leftBits = 0, leftChar = 0;
        for (; outPos < binLen; pos++)
        {
            int c;
            if (pos >= s.Length || s[pos] == '\n' || s[pos] == '\r') c = 0;  // whitespace-stripped line: pad with zeros
            else
            {
                if (s[pos] < ' ' || s[pos] > ' ' + 64) throw Fail("Illegal char");
                c = (s[pos] - ' ') & 0x3f;
            }
            leftChar = (leftChar << 6) | c;
            leftBits += 6;
            if (leftBits >= 8)
            {
                leftBits -= 8;
                r[outPos++] = (byte)((leftChar >> leftBits) & 0xff);
                leftChar &= (1 << leftBits) - 1;
            }
        }
        // Whatever follows must be padding or whitespace.
        for (; pos < s.Length; pos++)
        {
            byte c = s[pos];
            if (c != ' ' && c != ' ' + 64 && c != '\n' && c != '\r') throw Fail("Trailing garbage");
        }
        return PyBytes.From(r);
    }

    [PyMethod]
    static PyObject b2a_uu(ThreadState ts, PyObject data, [PyKwOnly] bool backtick = false)
    {
        var d = BinaryData(data);
        if (d.Length > 45) throw Fail("At most 45 bytes at once");
        var sb = new StringBuilder();
        char Enc(int v) => backtick && v == 0 ? '`' : (char)(' ' + v);
        sb.Append(Enc(d.Length & 0x3f));
        for (int i = 0; i < d.Length; i += 3)
        {
            int b0 = d[i], b1 = i + 1 < d.Length ? d[i + 1] : 0, b2 = i + 2 < d.Length ? d[i + 2] : 0;
            int n = (b0 << 16) | (b1 << 8) | b2;
            sb.Append(Enc((n >> 18) & 63)).Append(Enc((n >> 12) & 63)).Append(Enc((n >> 6) & 63)).Append(Enc(n & 63));
        }
        sb.Append('\n');
        return PyBytes.From(Encoding.ASCII.GetBytes(sb.ToString()));
    }

    // ---------------- checksums ----------------

    // ---------------- quoted-printable (RFC 1521; quopri and email use these) ----------------

    const int QpMaxLineSize = 76;
    static bool IsHexDigit(byte c) => HexValue(c) >= 0;

    /// <summary>a2b_qp(data, header=False): "=XX" escapes and soft line breaks ("=" at a line's
    /// end) undone; with header, "_" is a space. A malformed "=" stays as it is.</summary>
    [PyMethod]
    static PyObject a2b_qp(ThreadState ts, [PyKeyword] PyObject data, bool header = false)
    {
        var d = AsciiData(data);
        var output = new List<byte>(d.Length);
        int i = 0;
        while (i < d.Length)
        {
            byte c = d[i];
            if (c == '=')
            {
                i++;
                if (i >= d.Length) break;
                if (d[i] == '\n' || d[i] == '\r')
                {
                    // a soft line break: skip to the end of the line
                    while (i < d.Length && d[i] != '\n') i++;
                    if (i < d.Length) i++;
                }
                else if (d[i] == '=') { output.Add((byte)'='); i++; }   // "==" from broken encoders
                else if (i + 1 < d.Length && IsHexDigit(d[i]) && IsHexDigit(d[i + 1]))
                {
                    output.Add((byte)(HexValue(d[i]) << 4 | HexValue(d[i + 1])));
                    i += 2;
                }
                else output.Add((byte)'=');
            }
            else if (header && c == '_') { output.Add((byte)' '); i++; }
            else { output.Add(c); i++; }
        }
        return PyBytes.From(output.ToArray());
    }

    /// <summary>b2a_qp(data, quotetabs=False, istext=True, header=False): quoted-printable
    /// with lines of at most 76 characters (soft breaks), line ends kept as the data uses them
    /// (CRLF if its first newline has a CR), trailing blanks of a line escaped.</summary>
    [PyMethod]
    static PyObject b2a_qp(ThreadState ts, [PyKeyword] PyObject data, bool quotetabs = false, bool istext = true, bool header = false)
    {
        var d = BinaryData(data).ToArray();
        int firstNewline = Array.IndexOf(d, (byte)'\n');
        bool crlf = firstNewline > 0 && d[firstNewline - 1] == '\r';
        var o = new List<byte>(d.Length * 3 / 2);
        const string hex = "0123456789ABCDEF";
        void SoftBreak() { o.Add((byte)'='); if (crlf) o.Add((byte)'\r'); o.Add((byte)'\n'); }
        int i = 0, lineLength = 0;
        while (i < d.Length)
        {
            byte c = d[i];
            bool last = i + 1 == d.Length;
            bool encode = c > 126 || c == '=' || (header && c == '_')
                || (c == '.' && lineLength == 0 && (last || d[i + 1] == '\n' || d[i + 1] == '\r' || d[i + 1] == 0))
                || (!istext && (c == '\r' || c == '\n'))
                || ((c == '\t' || c == ' ') && last)
                || (c < 33 && c != '\r' && c != '\n' && (quotetabs || (c != '\t' && c != ' ')));
            if (encode)
            {
                if (lineLength + 3 >= QpMaxLineSize) { SoftBreak(); lineLength = 0; }
                o.Add((byte)'='); o.Add((byte)hex[c >> 4]); o.Add((byte)hex[c & 15]);
                i++;
                lineLength += 3;
            }
            else if (istext && (c == '\n' || (!last && c == '\r' && d[i + 1] == '\n')))
            {
                lineLength = 0;
                // a blank at the end of a line would be lost in transport: escape it
                if (o.Count > 0 && (o[^1] == ' ' || o[^1] == '\t'))
                {
                    byte blank = o[^1];
                    o[^1] = (byte)'=';
                    o.Add((byte)hex[blank >> 4]); o.Add((byte)hex[blank & 15]);
                }
                if (crlf) o.Add((byte)'\r');
                o.Add((byte)'\n');
                i += c == '\r' ? 2 : 1;
            }
            else
            {
                if (!last && d[i + 1] != '\n' && lineLength + 1 >= QpMaxLineSize) { SoftBreak(); lineLength = 0; }
                lineLength++;
                o.Add(header && c == ' ' ? (byte)'_' : c);
                i++;
            }
        }
        return PyBytes.From(o.ToArray());
    }

    static readonly uint[] s_crc32Table = MakeCrc32Table();

    static uint[] MakeCrc32Table()
    {
        var t = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }

    public static uint Crc32(ReadOnlySpan<byte> data, uint crc)
    {
        crc = ~crc;
        foreach (byte b in data) crc = s_crc32Table[(crc ^ b) & 0xff] ^ (crc >> 8);
        return ~crc;
    }

    /// <summary>An unsigned int argument converted bitwise (negative values wrap), as Argument
    /// Clinic's `unsigned_int(bitwise=True)` does.</summary>
    static uint Bitwise(ThreadState ts, PyObject? o)
    {
        if (o == null) return 0;
        if (o is PyFloat) throw PyExc.TypeError("integer argument expected, got float");
        var i = Ops.Index(ts, o);
        return (uint)(ulong)(i.Big & uint.MaxValue);
    }

    [PyMethod]
    static PyObject crc32(ThreadState ts, PyObject data, PyObject? crc = null)
        => PyInt.From((long)Crc32(BinaryData(data), Bitwise(ts, crc)));

    [PyMethod]
    static PyObject crc_hqx(ThreadState ts, PyObject data, PyObject crc)
    {
        uint c = Bitwise(ts, crc) & 0xffff;
        foreach (byte b in BinaryData(data))
        {
            c ^= (uint)b << 8;
            for (int k = 0; k < 8; k++) c = (c & 0x8000) != 0 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff;
        }
        return PyInt.From((long)c);
    }
}
