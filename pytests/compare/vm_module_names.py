# Module-level loops: LOAD_NAME/STORE_NAME keep a guess of the name's entry in the module's dict
# (and the builtins') per instruction. The guesses must never give a stale or wrong value: names
# deleted and re-added (their entry moves), builtins shadowed and unshadowed in the loop, the
# dict grown and rebuilt under them, names set through globals(), exec in other namespaces
# (dicts and other mappings), class bodies with loops, and NameError after a deletion.
import builtins

total = 0
for i in range(1000):
    total += i
    k = i % 7
print(total, k, i)

seen = []
for i in range(6):
    if i == 2:
        len = lambda x: -1          # shadows the builtin from now on
    if i == 4:
        del len                     # the builtin again
    seen.append(len('abc'))
print(seen)

vals = []
for i in range(8):
    x = i * 10
    if i % 3 == 0:
        del x                       # the entry goes; the next store makes a new one
        x = -i
    vals.append(x)
print(vals)

g = globals()
out = []
for i in range(300):
    g['name_%d' % i] = i            # the dict grows and is rebuilt under the loop
    y = i
    out.append(y + name_0)
print(out[:5], out[-3:], name_299)

for i in range(5):
    g['z'] = i * 100                # a store the instructions did not make
    out.append(z)
print(out[-5:])

try:
    for i in range(3):
        w = i
        if i == 1:
            del w
        print('w', w)
except NameError as e:
    print('NameError', e)

builtins.extra_builtin = 'b1'
got = []
for i in range(3):
    got.append(extra_builtin)
    builtins.extra_builtin = 'b%d' % (i + 2)
del builtins.extra_builtin
try:
    for i in range(2):
        got.append(extra_builtin)
except NameError as e:
    got.append(str(e))
print(got)

code = compile('acc = 0\nfor j in range(5):\n    acc += j\n    last = j + bonus\n', '<loop>', 'exec')
ns = {'bonus': 1000}
exec(code, ns)
print(ns['acc'], ns['last'])
exec(code, {'bonus': 1}, ns)        # locals ns, globals another dict
print(ns['acc'], ns['last'])


class Mapping(dict):
    def __getitem__(self, key):
        return dict.__getitem__(self, key)

    def __setitem__(self, key, value):
        dict.__setitem__(self, key, ('m', value) if key == 'last' else value)


m = Mapping()
exec(code, {'bonus': 5}, m)
print(m['acc'], m['last'])


class Body:
    items = []
    for q in range(4):
        items.append(q * q)
    del q


print(Body.items, hasattr(Body, 'q'))
