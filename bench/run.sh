#!/usr/bin/env bash
# Runs each benchmark under ./stackless-iron and under a reference interpreter
# (python3.11 by default, REF=... to change) in the same run, and prints one line
# per benchmark: name, both times, and the ratio ours/reference.
# Usage: bench/run.sh [bench.py ...]
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
ref="${REF:-python3.11}"
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$here"/fib.py "$here"/loops.py "$here"/methods.py "$here"/strings.py "$here"/generators.py "$here"/bigint.py)
secs() { sed -n 's/.*seconds=\([0-9.]*\).*/\1/p'; }
for f in "${files[@]}"; do
    name=$(basename "$f" .py)
    theirs=$("$ref" "$f" 2>&1 | tail -n 1)
    ours=$("$root/stackless-iron" "$f" 2>&1 | tail -n 1)
    t_ref=$(echo "$theirs" | secs); t_ours=$(echo "$ours" | secs)
    if [ -n "$t_ref" ] && [ -n "$t_ours" ]; then
        ratio=$(python3 -c "print('%.2f' % ($t_ours / $t_ref))")
        check_same=$([ "${ours##*check=}" = "${theirs##*check=}" ] && echo yes || echo NO)
        echo "$name ours_s=$t_ours ref_s=$t_ref ratio=$ratio same_result=$check_same"
    else
        echo "$name FAILED ours: ${ours:0:200} | ref: ${theirs:0:200}"
    fi
done
