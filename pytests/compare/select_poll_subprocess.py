# select.select / select.poll over pipes, selectors, and subprocess (which stands on them).
import os, select, selectors, subprocess, sys

r, w = os.pipe()
print(select.select([r], [w], [], 0) == ([], [w], []))
os.write(w, b"x")
print(select.select([r], [], [], 1.5) == ([r], [], []))
p = select.poll()
p.register(r, select.POLLIN)
p.register(w, select.POLLOUT)
print(sorted(p.poll(0)) == sorted([(r, select.POLLIN), (w, select.POLLOUT)]))
p.modify(w, select.POLLIN)
print(p.poll(10) == [(r, select.POLLIN)])
p.unregister(w)
try:
    p.unregister(w)
except KeyError as e:
    print("KeyError", e.args[0] == w)
try:
    p.modify(12345, select.POLLIN)
except OSError as e:
    print(type(e).__name__, e.errno)
for bad in [(-1,), ("x",)]:
    try:
        select.select(*([list(bad)] + [[], [], 0]))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for t in [-1, "1"]:
    try:
        select.select([], [], [], t)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
os.read(r, 1)
os.close(w)
print(select.select([r], [], [], 0)[0] == [r], os.read(r, 10))
os.close(r)

class F:
    def __init__(self, fd): self.fd = fd
    def fileno(self): return self.fd
r, w = os.pipe()
print(select.select([], [F(w)], [], 0)[1][0].fd == w)
sel = selectors.DefaultSelector()
sel.register(r, selectors.EVENT_READ, "data")
print(sel.select(0))
os.write(w, b"hi")
print([(k.fd == r, k.data, ev) for k, ev in sel.select(1)])
sel.close(); os.close(r); os.close(w)

out = subprocess.run(["/bin/echo", "hello", "world"], capture_output=True, text=True)
print(out.returncode, repr(out.stdout))
out = subprocess.run(["/bin/sh", "-c", "cat; echo err >&2; exit 3"], input=b"piped\n", capture_output=True)
print(out.returncode, out.stdout, out.stderr)
print(subprocess.check_output(["/bin/sh", "-c", "printf %s abc"]))
try:
    subprocess.check_call(["/bin/sh", "-c", "exit 2"])
except subprocess.CalledProcessError as e:
    print("CalledProcessError", e.returncode)
