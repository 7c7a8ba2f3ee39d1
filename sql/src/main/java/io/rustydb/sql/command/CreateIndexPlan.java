package io.rustydb.sql.command;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.IndexColumnDef;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.exec.EngineContext;
import io.rustydb.sql.exec.Execution;
import io.rustydb.sql.exec.PositionedException;
import io.rustydb.sql.exec.StatementContext;
import io.rustydb.sql.exec.Tables;
import io.rustydb.sql.exec.UtilityPlan;
import io.rustydb.sql.index.IndexBuilder;
import io.rustydb.sql.parser.ddl.IndexColumn;
import io.rustydb.sql.parser.ddl.SqlCreateIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * CREATE [UNIQUE] INDEX [IF NOT EXISTS] [name] ON table [USING btree] (column [ASC | DESC], ...):
 * builds the index over the table's rows ({@link IndexBuilder}) under the table's exclusive lock,
 * then records it in the table's catalog definition. Like other DDL here it takes effect at once.
 */
public final class CreateIndexPlan extends UtilityPlan {
    private static final int MAX_NAME = 63;

    private final EngineContext engine;
    private final SqlCreateIndex node;

    public CreateIndexPlan(EngineContext engine, SqlCreateIndex node) {
        this.engine = engine;
        this.node = node;
    }

    @Override
    public Execution start(StatementContext context, List<Object> parameters) {
        if (node.method().equals(SqlCreateIndex.HASH)) {
            throw new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED, "index access method \"hash\"");
        }
        Catalog catalog = engine.catalog();
        TableDef table = Tables.resolve(catalog, node.table());
        List<IndexColumnDef> columns = new ArrayList<>();
        for (IndexColumn c : node.columns()) {
            if (table.columnIndex(c.name()) < 0) {
                throw new PositionedException(new RustyDbException(ErrorCode.UNDEFINED_COLUMN, c.name()), c.column());
            }
            columns.add(new IndexColumnDef(c.name(), c.descending(), c.nullsFirst()));
        }
        String name = node.name() != null ? node.name().getSimple() : chooseName(catalog, table, columns);
        if (taken(catalog, table.schema(), name)) {
            if (node.ifNotExists()) {
                context.notice("NOTICE", "42P07", "relation \"" + name + "\" already exists, skipping");
                return Execution.completed("CREATE INDEX");
            }
            throw new RustyDbException(ErrorCode.DUPLICATE_TABLE, name);
        }
        int session = context.session().sessionId();
        catalog.locks().lockExclusive(table.id(), session, context);
        try {
            TableDef current = catalog.table(table.schema(), table.name()).orElseThrow(
                    () -> new RustyDbException(ErrorCode.UNDEFINED_TABLE, table.name()));
            IndexDef index = new IndexDef(catalog.newObjectId(), name, columns, node.unique(), false);
            IndexBuilder.build(engine.storage(), current, index, context::checkCancelled);
            List<IndexDef> indexes = new ArrayList<>(current.indexes());
            indexes.add(index);
            try {
                catalog.replaceTable(current, current.withIndexes(indexes));
            } catch (RuntimeException e) {
                catalog.deleteObject(current.tablespace(), index.id());
                throw e;
            }
        } finally {
            catalog.locks().unlockExclusive(table.id(), session);
        }
        return Execution.completed("CREATE INDEX");
    }

    private static boolean taken(Catalog catalog, String schema, String name) {
        return catalog.table(schema, name).isPresent() || catalog.view(schema, name).isPresent()
                || catalog.indexOwner(schema, name).isPresent();
    }

    /** PostgreSQL's choice: {@code table_col1_col2_idx}, then with 1, 2, ... appended until free. */
    private static String chooseName(Catalog catalog, TableDef table, List<IndexColumnDef> columns) {
        StringBuilder base = new StringBuilder(table.name());
        for (IndexColumnDef c : columns) {
            base.append('_').append(c.name());
        }
        String stem = base.length() > MAX_NAME - 4 ? base.substring(0, MAX_NAME - 4) : base.toString();
        String name = stem + "_idx";
        for (int n = 1; taken(catalog, table.schema(), name); n++) {
            name = stem + "_idx" + n;
        }
        return name;
    }
}
