#!/usr/bin/env bash
# Times `signon render` to PDF (5,000 signers; target <= 10 s) and to HTML (100,000 signers;
# target <= 2 s), each as a whole process, and prints the PDF's page count.
# Usage: bash bench/formats-bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

java bench/GenerateSigners.java 5000 "$work/s5k.csv"
java bench/GenerateSigners.java 100000 "$work/s100k.csv"
sed -e "s|^signers:.*|signers: $work/s5k.csv|" letters/hart-aws.md > "$work/l5k.md"
sed -e "s|^signers:.*|signers: $work/s100k.csv|" letters/hart-aws.md > "$work/l100k.md"

"${signon[@]}" render "$work/l5k.md" -o "$work/l5k.pdf"
pages=$(pdfinfo "$work/l5k.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')  # pdfinfo: Debian poppler-utils
echo "PDF of 5,000 signers: $pages pages, $(wc -c < "$work/l5k.pdf") bytes"
measure "render pdf, 5000 signers" "$runs" "${signon[@]}" render "$work/l5k.md" -o "$work/out.pdf"
measure "render html, 100000 signers" "$runs" "${signon[@]}" render "$work/l100k.md" -o "$work/out.html"
