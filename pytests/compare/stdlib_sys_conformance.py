# sys behaviours CPython's test_sys checks: exit() with a tuple, intern() keeping a new str,
# dlopen flags, stdlib_module_names, _current_exceptions of a waiting thread, orig_argv,
# is_finalizing() in a __del__ at exit, and death by SIGINT after an uncaught KeyboardInterrupt.
import subprocess, sys, threading, traceback
for arg in ((42,), (), (1, 2), 7, "text", None):
    try: sys.exit(arg)
    except SystemExit as e: print(repr(arg), "->", repr(e.code), e.args)
s = "never interned before " + str(len(sys.argv) * 12345)
print(sys.intern(s) is s, sys.intern(s.swapcase().swapcase()) is s)
old = sys.getdlopenflags(); sys.setdlopenflags(old + 1)
print(sys.getdlopenflags() == old + 1); sys.setdlopenflags(old)
names = sys.stdlib_module_names
print(type(names).__name__, all(n in names for n in ("os", "sys", "_datetime", "asyncio", "tkinter")), "numpy" in names)
entered, leave = threading.Event(), threading.Event()
def f123():
    try: raise ValueError("oops")
    except ValueError:
        entered.set(); leave.wait()
t = threading.Thread(target=f123); t.start(); entered.wait()
d = sys._current_exceptions()
print(d.pop(threading.get_ident()), sorted(d) == [t.ident])
typ, val, tb = d[t.ident]
print(typ.__name__, val, [fs.name for fs in traceback.extract_stack(tb.tb_frame)][-2:])
leave.set(); t.join()
p = subprocess.run([sys.executable, "-c", "import sys; print(sys.orig_argv[0] == sys.executable, sys.orig_argv[1:])", "arg"], capture_output=True, text=True)
print(p.stdout.strip())
p = subprocess.run([sys.executable, "-c", """if 1:
    import sys, atexit
    atexit.register(lambda: print("atexit", sys.is_finalizing(), flush=True))
    class AtExit:
        is_finalizing = sys.is_finalizing
        print = print
        def __del__(self): self.print("__del__", self.is_finalizing(), flush=True)
    ref = AtExit()
    print("running", sys.is_finalizing())"""], capture_output=True, text=True)
print(p.stdout.split())
p = subprocess.run([sys.executable, "-c", "raise KeyboardInterrupt"], capture_output=True, text=True)
print(p.returncode, p.stderr.strip().splitlines()[-1])
