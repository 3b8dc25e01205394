# str.format / format_map / format(): fields, numbering, conversions, nested specs.

def raises(exc, f, *args, **kw):
    try:
        f(*args, **kw)
    except exc as e:
        return str(e)
    raise AssertionError("%s not raised" % exc.__name__)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __format__(self, spec):
        return 'P<%s>' % spec


def test_fields():
    assert '{}-{}'.format('a', 'b') == 'a-b'
    assert '{1}{0}{1}'.format('a', 'b') == 'bab'
    assert '{name}!'.format(name='x') == 'x!'
    assert '{0.x},{0.y}'.format(Point(1, 2)) == '1,2'
    assert '{0[1]}{m[k]}'.format([5, 6], m={'k': 'v'}) == '6v'
    assert '{{}}{}'.format(1) == '{}1'
    assert '{:>5}|{:<3}|{:^5}'.format('a', 'b', 'c') == '    a|b  |  c  '
    assert '{0!r}{0!s}{0!a}'.format('é') == "'é'é'\\xe9'"
    assert '{:{}{}}'.format('ab', '>', 4) == '  ab'
    assert '{0:x}'.format(Point(0, 0)) == 'P<x>'
    assert '{p}'.format_map({'p': 3}) == '3'


def test_errors():
    assert raises(ValueError, '{0}{}'.format, 1, 2) == 'cannot switch from manual field specification to automatic field numbering'
    assert raises(ValueError, '{}{0}'.format, 1, 2) == 'cannot switch from automatic field numbering to manual field specification'
    assert raises(ValueError, '{'.format) == "Single '{' encountered in format string"
    assert raises(ValueError, '}'.format) == "Single '}' encountered in format string"
    assert raises(IndexError, '{1}'.format, 1) == 'Replacement index 1 out of range for positional args tuple'
    assert raises(KeyError, '{a}'.format) == "'a'"
    assert raises(ValueError, '{!x}'.format, 1) == 'Unknown conversion specifier x'
    assert raises(ValueError, '{:{:{}}}'.format, 1, 2, 3) == 'Max string recursion exceeded'
    assert raises(ValueError, '{}'.format_map, {}) == 'Format string contains positional fields'
    assert raises(ValueError, format, 'a', 'd') == "Unknown format code 'd' for object of type 'str'"
