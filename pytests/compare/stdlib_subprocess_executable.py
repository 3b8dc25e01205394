# sys.executable runs Python code with python's own arguments (-c, -m), as subprocess users expect.
import subprocess
import sys

r = subprocess.run([sys.executable, "-c", "import sys; print(6 * 7, sys.argv[1:])", "a", "b"],
                   capture_output=True, text=True)
print(r.returncode, r.stdout.strip())
r = subprocess.run([sys.executable, "-m", "json.tool", "--sort-keys"], input='{"b": [1, 2], "a": null}',
                   capture_output=True, text=True)
print(r.returncode, r.stdout)
r = subprocess.run([sys.executable, "-c", "raise SystemExit(3)"])
print(r.returncode)
