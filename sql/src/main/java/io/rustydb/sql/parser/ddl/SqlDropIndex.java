package io.rustydb.sql.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP INDEX [CONCURRENTLY] [IF EXISTS] name, ... [CASCADE | RESTRICT]}. */
public final class SqlDropIndex extends SqlDropObjects {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("DROP INDEX", SqlKind.DROP_INDEX);

    private final boolean concurrently;

    public SqlDropIndex(SqlParserPos pos, boolean concurrently, boolean ifExists, List<SqlIdentifier> names,
            boolean cascade) {
        super(OPERATOR, pos, ifExists, names, cascade);
        this.concurrently = concurrently;
    }

    /** Whether CONCURRENTLY was given: drop without blocking concurrent reads and writes. */
    public boolean concurrently() {
        return concurrently;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    protected void unparseModifiers(SqlWriter writer) {
        if (concurrently) {
            writer.keyword("CONCURRENTLY");
        }
    }
}
