package io.rustydb.sql.parser.ddl;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code CREATE SEQUENCE [IF NOT EXISTS] name [AS type] [INCREMENT [BY] n] [MINVALUE n | NO
 * MINVALUE] [MAXVALUE n | NO MAXVALUE] [START [WITH] n] [CACHE n] [[NO] CYCLE] [OWNED BY t.c |
 * OWNED BY NONE]}, its options checked and completed as {@link SequenceOptions}. The sequence
 * functions nextval('s'), currval('s') and setval('s', n [, called]) are ordinary function calls.
 */
public final class SqlCreateSequence extends SqlCreate {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE SEQUENCE", SqlKind.CREATE_SEQUENCE);

    private final SqlIdentifier name;
    private final SequenceOptions options;
    private final SqlIdentifier ownedBy;

    public SqlCreateSequence(SqlParserPos pos, boolean ifNotExists, SqlIdentifier name, SequenceOptions options,
            SqlIdentifier ownedBy) {
        super(OPERATOR, pos, false, ifNotExists);
        this.name = name;
        this.options = options;
        this.ownedBy = ownedBy;
    }

    /** The sequence name, possibly schema-qualified. */
    public SqlIdentifier name() {
        return name;
    }

    public boolean ifNotExists() {
        return ifNotExists;
    }

    public SequenceOptions options() {
        return options;
    }

    /** The {@code table.column} of OWNED BY (dropped with it), or {@code null} for none. */
    public SqlIdentifier ownedBy() {
        return ownedBy;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(name, ownedBy);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("CREATE SEQUENCE");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        name.unparse(writer, 0, 0);
        writer.keyword("AS " + options.type().sqlName().toUpperCase(Locale.ROOT));
        writer.keyword("INCREMENT BY");
        writer.literal(Long.toString(options.increment()));
        writer.keyword("MINVALUE");
        writer.literal(Long.toString(options.minValue()));
        writer.keyword("MAXVALUE");
        writer.literal(Long.toString(options.maxValue()));
        writer.keyword("START WITH");
        writer.literal(Long.toString(options.start()));
        writer.keyword("CACHE");
        writer.literal(Long.toString(options.cache()));
        writer.keyword(options.cycle() ? "CYCLE" : "NO CYCLE");
        if (ownedBy != null) {
            writer.keyword("OWNED BY");
            ownedBy.unparse(writer, 0, 0);
        }
    }
}
