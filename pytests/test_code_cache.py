# The compiled-module cache (Runtime/CodeCache.cs): an import writes the module's code to
# sys.pycache_prefix (CPython's .pyc layout, our magic and code format) and a later import
# of the unchanged source runs that code instead of compiling again. Each check uses its own
# temporary folders for sources and caches, and restores sys afterwards.
import sys, os, tempfile, importlib, importlib.util, marshal, traceback, shutil

PAST = 1_600_000_000   # a source mtime well in the past: sources written "just now" are not cached

class Sandbox:
    """A source folder on sys.path and a cache folder as sys.pycache_prefix, writes allowed."""
    def __enter__(self):
        self.src = tempfile.mkdtemp(prefix="si_src_")
        self.cache = tempfile.mkdtemp(prefix="si_cache_")
        self.saved = (sys.pycache_prefix, sys.dont_write_bytecode, list(sys.path))
        sys.pycache_prefix = self.cache
        sys.dont_write_bytecode = False
        sys.path.insert(0, self.src)
        self.names = []
        return self

    def __exit__(self, *exc):
        sys.pycache_prefix, sys.dont_write_bytecode, sys.path[:] = self.saved
        for n in self.names:
            sys.modules.pop(n, None)
        shutil.rmtree(self.src, ignore_errors=True)
        shutil.rmtree(self.cache, ignore_errors=True)

    def write(self, name, text, mtime=PAST):
        path = os.path.join(self.src, name + ".py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        os.utime(path, (mtime, mtime))
        if name not in self.names:
            self.names.append(name)
        return path

    def fresh_import(self, name):
        sys.modules.pop(name, None)
        return __import__(name)

    def cache_of(self, name):
        return importlib.util.cache_from_source(os.path.join(self.src, name + ".py"))


MODULE = '''\
"""module doc"""
import math
NEG_ZERO = -0.0
NAN = float("nan")
INF = -float("inf")
BIG = 12345678901234567890123456789012345678901234567890
NEG_BIG = -(2 ** 100)
SURROGATE = "a\\udcff\\ud800z"
ASTRAL = "\\U0001F600 \\u00e9 \\u4e2d"
RAW = b"\\x00\\xff\\x80"
FROZEN = frozenset({1, "two", 3.0})
COMPLEX = 2 - 3j
NESTED = ((1, (2, (3, None))), ..., True, False)
def outer(a, /, b=2, *args, c, d=4, **kw):
    """outer doc"""
    x = a + b
    def inner(y):
        nonlocal x
        x += y
        return x, c, d, args, kw
    return inner
async def coro(n):
    return n * 2
def gen(n):
    try:
        yield from range(n)
    finally:
        pass
class Klass:
    attr: int = 5
    def method(self):
        return __class__.__name__
    @property
    def prop(self):
        return self.attr
def fails(d):
    return d["k"]["j"] + 1
def divide(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        raise ValueError("bad divide") from e
def member(x):
    return x in {1, 2, 3}
'''

def describe(m):
    """Everything observable about MODULE's module, as text."""
    out = [repr(m.__doc__), repr(m.NEG_ZERO), str(m.math.copysign(1, m.NEG_ZERO)), repr(m.NAN != m.NAN), repr(m.INF),
           repr(m.BIG), repr(m.NEG_BIG), ascii(m.SURROGATE), ascii(m.ASTRAL), repr(m.RAW), repr(sorted(map(str, m.FROZEN))),
           repr(m.COMPLEX), repr(m.NESTED)]
    inner = m.outer(1, 5, 6, 7, c=3, z=9)
    out += [repr(inner(10)), repr(inner(1)), repr(m.outer.__doc__), repr(m.outer.__defaults__), repr(m.outer.__kwdefaults__)]
    co = m.outer.__code__
    out += [repr((co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_flags,
                  co.co_varnames, co.co_cellvars, co.co_freevars, co.co_names, co.co_firstlineno, co.co_stacksize))]
    out += [repr(list(co.co_positions())), repr(list(co.co_lines()))]
    c = m.coro(21)
    try:
        c.send(None)
    except StopIteration as e:
        out.append(repr(e.value))
    out += [repr(list(m.gen(4))), repr(m.Klass().method()), repr(m.Klass().prop), repr(m.Klass.__annotations__),
            repr(m.Klass.method.__qualname__), repr([m.member(i) for i in range(5)])]
    for f, args in ((m.fails, ({"k": {"j": None}},)), (m.divide, (1, 0))):
        try:
            f(*args)
        except Exception:
            out.append(traceback.format_exc())
    return "\n".join(out)


def test_cached_module_behaves_as_compiled():
    with Sandbox() as s:
        path = s.write("cc_mod", MODULE)
        cold = s.fresh_import("cc_mod")
        cache = s.cache_of("cc_mod")
        assert os.path.exists(cache), cache
        assert cold.__cached__ == cache and cold.__file__ == path
        with open(cache, "rb") as f:
            head = f.read(16)
        assert head[:4] == importlib.util.MAGIC_NUMBER
        assert int.from_bytes(head[8:12], "little") == PAST
        assert int.from_bytes(head[12:16], "little") == os.path.getsize(path)
        first = describe(cold)
        stamp = os.stat(cache).st_mtime_ns
        warm = s.fresh_import("cc_mod")
        assert warm is not cold
        assert os.stat(cache).st_mtime_ns == stamp   # read, not rewritten
        second = describe(warm)
        assert first == second, (first, second)
        # tracebacks from the cached code name the file and point at the expression
        assert 'cc_mod.py", line 37, in fails' in second and "~~~~~~~~~~~^~~" in second, second
        assert "The above exception was the direct cause" in second


def test_changed_source_is_compiled_again():
    with Sandbox() as s:
        s.write("cc_stale", "VALUE = 'one'\n")
        assert s.fresh_import("cc_stale").VALUE == "one"
        # same size, another mtime: the cache is stale
        s.write("cc_stale", "VALUE = 'two'\n", mtime=PAST + 100)
        assert s.fresh_import("cc_stale").VALUE == "two"
        # the rewritten cache file holds the new code
        assert s.fresh_import("cc_stale").VALUE == "two"
        # another size, same mtime: stale too
        s.write("cc_stale", "VALUE = 'three'\n", mtime=PAST + 100)
        assert s.fresh_import("cc_stale").VALUE == "three"


def test_cache_is_trusted_when_mtime_and_size_match():
    # as CPython: a source edited without a change of mtime or size runs the cached code,
    # which shows that the cached code is what runs
    with Sandbox() as s:
        s.write("cc_trust", "VALUE = 'one'\n")
        assert s.fresh_import("cc_trust").VALUE == "one"
        s.write("cc_trust", "VALUE = 'two'\n")
        assert s.fresh_import("cc_trust").VALUE == "one"


def test_damaged_cache_file_is_ignored_and_rewritten():
    with Sandbox() as s:
        s.write("cc_bad", "def f():\n    return 41 + 1\n")
        assert s.fresh_import("cc_bad").f() == 42
        cache = s.cache_of("cc_bad")
        with open(cache, "rb") as f:
            good = f.read()
        damages = [good[:10], good[:16], good[:len(good) // 2], good[:-1], b"",
                   good[:16] + b"garbage" * 10,
                   good[:30] + bytes([good[30] ^ 0xFF]) + good[31:],          # a flipped byte: checksum
                   good[:-3] + bytes([good[-3] ^ 1]) + good[-2:],
                   b"\x00\x00\x00\x00" + good[4:]]                           # another build's magic
        for bad in damages:
            with open(cache, "wb") as f:
                f.write(bad)
            assert s.fresh_import("cc_bad").f() == 42
            with open(cache, "rb") as f:
                assert f.read() == good, "cache file not rewritten"


def test_dont_write_bytecode():
    with Sandbox() as s:
        sys.dont_write_bytecode = True
        s.write("cc_nowrite", "X = 1\n")
        assert s.fresh_import("cc_nowrite").X == 1
        assert not os.path.exists(s.cache_of("cc_nowrite"))
        # an existing cache file is still read (CPython: -B only stops writing)
        sys.dont_write_bytecode = False
        s.fresh_import("cc_nowrite")
        sys.dont_write_bytecode = True
        s.write("cc_nowrite", "X = 2\n")   # same size and mtime: the cache file counts
        assert s.fresh_import("cc_nowrite").X == 1


def test_recently_written_source_is_not_cached():
    # a source modified within the last seconds could change again within the same second
    # (mtime has whole seconds in the header): it is compiled but not cached
    with Sandbox() as s:
        import time
        s.write("cc_recent", "X = 1\n", mtime=time.time())
        assert s.fresh_import("cc_recent").X == 1
        assert not os.path.exists(s.cache_of("cc_recent"))


def test_package_and_submodule():
    with Sandbox() as s:
        os.mkdir(os.path.join(s.src, "cc_pkg"))
        for name, text in (("cc_pkg/__init__", "from . import sub\nP = sub.S + 1\n"), ("cc_pkg/sub", "S = 41\n")):
            s.write(name, text)
        s.names += ["cc_pkg", "cc_pkg.sub"]
        for _ in range(2):
            for n in ("cc_pkg", "cc_pkg.sub"):
                sys.modules.pop(n, None)
            import cc_pkg
            assert cc_pkg.P == 42
        assert os.path.exists(importlib.util.cache_from_source(os.path.join(s.src, "cc_pkg", "__init__.py")))
        assert os.path.exists(importlib.util.cache_from_source(os.path.join(s.src, "cc_pkg", "sub.py")))


def test_co_filename_follows_the_import_path():
    # the same file imported under another spelling of its path: the cached code names the new one
    with Sandbox() as s:
        s.write("cc_where", "import sys\ndef where():\n    return sys._getframe().f_code.co_filename\n")
        assert s.fresh_import("cc_where").where() == os.path.join(s.src, "cc_where.py")
        other = os.path.join(s.src, ".", "")
        sys.path.insert(0, other)
        m = s.fresh_import("cc_where")
        assert m.where() == os.path.join(other, "cc_where.py"), m.where()


def test_marshal_code_objects():
    code = compile("x = [1, 2.5, -0.0, 's\\udcff', b'b', (1,), 10 ** 30]\ndef g(n):\n    return x[n]\n", "marsh.py", "exec")
    data = marshal.dumps(code)
    back = marshal.loads(data)
    assert type(back) is type(code) and back.co_filename == "marsh.py"
    ns = {}
    exec(back, ns)
    assert ns["g"](3) == "s\udcff" and ns["g"](6) == 10 ** 30
    assert marshal.loads(marshal.dumps((code, [1, {"a": code}])))[1][1]["a"].co_name == "<module>"
    for bad in (data[:-1], data[:5], data[:1]):
        try:
            marshal.loads(bad)
        except (EOFError, ValueError):
            pass
        else:
            raise AssertionError("truncated code accepted")
    flipped = data[:40] + bytes([data[40] ^ 0x55]) + data[41:]
    try:
        marshal.loads(flipped)
    except (EOFError, ValueError):
        pass
    else:
        raise AssertionError("damaged code accepted")


def test_py_compile_and_compileall_write_what_import_reads():
    import py_compile, compileall
    with Sandbox() as s:
        path = s.write("cc_pyc", "VALUE = 'compiled'\n")
        out = py_compile.compile(path, doraise=True)
        assert out == s.cache_of("cc_pyc") and os.path.exists(out)
        # same size and mtime, other text: the import runs what py_compile wrote
        s.write("cc_pyc", "VALUE = 'editedxx'\n")
        assert s.fresh_import("cc_pyc").VALUE == "compiled"
        s.write("cc_all", "VALUE = 'all'\n")
        assert compileall.compile_dir(s.src, quiet=1)
        assert os.path.exists(s.cache_of("cc_all"))
        s.write("cc_all", "VALUE = 'xyz'\n")
        assert s.fresh_import("cc_all").VALUE == "all"
        # importlib's own loader reads the same files
        sys.modules.pop("cc_all", None)
        spec = importlib.util.find_spec("cc_all")
        assert spec.cached == s.cache_of("cc_all")
        assert importlib.util.module_from_spec(spec) is not None
        m = importlib.import_module("cc_all")
        assert m.VALUE == "all"


for _name, _f in list(globals().items()):
    if _name.startswith("test_") and callable(_f):
        _f()
