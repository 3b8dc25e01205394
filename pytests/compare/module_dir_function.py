# dir(module) calls a module-level __dir__() (PEP 562), as `stackless` uses for its computed
# names (current, main, runcount ...); we listed the namespace instead.
import importlib, os, shutil, sys, tempfile, types

d = tempfile.mkdtemp()
with open(os.path.join(d, "mod_with_dir_562.py"), "w") as f:
    f.write("def __dir__():\n    return ['a', 'zz']\nx = 1\n")
sys.path.insert(0, d)
m = importlib.import_module("mod_with_dir_562")
print(dir(m), m.__dir__())
n = types.ModuleType("n")
n.__dir__ = lambda: ("q", "b")
print(dir(n))
n.__dir__ = lambda: 5
try:
    dir(n)
except TypeError as e:
    print("TypeError", e)
del n.__dir__
print(dir(n))
shutil.rmtree(d)
