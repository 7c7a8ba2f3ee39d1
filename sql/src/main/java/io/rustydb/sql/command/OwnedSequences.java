package io.rustydb.sql.command;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.catalog.SequenceDef;
import io.rustydb.sql.exec.EngineContext;
import io.rustydb.sql.exec.PositionedException;
import io.rustydb.sql.parser.GenericOption;
import io.rustydb.sql.parser.ddl.SequenceOptions;
import io.rustydb.sql.parser.ddl.SqlColumnDeclaration;
import io.rustydb.sql.sequence.SequenceDefaults;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sequences CREATE TABLE makes for SERIAL and identity columns: one per column, named
 * {@code <table>_<column>_seq} (with a number appended if that name is taken, as PostgreSQL
 * does), owned by the column, so DROP TABLE drops them and TRUNCATE ... RESTART IDENTITY restarts them.
 */
final class OwnedSequences {
    private final EngineContext engine;
    private final String schema;
    private final String table;
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Set<String> taken = new HashSet<>();
    private final List<SequenceDef> planned = new ArrayList<>();

    OwnedSequences(EngineContext engine, String schema, String table) {
        this.engine = engine;
        this.schema = schema;
        this.table = table;
    }

    /** PostgreSQL's checks of a SERIAL or identity column declaration. */
    static void check(SqlColumnDeclaration c, String table) {
        if (c.identity() != null && c.serial()) {
            throw new PositionedException(new RustyDbException(ErrorCode.SYNTAX_ERROR,
                    "both default and identity specified for column \"" + c.nameString() + "\" of table \""
                            + table + "\""), c);
        }
        if ((c.serial() || c.identity() != null) && c.defaultValue() != null) {
            throw new PositionedException(new RustyDbException(ErrorCode.SYNTAX_ERROR, c.serial()
                    ? "multiple default values specified for column \"" + c.nameString() + "\" of table \"" + table + "\""
                    : "both default and identity specified for column \"" + c.nameString() + "\" of table \""
                            + table + "\""), c);
        }
        if (c.identity() != null) {
            DataType type = c.columnType().type();
            if (type != DataType.SMALLINT && type != DataType.INTEGER && type != DataType.BIGINT) {
                throw new PositionedException(new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "identity column type must be smallint, integer, or bigint"), c);
            }
        }
    }

    /** The DEFAULT of a SERIAL column, {@code nextval('<sequence>'::regclass)}. */
    String serialDefault(String column) {
        return SequenceDefaults.nextvalDefault(name(column));
    }

    private String name(String column) {
        return names.computeIfAbsent(column, c -> {
            String base = table + "_" + c + "_seq";
            String candidate = base;
            for (int i = 1; engine.catalog().relationExists(schema, candidate) || taken.contains(candidate)
                    || candidate.equals(table); i++) {
                candidate = base + i;
            }
            taken.add(candidate);
            return candidate;
        });
    }

    /** Resolves every owned sequence's options (before the table exists, so bad options create nothing). */
    void plan(List<SqlColumnDeclaration> columns) {
        for (SqlColumnDeclaration c : columns) {
            if (c.serial()) {
                DataType type = c.columnType().type();
                long max = type == DataType.SMALLINT ? Short.MAX_VALUE
                        : type == DataType.INTEGER ? Integer.MAX_VALUE : Long.MAX_VALUE;
                planned.add(SequencePlan.define(engine, schema, name(c.nameString()),
                        new SequenceOptions(type, 1, 1, max, 1, 1, false), table, c.nameString(), null));
            } else if (c.identity() != null) {
                List<GenericOption> options = new ArrayList<>(c.identityOptions());
                if (options.stream().noneMatch(o -> o.name().equals("as"))) {
                    options.add(new GenericOption("as", c.dataType(), c.getParserPosition()));
                }
                planned.add(SequencePlan.define(engine, schema, name(c.nameString()), SequenceOptions.resolve(options),
                        table, c.nameString(), c.identity()));
            }
        }
    }

    /** Creates the planned sequences, once the table exists. */
    void create() {
        for (SequenceDef def : planned) {
            engine.catalog().createSequence(def);
        }
    }
}
