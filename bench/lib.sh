# Shared by the side-by-side benchmarks: builds RustyDB and starts it and a PostgreSQL from
# Debian's packages in a temporary directory, both with durable commits; stops both on exit.
# The sourcing script sets $root and $buffer_pool (RustyDB's buffer pool in bytes) first.
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$pgbin/pgbench" ] || { echo "$(basename "$0"): PostgreSQL server binaries not found; apt-get install -y postgresql" >&2; exit 1; }
export PATH="$pgbin:$PATH" PGCONNECT_TIMEOUT=10

work="$(mktemp -d /tmp/rustydb-bench.XXXXXX)"
chmod 755 "$work"
rusty_port=$((20000 + RANDOM % 10000))
pg_port=$((rusty_port + 1))
rusty_pid=""
cleanup() {
    [ -n "$rusty_pid" ] && kill "$rusty_pid" 2>/dev/null && wait "$rusty_pid" 2>/dev/null || true
    as_postgres pg_ctl -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

echo "== building RustyDB"
(cd "$root" && mvn -B -q -DskipTests install)

echo "== starting RustyDB on port $rusty_port"
"$root/bin/rusty-db-server" --config "$root/config/application.conf" \
    -Drustydb.storage.data_dir="$work/rusty" -Drustydb.server.listen_port="$rusty_port" \
    -Drustydb.monitoring.prometheus_port="$((rusty_port + 2))" \
    -Drustydb.wal.sync_mode=local -Drustydb.memory.buffer_pool_size="$buffer_pool" > "$work/rusty.log" 2>&1 &
rusty_pid=$!
for _ in $(seq 1 120); do grep -q "ready for connections" "$work/rusty.log" && break; sleep 0.5; done
grep -q "ready for connections" "$work/rusty.log" || { cat "$work/rusty.log"; exit 1; }

echo "== starting PostgreSQL on port $pg_port"
mkdir -p "$work/pg" && [ "$(id -u)" = 0 ] && chown postgres "$work/pg"
as_postgres initdb -D "$work/pg" -A trust -U rustydb > "$work/initdb.log"
as_postgres pg_ctl -D "$work/pg" -l "$work/pg/server.log" -o "-p $pg_port -k $work/pg -c fsync=on -c synchronous_commit=on" -w start > /dev/null
psql -h 127.0.0.1 -p "$pg_port" -U rustydb -d postgres -qc "CREATE DATABASE rustydb"

