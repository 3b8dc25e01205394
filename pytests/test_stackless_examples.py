# The users' programs in examples/ run in a new process of this engine and must print
# exactly what Stackless 3.7.5 printed for them (examples/expected/*.out, recorded with the
# reference: /tmp/slp-install/bin/python3 examples/NAME.py > examples/expected/NAME.out).
# stderr (CPU timings) is not compared.
import os
import subprocess

from host_process import host

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "examples")
EXPECTED = os.path.join(EXAMPLES, "expected")


def run_example(name):
    r = subprocess.run(host() + [os.path.join(EXAMPLES, name + ".py")], cwd=EXAMPLES,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    with open(os.path.join(EXPECTED, name + ".out"), "rb") as f:
        expected = f.read()
    if r.stdout != expected or r.returncode != 0:
        import difflib
        diff = "".join(difflib.unified_diff(expected.decode(errors="replace").splitlines(True),
                                            r.stdout.decode(errors="replace").splitlines(True),
                                            "stackless-3.7.5", "ours"))
        raise AssertionError("%s: rc %d\n%s\nstderr:\n%s" % (name, r.returncode, diff,
                                                             r.stderr.decode(errors="replace")[-2000:]))


failures = []
names = sorted(f[:-4] for f in os.listdir(EXPECTED) if f.endswith(".out"))
assert len(names) >= 11, names
for n in names:
    try:
        run_example(n)
    except AssertionError as e:
        failures.append(str(e))
assert not failures, "\n".join(failures)
print("ok", len(names))
