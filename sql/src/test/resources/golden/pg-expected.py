#!/usr/bin/env python3
"""Rewrites the expectations of golden files with what a real PostgreSQL answers.

Usage: pg-expected.py FILE.sql...   (env PGPORT, default 55499; PGHOST 127.0.0.1; PGUSER rustydb)

Each file runs in a fresh database; '>' and '!' lines are dropped and written again from
psql's output (unaligned, ' | ' separator, NULL as NULL, VERBOSITY sqlstate). Comments and
statements are kept as they are.
"""
import os, re, subprocess, sys

HOST = os.environ.get("PGHOST", "127.0.0.1")
PORT = os.environ.get("PGPORT", "55499")
USER = os.environ.get("PGUSER", "rustydb")
PSQL = os.environ.get("PSQL", "/usr/lib/postgresql/15/bin/psql")


def psql(db, sql):
    return subprocess.run([PSQL, "-X", "-q", "-A", "-F", " | ", "-P", "null=NULL", "-P", "footer=on",
                           "-v", "VERBOSITY=sqlstate", "-h", HOST, "-p", PORT, "-U", USER, "-d", db,
                           "-c", "SET TimeZone = 'UTC'", "-c", sql],
                          capture_output=True, text=True, env=dict(os.environ, PGOPTIONS="-c TimeZone=UTC"))


def regenerate(path):
    db = "golden_" + re.sub(r"\W", "_", os.path.basename(path)[:-4])
    psql("postgres", "DROP DATABASE IF EXISTS " + db)
    r = psql("postgres", "CREATE DATABASE " + db)
    if r.returncode:
        sys.exit(r.stderr)
    out, stmt = [], []
    for line in open(path).read().split("\n"):
        if line.startswith(">") or line.startswith("!"):
            continue
        out.append(line)
        if not stmt and (not line.strip() or line.strip().startswith("--")):
            continue
        stmt.append(line)
        if line.strip().endswith(";"):
            r = psql(db, "\n".join(stmt))
            stmt = []
            if r.returncode:
                m = re.search(r"ERROR:\s+([0-9A-Z]{5})", r.stderr)
                out.append("! " + (m.group(1) if m else "?????"))
                continue
            lines = r.stdout.split("\n")
            if lines and lines[-1] == "":
                lines.pop()
            if not lines:
                continue
            # header, rows..., "(n rows)"
            assert re.fullmatch(r"\((\d+) rows?\)", lines[-1]), r.stdout
            rows = lines[1:-1]
            out.extend("> " + row for row in rows) if rows else out.append("> (0 rows)")
    psql("postgres", "DROP DATABASE " + db)
    open(path, "w").write("\n".join(out))


for p in sys.argv[1:]:
    regenerate(p)
