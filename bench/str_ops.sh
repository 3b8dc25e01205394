#!/usr/bin/env bash
# Runs bench/str_ops.py under ./stackless-iron and python3.11 alternately (ROUNDS times, 3 by
# default) and prints, per operation, the best ns/op of each and the ratio ours/reference.
# Usage: bench/str_ops.sh [iterations]
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
ref="${REF:-/usr/bin/python3.11}"
n="${1:-200000}"
tmp="$(mktemp -d)"
for r in $(seq "${ROUNDS:-3}"); do
    "$ref" "$here/str_ops.py" "$n" >> "$tmp/ref"
    "$root/stackless-iron" "$here/str_ops.py" "$n" >> "$tmp/ours"
done
best() { awk '{ if (!($1 in m) || $2 < m[$1]) m[$1] = $2 } END { for (k in m) print k, m[k] }' "$1" | sort; }
join <(best "$tmp/ref") <(best "$tmp/ours") | awk '{ printf "%-14s ref=%8.1f ours=%8.1f ratio=%6.2f\n", $1, $2, $3, ($2 > 0 ? $3 / $2 : 0) }'
rm -rf "$tmp"
