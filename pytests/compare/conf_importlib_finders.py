# importlib's own entry points search sys.meta_path (CPython's test.support imports modules
# through importlib.import_module): modules found and loaded that way, specs of modules that
# the import statement loaded, reload, and pkgutil's walk over sys.path.
import sys
import heapq          # imported by the statement before importlib is loaded
import importlib
import importlib.util
import pkgutil

print([n for n in (getattr(f, "__name__", "") for f in sys.meta_path) if n.endswith(("Importer", "PathFinder"))])
print(any("FileFinder" in getattr(h, "__qualname__", "") for h in sys.path_hooks))
print(importlib.import_module("textwrap").dedent("  x\n  y"))
print(importlib.import_module(".decoder", "json").__name__)
print(importlib.import_module("_heapq").__spec__.origin)
spec = heapq.__spec__
print(spec.name, spec.origin, spec.parent == "", heapq.__loader__ is spec.loader)
print(importlib.util.find_spec("json").submodule_search_locations)
print(importlib.util.find_spec("sys").origin, importlib.util.find_spec("no_such_module_x"))
import xml.dom
print(xml.dom.__spec__.parent, xml.dom.__spec__.name)
sys.modules.pop("colorsys", None)
fresh = importlib.import_module("colorsys")
print(fresh is sys.modules["colorsys"], fresh.__spec__.name, fresh.rgb_to_hsv(1.0, 0.0, 0.0))
heapq.extra = 1
again = importlib.reload(heapq)
print(again is heapq, hasattr(again, "heappush"))
try:
    importlib.import_module("no_such_module_x")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e.name)
names = {m.name for m in pkgutil.iter_modules()}
print("json" in names, "heapq" in names, "test" in names)
print(sorted(m.name for m in pkgutil.iter_modules(importlib.import_module("json").__path__)))
