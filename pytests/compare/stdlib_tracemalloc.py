# tracemalloc while not tracing (the engine never traces: see TracemallocModule): the module
# imports, answers every query as CPython does before start(), validates start()'s frame
# count, and warnings that carry a source object still format.
import io, tracemalloc, warnings
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc.get_traceback_limit())
obj = [1, 2, 3]
print(tracemalloc.get_object_traceback(obj))
tracemalloc.clear_traces(); tracemalloc.reset_peak(); tracemalloc.stop()
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print("RuntimeError:", e)
for n in (0, -1, 65536):
    try:
        tracemalloc.start(n)
    except ValueError as e:
        print("ValueError:", e)
print(isinstance(tracemalloc.get_tracemalloc_memory(), int))
msg = warnings.WarningMessage("unclosed thing", ResourceWarning, "f.py", 3, source=obj)
print(warnings._formatwarnmsg_impl(msg).splitlines()[0])
f = io.StringIO()
with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.showwarning = lambda *a, **k: f.write(warnings.formatwarning(*a[:4]))
    warnings.warn("deprecated", DeprecationWarning, source=obj)
print(f.getvalue().split(":", 2)[2].strip())
