package io.rustydb.sql.command;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.sql.catalog.SequenceDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.exec.EngineContext;
import io.rustydb.sql.exec.Execution;
import io.rustydb.sql.exec.PositionedException;
import io.rustydb.sql.exec.StatementContext;
import io.rustydb.sql.exec.Tables;
import io.rustydb.sql.exec.UtilityPlan;
import io.rustydb.sql.parser.ddl.SequenceOptions;
import io.rustydb.sql.parser.ddl.SqlAlterSequence;
import io.rustydb.sql.parser.ddl.SqlCreateSequence;
import io.rustydb.sql.parser.ddl.SqlDropSequence;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/**
 * CREATE SEQUENCE, ALTER SEQUENCE and DROP SEQUENCE. Like other DDL here they take effect at once,
 * outside any open transaction.
 */
public final class SequencePlan extends UtilityPlan {
    private final EngineContext engine;
    private final SqlNode node;

    public SequencePlan(EngineContext engine, SqlNode node) {
        this.engine = engine;
        this.node = node;
    }

    /** True for the statements this plan runs. */
    public static boolean handles(SqlNode node) {
        return node instanceof SqlCreateSequence || node instanceof SqlDropSequence || node instanceof SqlAlterSequence;
    }

    @Override
    public Execution start(StatementContext context, List<Object> parameters) {
        if (node instanceof SqlCreateSequence create) {
            return create(context, create);
        }
        if (node instanceof SqlAlterSequence alter) {
            return alter(context, alter);
        }
        return drop(context, (SqlDropSequence) node);
    }

    /** A new sequence definition with a fresh object id. */
    static SequenceDef define(EngineContext engine, String schema, String name, SequenceOptions o,
            String ownerTable, String ownerColumn, String identity) {
        return new SequenceDef(engine.catalog().newObjectId(), schema, name, o.type(), o.increment(), o.minValue(),
                o.maxValue(), o.start(), o.cache(), o.cycle(), ownerTable, ownerColumn, identity);
    }

    private Execution create(StatementContext context, SqlCreateSequence create) {
        String schema = Tables.schema(create.name());
        String name = Tables.simpleName(create.name());
        if (engine.catalog().relationExists(schema, name)) {
            if (create.ifNotExists()) {
                context.notice("NOTICE", "42P07", "relation \"" + name + "\" already exists, skipping");
                return Execution.completed("CREATE SEQUENCE");
            }
            throw new PositionedException(new RustyDbException(ErrorCode.DUPLICATE_TABLE, name), create.name());
        }
        String[] owner = owner(create.ownedBy(), schema);
        engine.catalog().createSequence(define(engine, schema, name, create.options(), owner[0], owner[1], null));
        return Execution.completed("CREATE SEQUENCE");
    }

    /** OWNED BY table.column as {table, column} (both null for OWNED BY NONE), checked as PostgreSQL does. */
    private String[] owner(SqlIdentifier owned, String schema) {
        if (owned == null) {
            return new String[2];
        }
        if (owned.names.size() < 2) {
            throw new PositionedException(new RustyDbException(ErrorCode.SYNTAX_ERROR,
                    "invalid OWNED BY option").withHint("Specify OWNED BY table.column or OWNED BY NONE."), owned);
        }
        SqlIdentifier tableName = owned.skipLast(1);
        TableDef table = Tables.resolve(engine.catalog(), tableName);
        String column = owned.names.get(owned.names.size() - 1);
        if (table.columnIndex(column) < 0) {
            throw new PositionedException(new RustyDbException(ErrorCode.UNDEFINED_COLUMN,
                    column + "\" of relation \"" + table.name()), owned);
        }
        if (!table.schema().equals(schema)) {
            throw new RustyDbException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "sequence must be in same schema as table it is linked to");
        }
        return new String[] {table.name(), column};
    }

    /**
     * ALTER SEQUENCE: the options are applied to the sequence's current parameters
     * ({@link SequenceOptions#alter}), then OWNED BY; the sequence continues from its current value
     * unless RESTART is given.
     */
    private Execution alter(StatementContext context, SqlAlterSequence alter) {
        String schema = Tables.schema(alter.name());
        String name = Tables.simpleName(alter.name());
        var def = engine.catalog().sequences().find(schema, name);
        if (def.isEmpty()) {
            if (alter.ifExists()) {
                context.notice("NOTICE", "00000", "relation \"" + name + "\" does not exist, skipping");
                return Execution.completed("ALTER SEQUENCE");
            }
            if (engine.catalog().relationExists(schema, name)) {
                throw new PositionedException(new RustyDbException(ErrorCode.WRONG_OBJECT_TYPE,
                        "\"" + name + "\" is not a sequence"), alter.name());
            }
            throw new PositionedException(new RustyDbException(ErrorCode.UNDEFINED_TABLE, name), alter.name());
        }
        SequenceDef d = def.get();
        SequenceOptions current = new SequenceOptions(d.type(), d.increment(), d.minValue(), d.maxValue(), d.start(),
                d.cache(), d.cycle());
        SequenceOptions.Alteration change = current.alter(alter.options(),
                engine.catalog().sequences().currentValue(d));
        String ownerTable = d.ownerTable();
        String ownerColumn = d.ownerColumn();
        if (alter.changesOwner()) {
            if (d.identity() != null) {
                throw new RustyDbException(ErrorCode.NOT_SUPPORTED,
                        "cannot change ownership of identity sequence")
                        .withDetail("Sequence \"" + d.name() + "\" is linked to table \"" + d.ownerTable() + "\".");
            }
            String[] owner = owner(alter.ownedBy(), d.schema());
            ownerTable = owner[0];
            ownerColumn = owner[1];
        }
        SequenceOptions o = change.options();
        SequenceDef altered = new SequenceDef(d.id(), d.schema(), d.name(), o.type(), o.increment(), o.minValue(),
                o.maxValue(), o.start(), o.cache(), o.cycle(), ownerTable, ownerColumn, d.identity());
        engine.catalog().sequences().alter(d, altered, change.restart());
        return Execution.completed("ALTER SEQUENCE");
    }

    private Execution drop(StatementContext context, SqlDropSequence drop) {
        List<SequenceDef> dropped = new ArrayList<>();
        for (SqlIdentifier name : drop.names()) {
            String schema = Tables.schema(name);
            String simple = Tables.simpleName(name);
            var def = engine.catalog().sequences().find(schema, simple);
            if (def.isPresent()) {
                SequenceDef d = def.get();
                if (d.ownerTable() != null && engine.catalog().table(d.schema(), d.ownerTable()).isPresent()) {
                    if (drop.cascade()) {
                        throw new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                                "DROP SEQUENCE ... CASCADE of a sequence owned by a column");
                    }
                    throw new PositionedException(new RustyDbException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST,
                            "cannot drop sequence " + d.name() + " because other objects depend on it")
                            .withDetail("default value for column " + d.ownerColumn() + " of table " + d.ownerTable()
                                    + " depends on sequence " + d.name())
                            .withHint("Use DROP ... CASCADE to drop the dependent objects too."), name);
                }
                dropped.add(d);
            } else if (engine.catalog().relationExists(schema, simple)) {
                throw new PositionedException(new RustyDbException(ErrorCode.WRONG_OBJECT_TYPE,
                        "\"" + simple + "\" is not a sequence")
                        .withHint("Use DROP TABLE to remove a table."), name);
            } else if (drop.ifExists()) {
                context.notice("NOTICE", "00000", "sequence \"" + simple + "\" does not exist, skipping");
            } else {
                throw new PositionedException(new RustyDbException(ErrorCode.UNDEFINED_SEQUENCE, simple), name);
            }
        }
        for (SequenceDef d : dropped) {
            engine.catalog().dropSequence(d);
        }
        return Execution.completed("DROP SEQUENCE");
    }
}
