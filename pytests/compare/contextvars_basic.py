# contextvars: ContextVar get/set/reset, Token, Context run/copy/mapping protocol, copy_context,
# (contextvars_decimal.py: the modules built on them.)
from contextvars import ContextVar, Context, copy_context, Token

v = ContextVar('v', default=1)
w = ContextVar('w')
print(v.name, v.get(), w.get(5))
try:
    w.get()
except LookupError as e:
    print('LookupError', e.args[0] is w)
t = v.set(2)
print(v.get(), t.var is v, t.old_value is Token.MISSING, repr(Token.MISSING))
ctx = copy_context()
print(v in ctx, ctx[v], len(ctx), list(ctx) == [v], ctx.get(w), ctx.get(w, 'd'))


def f(x, y=0):
    v.set(x + y)
    return v.get()


print(ctx.run(f, 10, y=5), v.get(), ctx[v])
v.reset(t)
print(v.get())
try:
    v.reset(t)
except RuntimeError as e:
    print('RuntimeError', 'has already been used once' in str(e))
t2 = w.set('a')
print(t2.old_value is Token.MISSING, w.get())
try:
    v.reset(t2)
except ValueError as e:
    print('ValueError', 'different ContextVar' in str(e))
t3 = v.set(7)
try:
    Context().run(v.reset, t3)
except ValueError as e:
    print('ValueError', 'different Context' in str(e))
try:
    ctx.run(lambda: ctx.run(lambda: 1))
except RuntimeError as e:
    print('RuntimeError', 'already entered' in str(e))
try:
    1 in ctx
except TypeError as e:
    print('TypeError', e)
try:
    ContextVar(1)
except TypeError as e:
    print('TypeError', e)
try:
    Token()
except RuntimeError as e:
    print('RuntimeError', e)
print(Context() == Context(), len(Context()), ContextVar[int], hash(v) == hash(v))
c2 = Context()
print(c2.run(v.get), c2.run(lambda: w.get('none')))
print(sorted(k.name for k in ctx.keys()), sorted(map(str, ctx.values())), sorted((k.name, val) for k, val in ctx.items()))
print(repr(v).startswith("<ContextVar name='v' default=1 at 0x"), repr(w).startswith("<ContextVar name='w' at 0x"))
# each context keeps its own values; the outer one is back after run()
c3 = copy_context()
c3.run(w.set, 'inner')
print(w.get(), c3[w])
