#!/usr/bin/env bash
# VM micro-benchmarks: runs each bench/vm_*.py under CPython 3.11 and under the engine and
# prints one line per benchmark with CPU seconds (user+sys, so a loaded machine does not skew
# the figures) and the ratio. Engine start-up (~0.1 s) is included in its figure.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
host="$here/../src/Host/bin/Release/net10.0/stackless-iron.dll"
[ -f "$host" ] || dotnet build "$here/../src/Host/StacklessIron.Host.csproj" -c Release --nologo -v q >&2
cpu() { /usr/bin/time -f "%U %S" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.2f", $1 + $2}'; }
for f in "$here"/vm_*.py; do
    name=$(basename "$f" .py)
    py=$(cpu python3.11 "$f")
    si=$(cpu dotnet "$host" "$f")
    echo "$name cpython=${py}s stackless-iron=${si}s ratio=$(awk -v a="$si" -v b="$py" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
done
