# symtable over _symtable: scopes, symbol kinds (parameter, local, global, nonlocal, free,
# imported, annotated, referenced), nested blocks, and the errors.
import symtable

src = '''
import os, sys as system
from collections import deque
counter = 0
label: str = "x"
def outer(a, b=1, *args, c, **kw):
    global counter
    counter += 1
    total = a + b
    def inner(x):
        nonlocal total
        total += x
        return total + len(args)
    squares = [i * i for i in range(a)]
    gen = (j for j in kw)
    fn = lambda y: y + c
    return inner
class Thing(Base):
    attr = 1
    def method(self):
        return __class__, attr if False else self
    @staticmethod
    def other(): return super
async def coro():
    async with lock as held:
        await held
'''
top = symtable.symtable(src, "<mod>", "exec")
def dump(t, depth=0):
    pad = "  " * depth
    print(pad + t.get_type(), t.get_name(), t.get_lineno(), t.is_optimized(), t.is_nested(), t.has_children())
    if isinstance(t, symtable.Function):
        print(pad + "  params", t.get_parameters(), "locals", t.get_locals(), "globals", t.get_globals(),
              "nonlocals", t.get_nonlocals(), "frees", t.get_frees())
    if isinstance(t, symtable.Class):
        print(pad + "  methods", t.get_methods())
    for name in sorted(t.get_identifiers()):
        s = t.lookup(name)
        kinds = [k for k in ("referenced", "imported", "parameter", "global", "nonlocal", "declared_global",
                             "local", "annotated", "free", "assigned", "namespace") if getattr(s, "is_" + k)()]
        print(pad + "   ", name, kinds, len(s.get_namespaces()) if s.is_namespace() else "")
    for c in t.get_children():
        dump(c, depth + 1)
dump(top)
print(top.lookup("outer").get_namespace().get_name(), [c.get_name() for c in top.get_children()])
e = symtable.symtable("a + b * (lambda q: q)(c)", "<e>", "eval")
print(e.get_type(), sorted(e.get_identifiers()), [c.get_name() for c in e.get_children()])
print(repr(top).startswith("<SymbolTable for module <mod>>") or repr(top))
for bad, mode in [("def f(:", "exec"), ("nonlocal x", "exec"), ("def f():\n  global a\n  a = 1\n  nonlocal a", "exec"), ("x", "bogus")]:
    try:
        symtable.symtable(bad, "<bad>", mode)
    except (SyntaxError, ValueError) as ex:
        print(type(ex).__name__, ex.args[0])
