"""Decimal int literals longer than sys.get_int_max_str_digits() are a SyntaxError at
compile time (CPython 3.11); other literals are not limited."""
import sys, ast
def tryc(src, mode='exec'):
    try:
        compile(src, 'f', mode); print('ok', len(src))
    except SyntaxError as e:
        print(type(e).__name__, e.msg[:95], e.lineno, e.offset, e.end_lineno, e.end_offset, e.text is not None and len(e.text))
tryc('x = ' + '1' * 4301)
tryc('x = ' + '1' * 4300)
tryc('a=1\nb=2\nx = (1, ' + '1' * 4301 + ')\n')
tryc('x = 1_000' + '_1' * 4300)
tryc('x = 0x' + 'f' * 5000)
tryc('x = ' + '1' * 4301 + 'j')
tryc('x = ' + '1' * 4301 + '.0')
try:
    ast.parse('1' * 4301)
except SyntaxError as e:
    print('ast', e.msg[:40])
try:
    eval('1' * 4301)
except SyntaxError as e:
    print('eval', e.msg[:40])
sys.set_int_max_str_digits(0)
tryc('1' * 5000)
sys.set_int_max_str_digits(1000)
tryc('1' * 1001)
tryc('1' * 1000)
print(sys.flags.int_max_str_digits, sys._xoptions, sys.warnoptions)
