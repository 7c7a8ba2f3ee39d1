#!/usr/bin/env bash
# Hot-path cost of metrics: pgbench select-only against one RustyDB node, restarted on the same
# data alternately with rustydb.monitoring.metrics_enabled=true and =false, each side ROUNDS times
# (on-off, off-on, on-off, ...).
#
#   bench/metrics-overhead.sh                     # scale 10, 20 s per run, 8 clients, 2 rounds
#   SCALE=1 DURATION=5 ROUNDS=1 bench/metrics-overhead.sh
#   SKIP_BUILD=1 bench/metrics-overhead.sh        # use server/target as it is
#
# Prints, for every run, the TPS and the server's CPU time per transaction (user + system time of
# the server process from /proc, divided by the transactions pgbench completed), and per protocol
# mode the mean of each side and the difference. On a shared machine TPS follows whatever else
# runs; CPU time per transaction is the steadier measure of what the metrics cost.
# Needs: Java 17, Maven, pgbench (apt-get install -y postgresql), Linux /proc.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scale="${SCALE:-10}"
duration="${DURATION:-20}"
clients="${CLIENTS:-8}"
threads="${THREADS:-2}"
rounds="${ROUNDS:-2}"
modes="${MODES:-simple prepared}"
buffer_pool="${BUFFER_POOL:-134217728}"
name=metrics-bench
# shellcheck source=bench/ab-lib.sh
source "$root/bench/ab-lib.sh"
build_and_load "$scale"

declare -A sum cpusum count
for round in $(seq 1 "$rounds"); do
    # odd rounds start with metrics on, even rounds with metrics off, so neither side always runs first
    order="true false"
    [ $((round % 2)) -eq 0 ] && order="false true"
    for enabled in $order; do
        start_server -Drustydb.monitoring.metrics_enabled="$enabled"
        # warm-up: JIT, plan cache and buffer pool
        run -S -M prepared -c "$clients" -j "$threads" -T 5 > /dev/null
        for mode in $modes; do
            read -r t cpu <<< "$(run -S -M "$mode" -c "$clients" -j "$threads" -T "$duration")"
            echo "round $round  metrics_enabled=$enabled  $mode: $t tps, $cpu us server CPU per transaction"
            sum[$enabled,$mode]=$(add "${sum[$enabled,$mode]:-}" "$t")
            cpusum[$enabled,$mode]=$(add "${cpusum[$enabled,$mode]:-}" "$cpu")
            count[$enabled,$mode]=$(( ${count[$enabled,$mode]:-0} + 1 ))
        done
        stop_server
    done
done

echo
echo "select-only, scale $scale, $clients clients, $threads threads, $duration s per run, $rounds rounds alternating"
printf '| %-8s | %-22s | %12s | %13s | %10s |\n' mode measure "metrics on" "metrics off" difference
printf '|----------|------------------------|--------------|---------------|------------|\n'
for mode in $modes; do
    on=$(mean "${sum[true,$mode]}" "${count[true,$mode]}")
    off=$(mean "${sum[false,$mode]}" "${count[false,$mode]}")
    diff=$(awk -v a="$on" -v b="$off" 'BEGIN { printf "%+.1f %%", (a - b) * 100 / b }')
    printf '| %-8s | %-22s | %12s | %13s | %10s |\n' "$mode" "tps (mean)" "$on" "$off" "$diff"
    on=$(mean "${cpusum[true,$mode]}" "${count[true,$mode]}")
    off=$(mean "${cpusum[false,$mode]}" "${count[false,$mode]}")
    diff=$(awk -v a="$on" -v b="$off" 'BEGIN { printf "%+.1f %%", (a - b) * 100 / b }')
    printf '| %-8s | %-22s | %12s | %13s | %10s |\n' "$mode" "server CPU us/txn" "$on" "$off" "$diff"
done
failed=$(grep -c '^number of failed transactions: [1-9]' "$work/pgbench.log" || true)
echo "pgbench runs with failed transactions: $failed"
