#!/bin/sh
# Writes pg-labels.tsv: each query of queries.txt with the column labels PostgreSQL 15 gives it
# (psql's header line), after setup.sql. ColumnLabelsTest checks RustyDB labels them the same.
# Usage: PGPORT=55499 ./pg-labels.sh   (a cluster made as golden/README.md says)
set -eu
cd "$(dirname "$0")"
PSQL="psql -X -q -h ${PGHOST:-127.0.0.1} -p ${PGPORT:-55499} -U ${PGUSER:-rustydb} -d postgres"
$PSQL -c "DROP DATABASE IF EXISTS column_labels" -c "CREATE DATABASE column_labels" >/dev/null
PSQL="psql -X -q -h ${PGHOST:-127.0.0.1} -p ${PGPORT:-55499} -U ${PGUSER:-rustydb} -d column_labels"
$PSQL -v ON_ERROR_STOP=1 -f setup.sql >/dev/null
while IFS= read -r query; do
  printf '%s\t%s\n' "$query" "$($PSQL -v ON_ERROR_STOP=1 -A -F '|' -c "$query" | head -1)"
done < queries.txt > pg-labels.tsv
