#!/usr/bin/env bash
# Side-by-side bulk load: `pgbench -i -s SCALE` (client-side generation: one transaction that
# truncates the tables and COPYs SCALE x 100,000 accounts rows, then VACUUM and the primary keys)
# against RustyDB and PostgreSQL 15 on this machine, with the memory each server used.
#
#   bench/bulk-load.sh               # scale 100: 10 million rows in one COPY transaction
#   SCALE=10 bench/bulk-load.sh
#
# Memory is the proportional set size (PSS: RSS with shared pages divided among the processes
# sharing them) of the server's processes, summed, sampled every 0.5 s; the peak is reported.
# RustyDB runs with its default JVM heap and a 128 MB buffer pool (PostgreSQL's default
# shared_buffers).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scale="${SCALE:-100}"
buffer_pool="${BUFFER_POOL:-134217728}"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"

pss_kb() {  # process ids... -> summed PSS in kB
    local total=0 pid kb
    for pid in "$@"; do
        kb=$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
        total=$((total + ${kb:-0}))
    done
    echo "$total"
}

server_pids() {  # system -> its process ids
    if [ "$1" = rustydb ]; then
        echo "$rusty_pid"
    else
        local main
        main=$(head -1 "$work/pg/postmaster.pid")
        echo "$main $(pgrep -P "$main" | tr '\n' ' ')"
    fi
}

declare -A peak seconds phases
for system in rustydb postgresql; do
    port=$rusty_port; [ $system = postgresql ] && port=$pg_port
    echo "== $system: pgbench -i -s $scale"
    start=$(date +%s.%N)
    pgbench -h 127.0.0.1 -p "$port" -U rustydb -i -s "$scale" rustydb > "$work/init-$system.log" 2>&1 &
    load=$!
    max=0
    while kill -0 "$load" 2>/dev/null; do
        # shellcheck disable=SC2046
        kb=$(pss_kb $(server_pids $system))
        [ "$kb" -gt "$max" ] && max=$kb
        sleep 0.5
    done
    wait "$load" || { cat "$work/init-$system.log"; exit 1; }
    seconds[$system]=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
    peak[$system]=$((max / 1024))
    phases[$system]=$(sed -n 's/^done in .*(\(.*\))\./\1/p' "$work/init-$system.log")
    rows=$(psql -h 127.0.0.1 -p "$port" -U rustydb -d rustydb -XAtc "SELECT count(*) FROM pgbench_accounts")
    echo "   ${seconds[$system]} s, peak memory ${peak[$system]} MB, $rows accounts rows"
    echo "   ${phases[$system]}"
done

echo
echo "pgbench -i -s $scale ($((scale * 100000)) accounts rows), RustyDB buffer pool $buffer_pool bytes"
printf '| %-10s | %9s | %15s | %s\n' system seconds "peak PSS (MB)" phases
printf '|------------|-----------|-----------------|------\n'
for system in rustydb postgresql; do
    printf '| %-10s | %9s | %15s | %s\n' "$system" "${seconds[$system]}" "${peak[$system]}" "${phases[$system]}"
done
awk -v r="${seconds[rustydb]}" -v p="${seconds[postgresql]}" 'BEGIN { printf "time ratio RustyDB / PostgreSQL: %.2f\n", r / p }'
