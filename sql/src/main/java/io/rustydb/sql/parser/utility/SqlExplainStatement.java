package io.rustydb.sql.parser.utility;

import io.rustydb.common.ErrorCode;
import io.rustydb.sql.parser.GenericOption;
import io.rustydb.sql.parser.RustyDbParserUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * PostgreSQL's {@code EXPLAIN [ANALYZE] [VERBOSE] statement} or {@code EXPLAIN (ANALYZE [bool],
 * VERBOSE [bool], COSTS [bool], FORMAT TEXT | JSON, ...) statement}, where the statement is a
 * query (possibly with a locking clause), INSERT, UPDATE or DELETE (possibly with RETURNING).
 * BUFFERS, SETTINGS, TIMING, SUMMARY and WAL are accepted and have no effect here. (Calcite's
 * {@code EXPLAIN PLAN FOR} still parses to its own {@link org.apache.calcite.sql.SqlExplain}.)
 */
public final class SqlExplainStatement extends SqlCall {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("EXPLAIN", SqlKind.OTHER);

    /** The output format. */
    public enum Format {
        TEXT,
        JSON
    }

    private SqlNode statement;
    private final boolean analyze;
    private final boolean verbose;
    private final boolean costs;
    private final Format format;

    public SqlExplainStatement(SqlParserPos pos, SqlNode statement, boolean analyze, boolean verbose, boolean costs,
            Format format) {
        super(pos);
        this.statement = statement;
        this.analyze = analyze;
        this.verbose = verbose;
        this.costs = costs;
        this.format = format;
    }

    /** The node for a parsed EXPLAIN: the keyword flags, or the parenthesized {@code options}. */
    public static SqlExplainStatement create(SqlParserPos pos, SqlNode statement, List<GenericOption> options,
            boolean analyze, boolean verbose) {
        boolean costs = true;
        Format format = Format.TEXT;
        for (GenericOption option : options) {
            switch (option.name()) {
                case "analyze" -> analyze = option.booleanValue();
                case "verbose" -> verbose = option.booleanValue();
                case "costs" -> costs = option.booleanValue();
                case "buffers", "settings", "timing", "summary", "wal" -> option.booleanValue();
                case "format" -> format = format(option);
                default -> throw option.error(ErrorCode.SYNTAX_ERROR,
                        "unrecognized EXPLAIN option \"" + option.name() + "\"");
            }
        }
        return new SqlExplainStatement(pos, statement, analyze, verbose, costs, format);
    }

    private static Format format(GenericOption option) {
        String value = option.stringValue().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "text" -> Format.TEXT;
            case "json" -> Format.JSON;
            case "xml", "yaml" -> throw RustyDbParserUtil.notSupported(option.pos(),
                    "EXPLAIN format \"" + value + "\"");
            default -> throw option.error(ErrorCode.INVALID_PARAMETER_VALUE,
                    "unrecognized value for EXPLAIN option \"format\": \"" + option.stringValue() + "\"");
        };
    }

    /** The statement explained: a query, SqlSelectForUpdate, INSERT, UPDATE, DELETE or SqlReturning. */
    public SqlNode statement() {
        return statement;
    }

    /** Whether the statement is run and actual row counts and times are shown. */
    public boolean analyze() {
        return analyze;
    }

    public boolean verbose() {
        return verbose;
    }

    /** Whether estimated costs are shown (the default). */
    public boolean costs() {
        return costs;
    }

    public Format format() {
        return format;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(statement);
    }

    @Override
    public void setOperand(int i, SqlNode operand) {
        if (i != 0) {
            throw new IllegalArgumentException("operand " + i);
        }
        statement = operand;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("EXPLAIN");
        if (costs && format == Format.TEXT) {
            if (analyze) {
                writer.keyword("ANALYZE");
            }
            if (verbose) {
                writer.keyword("VERBOSE");
            }
        } else {
            List<String> options = new ArrayList<>();
            if (analyze) {
                options.add("ANALYZE");
            }
            if (verbose) {
                options.add("VERBOSE");
            }
            if (!costs) {
                options.add("COSTS FALSE");
            }
            if (format != Format.TEXT) {
                options.add("FORMAT " + format);
            }
            SqlWriter.Frame frame = writer.startList("(", ")");
            for (String option : options) {
                writer.sep(",");
                writer.keyword(option);
            }
            writer.endList(frame);
        }
        statement.unparse(writer, 0, 0);
    }
}
