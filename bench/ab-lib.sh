# Shared by the benchmarks that compare one RustyDB node with itself under different settings
# (metrics-overhead.sh, ash-overhead.sh): starts and stops the server on the same data with extra
# -D settings, and runs pgbench measuring TPS and the server's CPU time per transaction.
# The sourcing script sets $root, $buffer_pool and $name first.
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$pgbin/pgbench" ] || { echo "$name: pgbench not found; apt-get install -y postgresql" >&2; exit 1; }
export PATH="$pgbin:$PATH" PGCONNECT_TIMEOUT=10

work="$(mktemp -d "/tmp/rustydb-$name.XXXXXX")"
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

start_server() {  # extra -Dkey=value settings...
    : > "$work/rusty.log"
    "$root/bin/rusty-db-server" --config "$root/config/application.conf" \
        -Drustydb.storage.data_dir="$work/data" -Drustydb.server.listen_port="$port" \
        -Drustydb.api.listen_port="$((port + 1))" -Drustydb.monitoring.prometheus_port="$((port + 2))" \
        -Drustydb.memory.buffer_pool_size="$buffer_pool" "$@" >> "$work/rusty.log" 2>&1 &
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

build_and_load() {  # scale
    if [ -z "${SKIP_BUILD:-}" ]; then
        echo "== building RustyDB"
        (cd "$root" && mvn -B -q -DskipTests package)
    fi
    echo "== pgbench -i -s $1"
    start_server
    pgbench -h 127.0.0.1 -p "$port" -U rustydb -i -s "$1" rustydb > "$work/init.log" 2>&1 \
        || { cat "$work/init.log"; exit 1; }
    stop_server
}

mean() {  # sum count
    awk -v s="$1" -v n="$2" 'BEGIN { printf "%.2f", s / n }'
}

add() {  # a b
    awk -v a="${1:-0}" -v b="$2" 'BEGIN { print a + b }'
}
