package io.rustydb.sql.command;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.IndexColumnDef;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.exec.EngineContext;
import io.rustydb.sql.exec.Execution;
import io.rustydb.sql.exec.PositionedException;
import io.rustydb.sql.exec.QueryPlan;
import io.rustydb.sql.exec.StatementContext;
import io.rustydb.sql.exec.UtilityPlan;
import io.rustydb.sql.exec.Tables;
import io.rustydb.sql.parser.RustyDbParser;
import io.rustydb.sql.parser.ddl.SqlColumnDeclaration;
import io.rustydb.sql.parser.ddl.SqlCreateTable;
import io.rustydb.sql.parser.ddl.SqlTableConstraint;
import io.rustydb.sql.parser.ddl.SqlTableOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;

/**
 * CREATE TABLE [IF NOT EXISTS]. The definition is checked (duplicate columns, one primary key,
 * known tablespace, valid defaults) when the statement runs, then recorded durably in the catalog.
 * Like Oracle's, and unlike PostgreSQL's, DDL takes effect at once, outside any open transaction.
 */
public final class CreateTablePlan extends UtilityPlan {
    private final EngineContext engine;
    private final SqlCreateTable node;

    public CreateTablePlan(EngineContext engine, SqlCreateTable node) {
        this.engine = engine;
        this.node = node;
    }

    @Override
    public Execution start(StatementContext context, List<Object> parameters) {
        String schema = Tables.schema(node.name());
        String name = Tables.simpleName(node.name());
        if (engine.catalog().table(schema, name).isPresent()) {
            if (node.ifNotExists()) {
                context.notice("NOTICE", "42P07", "relation \"" + name + "\" already exists, skipping");
                return Execution.completed("CREATE TABLE");
            }
            throw new PositionedException(new RustyDbException(ErrorCode.DUPLICATE_TABLE, name), node.name());
        }
        checkOptions();
        String tablespace = node.tablespace() == null ? StorageEngine.USERS
                : engine.storage().tablespace(node.tablespace()).name();
        List<String> pkNames = primaryKey();
        OwnedSequences owned = new OwnedSequences(engine, schema, name);
        List<ColumnDef> columns = new ArrayList<>();
        for (SqlColumnDeclaration c : node.columns()) {
            String columnName = c.nameString();
            for (ColumnDef existing : columns) {
                if (existing.name().equals(columnName)) {
                    throw new PositionedException(new RustyDbException(ErrorCode.DUPLICATE_COLUMN, columnName), c);
                }
            }
            OwnedSequences.check(c, name);
            String defaultText = c.defaultValue() == null ? null
                    : c.defaultValue().toSqlString(PostgresqlSqlDialect.DEFAULT).getSql();
            if (c.serial()) {
                defaultText = owned.serialDefault(columnName);
            }
            columns.add(new ColumnDef(columnName, c.columnType(), c.nullable() && !pkNames.contains(columnName),
                    defaultText));
        }
        List<Integer> pk = new ArrayList<>();
        for (String column : pkNames) {
            int index = indexOf(columns, column);
            if (index < 0) {
                throw new RustyDbException(ErrorCode.UNDEFINED_COLUMN, column + "\" named in key does not exist");
            }
            pk.add(index);
        }
        TableDef def = new TableDef(engine.catalog().newObjectId(), schema, name, tablespace, columns, pk);
        def = def.withIndexes(uniqueConstraints(name, columns));
        checkDefaults(def);
        owned.plan(node.columns());
        engine.catalog().createTable(def);
        owned.create();
        return Execution.completed("CREATE TABLE");
    }

    /**
     * UNIQUE column and table constraints become unique indexes named as PostgreSQL names them
     * ({@code table_col_key}); the new table is empty, so there is nothing to build.
     */
    private List<IndexDef> uniqueConstraints(String table, List<ColumnDef> columns) {
        List<List<String>> keys = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (SqlColumnDeclaration c : node.columns()) {
            if (c.unique() && !c.primaryKey()) {
                keys.add(List.of(c.nameString()));
                names.add(null);
            }
        }
        for (SqlTableConstraint constraint : node.constraints()) {
            if (constraint.type() == SqlTableConstraint.Type.UNIQUE) {
                keys.add(constraint.columnNames());
                names.add(constraint.name() == null ? null : constraint.name().getSimple());
            }
        }
        List<IndexDef> indexes = new ArrayList<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            List<IndexColumnDef> indexColumns = new ArrayList<>();
            for (String column : keys.get(i)) {
                if (indexOf(columns, column) < 0) {
                    throw new RustyDbException(ErrorCode.UNDEFINED_COLUMN, column + "\" named in key does not exist");
                }
                indexColumns.add(IndexColumnDef.ascending(column));
            }
            String indexName = names.get(i);
            if (indexName == null) {
                String stem = table + "_" + String.join("_", keys.get(i));
                indexName = stem + "_key";
                for (int n = 1; used.contains(indexName) || engine.catalog().indexOwner(Tables.schema(node.name()),
                        indexName).isPresent(); n++) {
                    indexName = stem + "_key" + n;
                }
            } else if (used.contains(indexName)
                    || engine.catalog().indexOwner(Tables.schema(node.name()), indexName).isPresent()) {
                throw new RustyDbException(ErrorCode.DUPLICATE_TABLE, indexName);
            }
            used.add(indexName);
            indexes.add(new IndexDef(engine.catalog().newObjectId(), indexName, indexColumns, true, false));
        }
        return indexes;
    }

    private List<String> primaryKey() {
        int declarations = 0;
        for (SqlTableConstraint constraint : node.constraints()) {
            if (constraint.type() == SqlTableConstraint.Type.PRIMARY_KEY) {
                declarations++;
            }
        }
        for (SqlColumnDeclaration c : node.columns()) {
            if (c.primaryKey()) {
                declarations++;
            }
        }
        if (declarations > 1) {
            throw new RustyDbException(ErrorCode.INVALID_TABLE_DEFINITION,
                    "multiple primary keys for table \"" + Tables.simpleName(node.name()) + "\" are not allowed");
        }
        return node.primaryKey();
    }

    private void checkOptions() {
        for (SqlTableOption option : node.options()) {
            String optionName = option.name().toLowerCase(Locale.ROOT);
            if (!optionName.equals("fillfactor")) {
                throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE, "unrecognized parameter \"" + optionName + "\"");
            }
            int value;
            try {
                value = Integer.parseInt(option.valueText());
            } catch (NumberFormatException e) {
                throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "invalid value for integer option \"fillfactor\": " + option.valueText());
            }
            if (value < 10 || value > 100) {
                throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE, "value " + value
                        + " out of bounds for option \"fillfactor\"").withDetail("Valid values are between \"10\" and \"100\".");
            }
        }
    }

    /** Compiles each DEFAULT expression once so a bad default fails CREATE TABLE, not every INSERT. */
    private void checkDefaults(TableDef def) {
        for (ColumnDef c : def.columns()) {
            if (c.defaultExpression() != null) {
                String compilable = io.rustydb.sql.sequence.SequenceDefaults.compilable(c.defaultExpression());
                QueryPlan.create(engine, () -> RustyDbParser.parseStatement("SELECT " + compilable), List.of());
            }
        }
    }

    private static int indexOf(List<ColumnDef> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
