#!/usr/bin/env python3
"""Runs modules of CPython 3.11's own test suite (/usr/lib/python3.11/test) under StacklessIron,
each in its own process with a time limit, and prints one line per module: tests run, passed,
failures, errors, skipped (or why the module stopped: import error, crash, time-out), and a total.

usage: tools/cpython_tests.py [-j JOBS] [-t SECONDS] [--log DIR] [--cpython] [--top N] [--host DLL] [module ...]
  module     test module names (test_int or int); default: the core-language list below
  --cpython  also run each module under python3.11 and show its count of tests run (the
             reference: a module that stops early runs fewer tests than CPython does)
  --log DIR  keep each module's output (failures with tracebacks) in DIR/<module>.txt
  --top N    after the table, the N most frequent last lines of failure/error tracebacks
  --host DLL another build of the host (e.g. main's, for a before/after table)
Runs with the host in src/Host/bin/Release (build first: dotnet build -c Release).
"""
import argparse
import collections
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HOST = os.path.join(ROOT, "src", "Host", "bin", "Release", "net10.0", "stackless-iron.dll")
DRIVER = os.path.join(ROOT, "tools", "cpython_test_driver.py")
CPYTHON = "/usr/bin/python3.11"

CORE = """grammar int long float bool complex list tuple dict set str unicode string bytes format
fstring class descr super scope generators exceptions exception_group with contextlib iter
itertools functools collections enum dataclasses math builtin types unpack slice range sort
augassign compare richcmp opcodes keywordonlyarg positional_only_arg raise baseexception property
genexps listcomps setcomps dictcomps userlist userdict userstring deque defaultdict ordered_dict
heapq bisect operator abc copy pow binop contains extcall dictviews index isinstance
named_expressions patma unary string_literals syntax print int_literal decorators
global memoryview statistics fractions decimal struct textwrap re""".split()


def run_module(argv, name, timeout):
    """Runs the driver for test.NAME with argv; returns (counts, status, output)."""
    fd, progress = tempfile.mkstemp(prefix=f"cpt-{name}-")
    os.close(fd)
    env = dict(os.environ, PYTHONHASHSEED="0", DOTNET_CLI_TELEMETRY_OPTOUT="1")
    started = time.monotonic()
    try:
        proc = subprocess.run(argv + [DRIVER, name, progress], capture_output=True, text=True,
                              errors="replace", timeout=timeout, env=env, cwd=ROOT,
                              stdin=subprocess.DEVNULL)
        output, code, status = proc.stdout + proc.stderr, proc.returncode, None
    except subprocess.TimeoutExpired as e:
        output = (e.stdout or b"").decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        code, status = None, f"time-out after {timeout:.0f} s"
    elapsed = time.monotonic() - started
    with open(progress, errors="replace") as f:
        lines = f.read().splitlines()
    os.unlink(progress)
    counts = collections.Counter(line.split(" ", 1)[0] for line in lines)
    if status is None and "done" not in counts:
        last = [l for l in output.strip().splitlines() if l.strip()]
        why = last[-1].strip() if last else f"exit status {code}"
        status = ("import: " if not lines else f"crash (exit {code}): ") + why[:110]
    elif "skipmodule" in counts:
        status = "module skipped: " + next(l for l in lines if l.startswith("skipmodule"))[11:][:90]
    return counts, status, output, elapsed


def tests_run(c):
    # Subtest failures are counted as failures of their test; a test counts once.
    return c["ok"] + c["fail"] + c["error"] + c["skip"] + c["xfail"] + c["xpass"]


def failure_lines(output):
    """The last line of each failure/error traceback in unittest's report."""
    result = []
    for block in re.split(r"^={50,}$", output, flags=re.M)[1:]:
        body = block.split("-" * 70, 1)[-1]
        lines = [l for l in body.strip().splitlines() if l.strip() and not l.startswith("-" * 20)]
        # The report ends with the summary ("Ran N tests ..."); drop it from the last block.
        cut = next((i for i, l in enumerate(lines) if re.match(r"Ran \d+ tests? in", l)), None)
        if cut is not None:
            lines = lines[:cut]
        if lines:
            result.append(re.sub(r"0x[0-9a-f]+", "0x..", lines[-1].strip())[:150])
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("modules", nargs="*")
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("-t", "--timeout", type=float, default=180)
    ap.add_argument("--log")
    ap.add_argument("--cpython", action="store_true")
    ap.add_argument("--top", type=int, default=0)
    ap.add_argument("--host", default=HOST)
    args = ap.parse_args()
    names = list(dict.fromkeys(m if m.startswith("test_") else "test_" + m for m in (args.modules or CORE)))
    names = [n for n in names if os.path.exists(f"/usr/lib/python3.11/test/{n}.py")
             or os.path.isdir(f"/usr/lib/python3.11/test/{n}")]
    if not os.path.exists(args.host):
        sys.exit(f"no host at {args.host}: build first (dotnet build StacklessIron.sln -c Release)")
    if args.log:
        os.makedirs(args.log, exist_ok=True)

    def job(name):
        ours = run_module(["dotnet", args.host], name, args.timeout)
        ref = run_module([CPYTHON], name, args.timeout) if args.cpython else None
        return name, ours, ref

    header = f"{'module':<28}{'run':>6}{'pass':>6}{'fail':>6}{'error':>6}{'skip':>6}"
    header += f"{'cpy':>6}" if args.cpython else ""
    print(header + "   time  status", flush=True)
    totals = collections.Counter()
    complete = 0
    tops = collections.Counter()
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for name, (c, status, output, elapsed), ref in pool.map(job, names):
            run = tests_run(c)
            passed = c["ok"] + c["xfail"]
            line = f"{name:<28}{run:>6}{passed:>6}{c['fail'] + c['xpass']:>6}{c['error']:>6}{c['skip']:>6}"
            if ref is not None:
                line += f"{tests_run(ref[0]):>6}"
                totals["cpython"] += tests_run(ref[0])
            line += f"{elapsed:>7.1f}  " + (status or "complete")
            print(line, flush=True)
            totals["run"] += run
            totals["pass"] += passed
            totals["fail"] += c["fail"] + c["xpass"]
            totals["error"] += c["error"]
            totals["skip"] += c["skip"]
            complete += status is None
            if args.log:
                with open(os.path.join(args.log, name + ".txt"), "w") as f:
                    f.write(output)
            for l in failure_lines(output):
                tops[l] += 1
            if status and not status.startswith("module skipped"):
                tops["[module] " + status[:150]] += 1
    line = f"{'total':<28}{totals['run']:>6}{totals['pass']:>6}{totals['fail']:>6}{totals['error']:>6}{totals['skip']:>6}"
    if args.cpython:
        line += f"{totals['cpython']:>6}"
    print(line + f"         {complete}/{len(names)} modules complete")
    if args.top:
        print(f"\nmost frequent failure/error lines:")
        for text, n in tops.most_common(args.top):
            print(f"{n:>5}  {text}")


if __name__ == "__main__":
    main()
