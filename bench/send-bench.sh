#!/usr/bin/env bash
# Times `signon send` as whole processes (JVM start included):
#  1. --send of 2,000 personalized messages to an SMTP sink on 127.0.0.1, one journal force
#     per message (the intent row with the previous outcome, forced while the envelope and data
#     go out). Target: >= 1,400 msg/s, 10x a client that opens one connection per message
#     (~140 msg/s for awdeorio/mailmerge on this class of machine; with python3 on the PATH the
#     script also times such a client, bench/one-connection-per-message.py, on the same sink).
#     The journal is in a mktemp directory: the per-message fsync of that disk is a floor, which
#     the script also times with bench/SendFloor.java (that fsync and the SMTP exchange, nothing
#     else).
#  2. a dry run of 10,000 personalized messages written as .eml files. Target: <= 3 s.
# Every message is a letter rendered for its contact with the whole signer list appended, so
# the signer count (SIGNERS, default 20) sets how much text each message carries.
# Builds nothing: expects target/signon.jar (mvn -B -q package -DskipTests).
# Times bin/signon (SIGNON_JAVA_OPTS adds JVM options), or `java -jar` with SIGNON=jar (bench/lib.sh).
# SEND_ONLY=1 skips the dry run (2.), DRY_ONLY=1 the sending (1.).
# Usage: [SIGNERS=N] [SIGNON=jar] [SEND_ONLY=1 | DRY_ONLY=1] bash bench/send-bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
runs=${1:-5}
signers=${SIGNERS:-20}
work=$(mktemp -d)
sink_pid=
cleanup() {
  [ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

send_contacts 2000 "$work/contacts-2000.csv"
send_contacts 10000 "$work/contacts-10000.csv"
java bench/GenerateSigners.java "$signers" "$work/signers.csv"
echo "letter with $signers signer rows; machine load: $(cut -d' ' -f1-3 /proc/loadavg)"

send_letter "$work/letter.md"

if [ -z "${DRY_ONLY:-}" ]; then
java bench/SmtpSink.java "$work/sink.port" > "$work/sink.out" &
sink_pid=$!
for _ in $(seq 100); do [ -s "$work/sink.port" ] && break; sleep 0.1; done
port=$(cat "$work/sink.port")
printf 'smtp.host=127.0.0.1\nsmtp.port=%s\nsmtp.security=none\n' "$port" > "$work/signon.properties"

send_2000=("${signon[@]}" send "$work/letter.md" --contacts "$work/contacts-2000.csv"
  --config "$work/signon.properties" --send -q)
# Each run starts from an empty journal (and no snapshot of an earlier send, which would make
# the missing journal a lost one), so every run sends all 2,000.
cat > "$work/send.sh" <<RUN
#!/usr/bin/env bash
rm -f "$work/letter.sent.csv" "$work/letter.sent-signers.csv"
exec ${send_2000[@]@Q}
RUN
chmod +x "$work/send.sh"

"$work/send.sh" > "$work/first-run.txt"
echo "check run: $(head -n 1 "$work/first-run.txt"); journal rows: $(($(wc -l < "$work/letter.sent.csv") - 1))"
result=$(measure "send --send, 2,000 personalized messages" "$runs" "$work/send.sh")
echo "$result"
median=$(sed -E 's/.*median ([0-9.]+) s.*/\1/' <<< "$result")
awk -v m="$median" 'BEGIN { printf "  = %.0f messages/s as a whole process (target >= 1,400)\n", 2000 / m }'

# The baseline the target is 10x of: one connection per message, as mailmerge sends, measured
# here on the same sink rather than taken from another machine (needs python3).
if command -v python3 > /dev/null; then
  sed -e 's/{{recipient.name}}/{name}/; s/{{recipient.district}}/{district}/' "$work/letter.md" > "$work/baseline.md"
  "${signon[@]}" render "$work/baseline.md" > "$work/baseline.txt"
  result=$(measure "baseline, one connection per message (python3 smtplib), 2,000 messages" "$runs" \
    python3 bench/one-connection-per-message.py 127.0.0.1 "$port" "$work/contacts-2000.csv" "$work/baseline.txt")
  echo "$result"
  base=$(sed -E 's/.*median ([0-9.]+) s.*/\1/' <<< "$result")
  awk -v m="$median" -v b="$base" 'BEGIN { printf "  = %.0f messages/s; signon sends %.1fx its rate\n", 2000 / b, b / m }'
fi

# The floor under that figure on this machine: the least a client can do that flushes a journal
# row to this disk before each message's "." (bench/SendFloor.java: no templates, no MIME).
javac -d "$work/floor" bench/SendFloor.java
result=$(measure "floor, 2,000 messages with a forced journal row each (SendFloor)" "$runs" \
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$work/floor" SendFloor "$port" 2000 "$work/floor.csv")
echo "$result"
floor=$(sed -E 's/.*median ([0-9.]+) s.*/\1/' <<< "$result")
awk -v f="$floor" 'BEGIN { printf "  = %.0f messages/s at most, with a forced journal row per message on this disk\n", 2000 / f }'

kill "$sink_pid"
wait "$sink_pid" || true
sink_pid=
cat "$work/sink.out"
fi
[ -n "${SEND_ONLY:-}" ] && exit 0

# Each run writes a new folder, as a first preview does; the folders are deleted only after the
# last run. Deleting the previous run's 10,000 files inside the timed command (as this script
# once did) timed the file system instead: ext4 without a journal (this VM's disk) passes over
# inodes freed in the last minutes when it creates files, and 10,000 freed ones made the next
# run's file creation several times slower (perf: recently_deleted, find_inode_bit).
cat > "$work/dry.sh" <<RUN
#!/usr/bin/env bash
n=\$(ls -d "$work"/eml-* 2>/dev/null | wc -l)
exec ${signon[*]@Q} send '$work/letter.md' --contacts '$work/contacts-10000.csv' --eml-dir "$work/eml-\$n" -q
RUN
chmod +x "$work/dry.sh"
measure "send dry run, 10,000 personalized messages to a new --eml-dir" "$runs" "$work/dry.sh"
echo "  .eml files written per run: $(ls "$work/eml-0" | wc -l) (target: <= 3 s)"
