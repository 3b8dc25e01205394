#!/usr/bin/python3.11
"""CPython's side of bench/parse_bench.sh.

parse_cpython.py DIR ACCEPTED_LIST [REPEAT]: reads every .py file under DIR (sorted by relative
path, symlinked folders not entered), writes to ACCEPTED_LIST the relative paths of those that
ast.parse accepts, then times ast.parse over exactly those, REPEAT times (default 3), and prints
`cpython files=N bytes=B best_s=X first_s=Y skipped=K` (K: files CPython rejects, left out).
"""
import ast
import os
import sys
import time
import warnings


def python_files(root):
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        files.extend(os.path.join(dirpath, n) for n in filenames if n.endswith(".py"))
    files.sort(key=lambda p: os.path.relpath(p, root))
    return files


def main(argv):
    if len(argv) not in (3, 4):
        sys.stderr.write(__doc__)
        return 2
    root, list_path = argv[1], argv[2]
    repeat = int(argv[3]) if len(argv) == 4 else 3
    warnings.simplefilter("ignore")  # DeprecationWarning for invalid escapes: not what is timed
    sources = []
    for path in python_files(root):
        with open(path, "rb") as f:
            sources.append((os.path.relpath(path, root), f.read()))
    accepted = []
    for rel, data in sources:
        try:
            ast.parse(data)
            accepted.append((rel, data))
        except (SyntaxError, ValueError, MemoryError, RecursionError):
            pass
    with open(list_path, "w", encoding="utf-8") as f:
        f.writelines(rel + "\n" for rel, _ in accepted)
    datas = [d for _, d in accepted]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for data in datas:
            ast.parse(data)
        times.append(time.perf_counter() - start)
    print(f"cpython files={len(datas)} bytes={sum(map(len, datas))} best_s={min(times):.3f} "
          f"first_s={times[0]:.3f} skipped={len(sources) - len(datas)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
