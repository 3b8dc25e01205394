"""Runs Python source in a new process of the build under test, for the tests whose subject
is a whole process: its exit status, what it prints when it ends, signals between threads.
Imported by the test files (not a test file itself: cstests/PyTestFiles runs test_*.py)."""
import os
import subprocess
import sys
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def host():
    # the apphost of the build under test (sys.executable is the test runner under NUnit);
    # STACKLESS_HOST=/tmp/slp-install/bin/python3 checks the expectations on the reference
    if os.environ.get("STACKLESS_HOST"):
        return [os.environ["STACKLESS_HOST"]]
    for rel in ("src/Host/bin/Release/net10.0/stackless-iron", "src/Host/bin/Debug/net10.0/stackless-iron"):
        p = os.path.join(ROOT, rel)
        if os.path.exists(p):
            return [p]
    return [sys.executable]


def run(src, timeout=120):
    """(exit status, stdout, stderr) of `host -c src` (src dedented)."""
    r = subprocess.run(host() + ["-c", textwrap.dedent(src)], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=timeout)
    return r.returncode, r.stdout.decode(), r.stderr.decode()
