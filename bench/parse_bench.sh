#!/usr/bin/env bash
# Parses every .py file under DIR (default /usr/lib/python3.11) with ours and with CPython's
# ast.parse, over the same files (those CPython accepts), and prints one line:
#   parse files=N bytes=B ours_s=X cpython_s=Y ratio=X/Y skipped=K ours_rejected=R
# Times are in-process (files read first, start-up excluded), best of 3 runs on each side.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
dir="${1:-/usr/lib/python3.11}"
python="${PYTHON311:-/usr/bin/python3.11}"
list="$(mktemp)"
trap 'rm -f "$list"' EXIT

theirs="$("$python" -I "$here/parse_cpython.py" "$dir" "$list")"
ours="$("$repo/stackless-iron" --parse-bench "$dir" --files "$list")"

field() { sed -n "s/.*\b$2=\([^ ]*\).*/\1/p" <<<"$1"; }
files="$(field "$theirs" files)"
ours_files="$(field "$ours" files)"
if [ "$files" != "$ours_files" ]; then
    echo "parse_bench: file counts differ (cpython $files, ours $ours_files)" >&2
    exit 1
fi
awk -v f="$files" -v b="$(field "$theirs" bytes)" -v o="$(field "$ours" best_s)" \
    -v c="$(field "$theirs" best_s)" -v k="$(field "$theirs" skipped)" -v r="$(field "$ours" rejected)" -v x="$(field "$ours" crashed)" \
    'BEGIN { printf "parse files=%s bytes=%s ours_s=%.3f cpython_s=%.3f ratio=%.2f skipped=%s ours_rejected=%s ours_crashed=%s\n", f, b, o, c, o / c, k, r, x }'
