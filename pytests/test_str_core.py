# str: construction, indexing/slicing in code points, operators, hashing, iteration.

def raises(exc, f, *args, **kw):
    try:
        f(*args, **kw)
    except exc as e:
        return str(e)
    raise AssertionError("%s not raised" % exc.__name__)


def test_constructor():
    assert str() == ''
    assert str(12) == '12'
    assert str(b'ab') == "b'ab'"
    assert str(b'caf\xc3\xa9', 'utf-8') == 'café'
    assert str(b'\xff', 'ascii', 'replace') == '\ufffd'
    assert str(bytearray(b'xy'), encoding='latin-1') == 'xy'
    assert str(object='kw') == 'kw'
    assert raises(TypeError, str, 'a', 'utf-8') == 'decoding str is not supported'
    assert raises(TypeError, str, 1, 'utf-8') == 'decoding to str: need a bytes-like object, int found'
    assert raises(LookupError, str, b'a', 'no-such') == 'unknown encoding: no-such'


def test_subclass():
    class S(str):
        pass
    s = S('abc')
    assert type(s) is S and s == 'abc' and isinstance(s, str)
    assert type(str(s)) is str
    assert type(s + 'd') is str
    assert type(s[:]) is str
    assert type(s.upper()) is str
    s.attr = 5
    assert s.attr == 5
    assert hash(s) == hash('abc')


def test_indexing_and_slicing():
    s = 'a\U0001F600b\U00010400c'
    assert len(s) == 5
    assert s[1] == '\U0001F600' and s[-2] == '\U00010400'
    assert s[1:4] == '\U0001F600b\U00010400'
    assert s[::2] == 'abc'
    assert s[::-1] == 'c\U00010400b\U0001F600a'
    assert s[-100:100] == s
    assert 'hello'[1:4] == 'ell'
    assert 'hello'[::-2] == 'olh'
    assert 'hello'[4:1:-1] == 'oll'
    assert raises(IndexError, lambda: 'abc'[3]) == 'string index out of range'
    key = 'x'
    assert raises(TypeError, lambda: 'abc'[key]) == "string indices must be integers, not 'str'"
    assert raises(ValueError, lambda: 'abc'[::0]) == 'slice step cannot be zero'
    assert list('a\U0001F600') == ['a', '\U0001F600']


def test_operators():
    assert 'ab' + 'cd' == 'abcd'
    assert 'ab' * 3 == 'ababab' and 3 * 'ab' == 'ababab' and 'ab' * -1 == ''
    assert raises(TypeError, lambda: 'a' + 1) == 'can only concatenate str (not "int") to str'
    assert raises(TypeError, lambda: 'a' * 2.0) == "can't multiply sequence by non-int of type 'float'"
    assert 'b' in 'abc' and '' in 'abc' and 'd' not in 'abc'
    assert raises(TypeError, lambda: 1 in 'abc') == "'in <string>' requires string as left operand, not int"
    assert 'abc' < 'abd' and 'ab' < 'abc' and not ('b' < 'abc')
    assert '\uffff' < '\U00010000'
    assert ('a' == 1) is False and ('a' != 1) is True
    assert raises(TypeError, lambda: 'a' < 1) == "'<' not supported between instances of 'str' and 'int'"


def test_hash_and_identity():
    assert hash('abc') == hash('ab' + 'c')
    d = {'key': 1}
    assert d['ke' + 'y'] == 1


def test_iterator():
    it = iter('ab')
    assert next(it) == 'a'
    assert it.__length_hint__() == 1
    assert next(it) == 'b'
    assert raises(StopIteration, next, it) == ''


def test_percent():
    assert '%s-%r-%d' % ('a', 'b', 3) == "a-'b'-3"
    assert '%(x)s%(y)05.1f' % {'x': 'v', 'y': 2.25} == 'v002.2'
    assert '%c%c' % (65, 'z') == 'Az'
    assert raises(TypeError, lambda: '%s %s' % ('a',)) == 'not enough arguments for format string'
    assert raises(TypeError, lambda: 'x' % 5) == 'not all arguments converted during string formatting'
    assert raises(ValueError, lambda: '%y' % 1) == "unsupported format character 'y' (0x79) at index 1"
