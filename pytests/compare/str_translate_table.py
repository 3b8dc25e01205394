# str.translate (strs helper): Latin-1 replacements from an array, others from a dictionary,
# the result written into a growing buffer; every kind of table value and error.
tables = [
    {}, str.maketrans("abc", "xyz"), str.maketrans("ab", "XY", "c"), {97: "AAA", 98: None, 0x1F600: "smile", 233: 0x10400},
    {ord("é"): "e", 0xE9: "E"}, {0x10400: "\U0001F600\U0001F600", 120: ""},
]
texts = ["", "abcabc", "héllo wörld é", "a\U0001F600b\U00010400c", "xxxxxxxx" * 40 + "abc", "\ud800 lone \udfff"]
for t in tables:
    print([s.translate(t) for s in texts])
class Seq:
    def __getitem__(self, k):
        if k == 98: raise LookupError("skip")
        if k > 200: raise IndexError(k)
        return chr(k).upper() if k % 2 else k + 1
print("abcdé\U0001F600".translate(Seq()))
big = "".join(chr(97 + i % 26) for i in range(300000))
r = big.translate(str.maketrans("aeiou", "AEIOU", "xyz"))
print(len(r), r[:30], r.count("A"), big.translate({97: "<a>"})[:12], len(big.translate({97: "<a>"})))
for bad in ({97: 2**40}, {97: -1}, {97: 1.5}, {97: b"x"}):
    try: print("abc".translate(bad))
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
class Boom:
    def __getitem__(self, k): raise KeyError(k) if k != 99 else ZeroDivisionError("boom")
try: print("aac".translate(Boom()))
except ZeroDivisionError as e: print("ZeroDivisionError", e)
