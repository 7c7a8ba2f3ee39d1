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
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$pgbin/pgbench" ] || { echo "$(basename "$0"): pgbench not found; apt-get install -y postgresql" >&2; exit 1; }
export PATH="$pgbin:$PATH" PGCONNECT_TIMEOUT=10

work="$(mktemp -d /tmp/rustydb-metrics-bench.XXXXXX)"
port=$((20000 + RANDOM % 10000))
rusty_pid=""
stop_server() {
    if [ -n "$rusty_pid" ]; then
        kill "$rusty_pid" 2>/dev/null || true
        wait "$rusty_pid" 2>/dev/null || true
        rusty_pid=""
    fi
}
trap 'stop_server; rm -rf "$work"' EXIT

start_server() {  # metrics_enabled
    : > "$work/rusty.log"
    "$root/bin/rusty-db-server" --config "$root/config/application.conf" \
        -Drustydb.storage.data_dir="$work/data" -Drustydb.server.listen_port="$port" \
        -Drustydb.monitoring.prometheus_port="$((port + 2))" -Drustydb.monitoring.metrics_enabled="$1" \
        -Drustydb.memory.buffer_pool_size="$buffer_pool" >> "$work/rusty.log" 2>&1 &
    rusty_pid=$!
    for _ in $(seq 1 120); do grep -q "ready for connections" "$work/rusty.log" && return; sleep 0.5; done
    cat "$work/rusty.log"; exit 1
}

cpu_ticks() {  # user + system clock ticks of the server process
    awk '{ print $14 + $15 }' "/proc/$rusty_pid/stat"
}

run() {  # pgbench arguments...; prints "tps cpu-microseconds-per-transaction"
    local before after out
    before=$(cpu_ticks)
    out=$(pgbench -h 127.0.0.1 -p "$port" -U rustydb -n "$@" rustydb 2>&1 | tee -a "$work/pgbench.log")
    after=$(cpu_ticks)
    local t n
    t=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' <<< "$out")
    n=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' <<< "$out")
    awk -v t="$t" -v n="$n" -v c="$((after - before))" -v hz="$(getconf CLK_TCK)" \
        'BEGIN { printf "%s %.2f\n", t, c * 1e6 / hz / n }'
}

if [ -z "${SKIP_BUILD:-}" ]; then
    echo "== building RustyDB"
    (cd "$root" && mvn -B -q -DskipTests package)
fi

echo "== pgbench -i -s $scale"
start_server true
pgbench -h 127.0.0.1 -p "$port" -U rustydb -i -s "$scale" rustydb > "$work/init.log" 2>&1 || { cat "$work/init.log"; exit 1; }
stop_server

declare -A sum cpusum count
for round in $(seq 1 "$rounds"); do
    # odd rounds start with metrics on, even rounds with metrics off, so neither side always runs first
    order="true false"
    [ $((round % 2)) -eq 0 ] && order="false true"
    for enabled in $order; do
        start_server "$enabled"
        # warm-up: JIT, plan cache and buffer pool
        run -S -M prepared -c "$clients" -j "$threads" -T 5 > /dev/null
        for mode in $modes; do
            read -r t cpu <<< "$(run -S -M "$mode" -c "$clients" -j "$threads" -T "$duration")"
            echo "round $round  metrics_enabled=$enabled  $mode: $t tps, $cpu us server CPU per transaction"
            sum[$enabled,$mode]=$(awk -v a="${sum[$enabled,$mode]:-0}" -v b="$t" 'BEGIN { print a + b }')
            cpusum[$enabled,$mode]=$(awk -v a="${cpusum[$enabled,$mode]:-0}" -v b="$cpu" 'BEGIN { print a + b }')
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
    on=$(awk -v s="${sum[true,$mode]}" -v n="${count[true,$mode]}" 'BEGIN { printf "%.1f", s / n }')
    off=$(awk -v s="${sum[false,$mode]}" -v n="${count[false,$mode]}" 'BEGIN { printf "%.1f", s / n }')
    diff=$(awk -v a="$on" -v b="$off" 'BEGIN { printf "%+.1f %%", (a - b) * 100 / b }')
    printf '| %-8s | %-22s | %12s | %13s | %10s |\n' "$mode" "tps (mean)" "$on" "$off" "$diff"
    on=$(awk -v s="${cpusum[true,$mode]}" -v n="${count[true,$mode]}" 'BEGIN { printf "%.2f", s / n }')
    off=$(awk -v s="${cpusum[false,$mode]}" -v n="${count[false,$mode]}" 'BEGIN { printf "%.2f", s / n }')
    diff=$(awk -v a="$on" -v b="$off" 'BEGIN { printf "%+.1f %%", (a - b) * 100 / b }')
    printf '| %-8s | %-22s | %12s | %13s | %10s |\n' "$mode" "server CPU us/txn" "$on" "$off" "$diff"
done
failed=$(grep -c '^number of failed transactions: [1-9]' "$work/pgbench.log" || true)
echo "pgbench runs with failed transactions: $failed"
