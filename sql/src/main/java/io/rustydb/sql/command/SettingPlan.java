package io.rustydb.sql.command;

import io.rustydb.common.types.ColumnType;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.ResultColumn;
import io.rustydb.sql.exec.Execution;
import io.rustydb.sql.exec.SessionControl;
import io.rustydb.sql.exec.StatementContext;
import io.rustydb.sql.exec.UtilityPlan;
import io.rustydb.sql.parser.session.SqlResetVariable;
import io.rustydb.sql.parser.session.SqlSetVariable;
import io.rustydb.sql.parser.session.SqlShowVariable;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlNode;

/** SET, RESET and SHOW of the session's run-time parameters. */
public final class SettingPlan extends UtilityPlan {
    private static final ColumnType TEXT = ColumnType.of(DataType.TEXT);

    private final SqlNode node;
    private final List<ResultColumn> columns;

    public SettingPlan(SqlNode node, SessionControl session) {
        this.node = node;
        if (node instanceof SqlShowVariable show) {
            this.columns = show.all()
                    ? List.of(new ResultColumn("name", TEXT, 0, 0), new ResultColumn("setting", TEXT, 0, 0),
                            new ResultColumn("description", TEXT, 0, 0))
                    : List.of(new ResultColumn(session.settings().canonicalName(show.name()).toLowerCase(Locale.ROOT),
                            TEXT, 0, 0));
        } else {
            this.columns = List.of();
        }
    }

    public static boolean handles(SqlNode node) {
        return node instanceof SqlSetVariable || node instanceof SqlResetVariable || node instanceof SqlShowVariable;
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public Execution start(StatementContext context, List<Object> parameters) {
        SessionControl session = context.session();
        if (node instanceof SqlSetVariable set) {
            if (set.local() && !session.inTransactionBlock()) {
                session.notice("WARNING", "25P01", "SET LOCAL can only be used in transaction blocks");
                return Execution.completed("SET");
            }
            String value = set.isDefault() ? null : String.join(", ", set.values());
            report(session, session.settings().set(set.name(), value, set.local()));
            return Execution.completed("SET");
        }
        if (node instanceof SqlResetVariable reset) {
            if (reset.all()) {
                session.settings().resetAll().forEach(session::parameterChanged);
            } else {
                report(session, session.settings().set(reset.name(), null, false));
            }
            return Execution.completed("RESET");
        }
        SqlShowVariable show = (SqlShowVariable) node;
        List<Object[]> rows = show.all() ? session.settings().all()
                : List.<Object[]>of(new Object[] {session.settings().get(show.name())});
        return Execution.ofRows(rows, "SHOW");
    }

    private static void report(SessionControl session, String changed) {
        if (changed != null) {
            session.parameterChanged(changed);
        }
    }

}
