#!/bin/sh
# Builds target/signon.jsa, the class data archive bin/signon hands the JVM (AppCDS): the
# classes signon's commands load, already parsed and verified, mapped from one file instead of
# read out of the jar on every run (about 0.3 s of each run's start on a 2-core machine).
# Run by `mvn package` after the jar is built (pom.xml), from the project folder:
#   sh src/build/class-data-archive.sh JAR ARCHIVE
# It runs each command once on the sample campaign (letters/, signers/), writing only into a
# temporary folder, to list the classes they load, then dumps those classes into ARCHIVE.
# The archive fits only this jar at this path and the Java that made it: the JVM checks both
# and otherwise runs as if there were none. An archive that cannot be made is no error: the
# build goes on without one, saying why.
set -eu
jar=$1
archive=$2
java=java
[ -n "${JAVA_HOME:-}" ] && java=$JAVA_HOME/bin/java
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$archive"

letter=letters/hart-aws.md
printf 'name,email,district\nJane Doe,jane@example.org,District 1\nJuan Perez,juan@example.org,District 2\n' \
  > "$work/contacts.csv"
# train NAME ARGS...: runs signon ARGS, listing the classes it loads (its exit code does not
# matter: diff of a letter never sent stops early, after loading what it needs). Two at a time.
train() {
  name=$1
  shift
  "$java" -XX:DumpLoadedClassList="$work/$name.classes" -jar "$jar" "$@" > /dev/null 2>&1 || true
}
train help --help &
train pdf render "$letter" -f pdf -o "$work/letter.pdf"
wait
train text render "$letter" &
train html render "$letter" -f html -o "$work/letter.html"
wait
train check check "$letter" &
train diff diff "$letter"
wait
train contacts send "$letter" --contacts "$work/contacts.csv" --eml-dir "$work/eml" &
train preview send "$letter"
wait

# One list, each class once, in the order first loaded.
cat "$work"/*.classes | awk '!seen[$0]++' > "$work/classes"
if ! "$java" -Xshare:dump -XX:SharedClassListFile="$work/classes" -XX:SharedArchiveFile="$archive" \
  -cp "$jar" > "$work/dump.log" 2>&1; then
  rm -f "$archive"
  echo "class-data-archive: no $archive (bin/signon runs without it, slower to start):" >&2
  tail -n 3 "$work/dump.log" >&2
fi
