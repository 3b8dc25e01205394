# Prints str methods applied to a set of strings (results or exception messages);
# the output must equal CPython 3.11's.
STRS = ['', 'abc', 'Hello World', '  spaced  out  ', 'a,b,,c', 'ß', 'ΣΑΣ Σ aΣ', 'x\U0001F600y',
        'line1\nline2\r\nline3', '\tA\tBC', '-42', '١٢٣', '_id', 'Ab Cd']
CALLS = [('upper', ()), ('lower', ()), ('title', ()), ('capitalize', ()), ('swapcase', ()), ('casefold', ()), 
         ('isalpha', ()), ('isdigit', ()), ('isdecimal', ()), ('isidentifier', ()), ('istitle', ()), 
         ('isspace', ()), ('split', ()), ('split', (',',)), ('rsplit', (None, 1)), ('splitlines', (True,)), 
         ('strip', ()), ('strip', ('a-',)), ('find', ('l',)), ('rfind', ('l',)), ('count', ('l',)), 
         ('index', ('zz',)), ('partition', (' ',)), ('replace', ('l', 'L', 1)), ('center', (12, '*')), 
         ('zfill', (6,)), ('expandtabs', (4,)), ('startswith', (('x', 'H'),)), ('endswith', ('d',)), 
         ('encode', ('utf-8',)), ('encode', ('ascii', 'replace')), ('__len__', ()), ('__getitem__', (-1,))]


def show(s, call):
    name, args = call
    try:
        r = getattr(s, name)(*args)
        return repr(r)
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)


for s in STRS:
    print(repr(s))
    for call in CALLS:
        print('  %s%r -> %s' % (call[0], call[1], show(s, call)))

print('{:>8}|{:^7}|{!r:<6}|'.format('r', 'c', 'x'))
print('{0}{1}{0}'.format('ab', 'cd'), '{k[x]}'.format(k={'x': 1}))
print('%-5s|%5.2f|%x|%r' % ('ab', 3.14159, 255, 'q'))
print(''.join(reversed('stressed')), 'abc' * 3, 'b' in 'abc')
print(sorted(['b', 'a', 'B', '\U0001F600', '\uffff']))
