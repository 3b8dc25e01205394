#!/usr/bin/env python3
"""Tries `import X` under StacklessIron for every top-level module of the standard library
(/usr/lib/python3.11: *.py files and packages), each in its own process with a time limit,
and classifies the failures: a missing native module (the name of the C module that is not
written yet) versus any other error (an engine bug or gap), plus time-outs and crashes.

usage: tools/import_sweep.py [-j JOBS] [-t SECONDS] [--verbose] [module ...]
Prints one line per failing module, then the counts.
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys

LIB = "/usr/lib/python3.11"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HOST = os.path.join(ROOT, "src", "Host", "bin", "Release", "net10.0", "stackless-iron.dll")
# Importing these has effects outside the process (a web browser) or is not a module to import.
SKIP = {"antigravity", "__main__", "__phello__", "idlelib", "test", "lib2to3", "ensurepip", "turtledemo", "tkinter", "turtle"}


def stdlib_modules():
    names = set()
    for entry in os.listdir(LIB):
        path = os.path.join(LIB, entry)
        if entry.endswith(".py"):
            names.add(entry[:-3])
        elif os.path.isdir(path) and os.path.exists(os.path.join(path, "__init__.py")):
            names.add(entry)
    return sorted(n for n in names if n.isidentifier() and n not in SKIP)


def is_stdlib_python_module(name):
    top = name.split(".")[0]
    return os.path.exists(os.path.join(LIB, top + ".py")) or os.path.isdir(os.path.join(LIB, top))


def classify(name, timeout):
    try:
        p = subprocess.run(["dotnet", HOST, "-c", f"import {name}"], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return name, "timeout", f"no result in {timeout}s"
    if p.returncode == 0:
        return name, "ok", ""
    lines = [l for l in p.stderr.strip().splitlines() if l.strip()]
    last = lines[-1] if lines else f"exit status {p.returncode}, no message"
    m = re.match(r"ModuleNotFoundError: No module named '([\w.]+)'", last)
    if m and not is_stdlib_python_module(m.group(1)):
        return name, "native", m.group(1)
    if "no os specific module found" in last:
        return name, "native", "posix"
    m = re.search(r"Failed to load the builtin codecs: No module named '(\w+)'", last)
    if m:
        return name, "native", m.group(1)
    # Names a native module provides to a Python one (builtins.open from _io, ...).
    for what, native in (("'open' from 'builtins'", "_io"), ("'defaultdict' from 'collections'", "_collections"),
                         ("'deque' from 'collections'", "_collections")):
        if f"cannot import name {what}" in last:
            return name, "native", native
    if "was not built as part of CPython" in last:
        return name, "native", name
    m = re.match(r"ImportError: cannot import name '(\w+)' from '(_[\w.]+)'", last)
    if m:
        return name, "native", f"{m.group(2)}.{m.group(1)}"
    if not re.match(r"\w+(\.\w+)*(Error|Exception|Exit|Warning|Interrupt)\b", last):
        return name, "crash", last
    return name, "error", last


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("-t", type=float, default=60)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("modules", nargs="*")
    a = ap.parse_args()
    if not os.path.exists(HOST):
        sys.exit(f"build first: {HOST} is missing")
    names = a.modules or stdlib_modules()
    results = []
    with concurrent.futures.ThreadPoolExecutor(a.j) as pool:
        for r in pool.map(lambda n: classify(n, a.t), names):
            results.append(r)
            if r[1] != "ok" or a.verbose:
                print(f"{r[1]:8} {r[0]:28} {r[2]}", flush=True)
    counts = {}
    for _, kind, _ in results:
        counts[kind] = counts.get(kind, 0) + 1
    missing = {}
    for _, kind, what in results:
        if kind == "native":
            missing[what] = missing.get(what, 0) + 1
    print()
    print("missing native modules (modules blocked):", ", ".join(f"{k} ({v})" for k, v in sorted(missing.items(), key=lambda kv: -kv[1])))
    print(f"{len(results)} modules: " + ", ".join(f"{k} {counts.get(k, 0)}" for k in ("ok", "native", "error", "timeout", "crash")))


if __name__ == "__main__":
    main()
