package io.rustydb.sql.command;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.IndexColumnDef;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.exec.EngineContext;
import io.rustydb.sql.exec.QueryPlan;
import io.rustydb.sql.exec.StatementContext;
import io.rustydb.sql.exec.TableRewriter;
import io.rustydb.sql.exec.ValueConverter;
import io.rustydb.sql.exec.Execution;
import io.rustydb.sql.parser.RustyDbParser;
import io.rustydb.sql.parser.ddl.AlterTableAction;
import io.rustydb.sql.parser.ddl.SqlColumnDeclaration;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;

/** The column forms of ALTER TABLE: ADD COLUMN, DROP COLUMN, RENAME COLUMN. */
final class AlterColumns {
    private AlterColumns() {
    }

    /**
     * ADD COLUMN. A nullable column without default is added in the catalog only (stored rows
     * read it as NULL); otherwise every row is rewritten with the default, and a NOT NULL column
     * without one fails on the first row, as in PostgreSQL.
     */
    static void add(EngineContext engine, TableDef table, AlterTableAction.AddColumn add, StatementContext context) {
        SqlColumnDeclaration declaration = add.column();
        String name = declaration.nameString();
        if (table.columnIndex(name) >= 0) {
            if (add.ifNotExists()) {
                context.notice("NOTICE", "42701", "column \"" + name + "\" of relation \"" + table.name()
                        + "\" already exists, skipping");
                return;
            }
            throw new RustyDbException(ErrorCode.DUPLICATE_OBJECT, "column \"" + name + "\" of relation \""
                    + table.name() + "\"").withDetail(null);
        }
        if (declaration.serial() || declaration.primaryKey() || declaration.unique()) {
            throw new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "ADD COLUMN with SERIAL, PRIMARY KEY or UNIQUE");
        }
        String defaultText = declaration.defaultValue() == null ? null
                : declaration.defaultValue().toSqlString(PostgresqlSqlDialect.DEFAULT).getSql();
        ColumnDef column = new ColumnDef(name, declaration.columnType(), declaration.nullable(), defaultText);
        List<ColumnDef> columns = new ArrayList<>(table.columns());
        columns.add(column);
        if (defaultText == null && column.nullable()) {
            engine.catalog().replaceTable(table, new TableDef(table.id(), table.schema(), table.name(),
                    table.tablespace(), columns, table.primaryKey(), table.indexes()));
            return;
        }
        Object value = defaultText == null ? null : evaluate(engine, defaultText, column, context);
        TableDef widened = new TableDef(engine.catalog().newObjectId(), table.schema(), table.name(),
                table.tablespace(), columns, table.primaryKey(), table.indexes());
        TableRewriter.rewrite(engine, table, widened, row -> {
            Object[] out = java.util.Arrays.copyOf(row, row.length + 1);
            out[row.length] = value;
            return out;
        }, context);
    }

    /** DROP COLUMN: every row is rewritten without it; a primary-key column cannot be dropped. */
    static void drop(EngineContext engine, TableDef table, AlterTableAction.DropColumn drop, StatementContext context) {
        int index = table.columnIndex(drop.columnName());
        if (index < 0) {
            if (drop.ifExists()) {
                context.notice("NOTICE", "00000", "column \"" + drop.columnName() + "\" of relation \""
                        + table.name() + "\" does not exist, skipping");
                return;
            }
            throw new RustyDbException(ErrorCode.UNDEFINED_COLUMN, drop.columnName() + "\" of relation \"" + table.name());
        }
        if (table.primaryKey().contains(index)) {
            throw new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED, "dropping a primary-key column");
        }
        if (table.columns().size() == 1) {
            throw new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED, "dropping the only column of a table");
        }
        List<ColumnDef> columns = new ArrayList<>(table.columns());
        columns.remove(index);
        List<Integer> key = new ArrayList<>();
        for (int k : table.primaryKey()) {
            key.add(k > index ? k - 1 : k);
        }
        // as in PostgreSQL, the indexes on the dropped column go with it
        List<IndexDef> indexes = table.indexes().stream().filter(i -> !i.covers(drop.columnName())).toList();
        TableDef narrowed = new TableDef(engine.catalog().newObjectId(), table.schema(), table.name(),
                table.tablespace(), columns, key, indexes);
        TableRewriter.rewrite(engine, table, narrowed, row -> {
            Object[] out = new Object[row.length - 1];
            System.arraycopy(row, 0, out, 0, index);
            System.arraycopy(row, index + 1, out, index, row.length - index - 1);
            return out;
        }, context);
    }

    /** RENAME COLUMN: the catalog only. */
    static void rename(EngineContext engine, TableDef table, AlterTableAction.RenameColumn rename) {
        int index = table.columnIndex(rename.columnName());
        if (index < 0) {
            throw new RustyDbException(ErrorCode.UNDEFINED_COLUMN, rename.columnName());
        }
        if (table.columnIndex(rename.newNameString()) >= 0) {
            throw new RustyDbException(ErrorCode.DUPLICATE_OBJECT, "column \"" + rename.newNameString()
                    + "\" of relation \"" + table.name() + "\"");
        }
        List<ColumnDef> columns = new ArrayList<>(table.columns());
        ColumnDef c = columns.get(index);
        columns.set(index, new ColumnDef(rename.newNameString(), c.type(), c.nullable(), c.defaultExpression()));
        List<IndexDef> indexes = new ArrayList<>();
        for (IndexDef i : table.indexes()) {
            List<IndexColumnDef> keyColumns = new ArrayList<>();
            for (IndexColumnDef k : i.columns()) {
                keyColumns.add(k.name().equals(c.name())
                        ? new IndexColumnDef(rename.newNameString(), k.descending(), k.nullsFirst()) : k);
            }
            indexes.add(new IndexDef(i.id(), i.name(), keyColumns, i.unique(), i.primary()));
        }
        engine.catalog().replaceTable(table, new TableDef(table.id(), table.schema(), table.name(), table.tablespace(),
                columns, table.primaryKey(), indexes));
    }

    private static Object evaluate(EngineContext engine, String expression, ColumnDef column, StatementContext context) {
        QueryPlan plan = QueryPlan.create(engine, () -> RustyDbParser.parseStatement("SELECT " + expression), List.of());
        Object[][] holder = new Object[1][];
        try (Execution execution = plan.start(context, List.of())) {
            execution.fetch(1, row -> holder[0] = row);
        }
        return ValueConverter.convert(holder[0][0], column.type());
    }
}
