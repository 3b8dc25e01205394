# str methods: the subtle parts (Unicode case mapping, whitespace and line boundaries, indexes).

def raises(exc, f, *args, **kw):
    try:
        f(*args, **kw)
    except exc as e:
        return str(e)
    raise AssertionError("%s not raised" % exc.__name__)


def test_case_mapping():
    assert 'ß'.upper() == 'SS' and 'ﬁ'.upper() == 'FI'
    assert 'İ'.lower() == 'i\u0307'
    assert 'ΣΑΣ ΑΣ.'.lower() == 'σας ας.'
    assert 'hello wORLD'.title() == 'Hello World'
    assert "they're bill's".title() == "They'Re Bill'S"
    assert 'ǆungla'.capitalize() == 'ǅungla'
    assert 'ß'.casefold() == 'ss'
    assert 'aBc'.swapcase() == 'AbC'
    assert 'Hello'.istitle() and not 'HeLLo'.istitle()


def test_predicates():
    assert '١٢٣'.isdecimal() and '½'.isnumeric() and not '½'.isdigit()
    assert '_id'.isidentifier() and not '3x'.isidentifier()
    assert ''.isprintable() and not '\x00'.isprintable()
    assert '\u00a0\u3000'.isspace()
    assert 'abc'.isascii() and not 'é'.isascii()


def test_split_family():
    assert '  a  b  '.split() == ['a', 'b']
    assert '  a  b  '.split(None, 1) == ['a', 'b  ']
    assert '  a  b  '.rsplit(None, 1) == ['  a', 'b']
    assert 'a,b,,c'.split(',') == ['a', 'b', '', 'c']
    assert 'a,b,,c'.rsplit(',', 2) == ['a,b', '', 'c']
    assert 'x\u3000y'.split() == ['x', 'y']
    assert 'a\nb\r\nc\rd\x0be\x1cf\x85g\u2028h'.splitlines() == list('abcdefgh')
    assert 'a\nb\r\n'.splitlines(keepends=True) == ['a\n', 'b\r\n']
    assert raises(ValueError, 'a'.split, '') == 'empty separator'
    assert 'a-b-c'.partition('-') == ('a', '-', 'b-c')
    assert 'a-b-c'.rpartition('-') == ('a-b', '-', 'c')
    assert 'abc'.partition('x') == ('abc', '', '')
    assert '-'.join(['a', 'b']) == 'a-b'
    assert raises(TypeError, '-'.join, ['a', 1]) == 'sequence item 1: expected str instance, int found'


def test_find_family():
    s = 'hello world'
    assert s.find('o') == 4 and s.rfind('o') == 7
    assert s.find('o', 5) == 7 and s.find('o', 5, 7) == -1
    assert s.find('', 100) == -1 and s.find('', 11) == 11
    assert s.count('l') == 3 and s.count('') == 12
    assert s.index('w') == 6
    assert raises(ValueError, s.index, 'z') == 'substring not found'
    assert 'a\U0001F600b'.find('b') == 2
    assert s.startswith(('x', 'he')) and s.endswith('ld', 0, 11) and not s.startswith('', 100)
    assert raises(TypeError, s.startswith, 1) == 'startswith first arg must be str or a tuple of str, not int'


def test_replace_strip_pad():
    assert 'aaa'.replace('a', 'b', 2) == 'bba'
    assert 'ab'.replace('', '-') == '-a-b-'
    assert '  x '.strip() == 'x' and 'xxaxx'.strip('x') == 'a'
    assert 'ab'.center(6, '*') == '**ab**' and 'ab'.center(5) == '  ab ' and 'a'.center(4) == ' a  '
    assert '-42'.zfill(6) == '-00042'
    assert 'a\tbc\td'.expandtabs(4) == 'a   bc  d'
    assert raises(TypeError, 'a'.center, 3, 'xy') == 'The fill character must be exactly one character long'
    assert 'prefix-x'.removeprefix('prefix-') == 'x' and 'x.py'.removesuffix('.py') == 'x'


def test_translate_maketrans():
    t = str.maketrans('ab', 'xy', 'c')
    assert t == {97: 120, 98: 121, 99: None}
    assert 'abcabc'.translate(t) == 'xyxy'
    assert 'abc'.translate({97: 'AA'}) == 'AAbc'
    assert raises(ValueError, str.maketrans, 'ab', 'a') == 'the first two maketrans arguments must have equal length'


def test_encode():
    assert 'é'.encode() == b'\xc3\xa9'
    assert 'é'.encode('latin-1') == b'\xe9'
    assert 'é'.encode('ascii', 'replace') == b'?'
    assert 'é'.encode('ascii', 'xmlcharrefreplace') == b'&#233;'
    assert 'é'.encode('ascii', 'backslashreplace') == b'\\xe9'
    assert '\udcff'.encode('utf-8', 'surrogateescape') == b'\xff'
    assert 'a'.encode('utf-16') == b'\xff\xfea\x00'
    try:
        'aé'.encode('ascii')
    except UnicodeEncodeError as e:
        assert (e.encoding, e.start, e.end, e.reason) == ('ascii', 1, 2, 'ordinal not in range(128)')
    else:
        raise AssertionError('no error')
