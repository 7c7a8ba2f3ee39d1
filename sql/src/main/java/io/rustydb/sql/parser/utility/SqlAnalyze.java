package io.rustydb.sql.parser.utility;

import io.rustydb.common.ErrorCode;
import io.rustydb.sql.parser.GenericOption;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code ANALYZE [VERBOSE] [table [(col, ...)], ...]} or
 * {@code ANALYZE (VERBOSE [bool], SKIP_LOCKED [bool]) [table [(col, ...)], ...]}: gather planner
 * statistics.
 */
public final class SqlAnalyze extends SqlCall {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("ANALYZE", SqlKind.OTHER);

    private final boolean verbose;
    private final boolean skipLocked;
    private final List<VacuumTarget> targets;

    public SqlAnalyze(SqlParserPos pos, boolean verbose, boolean skipLocked, List<VacuumTarget> targets) {
        super(pos);
        this.verbose = verbose;
        this.skipLocked = skipLocked;
        this.targets = List.copyOf(targets);
    }

    /** The node for a parsed ANALYZE with the parenthesized {@code options}, if any. */
    public static SqlAnalyze create(SqlParserPos pos, List<GenericOption> options, boolean verbose,
            List<VacuumTarget> targets) {
        boolean skipLocked = false;
        for (GenericOption option : options) {
            switch (option.name()) {
                case "verbose" -> verbose = option.booleanValue();
                case "skip_locked" -> skipLocked = option.booleanValue();
                default -> throw option.error(ErrorCode.SYNTAX_ERROR,
                        "unrecognized ANALYZE option \"" + option.name() + "\"");
            }
        }
        return new SqlAnalyze(pos, verbose, skipLocked, targets);
    }

    public boolean verbose() {
        return verbose;
    }

    public boolean skipLocked() {
        return skipLocked;
    }

    /** The tables to analyze; empty means every table of the database. */
    public List<SqlIdentifier> tables() {
        return VacuumTarget.tables(targets);
    }

    /** The tables with their column lists. */
    public List<VacuumTarget> targets() {
        return targets;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.copyOf(tables());
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("ANALYZE");
        if (skipLocked) {
            SqlWriter.Frame frame = writer.startList("(", ")");
            if (verbose) {
                writer.sep(",");
                writer.keyword("VERBOSE");
            }
            writer.sep(",");
            writer.keyword("SKIP_LOCKED");
            writer.endList(frame);
        } else if (verbose) {
            writer.keyword("VERBOSE");
        }
        VacuumTarget.unparse(writer, targets);
    }
}
