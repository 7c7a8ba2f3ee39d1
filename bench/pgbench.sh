#!/usr/bin/env bash
# Side-by-side pgbench: RustyDB and PostgreSQL 15 (Debian packages) on this machine, both with
# durable commits (RustyDB wal.sync_mode=local, PostgreSQL fsync=on, synchronous_commit=on).
#
#   bench/pgbench.sh                 # scale 10, 30 s per run, 8 clients, 2 threads
#   SCALE=1 DURATION=5 bench/pgbench.sh
#
# Prints TPS of both and the ratio RustyDB / PostgreSQL for select-only and TPC-B-like runs in
# simple and prepared protocol modes. Needs: Java 17, Maven, postgresql-15 (for pgbench, initdb,
# pg_ctl; apt-get install -y postgresql).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scale="${SCALE:-10}"
duration="${DURATION:-30}"
clients="${CLIENTS:-8}"
threads="${THREADS:-2}"
modes="${MODES:-simple prepared}"
# RustyDB's buffer pool gets what PostgreSQL's default shared_buffers has (128 MB); RustyDB's own
# default is the guide's 8 MB, which is smaller than a scale-10 database's hot set.
buffer_pool="${BUFFER_POOL:-134217728}"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"

tps() {  # port, pgbench arguments...
    local port=$1; shift
    pgbench -h 127.0.0.1 -p "$port" -U rustydb -n "$@" rustydb 2>&1 | tee -a "$work/pgbench.log" \
        | sed -n 's/^tps = \([0-9.]*\) .*/\1/p'
}

declare -A results invariant
for system in rustydb postgresql; do
    port=$rusty_port; [ $system = postgresql ] && port=$pg_port
    echo "== $system: pgbench -i -s $scale"
    start=$(date +%s)
    pgbench -h 127.0.0.1 -p "$port" -U rustydb -i -s "$scale" rustydb > "$work/init-$system.log" 2>&1 \
        || { cat "$work/init-$system.log"; exit 1; }
    echo "   initialized in $(( $(date +%s) - start )) s"
    for mode in $modes; do
        results[$system,select,$mode]=$(tps "$port" -S -M "$mode" -c "$clients" -j "$threads" -T "$duration")
        results[$system,tpcb,$mode]=$(tps "$port" -M "$mode" -c "$clients" -j "$threads" -T "$duration")
        echo "   $mode: select-only ${results[$system,select,$mode]} tps, tpc-b ${results[$system,tpcb,$mode]} tps"
    done
    invariant[$system]=$(psql -h 127.0.0.1 -p "$port" -U rustydb -d rustydb -XAtc "SELECT
        (SELECT sum(abalance) FROM pgbench_accounts) = (SELECT sum(delta) FROM pgbench_history)
        AND (SELECT sum(tbalance) FROM pgbench_tellers) = (SELECT sum(delta) FROM pgbench_history)
        AND (SELECT sum(bbalance) FROM pgbench_branches) = (SELECT sum(delta) FROM pgbench_history)")
    echo "   TPC-B invariant (account, teller and branch balances = sum of history deltas): ${invariant[$system]}"
done

echo
echo "scale $scale, $clients clients, $threads threads, $duration s per run, RustyDB buffer pool $buffer_pool bytes"
printf '| %-11s | %-8s | %14s | %14s | %7s |\n' workload mode "RustyDB tps" "PostgreSQL tps" ratio
printf '|-------------|----------|----------------|----------------|---------|\n'
for workload in select tpcb; do
    for mode in $modes; do
        r=${results[rustydb,$workload,$mode]:-0}; p=${results[postgresql,$workload,$mode]:-0}
        ratio=$(awk -v r="$r" -v p="$p" 'BEGIN { if (p > 0) printf "%.2f", r / p; else print "n/a" }')
        name=$([ $workload = select ] && echo select-only || echo tpc-b)
        printf '| %-11s | %-8s | %14s | %14s | %7s |\n' "$name" "$mode" "$r" "$p" "$ratio"
    done
done

echo
failed=$(grep -c '^number of failed transactions: [1-9]' "$work/pgbench.log" || true)
aborted=$(grep -c 'aborted' "$work/pgbench.log" || true)
echo "pgbench runs with failed transactions: $failed, with aborted clients: $aborted"
echo "TPC-B invariant after the runs: RustyDB ${invariant[rustydb]}, PostgreSQL ${invariant[postgresql]}"
