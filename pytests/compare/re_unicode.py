# Unicode and bytes semantics of re: categories (\w \d \s \b) in str, ASCII, bytes and LOCALE
# modes, case-insensitive matching including the special case pairs, characters beyond the
# BMP and lone surrogates, big character sets. Output compared with CPython 3.11.
import re

samples = ["abc", "ÀÉÎõü", "ǅǆǄ", "ΣσςΐΰΫ", "привет ПРИВЕТ", "İıiIſsSK\u212a", "ﬀﬁ ß ẞ ss",
           "٣٤٥ ௫ ¹²³ ⅷ", "\u00a0\u2003\u3000\x1c\x85", "日本語テキスト", "𝐀𝐁𝐂 𝟏𝟐 😀😁", "\ud800x\udfff",
           "ǰ J̌", "µΜμ", "ﬅﬆ", "Ωω\u2126", "ᾳᾼ", "ı̇", "ÿŸ", "K\u212ak"]
pats = [r"\w+", r"\W+", r"\d+", r"\D+", r"\s+", r"\S+", r"\b\w", r"\B.", r".\b", r"[^\W\d]+", r"[\w\s]+",
        r"[а-я]+", r"[А-Я]+", r"[α-ω]+", r"[^a-z]+", r"[\u0100-\uffff]+", r"[\U00010000-\U0010ffff]+",
        r"[À-ÿ]", r"[a-zà-ÿ]+", r"(?i)[a-z]+", r"(?i)[à-þ]+", r"(?i)[α-ω]+", r"(?i)ss", r"(?i)k",
        r"(?i)[k]", r"(?i)[^k]+", r"(?i)σ", r"(?i)[σ]", r"(?i)ſ", r"(?i)i", r"(?i)[ǆ]", r"(?i)µ",
        r"(?i)ω", r"(?i)[𝐀-𝐂]", r"(?i)ÿ", r"(?i)(\w)\1", r"(?i)([a-zа-я])\1", r"\ud800", r"[\ud800-\udfff]",
        r"(?a)\w+", r"(?a)\s+", r"(?a)\d+", r"(?a)\b\w", r"(?ai)k", r"(?ai)[a-z]+", r"(?ai)ſ"]
for pat in pats:
    p = re.compile(pat)
    print(repr(pat), [p.findall(s) for s in samples])

# the same classes over bytes, plain, LOCALE and case-insensitive
bsamples = [bytes(range(256)), b"Hello World_42", b"\xe9\xc9 \xa0\x85"]
for pat in [rb"\w+", rb"\d+", rb"\s+", rb"\b\w", rb"[a-z]+", rb"(?i)[a-z]+", rb"(?i)\xe9", rb"(?i)k"]:
    for fl in (0, re.L, re.I, re.L | re.I):
        p = re.compile(pat, fl)
        print(repr(pat), fl, [p.findall(s) for s in bsamples])

# big sets (BIGCHARSET) and negated ones
for pat in [r"[\u0400-\u04ff\u0600-\u06ff\u0100-\u017f]+", r"[^\u0000-\u007f\u4e00-\u9fff]+",
            r"(?i)[\u0400-\u045f]+", r"[ά-ώ\u1f00-\u1fff]+", r"[\u3040-\u30ff\u4e00-\u9faf]+"]:
    p = re.compile(pat)
    print(repr(pat), [p.findall(s) for s in samples])

# spans over text with characters beyond the BMP must count code points
s = "a😀b𝐀c\U0010ffffd"
print([m.span() for m in re.finditer(r".", s)], re.search("c", s).span(), re.split("(b|c)", s))
print(re.sub("[😀𝐀]", "<>", s), re.findall(r"[^\x00-\x7f]", s), len(re.match(".*", s).group()))
print(re.search(r"(?<=😀)b", s).span(), re.fullmatch(r"a.b.c.d", s).span(), ascii(re.escape(s)))
print(re.compile(r"(?u)\w").flags, re.compile(r"\w").flags, re.compile(rb"\w").flags, re.compile("(?L)a".encode()).flags)
print(re.match(r"(?x) a  b # comment\n c", "abc"), re.match("(?s).+", "a\nb").group(), re.match("(?m)^b", "a\nb", re.M))
