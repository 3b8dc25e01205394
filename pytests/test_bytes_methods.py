# bytes and bytearray: construction, methods, operators, mutation, memoryview.

def raises(exc, f, *args, **kw):
    try:
        f(*args, **kw)
    except exc as e:
        return str(e)
    raise AssertionError("%s not raised" % exc.__name__)


def test_construction():
    assert bytes() == b'' and bytes(3) == b'\x00\x00\x00'
    assert bytes([1, 2, 255]) == b'\x01\x02\xff'
    assert bytes('é', 'utf-8') == b'\xc3\xa9'
    assert bytes(bytearray(b'x')) == b'x'
    assert bytes(memoryview(b'mv')) == b'mv'
    assert raises(TypeError, bytes, 'a') == 'string argument without an encoding'
    assert raises(ValueError, bytes, [256]) == 'bytes must be in range(0, 256)'
    assert raises(ValueError, bytes, -1) == 'negative count'

    class B:
        def __bytes__(self):
            return b'custom'
    assert bytes(B()) == b'custom'
    assert bytearray(b'ab') == b'ab' and bytearray(2) == b'\x00\x00'


def test_indexing_iteration():
    b = b'abc'
    assert b[0] == 97 and b[-1] == 99 and b[1:] == b'bc' and b[::-1] == b'cba'
    assert list(b) == [97, 98, 99]
    assert 98 in b and b'bc' in b and 256 not in range(256)
    assert raises(IndexError, lambda: b[3]) == 'index out of range'
    assert raises(ValueError, lambda: 256 in b) == 'byte must be in range(0, 256)'


def test_methods():
    assert b'a,b,,c'.split(b',') == [b'a', b'b', b'', b'c']
    assert b'  a  b '.split() == [b'a', b'b']
    assert b'-'.join([b'a', bytearray(b'b'), memoryview(b'c')]) == b'a-b-c'
    assert b'hello'.find(b'l') == 2 and b'hello'.find(108) == 2 and b'hello'.count(b'l') == 2
    assert b'Hello World'.swapcase() == b'hELLO wORLD'
    assert b'\xc3\xa9'.decode() == 'é'
    assert b'\xff'.decode('utf-8', 'replace') == '\ufffd'
    assert b'\xff'.decode('utf-8', 'surrogateescape') == '\udcff'
    assert b'\x01\xab'.hex() == '01ab' and b'\x01\x02\x03'.hex(':', 2) == '01:0203'
    assert bytes.fromhex('01 ab') == b'\x01\xab'
    assert bytearray.fromhex('ff') == bytearray(b'\xff')
    assert b'abc'.translate(bytes.maketrans(b'abc', b'xyz'), b'b') == b'xz'
    assert b'%s=%d' % (b'k', 5) == b'k=5'
    assert raises(TypeError, b'a'.find, 'a') == "argument should be integer or bytes-like object, not 'str'"
    try:
        b'a\xff'.decode('ascii')
    except UnicodeDecodeError as e:
        assert (e.encoding, e.start, e.end, e.reason) == ('ascii', 1, 2, 'ordinal not in range(128)')
    else:
        raise AssertionError('no error')


def test_operators():
    assert b'a' + b'b' == b'ab' and b'a' + bytearray(b'b') == b'ab'
    assert type(bytearray(b'a') + b'b') is bytearray
    assert b'ab' * 2 == b'abab'
    assert b'a' == bytearray(b'a') and b'a' != 'a'
    assert b'a' < b'b' and bytearray(b'a') < b'b'
    assert raises(TypeError, lambda: b'a' + 'a') == "can't concat str to bytes"
    assert hash(b'abc') == hash(b'ab' + b'c')
    assert raises(TypeError, hash, bytearray()) == "unhashable type: 'bytearray'"


def test_bytearray_mutation():
    b = bytearray(b'hello')
    b[0] = 74
    b.append(33)
    b.extend(b'??')
    b.insert(0, 62)
    assert b == bytearray(b'>Jello!??')
    assert b.pop() == 63 and b.pop(0) == 62
    b.remove(63)
    b[1:3] = b'EE'
    assert b == bytearray(b'JEElo!')
    b[::2] = b'abc'
    del b[0]
    assert b == bytearray(b'Eblc!')
    b += b'x'
    b *= 2
    assert b == bytearray(b'Eblc!xEblc!x')
    del b[::2]
    assert b == bytearray(b'bcxbcx')
    b.reverse()
    assert b == bytearray(b'xcbxcb')
    b.clear()
    assert b == bytearray() and len(b) == 0
    assert raises(ValueError, b.append, 256) == 'byte must be in range(0, 256)'
    assert raises(IndexError, b.pop) == 'pop from empty bytearray'


def test_memoryview():
    b = bytearray(b'abc')
    m = memoryview(b)
    assert len(m) == 3 and m[0] == 97 and m.tobytes() == b'abc' and m.tolist() == [97, 98, 99]
    m[0] = 65
    assert b == bytearray(b'Abc')
    assert m[1:].tobytes() == b'bc'
    assert raises(BufferError, b.append, 1) == 'Existing exports of data: object cannot be re-sized'
    m.release()
    b.append(1)
    with memoryview(b'xy') as v:
        assert v.readonly and v == b'xy'
    assert raises(TypeError, memoryview, 'str') == "memoryview: a bytes-like object is required, not 'str'"
