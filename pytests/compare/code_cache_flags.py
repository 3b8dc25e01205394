# Where compiled modules are cached and when they are not written, as CPython decides it:
# PYTHONPYCACHEPREFIX and -X pycache_prefix choose the folder, -B and PYTHONDONTWRITEBYTECODE
# stop the writing (sys.dont_write_bytecode and sys.flags agree), -E ignores the variables.
# Runs sys.executable, so each interpreter checks its own cache.
import subprocess, sys, os, tempfile

PAST = 1_600_000_000

with tempfile.TemporaryDirectory() as d:
    src = os.path.join(d, "src")
    os.mkdir(src)
    mod = os.path.join(src, "cf_mod.py")
    with open(mod, "w") as f:
        f.write("X = 42\n")
    os.utime(mod, (PAST, PAST))

    def run(label, args, env_extra):
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
        env.update(env_extra)
        prefixes = sorted(v for k, v in env_extra.items() if k == "PYTHONPYCACHEPREFIX") + [a.split("=", 1)[1] for a in args if a.startswith("pycache_prefix=")]
        code = ("import sys, os, importlib.util\n"
                f"sys.path.insert(0, {src!r})\n"
                "import cf_mod\n"
                "cached = importlib.util.cache_from_source(cf_mod.__file__)\n"
                f"print(cf_mod.X, sys.dont_write_bytecode, sys.flags.dont_write_bytecode, [sys.pycache_prefix == p for p in {prefixes!r}], os.path.exists(cached), cached.endswith('.pyc'))\n")
        p = subprocess.run([sys.executable, *args, "-c", code], capture_output=True, text=True, env=env, timeout=120)
        print(label, p.returncode, p.stdout.strip(), p.stderr.strip()[-300:])

    p = lambda n: os.path.join(d, "cache" + str(n))
    run("prefix", [], {"PYTHONPYCACHEPREFIX": p(1)})
    run("prefix again", [], {"PYTHONPYCACHEPREFIX": p(1)})
    run("-B", ["-B"], {"PYTHONPYCACHEPREFIX": p(2)})
    run("env", [], {"PYTHONPYCACHEPREFIX": p(3), "PYTHONDONTWRITEBYTECODE": "1"})
    run("-X", ["-X", "pycache_prefix=" + p(4)], {"PYTHONPYCACHEPREFIX": p(5)})
    run("-X then -B", ["-B", "-X", "pycache_prefix=" + p(6)], {})
    run("-E", ["-E"], {"PYTHONPYCACHEPREFIX": p(7), "PYTHONDONTWRITEBYTECODE": "1"})
    for n in range(1, 8):
        print(n, os.path.isdir(p(n)))
