#!/usr/bin/env python3
"""Writes the candidate rows of RustyDB's pg_proc from a real PostgreSQL 15.

Usage: pg-proc.py > /tmp/pg_proc-candidates.tsv   (env PGPORT, default 55499; PGHOST 127.0.0.1;
PGUSER rustydb; a cluster made as golden/README.md says)

Every built-in function of pg_catalog whose arguments RustyDB has types for (polymorphic arguments
count: they are probed with integer), with PostgreSQL's own OID, attributes, argument and result
text and description, as tab-separated COPY text. Then PgProcTest keeps the ones RustyDB plans:

  mvn -o -pl sql -am test -Dtest=PgProcTest -Dsurefire.failIfNoSpecifiedTests=false \
      -Drustydb.pgproc.candidates=/tmp/pg_proc-candidates.tsv

rewrites src/main/resources/io/rustydb/sql/pgcatalog/pg_proc.tsv with the candidates whose call
(with NULL arguments of the listed types) RustyDB validates and plans; without the property the
test checks every row of that file still plans.
"""
import os, subprocess, sys

HOST = os.environ.get("PGHOST", "127.0.0.1")
PORT = os.environ.get("PGPORT", "55499")
USER = os.environ.get("PGUSER", "rustydb")
PSQL = os.environ.get("PSQL", "/usr/lib/postgresql/15/bin/psql")

ARGUMENT_TYPES = ["bool", "int2", "int4", "int8", "float4", "float8", "numeric", "bpchar", "varchar", "text",
                  "date", "timestamp", "timestamptz", "interval", "name", "oid", "regclass", "char",
                  "any", "anyelement", "anycompatible", "anynonarray", "anycompatiblenonarray"]
POLYMORPHIC = ["any", "anyelement", "anycompatible", "anynonarray", "anycompatiblenonarray"]
EXCLUDED_RESULTS = ["internal", "trigger", "event_trigger", "cstring", "language_handler", "fdw_handler",
                    "index_am_handler", "table_am_handler", "tsm_handler"]

QUERY = """
COPY (
SELECT p.oid, p.proname, p.prokind, p.provolatile, p.proparallel, p.proisstrict, p.proretset, p.prosecdef,
       p.proleakproof, p.procost, p.prorows, p.provariadic, p.pronargs, p.pronargdefaults, p.prorettype,
       array_to_string(p.proargtypes::oid[], ' '), p.prolang, p.prosrc,
       pg_get_function_result(p.oid), pg_get_function_arguments(p.oid),
       pg_get_function_identity_arguments(p.oid), obj_description(p.oid, 'pg_proc'),
       p.proargnames, p.proallargtypes, p.proargmodes,
       (SELECT string_agg(CASE WHEN t.typname = ANY (%(poly)s) THEN 'integer' ELSE format_type(t.oid, NULL) END,
                          ',' ORDER BY a.n)
          FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY a(typ, n) JOIN pg_type t ON t.oid = a.typ)
  FROM pg_proc p JOIN pg_type r ON r.oid = p.prorettype
 WHERE p.pronamespace = 'pg_catalog'::regnamespace AND p.prokind IN ('f', 'a', 'w')
   AND r.typname <> ALL (%(excluded)s)
   AND NOT EXISTS (SELECT 1 FROM unnest(p.proargtypes::oid[]) a(typ) JOIN pg_type t ON t.oid = a.typ
                    WHERE t.typname <> ALL (%(allowed)s))
 ORDER BY p.oid) TO STDOUT
"""


def array(names):
    return "ARRAY[" + ", ".join("'" + n + "'" for n in names) + "]::name[]"


sql = QUERY % {"poly": array(POLYMORPHIC), "excluded": array(EXCLUDED_RESULTS), "allowed": array(ARGUMENT_TYPES)}
r = subprocess.run([PSQL, "-X", "-q", "-h", HOST, "-p", PORT, "-U", USER, "-d", "postgres", "-c", sql],
                   capture_output=True, text=True)
if r.returncode:
    sys.exit(r.stderr)
sys.stdout.write(r.stdout)
