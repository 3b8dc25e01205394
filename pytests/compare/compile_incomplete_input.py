"""compile() in "single" mode with PyCF_DONT_IMPLY_DEDENT / PyCF_ALLOW_INCOMPLETE_INPUT, and
codeop.compile_command, which the interactive prompt uses to decide whether to read another line;
eval-mode error text has no added newline."""
import codeop
srcs = ["def f():", "def f():\n    return 7", "def f():\n    return 7\n", "def f():\n    return 7\n\n", "x = = 2", "print(", "print(1", "'''abc", "'abc", "if x:\n    pass\nelse:", "1 +", "x = 1", "@dec", "class A:\n  def f(self):\n    pass\n", "for i in range(3):\n  print(i)\n", "x = [1,\n2]", "\\", "if 1:\n  x\n y"]
for s in srcs:
    for flags in (0x200, 0x4000, 0x4200):
        try:
            compile(s, "<stdin>", "single", flags); r = "ok"
        except SyntaxError as e:
            r = "%s: %s" % (type(e).__name__, e.msg)
        print(repr(s), hex(flags), r)
    try:
        r = codeop.compile_command(s, "<stdin>", "single")
        print("  compile_command:", "None" if r is None else "code")
    except SyntaxError as e:
        print("  compile_command:", type(e).__name__, e.msg)
for src in ['1 +* 2', 'x = = 2', '1' * 4301]:
    try: compile(src, 'f', 'eval')
    except SyntaxError as e: print(repr(e.text[-5:]), e.offset)
