#!/usr/bin/env bash
# The hand-written code of enrich-service against the well-kept libraries that do the same (issue 16), in one
# JMH run on one machine: MurmurHash3 (HandWrittenMurmur3 vs Apache Commons Codec), the radix sort of keys
# (KeyRadixSort vs fastutil) and the CSV reader (CsvRecordReader vs FastCSV). A benchmark, not a test; the
# figures go in enrich-service/README.md.
#
# usage: enrich-service/bench/libraries-benchmark.sh [JMH_REGEX]     (default: all three benchmarks)
#   env: JMH_ARGS (default "-f 1 -wi 3 -w 1s -i 5 -r 1s": one fork, 3 warm-up and 5 measured 1-second
#        iterations), JAVA_OPTS (the forked JVM's options, -Xmx1g)
set -euo pipefail
if [[ ${1:-} == -h || ${1:-} == --help ]]; then
  sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 0
fi
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REGEX=${1:-'dev.clicklake.enrich.pipeline.*Benchmark'}
JMH_ARGS=${JMH_ARGS:-"-f 1 -wi 3 -w 1s -i 5 -r 1s"}
JAVA_OPTS=${JAVA_OPTS:-"-Xmx1g"}

mvn -B -q -f ../pom.xml -pl lake-contracts -am install -DskipTests
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
# shellcheck disable=SC2086 # JMH_ARGS and JAVA_OPTS are word lists
java -cp "$CP" org.openjdk.jmh.Main $JMH_ARGS -jvmArgs "$JAVA_OPTS" "$REGEX"
