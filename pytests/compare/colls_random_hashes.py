# _random (MT19937 seeding, getrandbits, state) and the builtin hash modules; compared with CPython 3.11.
import _random, _sha512, _md5, _sha1, _sha256
r = _random.Random(42)
print([r.random() for _ in range(3)], r.getrandbits(5), r.getrandbits(32), r.getrandbits(100), r.getrandbits(0))
for s in [0, 1, -5, 2**32, 2**100 + 7, 3.5, (1, 2), True]:
    r.seed(s); print(repr(s), r.random(), r.getrandbits(70))
st = r.getstate(); print(len(st), st[-1], st[:3])
a = r.random(); r.setstate(st); print(a == r.random())
for bad in [1, (1,) * 10, (1,) * 624 + (700,), (-1,) * 625]:
    try: r.setstate(bad)
    except Exception as e: print(type(e).__name__, e)
try: r.getrandbits(-1)
except ValueError as e: print(e)
try: _random.Random(1, 2)
except TypeError as e: print(e)
try: _random.Random(x=1)
except TypeError as e: print(e)
class R(_random.Random):
    def __init__(self, x, extra=None):
        super().__init__(x)
        self.extra = extra
print(R(5, extra=1).random(), R(5).extra)
for mod, names in [(_sha512, ['sha512', 'sha384']), (_md5, ['md5']), (_sha1, ['sha1']), (_sha256, ['sha256'])]:
    for n in names:
        h = getattr(mod, n)(b'abc'); h.update(b'def'); c = h.copy(); c.update(b'x')
        print(n, h.name, h.digest_size, h.block_size, h.hexdigest(), c.hexdigest()[:16], len(h.digest()))
        print(getattr(mod, n)(string=b'').hexdigest()[:20], getattr(mod, n)(usedforsecurity=False).hexdigest()[:10])
try: _sha512.sha512('abc')
except TypeError as e: print(e)
