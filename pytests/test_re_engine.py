# The _sre engine under re: the module's own API, programs compiled by hand, robustness
# (no .NET stack use for backtracking, clean errors for bad code), and semantics that are
# easy to get subtly wrong (marks restored on backtracking, empty-match guards, lastindex).
import _sre
import re
import sys
from re import _compiler, _constants as C


def raises(exc, f, *args, msg=None, **kw):
    try:
        f(*args, **kw)
    except exc as e:
        if msg is not None:
            assert msg in str(e), (msg, str(e))
        return e
    raise AssertionError("%s not raised by %r" % (exc.__name__, f))


def test_module_constants():
    assert _sre.MAGIC == C.MAGIC == 20220615
    assert _sre.CODESIZE == 4 and _sre.getcodesize() == 4
    assert _sre.MAXREPEAT == 2 ** 32 - 1 and _sre.MAXGROUPS == 2 ** 30 - 1
    assert _sre.ascii_iscased(ord("a")) and not _sre.ascii_iscased(ord("1")) and not _sre.ascii_iscased(0xE9)
    assert _sre.unicode_iscased(0xE9) and _sre.unicode_iscased(0x3A3) and not _sre.unicode_iscased(0x5D0)
    assert _sre.ascii_tolower(ord("Q")) == ord("q") and _sre.ascii_tolower(0xC9) == 0xC9
    assert _sre.unicode_tolower(0xC9) == 0xE9 and _sre.unicode_tolower(0x130) == ord("i")
    assert _sre.unicode_tolower(0x10400) == 0x10428 and _sre.unicode_tolower(0x2126) == 0x3C9


def test_hand_made_program():
    # LITERAL 'a', MARK 0, REPEAT_ONE [b]* , MARK 1, SUCCESS
    code = [C.LITERAL, ord("a"), C.MARK, 0, C.REPEAT_ONE, 6, 0, C.MAXREPEAT, C.LITERAL, ord("b"), C.SUCCESS,
            C.MARK, 1, C.SUCCESS]
    p = _sre.compile("a(b*)", 0, code, 1, {}, (None, None))
    m = p.match("abbbc")
    assert m.span() == (0, 4) and m.group(1) == "bbb" and m.lastindex == 1
    assert p.search("xxab").span() == (2, 4) and p.match("b") is None
    assert p.groups == 1 and p.pattern == "a(b*)" and p.groupindex == {}
    # a bytes pattern
    pb = _sre.compile(b"a", 0, [C.LITERAL, 97, C.SUCCESS], 0, {}, ())
    assert pb.match(b"a") and raises(TypeError, pb.match, "a")


def test_bad_code_is_a_clean_error():
    # checked when compiled, as CPython does
    for code in ([C.LITERAL], [C.IN, 100, C.FAILURE], [C.MAX_UNTIL, C.SUCCESS], [200], [C.JUMP, 1000],
                 [C.MARK, 2, C.SUCCESS], [C.REPEAT_ONE, 4, 0, 1, C.SUCCESS], [C.IN, 3, C.LITERAL, 1],
                 [C.BRANCH, 4, C.LITERAL, 97, C.JUMP, 9, C.FAILURE], [C.GROUPREF, 0, C.SUCCESS]):
        raises(RuntimeError, _sre.compile, "x", 0, code, 0, {}, (), msg="invalid SRE code")
    # the conditional's "yes" part may end in a set whose last operand equals JUMP's number
    assert re.compile(r"(a)?(?(1)[\W])").match("a!") and re.compile(r"(a)?(?(1)[\W]|b)").match("b")
    raises(TypeError, _sre.compile, "x", 0, (1,), 0, {}, ())
    raises(OverflowError, _sre.compile, "x", 0, [2 ** 40], 0, {}, ())


def test_compiler_output_runs():
    # what re._compiler produces for a pattern with every kind of repeat
    p = _compiler.compile(r"(?P<w>\w+?)(?:-(\d{2,3})|x*+|(?>y+)z)*(?(2)!|\?)")
    assert p.match("ab-12-345!").groups() == ("ab", "345")
    assert p.match("abc?").group("w") == "abc"
    assert p.fullmatch("qyyyz?") and p.fullmatch("qyyyz!") is None


def test_deep_backtracking_does_not_use_the_stack():
    n = 300000
    s = "ab" * n + "c"
    assert re.match(r"(?:a|b)*c", s).end() == 2 * n + 1
    assert re.match(r"(?:a|b)*?c", s).end() == 2 * n + 1
    assert re.match(r"(a|b)*c", s).group(1) == "b"
    assert re.match(r"((a)(b))+c", s).span(3) == (2 * n - 1, 2 * n)
    assert re.match(r"(?:(a)|b)*d", s) is None
    assert re.fullmatch(r"(?:ab)*+c", s) and re.fullmatch(r"(?>(?:ab)*)c", s)
    assert re.search(r"(?<=b)c", s).start() == 2 * n
    assert len(re.findall(r"(?:a(?=b))", s)) == n


def test_exponential_pattern_finishes():
    # (a+)+b backtracks exponentially without a b; keep it small but make sure it ends
    assert re.match(r"(a+)+b", "a" * 16) is None
    assert re.match(r"(a|aa)+c", "a" * 18) is None
    assert re.match(r"(?>a+)+b", "a" * 5000) is None


def test_marks_restored_on_backtracking():
    assert re.match(r"(a)*?(b)", "aab").groups() == ("a", "b")
    assert re.match(r"(?:(a)|b)*", "ab").groups() == ("a",)
    assert re.match(r"(?:(a)|(b))*", "ab").groups() == ("a", "b")
    assert re.match(r"(?:(a)|(b))*", "ab").lastindex == 2
    assert re.match(r"(a)|(b)", "b").groups() == (None, "b")
    assert re.match(r"(?:(x)|y)(?:(a)|b)*c", "yabc").groups() == (None, "a")
    assert re.match(r"((a)|b)+", "ab").groups() == ("b", "a")
    assert re.match(r"(a)(?!(b))", "ac").groups() == ("a", None)
    assert re.match(r"(a*)+", "aa").span(1) == (2, 2)
    assert re.match(r"(a*)*", "aa").span(1) == (2, 2)
    assert re.match(r"(a|b)*?c", "abac").span(1) == (2, 3)
    assert re.match(r"(?:a(b)?)+", "aba").groups() == ("b",)
    assert re.match(r"(?=(a))a", "a").lastindex == 1
    assert re.match(r"(a)(?(1)b|c)", "ab") and re.match(r"(a)?(?(1)b|c)", "c")


def test_empty_match_rules():
    assert re.sub(r"x*", "-", "abxd") == "-a-b--d-"
    assert re.split(r"x*", "axb") == ["", "a", "", "b", ""]
    assert [m.span() for m in re.finditer(r"\b|a", "a b")] == [(0, 0), (0, 1), (1, 1), (2, 2), (3, 3)]
    assert re.findall(r"^|a", "aa") == ["", "a", "a"]
    assert re.sub(r"(?m)^", ">", "a\nb\n") == ">a\n>b\n>"
    assert re.findall(r"a??", "aa") == ["", "a", "", "a", ""]
    assert re.match(r"(?:a*)*?b", "aab").end() == 3
    assert re.match(r"(?:|a)*b", "aab").end() == 3 and re.match(r"(?:|a)+?b", "ab").end() == 2


def test_windows_and_anchors():
    p = re.compile(r"^a|b$")
    assert p.search("ba", 1) is None and p.search("ab", 0, 2).span() == (0, 1) and p.search("xab", 1).span() == (2, 3)
    assert p.search("abc", 0, 2).span() == (0, 1)
    assert re.compile(r"\Ab").search("ab", 1) is None
    assert re.compile(r"(?<=a)b").match("ab", 1).span() == (1, 2)
    assert re.compile(r"$").search("a\n").span() == (1, 1) and re.compile(r"\Z").search("a\n").span() == (2, 2)
    assert re.compile(r"\bb").search("ab", 1) is None and re.compile(r"\Bb").search("ab", 1).span() == (1, 2)
    assert re.compile(r"a").fullmatch("aa", 0, 1).span() == (0, 1)


def test_text_kinds():
    s = "x😀y\U0010ffff\ud800z"
    assert [m.start() for m in re.finditer(r".", s)] == [0, 1, 2, 3, 4, 5]
    assert re.search(r"[\U00010000-\U0010ffff]+", s).group() == "😀"
    assert re.search(r"\ud800", s).span() == (4, 5)
    assert re.sub(r"[^\x00-\x7f]", "?", s) == "x?y??z"
    assert re.match(rb"(.)\1", bytearray(b"aab")).group() == b"aa"
    assert re.search(b"b+", memoryview(b"abbc")).group() == b"bb"
    assert type(re.match(rb"a", bytearray(b"a")).group()) is bytes
    assert re.match(r"(?i)ǅ", "ǆ") and re.match(r"(?i)ß", "ẞ") and re.match(r"(?i)[σ]", "ς")
    assert re.match(r"(?i)k", "\u212a") and re.match(r"(?ai)k", "\u212a") is None
    assert re.match(rb"(?i)\xe9", b"\xc9") is None and re.match(rb"(?Li)a", b"A")


def test_bigcharset():
    p = re.compile(r"[\u0400-\u04ff\u0600-\u06ff\u0100-\u017f\u3040-\u30ff]+")
    assert p.search("abc Привет мир").group() == "Привет"
    assert p.search("xyz ひらがな").group() == "ひらがな"
    assert p.search("😀") is None and re.compile(r"(?i)[\u0400-\u045f]+").match("ПРИВЕТ")


for _name, _fn in list(globals().items()):
    if _name.startswith("test_"):
        _fn()
print("ok")
