# Imports the native search does not see, as CPython finds them: modules and packages in a
# zip archive on sys.path (zipimport), and a module a finder on sys.meta_path provides.
import importlib.abc
import importlib.util
import os
import sys
import tempfile
import zipfile

d = tempfile.mkdtemp()
z = os.path.join(d, "lib.zip")
with zipfile.ZipFile(z, "w") as f:
    f.writestr("zmod.py", "X = 42\n")
    f.writestr("zpkg/__init__.py", "from .sub import Y\n")
    f.writestr("zpkg/sub.py", "Y = 'y'\ndef where():\n    return __name__\n")
sys.path.insert(0, z)
import zmod
import zpkg
import zpkg.sub
print(zmod.X, zpkg.Y, zpkg.sub.where())
print(os.path.relpath(zmod.__file__, d), type(zmod.__loader__).__name__)
print([os.path.relpath(p, d) for p in zpkg.__path__])
try:
    import zmissing
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e.name)


class Virtual(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, name, path, target=None):
        if name.startswith("virtual_"):
            return importlib.util.spec_from_loader(name, self)
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.made_by = "Virtual"
        module.name_seen = module.__name__


sys.meta_path.append(Virtual())
import virtual_one
from virtual_two import made_by
print(virtual_one.name_seen, made_by, "virtual_one" in sys.modules)
try:
    import not_virtual
except ImportError as e:
    print(type(e).__name__, e.name)
