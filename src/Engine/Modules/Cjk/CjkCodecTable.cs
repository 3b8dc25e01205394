#nullable enable
using System;
using System.Collections.Concurrent;
using System.IO;
using System.IO.Compression;
using System.Text;
using StacklessIron.Objects.Formatting;
namespace StacklessIron.Modules;

/// <summary>One stateless CJK multibyte codec (shift_jis, gbk, big5, euc_kr ...) as tables
/// measured from CPython's own codec by tools/gen_cjk_codecs.py: a trie of byte prefixes for
/// decoding (with CPython's length of each illegal sequence) and a code point -> bytes map for
/// encoding. Tables are unpacked on first use.</summary>
public sealed class CjkCodecTable
{
    // A trie entry: kind in the top byte, payload below.
    const int KindIllegal = 0, KindChar = 1, KindChild = 2, KindMakeUp = 3, KindPair = 4;

    public readonly string Name;
    readonly int[][] _nodes;
    readonly int[][] _pairs;                              // two-code-point results
    readonly Dictionary<long, int> _makeUp = new();       // euc_kr make-up sequences: last 6 bytes -> code point
    int _makeUpLength;
    readonly Dictionary<int, byte[]> _encode;

    static readonly ConcurrentDictionary<string, CjkCodecTable> s_loaded = new();

    public static bool IsKnown(string name) => CjkCodecTables.Tables.ContainsKey(name);

    public static CjkCodecTable Get(string name) => s_loaded.GetOrAdd(name, n => new CjkCodecTable(n, CjkCodecTables.Tables[n].Table));

    CjkCodecTable(string name, string packed)
    {
        Name = name;
        byte[] raw;
        using (var inflate = new DeflateStream(new MemoryStream(Convert.FromBase64String(packed)), CompressionMode.Decompress))
        using (var ms = new MemoryStream())
        {
            inflate.CopyTo(ms);
            raw = ms.ToArray();
        }
        int p = 0;
        int nodeCount = raw[p] | raw[p + 1] << 8; p += 2;
        _nodes = new int[nodeCount][];
        var pairs = new List<int[]>();
        for (int n = 0; n < nodeCount; n++)
        {
            var node = _nodes[n] = new int[256];
            for (int x = 0; x < 256; x++)
            {
                int kind = raw[p++];
                switch (kind)
                {
                    case KindIllegal: node[x] = raw[p++]; break;
                    case KindChar:
                    {
                        int k = raw[p++];
                        if (k == 1) { node[x] = KindChar << 24 | Read3(raw, p); p += 3; }
                        else { node[x] = KindPair << 24 | pairs.Count; pairs.Add(new[] { Read3(raw, p), Read3(raw, p + 3) }); p += 6; }
                        break;
                    }
                    case KindChild: node[x] = KindChild << 24 | (raw[p] | raw[p + 1] << 8); p += 2; break;
                    case KindMakeUp:
                    {
                        _makeUpLength = raw[p++];
                        int count = BitConverter.ToInt32(raw, p); p += 4;
                        for (int i = 0; i < count; i++)
                        {
                            long key = 0;
                            for (int j = 0; j < _makeUpLength - 2; j++) key = key << 8 | raw[p++];
                            _makeUp[key] = Read3(raw, p); p += 3;
                        }
                        node[x] = KindMakeUp << 24;
                        break;
                    }
                    default: throw new InvalidDataException("bad CJK codec table");
                }
            }
        }
        _pairs = pairs.ToArray();
        int entries = BitConverter.ToInt32(raw, p); p += 4;
        _encode = new Dictionary<int, byte[]>(entries);
        int cp = 0;
        for (int i = 0; i < entries; i++)
        {
            int delta = 0, shift = 0;
            while (true)
            {
                byte b = raw[p++];
                delta |= (b & 0x7F) << shift;
                shift += 7;
                if ((b & 0x80) == 0) break;
            }
            cp += delta;
            int len = raw[p++];
            _encode[cp] = raw.AsSpan(p, len).ToArray();
            p += len;
        }
    }

    static int Read3(byte[] b, int p) => b[p] | b[p + 1] << 8 | b[p + 2] << 16;

    /// <summary>Decodes one character's bytes at data[pos] (pos &lt; data.Length) into sb.
    /// Returns the bytes used (&gt; 0); 0 when the input ends inside a sequence; -1 for an
    /// illegal sequence, whose length (as CPython reports it) goes to errorLength.</summary>
    public int DecodeOne(ReadOnlySpan<byte> data, int pos, StringBuilder sb, out int errorLength)
    {
        errorLength = 0;
        int node = 0;
        for (int i = pos; ; i++)
        {
            if (i >= data.Length) return 0;
            int e = _nodes[node][data[i]];
            switch (e >> 24)
            {
                case KindIllegal: errorLength = e; return -1;
                case KindChar: UnicodeInfo.AppendCodePoint(sb, e & 0xFFFFFF); return i - pos + 1;
                case KindPair:
                    var pair = _pairs[e & 0xFFFFFF];
                    UnicodeInfo.AppendCodePoint(sb, pair[0]);
                    UnicodeInfo.AppendCodePoint(sb, pair[1]);
                    return i - pos + 1;
                case KindChild: node = e & 0xFFFFFF; continue;
                default:   // KindMakeUp: a fixed-length sequence from pos
                {
                    if (pos + _makeUpLength > data.Length) return 0;
                    long key = 0;
                    for (int j = pos + 2; j < pos + _makeUpLength; j++) key = key << 8 | data[j];
                    if (!_makeUp.TryGetValue(key, out int cp)) { errorLength = 1; return -1; }
                    UnicodeInfo.AppendCodePoint(sb, cp);
                    return _makeUpLength;
                }
            }
        }
    }

    /// <summary>The bytes of one code point, or null if this codec cannot encode it.</summary>
    public byte[]? EncodeOne(int codePoint) => _encode.TryGetValue(codePoint, out var b) ? b : null;
}
