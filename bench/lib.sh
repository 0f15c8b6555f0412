# Shared helpers for the bench scripts: run a command N times as a whole process and report
# the median wall time and the peak resident memory. Source it; do not run it.

# measure LABEL RUNS CMD...: prints "LABEL: median X.XXX s (min, max), peak RSS N MB"
measure() {
  local label=$1 runs=$2
  shift 2
  local times=() peak=0 i out secs kb stats
  stats=$(mktemp)
  for ((i = 0; i < runs; i++)); do
    # A failed run is no figure: stop rather than time an early exit.
    /usr/bin/time -o "$stats" -f '%e %M' "$@" >/dev/null 2>&1 || { echo "bench: failed: $*" >&2; cat "$stats" >&2; rm -f "$stats"; exit 1; }
    out=$(tail -n 1 "$stats")
    secs=${out% *}
    kb=${out#* }
    times+=("$secs")
    ((kb > peak)) && peak=$kb
  done
  rm -f "$stats"
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" -v peak="$peak" '
    { t[NR] = $1 }
    END {
      m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
      printf "%s: median %.3f s (min %.3f, max %.3f, %d runs), peak RSS %d MB\n", label, m, t[1], t[NR], NR, peak / 1024
    }'
}

# send_contacts N FILE: N contacts for a personalized send (name, email, a column the letter
# uses), all @example.com.
send_contacts() {
  local n=$1 out=$2
  awk -v n="$n" 'BEGIN {
    print "name,email,district"
    for (i = 1; i <= n; i++) printf "Representative %d Example,rep%05d@example.com,District %d\n", i, i, i % 50 + 1
  }' > "$out"
}

# send_letter FILE: the letter the send benchmarks send to send_contacts, its signers in
# signers.csv beside it.
send_letter() {
  cat > "$1" <<'LETTER'
---
title: Letter to the legislature on biometric surveillance
subject: "Coalition letter: no biometric dragnet"
from: Example Coalition <coalition@example.org>
signers: signers.csv
groups:
  - National Organizations
  - State and Local Organizations
  - International Organizations
---
Dear {{recipient.name}},

We are writing to you as the representative of {{recipient.district}}. The
{{signer_count}} organizations below ask you to oppose the biometric database
bill and to hold a public hearing before any vote.

Sincerely,

The undersigned organizations
LETTER
}

# The jar the benchmarks time; build it first with: mvn -B -q package -DskipTests
JAR=${JAR:-target/signon.jar}
[ -f "$JAR" ] || { echo "bench: $JAR missing; run: mvn -B -q package -DskipTests" >&2; exit 1; }

# How it is run: by bin/signon, the launcher the README has users run (the jar with JVM options
# for short runs; SIGNON_JAVA_OPTS adds to them), or with SIGNON=jar as plain `java -jar JAR`.
case ${SIGNON:-launcher} in
  launcher) signon=(bin/signon); export SIGNON_JAR=$JAR ;;
  jar) signon=(java -jar "$JAR") ;;
  *) echo "bench: SIGNON must be launcher or jar, not '$SIGNON'" >&2; exit 64 ;;
esac
echo "timing: ${signon[*]} (SIGNON=${SIGNON:-launcher}; JAR=$JAR)"
