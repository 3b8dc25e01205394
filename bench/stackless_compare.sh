#!/usr/bin/env bash
# Runs the Stackless workloads (pingpong, hackysack, spawn) on StacklessIron and, when
# present, on a reference Stackless build (SLP=/path/to/stackless/python3), one line each.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
ours="$here/../stackless-iron"   # the launcher: the ReadyToRun build users run
slp="${SLP:-/tmp/slp-install/bin/python3}"
for b in pingpong hackysack spawn tasklet_memory; do
    printf 'ours:      '; $ours "$here/$b.py"
    if [ -x "$slp" ]; then printf 'reference: '; "$slp" "$here/$b.py"; fi
done
