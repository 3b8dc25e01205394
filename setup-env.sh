#!/usr/bin/env bash
# Idempotent set-up on a fresh Debian 12 machine: installs what is missing
# (CPython 3.11 as the oracle, its standard library and test suite), restores
# NuGet packages and builds Release. Safe to run any number of times.
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
[ -x /usr/bin/python3.11 ] || need_apt+=(python3.11)
[ -f /usr/lib/python3.11/os.py ] || need_apt+=(libpython3.11-stdlib)
[ -f /usr/lib/python3.11/test/test_grammar.py ] || need_apt+=(libpython3.11-testsuite)
if [ ${#need_apt[@]} -gt 0 ]; then
    echo "setup-env: installing ${need_apt[*]}"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
    echo "setup-env: the .NET SDK (10) is required and not on PATH" >&2
    exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet restore StacklessIron.sln --nologo -v q
dotnet build StacklessIron.sln -c Release --no-restore --nologo -v q -clp:ErrorsOnly
echo "setup-env: ready"
