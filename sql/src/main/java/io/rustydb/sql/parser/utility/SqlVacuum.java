package io.rustydb.sql.parser.utility;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.sql.parser.GenericOption;
import io.rustydb.sql.parser.RustyDbParserUtil;
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
 * {@code VACUUM [FULL] [FREEZE] [VERBOSE] [ANALYZE] [table [(col, ...)], ...]} or
 * {@code VACUUM (option [value], ...) [table [(col, ...)], ...]}. Of the parenthesized options,
 * FULL, FREEZE, VERBOSE, ANALYZE and SKIP_LOCKED are kept; DISABLE_PAGE_SKIPPING, INDEX_CLEANUP,
 * PROCESS_TOAST, TRUNCATE and PARALLEL are accepted and have no effect here.
 */
public final class SqlVacuum extends SqlCall {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("VACUUM", SqlKind.OTHER);

    private final boolean full;
    private final boolean freeze;
    private final boolean verbose;
    private final boolean analyze;
    private final boolean skipLocked;
    private final List<VacuumTarget> targets;

    public SqlVacuum(SqlParserPos pos, boolean full, boolean freeze, boolean verbose, boolean analyze,
            boolean skipLocked, List<VacuumTarget> targets) {
        super(pos);
        this.full = full;
        this.freeze = freeze;
        this.verbose = verbose;
        this.analyze = analyze;
        this.skipLocked = skipLocked;
        this.targets = List.copyOf(targets);
    }

    /**
     * The node for a parsed VACUUM: the keyword flags of the old form, or the parenthesized
     * {@code options} of the new one.
     */
    public static SqlVacuum create(SqlParserPos pos, List<GenericOption> options, boolean full, boolean freeze,
            boolean verbose, boolean analyze, List<VacuumTarget> targets) {
        boolean skipLocked = false;
        for (GenericOption option : options) {
            switch (option.name()) {
                case "full" -> full = option.booleanValue();
                case "freeze" -> freeze = option.booleanValue();
                case "verbose" -> verbose = option.booleanValue();
                case "analyze" -> analyze = option.booleanValue();
                case "skip_locked" -> skipLocked = option.booleanValue();
                case "disable_page_skipping", "process_toast", "truncate" -> option.booleanValue();
                case "index_cleanup", "parallel" -> {
                    // accepted for compatibility; RustyDB has no separate index vacuuming or workers
                }
                default -> throw option.error(ErrorCode.SYNTAX_ERROR,
                        "unrecognized VACUUM option \"" + option.name() + "\"");
            }
        }
        if (!analyze) {
            requireNoColumns(targets);
        }
        return new SqlVacuum(pos, full, freeze, verbose, analyze, skipLocked, targets);
    }

    /** PostgreSQL only takes a column list together with ANALYZE. */
    static void requireNoColumns(List<VacuumTarget> targets) {
        for (VacuumTarget target : targets) {
            if (!target.columns().isEmpty()) {
                throw RustyDbParserUtil.error(target.table().getParserPosition(), new RustyDbException(
                        ErrorCode.INVALID_PARAMETER_VALUE,
                        "ANALYZE option must be specified when a column list is provided"));
            }
        }
    }

    public boolean full() {
        return full;
    }

    public boolean freeze() {
        return freeze;
    }

    public boolean verbose() {
        return verbose;
    }

    /** Whether statistics are gathered too (VACUUM ANALYZE). */
    public boolean analyze() {
        return analyze;
    }

    /** SKIP_LOCKED: skip tables that cannot be locked at once. */
    public boolean skipLocked() {
        return skipLocked;
    }

    /** The tables to vacuum; empty means every table of the database. */
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
        writer.keyword("VACUUM");
        if (skipLocked) {
            SqlWriter.Frame frame = writer.startList("(", ")");
            flag(writer, full, "FULL");
            flag(writer, freeze, "FREEZE");
            flag(writer, verbose, "VERBOSE");
            flag(writer, analyze, "ANALYZE");
            flag(writer, true, "SKIP_LOCKED");
            writer.endList(frame);
        } else {
            keyword(writer, full, "FULL");
            keyword(writer, freeze, "FREEZE");
            keyword(writer, verbose, "VERBOSE");
            keyword(writer, analyze, "ANALYZE");
        }
        VacuumTarget.unparse(writer, targets);
    }

    private static void flag(SqlWriter writer, boolean set, String name) {
        if (set) {
            writer.sep(",");
            writer.keyword(name);
        }
    }

    private static void keyword(SqlWriter writer, boolean set, String name) {
        if (set) {
            writer.keyword(name);
        }
    }
}
