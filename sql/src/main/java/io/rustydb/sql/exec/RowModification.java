package io.rustydb.sql.exec;

import io.rustydb.persistence.KeyCodec;
import io.rustydb.persistence.KvIterator;
import io.rustydb.persistence.StorageTransaction;
import io.rustydb.sql.index.IndexCursor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The row loop shared by UPDATE and DELETE: find candidate rows (one by primary key, or a scan
 * evaluating the condition on the statement snapshot), then lock each, re-read its latest
 * committed version and, if it changed meanwhile, re-evaluate the condition on it (PostgreSQL's
 * READ COMMITTED re-check). Candidates are collected before any write so the statement never
 * sees its own changes.
 */
final class RowModification {

    /** What to do with a row that qualifies. */
    interface RowAction {
        void apply(byte[] key, Object[] row, Object[] evaluated);
    }

    private record Candidate(byte[] key, byte[] value, Object[] evaluated) {
    }

    /**
     * The candidates found and the nanoseconds spent finding them by this thread's last run, for
     * EXPLAIN ANALYZE (which reads it right after the statement ran on the same thread).
     */
    static final ThreadLocal<long[]> LAST_SCAN = new ThreadLocal<>();

    private RowModification() {
    }

    /** EXPLAIN lines of an UPDATE or DELETE: the key lookup, or the scan. */
    static java.util.List<String> explain(String verb, io.rustydb.sql.catalog.TableDef table, boolean byKey,
            IndexPath path) {
        return java.util.List.of(verb + " on " + table.name(), byKey
                ? "  ->  Point Lookup on " + table.name() + " using " + table.primaryKeyName() + " (rows=1)"
                : path != null ? "  ->  " + path.explainLine()
                : "  ->  Scan on " + table.name() + " (every row, condition checked per row)");
    }

    /** The plan tree of an UPDATE or DELETE: the modification above its key lookup, index path or scan. */
    static io.rustydb.monitoring.statements.PlanNode tree(String verb, io.rustydb.sql.catalog.TableDef table,
            boolean byKey, IndexPath path) {
        io.rustydb.monitoring.statements.PlanNode search = byKey
                ? PlanNodes.step("IndexScan", table.name(), table.primaryKeyName(), List.of("Index Cond: primary key"),
                        1.0, List.of())
                : path != null ? path.planNode()
                : PlanNodes.step("SeqScan", table.name(), null, List.of("Filter: condition checked per row"), null,
                        List.of());
        return PlanNodes.step(verb, table.name(), null, List.of(), null, List.of(search));
    }

    static long run(StatementContext context, List<Object> parameters, RowWriter writer, RowProgram program,
            KeyLookup lookup, RowAction action) {
        return run(context, parameters, writer, program, lookup, null, action);
    }

    static long run(StatementContext context, List<Object> parameters, RowWriter writer, RowProgram program,
            KeyLookup lookup, IndexPath path, RowAction action) {
        long started = System.nanoTime();
        StorageTransaction txn = context.transaction();
        List<Candidate> candidates = new ArrayList<>();
        if (lookup != null) {
            byte[] key = lookup.key(parameters);
            byte[] value = txn.get(writer.tablespace(), key);
            if (value != null) {
                io.rustydb.sql.stats.ThreadCounters.current().rowsExamined++;
                candidates.add(new Candidate(key, value, null));
            }
        } else if (path != null) {
            try (IndexCursor cursor = path.open(txn, writer.tablespace(), parameters)) {
                int sinceCheck = 0;
                while (cursor.next()) {
                    if (++sinceCheck == 256) {
                        sinceCheck = 0;
                        context.checkCancelled();
                    }
                    Object[] evaluated = program.evaluate(context, parameters, cursor.row());
                    if (RowProgram.isTrue(evaluated)) {
                        candidates.add(new Candidate(cursor.key(), cursor.value(), evaluated));
                    }
                }
            }
        } else {
            int id = writer.table().id();
            io.rustydb.sql.stats.ThreadCounters counters = io.rustydb.sql.stats.ThreadCounters.current();
            try (KvIterator it = txn.scan(writer.tablespace(), KeyCodec.objectPrefix(id), KeyCodec.objectPrefixEnd(id))) {
                int sinceCheck = 0;
                while (it.next()) {
                    counters.rowsExamined++;
                    if (++sinceCheck == 256) {
                        sinceCheck = 0;
                        context.checkCancelled();
                    }
                    Object[] evaluated = program.evaluate(context, parameters, writer.decode(it.value()));
                    if (RowProgram.isTrue(evaluated)) {
                        candidates.add(new Candidate(it.key(), it.value(), evaluated));
                    }
                }
            }
        }
        LAST_SCAN.set(new long[] {candidates.size(), System.nanoTime() - started});
        long count = 0;
        for (Candidate c : candidates) {
            byte[] latest = txn.getForUpdate(writer.tablespace(), c.key());
            if (latest == null) {
                continue;
            }
            Object[] row = writer.decode(latest);
            Object[] evaluated = c.evaluated() != null && Arrays.equals(latest, c.value())
                    ? c.evaluated() : program.evaluate(context, parameters, row);
            if (RowProgram.isTrue(evaluated)) {
                action.apply(c.key(), row, evaluated);
                count++;
            }
        }
        return count;
    }
}
