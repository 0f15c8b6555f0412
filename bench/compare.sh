#!/usr/bin/env bash
# Compares two builds (or two sets of JVM options) on one signon command, as whole processes,
# in alternation: A, B, A, B... Other engineers share the 2 cores and the machine's speed drifts
# by 10-30% from one minute to the next, so timing A for a while and then B for a while measures
# the drift; alternating runs measure the builds in the same minutes. Prints, for each side, the
# median wall time and the median CPU time (user + system, all threads: the JIT and GC included),
# which drifts less than wall time and shows work moved to another thread rather than saved.
# Usage: bash bench/compare.sh A.jar B.jar RUNS -- SIGNON-ARGS...
#   e.g. bash bench/compare.sh /tmp/base.jar target/signon.jar 9 -- render L.md --format html
# JAVA_OPTS_A / JAVA_OPTS_B are passed to java for each side (e.g. to compare JVM options with
# the same jar twice). Standard output of signon is discarded; a failed run stops the comparison.
set -euo pipefail
[ $# -ge 5 ] && [ "$4" = "--" ] || { echo "usage: bash bench/compare.sh A.jar B.jar RUNS -- SIGNON-ARGS..." >&2; exit 64; }
jar_a=$1
jar_b=$2
runs=$3
shift 4
for jar in "$jar_a" "$jar_b"; do
  [ -f "$jar" ] || { echo "bench: $jar missing" >&2; exit 66; }
done
stats=$(mktemp)
trap 'rm -f "$stats"' EXIT
walls_a=() walls_b=() cpus_a=() cpus_b=()

# run SIDE JAR OPTS: one timed run, its wall and CPU seconds appended to SIDE's lists
run() {
  local side=$1 jar=$2 opts=$3 wall user sys
  # shellcheck disable=SC2086 # the options are words on purpose
  /usr/bin/time -o "$stats" -f '%e %U %S' java $opts -jar "$jar" "${args[@]}" >/dev/null 2>&1 \
    || { echo "bench: failed: java $opts -jar $jar ${args[*]}" >&2; cat "$stats" >&2; exit 1; }
  read -r wall user sys < <(tail -n 1 "$stats")
  if [ "$side" = a ]; then
    walls_a+=("$wall"); cpus_a+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')")
  else
    walls_b+=("$wall"); cpus_b+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')")
  fi
}

# median VALUES...: "X.XXX (min X.XXX, max X.XXX)"
median() {
  printf '%s\n' "$@" | sort -n | awk '
    { t[NR] = $1 }
    END {
      m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
      printf "%.3f s (min %.3f, max %.3f)", m, t[1], t[NR]
    }'
}

args=("$@")
for ((i = 0; i < runs; i++)); do
  run a "$jar_a" "${JAVA_OPTS_A:-}"
  run b "$jar_b" "${JAVA_OPTS_B:-}"
done
echo "A $jar_a ${JAVA_OPTS_A:-}: wall $(median "${walls_a[@]}"), cpu $(median "${cpus_a[@]}"), $runs runs"
echo "B $jar_b ${JAVA_OPTS_B:-}: wall $(median "${walls_b[@]}"), cpu $(median "${cpus_b[@]}"), $runs runs"
echo "A walls: ${walls_a[*]}"
echo "B walls: ${walls_b[*]}"
