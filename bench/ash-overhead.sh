#!/usr/bin/env bash
# Cost of Active Session History: pgbench select-only and TPC-B (prepared protocol) against one
# RustyDB node restarted on the same data with ASH off, sampling every 1 s and every 10 ms, each
# ROUNDS times in a rotating order so no setting always runs first.
#
#   bench/ash-overhead.sh                          # scale 10, 64 clients, 20 s per run, 2 rounds
#   SCALE=1 DURATION=5 ROUNDS=1 CLIENTS=16 bench/ash-overhead.sh
#   SKIP_BUILD=1 bench/ash-overhead.sh             # use server/target as it is
#
# Prints every run's TPS and the server's CPU time per transaction (user + system time of the
# server process from /proc divided by the transactions completed), then per workload the mean
# of each setting and its difference from ASH off. On a shared machine TPS follows whatever else
# runs; CPU time per transaction is the steadier measure of what sampling costs.
# Also prints the sampler's own cost as GET /api/v1/ash/stats measures it (time per tick, share of
# one core). Needs: Java 17, Maven, pgbench (apt-get install -y postgresql), curl, Linux /proc.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scale="${SCALE:-10}"
duration="${DURATION:-20}"
clients="${CLIENTS:-64}"
threads="${THREADS:-2}"
rounds="${ROUNDS:-2}"
buffer_pool="${BUFFER_POOL:-134217728}"
name=ash-bench
# shellcheck source=bench/ab-lib.sh
source "$root/bench/ab-lib.sh"
build_and_load "$scale"

settings=(off 1s 10ms)
flags() {  # setting -> server flags
    case "$1" in
        off) echo "-Drustydb.ash.enabled=false" ;;
        *) echo "-Drustydb.ash.enabled=true -Drustydb.ash.sample_interval=$1" ;;
    esac
}
workloads=(select-only tpcb)
workload_flags() {
    case "$1" in
        select-only) echo "-S" ;;
        tpcb) echo "" ;;
    esac
}

declare -A sum cpusum count
for round in $(seq 1 "$rounds"); do
    shift_by=$(( (round - 1) % ${#settings[@]} ))
    order=("${settings[@]:$shift_by}" "${settings[@]:0:$shift_by}")
    for setting in "${order[@]}"; do
        # shellcheck disable=SC2046
        start_server $(flags "$setting")
        run -S -M prepared -c "$clients" -j "$threads" -T 5 > /dev/null  # warm-up: JIT, plans, buffer pool
        for w in "${workloads[@]}"; do
            # shellcheck disable=SC2046
            read -r t cpu <<< "$(run $(workload_flags "$w") -M prepared -c "$clients" -j "$threads" -T "$duration")"
            echo "round $round  ash=$setting  $w: $t tps, $cpu us server CPU per transaction"
            sum[$setting,$w]=$(add "${sum[$setting,$w]:-}" "$t")
            cpusum[$setting,$w]=$(add "${cpusum[$setting,$w]:-}" "$cpu")
            count[$setting,$w]=$(( ${count[$setting,$w]:-0} + 1 ))
        done
        if [ "$setting" != off ]; then
            # the sampler's own measured cost over this server's life (GET /api/v1/ash/stats)
            api="http://127.0.0.1:$((port + 1))/api/v1"
            password="$(cat "$work/data/secrets/admin_password")"
            token=$(curl -s -X POST -H 'Content-Type: application/json' \
                -d "{\"username\": \"rustydb\", \"password\": \"$password\"}" "$api/auth/login" \
                | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
            cost=$(curl -s -H "Authorization: Bearer $token" "$api/ash/stats" \
                | sed -n 's/.*"sampling_cost":\({[^}]*}\).*/\1/p')
            echo "round $round  ash=$setting  sampler: $cost"
        fi
        stop_server
    done
done

echo
echo "pgbench -M prepared, scale $scale, $clients clients, $threads threads, $duration s per run, $rounds rounds rotating"
printf '| %-11s | %-17s | %10s | %10s | %10s | %9s | %9s |\n' workload measure "ASH off" "ASH 1 s" "ASH 10 ms" "1 s" "10 ms"
printf '|-------------|-------------------|------------|------------|------------|-----------|-----------|\n'
for w in "${workloads[@]}"; do
    for measure in tps cpu; do
        declare -A m=()
        for setting in "${settings[@]}"; do
            if [ "$measure" = tps ]; then
                m[$setting]=$(mean "${sum[$setting,$w]}" "${count[$setting,$w]}")
            else
                m[$setting]=$(mean "${cpusum[$setting,$w]}" "${count[$setting,$w]}")
            fi
        done
        d1=$(awk -v a="${m[1s]}" -v b="${m[off]}" 'BEGIN { printf "%+.1f %%", (a - b) * 100 / b }')
        d2=$(awk -v a="${m[10ms]}" -v b="${m[off]}" 'BEGIN { printf "%+.1f %%", (a - b) * 100 / b }')
        label=$([ "$measure" = tps ] && echo "tps (mean)" || echo "server CPU us/txn")
        printf '| %-11s | %-17s | %10s | %10s | %10s | %9s | %9s |\n' "$w" "$label" "${m[off]}" "${m[1s]}" "${m[10ms]}" "$d1" "$d2"
    done
done
failed=$(grep -c '^number of failed transactions: [1-9]' "$work/pgbench.log" || true)
echo "pgbench runs with failed transactions: $failed"
