package io.rustydb.sql.parser.ddl;

import io.rustydb.sql.parser.GenericOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code ALTER SEQUENCE [IF EXISTS] name option ...}: the options as CREATE SEQUENCE takes them
 * ({@code as}, {@code increment}, {@code minvalue}, {@code maxvalue}, {@code start}, {@code cache},
 * {@code cycle}, {@code owned}) plus {@code restart} (no value for RESTART without WITH). They are
 * applied to the sequence's current parameters when the statement runs
 * ({@link SequenceOptions#alter}).
 */
public final class SqlAlterSequence extends SqlDdl {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("ALTER SEQUENCE", SqlKind.ALTER_SEQUENCE);

    private final boolean ifExists;
    private final SqlIdentifier name;
    private final List<GenericOption> options;
    private final SqlIdentifier ownedBy;

    private SqlAlterSequence(SqlParserPos pos, boolean ifExists, SqlIdentifier name, List<GenericOption> options,
            SqlIdentifier ownedBy) {
        super(OPERATOR, pos);
        this.ifExists = ifExists;
        this.name = name;
        this.options = List.copyOf(options);
        this.ownedBy = ownedBy;
    }

    /**
     * The statement; 42601 {@code conflicting or redundant options} if an option is given twice.
     *
     * @param ownedBy OWNED BY's table.column, null for OWNED BY NONE or without OWNED BY
     */
    public static SqlAlterSequence of(SqlParserPos pos, boolean ifExists, SqlIdentifier name,
            List<GenericOption> options, SqlIdentifier ownedBy) {
        Set<String> seen = new HashSet<>();
        for (GenericOption option : options) {
            if (!seen.add(option.name())) {
                throw option.redundant();
            }
        }
        return new SqlAlterSequence(pos, ifExists, name, options, ownedBy);
    }

    public boolean ifExists() {
        return ifExists;
    }

    public SqlIdentifier name() {
        return name;
    }

    /** The options in the order written, each at most once. */
    public List<GenericOption> options() {
        return options;
    }

    /** Whether OWNED BY was given. */
    public boolean changesOwner() {
        return options.stream().anyMatch(o -> o.name().equals("owned"));
    }

    /** OWNED BY's table.column; null for OWNED BY NONE (or no OWNED BY, see {@link #changesOwner}). */
    public SqlIdentifier ownedBy() {
        return ownedBy;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("ALTER SEQUENCE");
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        name.unparse(writer, 0, 0);
        for (GenericOption option : options) {
            writer.keyword(option.name().toUpperCase(java.util.Locale.ROOT));
            if (option.name().equals("owned")) {
                if (ownedBy == null) {
                    writer.keyword("NONE");
                } else {
                    ownedBy.unparse(writer, 0, 0);
                }
            } else if (option.value() != null) {
                option.value().unparse(writer, 0, 0);
            }
        }
    }
}
