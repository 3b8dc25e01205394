# sys.stdout/sys.stderr are TextIOWrappers over file descriptors 1 and 2: attributes, write
# return values, the binary buffer underneath (flushed in order), print's keywords. (What
# depends on the environment, PYTHONUNBUFFERED and the locale, is not printed.)
import sys, io

out = sys.stdout
print(type(out).__name__, out.name, out.mode, out.encoding, out.closed, out.fileno(), out.isatty(), out.writable(), out.readable())
print(out.buffer.mode, out.buffer.name)
err = sys.stderr
print(err.name, err.errors, err.fileno(), sys.__stdout__ is out, sys.__stderr__ is err)
print(out.write("written\n"), out.write("\u00e9\u20ac\n"))
out.flush()
out.buffer.write(b"bytes via buffer\n")
out.buffer.flush()
print("a", "b", sep="-", end="|\n")
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print(*range(5), sep=", ")
print()
print(None, 1.5, [1, "x"], {"k": (1,)})
sys.stdout = io.StringIO()
print("captured")
captured = sys.stdout.getvalue()
sys.stdout = out
print(repr(captured))
try:
    print("x", sep=3)
except TypeError as e:
    print("TypeError", e)
try:
    out.write(b"bytes")
except TypeError as e:
    print("TypeError", e)
out.write("no newline at the end")
