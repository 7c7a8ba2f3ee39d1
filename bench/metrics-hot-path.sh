#!/usr/bin/env bash
# Per-statement cost of the metrics instruments and the statement statistics in isolation
# (bench/QueryMetricsCost.java): the calls a session makes for one autocommit statement, on THREADS
# threads at once, with both off, metrics only, and metrics plus statement statistics. Compare the
# differences with the server CPU time per transaction that bench/metrics-overhead.sh prints.
#
#   bench/metrics-hot-path.sh                 # 2 threads, 20,000,000 statements each, 3 rounds
#   THREADS=8 ITERATIONS=5000000 bench/metrics-hot-path.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cp="$(mktemp)"
trap 'rm -f "$cp"' EXIT
# package, then the class path of the last module built (sql) with its siblings' jars
(cd "$root" && mvn -B -q ${MVN_OFFLINE:+-o} -pl sql -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile="$cp")
java -cp "$root/sql/target/classes:$(cat "$cp")" "$root/bench/QueryMetricsCost.java"
