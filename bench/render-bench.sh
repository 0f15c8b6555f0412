#!/usr/bin/env bash
# Times `signon render` to text of a letter with 100,000 signers, as a whole process (JVM start
# included). Target: median <= 1.5 s, peak RSS <= 512 MB on a 2-core machine.
# Usage: bash bench/render-bench.sh [ROWS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
rows=${1:-100000}
runs=${2:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

java bench/GenerateSigners.java "$rows" "$work/signers.csv"
sed -e "s|^signers:.*|signers: $work/signers.csv|" letters/hart-aws.md > "$work/letter.md"

"${signon[@]}" render "$work/letter.md" > "$work/out.txt"
echo "rendered $(grep -c '^- ' "$work/out.txt") signer lines from $rows rows"
measure "render text, $rows signers" "$runs" "${signon[@]}" render "$work/letter.md"
