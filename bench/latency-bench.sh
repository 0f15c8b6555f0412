#!/usr/bin/env bash
# Times `signon send --send` over a slow link: MESSAGES (default 200) personalized messages to
# the SMTP sink on 127.0.0.1 (bench/SmtpSink.java, which offers PIPELINING) through
# bench/DelayProxy.java, which delivers every chunk RTT_MS/2 after it was read (default RTT_MS=10,
# a nearby relay; 40-80 for a far one). No target: it documents what pipelining the envelope
# (RFC 2920) saves per message, 2 round trips (MAIL FROM + RCPT TO + DATA, then the data) instead
# of 4, which the loopback send-bench.sh cannot show (a round trip there costs microseconds).
# The ms/message figures include the JVM start and rendering (2-3 s on this machine, whatever
# the link); with BASE_JAR the script also prints the difference of the medians per message, in
# round trips: that is what the link costs one build more than the other.
# Whole processes, `java -jar JAR` (SIGNON=jar of bench/lib.sh), each run from no journal.
# JAR (default target/signon.jar) and, to compare two builds, BASE_JAR, timed in alternation
# (base, new, base, new...) since the shared machine's speed drifts. With python3 on the PATH it
# also times bench/one-connection-per-message.py (a new connection per message) through the proxy.
# Builds nothing: mvn -B -q package -DskipTests first.
# Usage: [RTT_MS=10] [MESSAGES=200] [JAR=A.jar] [BASE_JAR=B.jar] bash bench/latency-bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
SIGNON=jar
source bench/lib.sh
runs=${1:-3}
rtt=${RTT_MS:-10}
messages=${MESSAGES:-200}
((rtt % 2 == 0)) || { echo "bench: RTT_MS must be even (the proxy delays each way by RTT_MS/2)" >&2; exit 64; }
jars=("$JAR")
if [ -n "${BASE_JAR:-}" ]; then
  [ -f "$BASE_JAR" ] || { echo "bench: $BASE_JAR missing" >&2; exit 66; }
  jars=("$BASE_JAR" "$JAR")
fi
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# The letter and contacts of send-bench.sh, with 20 signers.
send_contacts "$messages" "$work/contacts.csv"
java bench/GenerateSigners.java 20 "$work/signers.csv"
send_letter "$work/letter.md"

# await FILE: waits until a server has written its port there
await() {
  for _ in $(seq 100); do [ -s "$1" ] && return; sleep 0.1; done
  echo "bench: no port in $1" >&2
  exit 1
}
java bench/SmtpSink.java "$work/sink.port" > "$work/sink.out" &
pids+=($!)
await "$work/sink.port"
java bench/DelayProxy.java "$work/proxy.port" "$(cat "$work/sink.port")" $((rtt / 2)) &
pids+=($!)
await "$work/proxy.port"
port=$(cat "$work/proxy.port")
printf 'smtp.host=127.0.0.1\nsmtp.port=%s\nsmtp.security=none\n' "$port" > "$work/signon.properties"
echo "$messages messages through a ${rtt} ms round trip; machine load: $(cut -d' ' -f1-3 /proc/loadavg)"

# send.sh JAR: one send from no journal (and no snapshot of an earlier send, which would make
# the missing journal a lost one), so that every run sends all messages.
cat > "$work/send.sh" <<RUN
#!/usr/bin/env bash
rm -f "$work/letter.sent.csv" "$work/letter.sent-signers.csv"
exec java -jar "\$1" send "$work/letter.md" --contacts "$work/contacts.csv" --config "$work/signon.properties" --send -q
RUN
chmod +x "$work/send.sh"

# timed KEY CMD...: one run; its wall seconds appended to $work/KEY.times
timed() {
  local key=$1
  shift
  /usr/bin/time -o "$work/time" -f '%e' "$@" > "$work/out" 2>&1 \
    || { echo "bench: failed: $*" >&2; cat "$work/out" "$work/time" >&2; exit 1; }
  tail -n 1 "$work/time" >> "$work/$key.times"
}

# summary LABEL KEY: median, min and max of KEY's runs, and the median per message
summary() {
  sort -n "$work/$2.times" | awk -v label="$1" -v n="$messages" '
    { t[NR] = $1 }
    END {
      m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
      printf "%s: median %.3f s (min %.3f, max %.3f, %d runs) = %.1f ms/message\n", label, m, t[1], t[NR], NR, 1000 * m / n
    }'
}

# Alternating runs (base, new, base, new...); each must journal every message as sent.
for ((i = 0; i < runs; i++)); do
  for j in "${!jars[@]}"; do
    timed "jar$j" "$work/send.sh" "${jars[$j]}"
    sent=$(awk -F, '$2 == "sent"' "$work/letter.sent.csv" | wc -l)
    [ "$sent" -eq "$messages" ] || { echo "bench: ${jars[$j]} journaled $sent of $messages messages sent" >&2; exit 1; }
  done
done
for j in "${!jars[@]}"; do
  summary "send --send, ${jars[$j]}" "jar$j" | tee "$work/jar$j.summary"
done
# The difference of the medians is what the link costs the base build more per message (JVM
# start and rendering, the same in both, cancel out), in round trips of the nominal RTT_MS.
if [ ${#jars[@]} -eq 2 ]; then
  cat "$work/jar0.summary" "$work/jar1.summary" | sed -E 's/.*median ([0-9.]+) s.*/\1/' | paste -s -d' ' |
    awk -v n="$messages" -v rtt="$rtt" -v jar="$JAR" '{
      d = 1000 * ($1 - $2) / n
      printf "  %s saves %.1f ms/message over the base", jar, d
      if (rtt > 0) printf " = %.1f round trips of %d ms", d / rtt, rtt
      printf "\n"
    }'
fi
sent=$((runs * ${#jars[@]} * messages))

# A client that opens one connection per message pays the connection set-up (which the proxy
# delays as a real link would) and every command's round trip, for every message.
if command -v python3 > /dev/null; then
  sed -e 's/{{recipient.name}}/{name}/; s/{{recipient.district}}/{district}/' "$work/letter.md" > "$work/baseline.md"
  java -jar "$JAR" render "$work/baseline.md" > "$work/baseline.txt"
  for ((i = 0; i < runs; i++)); do
    timed python python3 bench/one-connection-per-message.py 127.0.0.1 "$port" "$work/contacts.csv" "$work/baseline.txt"
  done
  summary "baseline, one connection per message (python3 smtplib)" python
  sent=$((sent + runs * messages))
fi

kill "${pids[@]}"
wait "${pids[@]}" 2>/dev/null || true
pids=()
echo "$(cat "$work/sink.out") (expected $sent messages)"
