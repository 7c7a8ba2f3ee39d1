package io.rustydb.sql.command;

import io.rustydb.persistence.KeyCodec;
import io.rustydb.persistence.KvIterator;
import io.rustydb.persistence.StorageTransaction;
import io.rustydb.persistence.Tablespace;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.index.IndexStatistics;
import io.rustydb.sql.exec.EngineContext;
import io.rustydb.sql.exec.Execution;
import io.rustydb.sql.exec.StatementContext;
import io.rustydb.sql.exec.Tables;
import io.rustydb.sql.exec.UtilityPlan;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * VACUUM [FULL] [ANALYZE] and ANALYZE. VACUUM compacts the tables' key ranges in RocksDB, so
 * space held by deleted and overwritten row versions is given back; ANALYZE counts each table's
 * rows for the planner. Without table names every table is processed.
 */
public final class VacuumPlan extends UtilityPlan {
    private final EngineContext engine;
    private final List<SqlIdentifier> tables;
    private final boolean vacuum;
    private final boolean analyze;
    private final boolean verbose;

    public VacuumPlan(EngineContext engine, List<SqlIdentifier> tables, boolean vacuum, boolean analyze,
            boolean verbose) {
        this.engine = engine;
        this.tables = tables;
        this.vacuum = vacuum;
        this.analyze = analyze;
        this.verbose = verbose;
    }

    @Override
    public Execution start(StatementContext context, List<Object> parameters) {
        List<TableDef> targets = new ArrayList<>();
        if (tables.isEmpty()) {
            targets.addAll(engine.catalog().tables());
        } else {
            for (SqlIdentifier name : tables) {
                targets.add(Tables.resolve(engine.catalog(), name));
            }
        }
        for (TableDef table : targets) {
            Tablespace data = engine.storage().tablespace(table.tablespace());
            byte[] from = KeyCodec.objectPrefix(table.id());
            byte[] to = KeyCodec.objectPrefixEnd(table.id());
            if (vacuum) {
                engine.storage().compactRange(data, from, to);
                for (IndexDef index : table.indexes()) {
                    engine.storage().compactRange(data, KeyCodec.objectPrefix(index.id()),
                            KeyCodec.objectPrefixEnd(index.id()));
                }
            }
            if (analyze) {
                long rows = countRows(data, from, to, context);
                engine.catalog().recordRowCount(table.id(), rows);
                analyzeIndexes(table, data, context);
                if (verbose) {
                    context.notice("INFO", "00000", "analyzing \"" + table.schema() + "." + table.name() + "\": "
                            + rows + " rows");
                }
            }
        }
        return Execution.completed(vacuum ? "VACUUM" : "ANALYZE");
    }

    private void analyzeIndexes(TableDef table, Tablespace data, StatementContext context) {
        for (IndexDef index : table.indexes()) {
            try (StorageTransaction txn = engine.storage().begin()) {
                txn.beginStatement();
                engine.catalog().recordIndexDistinct(index.id(),
                        IndexStatistics.distinctKeys(txn, data, table, index, context::checkCancelled));
                txn.commit();
            }
        }
    }

    private long countRows(Tablespace data, byte[] from, byte[] to, StatementContext context) {
        long rows = 0;
        try (StorageTransaction txn = engine.storage().begin()) {
            txn.beginStatement();
            try (KvIterator it = txn.scan(data, from, to)) {
                while (it.next()) {
                    if (++rows % 65536 == 0) {
                        context.checkCancelled();
                    }
                }
            }
            txn.commit();
        }
        return rows;
    }
}
