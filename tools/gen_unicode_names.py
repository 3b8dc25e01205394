"""Writes src/Engine/Parsing/UnicodeNames.g.cs: the character names (and formal name
aliases) that CPython 3.11's "\\N{...}" escapes accept, taken from CPython's own
unicodedata. Hangul syllables and CJK unified ideographs are algorithmic and not stored.

Run with python3.11 from the repository root:  python3.11 tools/gen_unicode_names.py
"""
import base64, sys, unicodedata, zlib

# Formal name aliases (Unicode's NameAliases.txt); unicodedata can look them up but
# not list them, so they are listed here and each is checked against unicodedata.lookup.
CONTROL = """0000 NULL|NUL;0001 START OF HEADING|SOH;0002 START OF TEXT|STX;0003 END OF TEXT|ETX;
0004 END OF TRANSMISSION|EOT;0005 ENQUIRY|ENQ;0006 ACKNOWLEDGE|ACK;0007 ALERT|BEL;0008 BACKSPACE|BS;
0009 CHARACTER TABULATION|HORIZONTAL TABULATION|HT|TAB;000A LINE FEED|NEW LINE|END OF LINE|LF|NL|EOL;
000B LINE TABULATION|VERTICAL TABULATION|VT;000C FORM FEED|FF;000D CARRIAGE RETURN|CR;
000E SHIFT OUT|LOCKING-SHIFT ONE|SO;000F SHIFT IN|LOCKING-SHIFT ZERO|SI;0010 DATA LINK ESCAPE|DLE;
0011 DEVICE CONTROL ONE|DC1;0012 DEVICE CONTROL TWO|DC2;0013 DEVICE CONTROL THREE|DC3;
0014 DEVICE CONTROL FOUR|DC4;0015 NEGATIVE ACKNOWLEDGE|NAK;0016 SYNCHRONOUS IDLE|SYN;
0017 END OF TRANSMISSION BLOCK|ETB;0018 CANCEL|CAN;0019 END OF MEDIUM|EOM;001A SUBSTITUTE|SUB;
001B ESCAPE|ESC;001C INFORMATION SEPARATOR FOUR|FILE SEPARATOR|FS;001D INFORMATION SEPARATOR THREE|GROUP SEPARATOR|GS;
001E INFORMATION SEPARATOR TWO|RECORD SEPARATOR|RS;001F INFORMATION SEPARATOR ONE|UNIT SEPARATOR|US;
0020 SP;007F DELETE|DEL;0080 PADDING CHARACTER|PAD;0081 HIGH OCTET PRESET|HOP;0082 BREAK PERMITTED HERE|BPH;
0083 NO BREAK HERE|NBH;0084 INDEX|IND;0085 NEXT LINE|NEL;0086 START OF SELECTED AREA|SSA;
0087 END OF SELECTED AREA|ESA;0088 CHARACTER TABULATION SET|HORIZONTAL TABULATION SET|HTS;
0089 CHARACTER TABULATION WITH JUSTIFICATION|HORIZONTAL TABULATION WITH JUSTIFICATION|HTJ;
008A LINE TABULATION SET|VERTICAL TABULATION SET|VTS;008B PARTIAL LINE FORWARD|PARTIAL LINE DOWN|PLD;
008C PARTIAL LINE BACKWARD|PARTIAL LINE UP|PLU;008D REVERSE LINE FEED|REVERSE INDEX|RI;
008E SINGLE SHIFT TWO|SINGLE-SHIFT-2|SS2;008F SINGLE SHIFT THREE|SINGLE-SHIFT-3|SS3;0090 DEVICE CONTROL STRING|DCS;
0091 PRIVATE USE ONE|PRIVATE USE-1|PU1;0092 PRIVATE USE TWO|PRIVATE USE-2|PU2;0093 SET TRANSMIT STATE|STS;
0094 CANCEL CHARACTER|CCH;0095 MESSAGE WAITING|MW;0096 START OF GUARDED AREA|START OF PROTECTED AREA|SPA;
0097 END OF GUARDED AREA|END OF PROTECTED AREA|EPA;0098 START OF STRING|SOS;0099 SINGLE GRAPHIC CHARACTER INTRODUCER|SGC;
009A SINGLE CHARACTER INTRODUCER|SCI;009B CONTROL SEQUENCE INTRODUCER|CSI;009C STRING TERMINATOR|ST;
009D OPERATING SYSTEM COMMAND|OSC;009E PRIVACY MESSAGE|PM;009F APPLICATION PROGRAM COMMAND|APC;
00A0 NBSP;00AD SHY;01A2 LATIN CAPITAL LETTER GHA;01A3 LATIN SMALL LETTER GHA;034F CGJ;061C ALM;
0709 SYRIAC SUBLINEAR COLON SKEWED LEFT;0CDE KANNADA LETTER LLLA;0E9D LAO LETTER FO FON;0E9F LAO LETTER FO FAY;
0EA3 LAO LETTER RO;0EA5 LAO LETTER LO;0FD0 TIBETAN MARK BKA- SHOG GI MGO RGYAN;11EC KANNADA LETTER LLLA;
180B FVS1;180C FVS2;180D FVS3;180E MVS;180F FVS4;200B ZWSP;200C ZWNJ;200D ZWJ;200E LRM;200F RLM;202A LRE;202B RLE;
202C PDF;202D LRO;202E RLO;202F NNBSP;205F MMSP;2060 WJ;2066 LRI;2067 RLI;2068 FSI;2069 PDI;
2118 WEIERSTRASS ELLIPTIC FUNCTION;2448 MICR ON US SYMBOL;2449 MICR DASH SYMBOL;
2B7A LEFTWARDS TRIANGLE-HEADED ARROW WITH DOUBLE VERTICAL STROKE;2B7C RIGHTWARDS TRIANGLE-HEADED ARROW WITH DOUBLE VERTICAL STROKE;
A015 YI SYLLABLE ITERATION MARK;FE18 PRESENTATION FORM FOR VERTICAL RIGHT WHITE LENTICULAR BRACKET;
FEFF BYTE ORDER MARK|BOM|ZWNBSP;122D4 CUNEIFORM SIGN NU11 TENU;122D5 CUNEIFORM SIGN NU11 OVER NU11 BUR OVER BUR;
16E56 MEDEFAIDRIN CAPITAL LETTER H;16E57 MEDEFAIDRIN CAPITAL LETTER NG;16E76 MEDEFAIDRIN SMALL LETTER H;
16E77 MEDEFAIDRIN SMALL LETTER NG;1B001 HENTAIGANA LETTER E-1;1D0C5 BYZANTINE MUSICAL SYMBOL FTHORA SKLIRON CHROMA VASIS;
1E899 MENDE KIKAKUI SYLLABLE M172 MBO"""

def aliases():
    out = []
    for entry in CONTROL.replace("\n", "").split(";"):
        code, names = entry.split(" ", 1)
        for n in names.split("|"):
            out.append((int(code, 16), n))
    for i in range(16):
        out.append((0xFE00 + i, f"VS{i + 1}"))
    for i in range(240):
        out.append((0xE0100 + i, f"VS{i + 17}"))
    good = []
    for cp, n in out:
        try:
            if unicodedata.lookup(n) == chr(cp) and unicodedata.name(chr(cp), None) != n:
                good.append((cp, n))
        except KeyError:
            pass
    return good

def ranges(pred):
    out, start = [], None
    for cp in range(0x110000):
        ok = pred(cp)
        if ok and start is None:
            start = cp
        elif not ok and start is not None:
            out.append((start, cp - 1))
            start = None
    return out

lines = []
for cp in range(0x110000):
    n = unicodedata.name(chr(cp), None)
    if n is None or n.startswith("CJK UNIFIED IDEOGRAPH-") or n.startswith("HANGUL SYLLABLE "):
        continue
    lines.append(f"{cp:X};{n}")
for cp, n in aliases():
    lines.append(f"{cp:X};{n}")
data = base64.b64encode(zlib.compress("\n".join(lines).encode("ascii"), 9)[2:-4]).decode("ascii")
cjk = ranges(lambda c: unicodedata.name(chr(c), "").startswith("CJK UNIFIED IDEOGRAPH-"))
chunks = [data[i:i + 120] for i in range(0, len(data), 120)]
with open("src/Engine/Parsing/UnicodeNames.g.cs", "w") as f:
    f.write("// <auto-generated> by tools/gen_unicode_names.py from CPython " + sys.version.split()[0]
            + "'s unicodedata (Unicode " + unicodedata.unidata_version + "). Do not edit. </auto-generated>\n")
    f.write("namespace StacklessIron.Parsing;\n\ninternal static partial class UnicodeNames\n{\n")
    f.write("    /// <summary>Code points named \"CJK UNIFIED IDEOGRAPH-XXXX\", as pairs of inclusive bounds.</summary>\n")
    f.write("    static readonly int[] UnifiedIdeographs = { " + ", ".join(f"0x{a:X}, 0x{b:X}" for a, b in cjk) + " };\n\n")
    f.write("    /// <summary>Raw deflate of \"HEX;NAME\" lines (names and aliases), base64.</summary>\n")
    f.write("    const string NameData =\n")
    f.write("\n".join(f"        \"{c}\"" + (" +" if i < len(chunks) - 1 else ";") for i, c in enumerate(chunks)))
    f.write("\n}\n")
print(len(lines), "names,", len(data), "base64 chars,", len(aliases()), "aliases")
