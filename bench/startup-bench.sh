#!/usr/bin/env bash
# Times `signon --version` and `signon --help` as whole processes (JVM start included).
# Target for --version: median <= 0.3 s on a 2-core machine.
# Usage: bash bench/startup-bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
runs=${1:-11}
measure "signon --version" "$runs" "${signon[@]}" --version
measure "signon --help" "$runs" "${signon[@]}" --help
