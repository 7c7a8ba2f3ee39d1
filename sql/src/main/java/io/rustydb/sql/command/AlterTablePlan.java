package io.rustydb.sql.command;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.exec.EngineContext;
import io.rustydb.sql.exec.Execution;
import io.rustydb.sql.exec.StatementContext;
import io.rustydb.sql.exec.TableRewriter;
import io.rustydb.sql.exec.Tables;
import io.rustydb.sql.exec.UtilityPlan;
import io.rustydb.sql.parser.ddl.AlterTableAction;
import io.rustydb.sql.parser.ddl.SqlAlterTable;
import io.rustydb.sql.parser.ddl.SqlTableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ALTER TABLE: ADD PRIMARY KEY and ADD/DROP COLUMN rebuild the table under its new definition
 * ({@link TableRewriter}, checking the new constraints on every row); RENAME changes only the
 * catalog. The table's exclusive lock is held meanwhile, so writers wait.
 */
public final class AlterTablePlan extends UtilityPlan {
    private final EngineContext engine;
    private final SqlAlterTable node;

    public AlterTablePlan(EngineContext engine, SqlAlterTable node) {
        this.engine = engine;
        this.node = node;
    }

    @Override
    public Execution start(StatementContext context, List<Object> parameters) {
        Optional<TableDef> found = engine.catalog().table(Tables.schema(node.name()), Tables.simpleName(node.name()));
        if (found.isEmpty() && node.ifExists()) {
            context.notice("NOTICE", "00000", "relation \"" + Tables.simpleName(node.name()) + "\" does not exist, skipping");
            return Execution.completed("ALTER TABLE");
        }
        TableDef table = found.orElseGet(() -> Tables.resolve(engine.catalog(), node.name()));
        int session = context.session().sessionId();
        engine.catalog().locks().lockExclusive(table.id(), session, context);
        try {
            TableDef current = engine.catalog().table(table.schema(), table.name()).orElse(table);
            apply(current, node.action(), context);
        } finally {
            engine.catalog().locks().unlockExclusive(table.id(), session);
        }
        return Execution.completed("ALTER TABLE");
    }

    private void apply(TableDef table, AlterTableAction action, StatementContext context) {
        if (action instanceof AlterTableAction.AddConstraint add) {
            addConstraint(table, add.constraint(), context);
        } else if (action instanceof AlterTableAction.AddForeignKey) {
            throw new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED, "foreign keys");
        } else if (action instanceof AlterTableAction.AddColumn add) {
            AlterColumns.add(engine, table, add, context);
        } else if (action instanceof AlterTableAction.DropColumn drop) {
            AlterColumns.drop(engine, table, drop, context);
        } else if (action instanceof AlterTableAction.RenameTable rename) {
            engine.catalog().replaceTable(table, new TableDef(table.id(), table.schema(), rename.newNameString(),
                    table.tablespace(), table.columns(), table.primaryKey(), table.indexes()));
        } else if (action instanceof AlterTableAction.RenameColumn rename) {
            AlterColumns.rename(engine, table, rename);
        }
    }

    private void addConstraint(TableDef table, SqlTableConstraint constraint, StatementContext context) {
        if (constraint.type() != SqlTableConstraint.Type.PRIMARY_KEY) {
            throw new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED, "UNIQUE constraints other than the primary key");
        }
        if (table.hasPrimaryKey()) {
            throw new RustyDbException(ErrorCode.INVALID_TABLE_DEFINITION,
                    "multiple primary keys for table \"" + table.name() + "\" are not allowed");
        }
        List<Integer> key = new ArrayList<>();
        List<ColumnDef> columns = new ArrayList<>(table.columns());
        for (String name : constraint.columnNames()) {
            int index = table.columnIndex(name);
            if (index < 0) {
                throw new RustyDbException(ErrorCode.UNDEFINED_COLUMN, name + "\" named in key does not exist");
            }
            key.add(index);
            ColumnDef c = columns.get(index);
            columns.set(index, new ColumnDef(c.name(), c.type(), false, c.defaultExpression()));
        }
        TableDef keyed = new TableDef(engine.catalog().newObjectId(), table.schema(), table.name(), table.tablespace(),
                columns, key, table.indexes());
        try {
            TableRewriter.rewrite(engine, table, keyed, row -> row, context);
        } catch (RustyDbException e) {
            if (e.code() == ErrorCode.UNIQUE_VIOLATION) {
                throw new RustyDbException(ErrorCode.UNIQUE_VIOLATION, keyed.primaryKeyName())
                        .withDetail(e.detail() == null ? null : e.detail().replace("already exists", "is duplicated"));
            }
            throw e;
        }
    }
}
