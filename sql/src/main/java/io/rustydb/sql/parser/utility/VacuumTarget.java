package io.rustydb.sql.parser.utility;

import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlWriter;

/**
 * One table of VACUUM or ANALYZE, with the columns to analyze ({@code t (a, b)}); no columns means
 * all of them.
 *
 * @param table the table, possibly schema-qualified
 * @param columns the columns named in parentheses, or empty
 */
public record VacuumTarget(SqlIdentifier table, List<String> columns) {
    public VacuumTarget {
        columns = List.copyOf(columns);
    }

    static void unparse(SqlWriter writer, List<VacuumTarget> targets) {
        if (targets.isEmpty()) {
            return;
        }
        SqlWriter.Frame frame = writer.startList("", "");
        for (VacuumTarget target : targets) {
            writer.sep(",");
            target.table.unparse(writer, 0, 0);
            if (!target.columns.isEmpty()) {
                SqlWriter.Frame columnFrame = writer.startList("(", ")");
                for (String column : target.columns) {
                    writer.sep(",");
                    writer.identifier(column, true);
                }
                writer.endList(columnFrame);
            }
        }
        writer.endList(frame);
    }

    static List<SqlIdentifier> tables(List<VacuumTarget> targets) {
        return targets.stream().map(VacuumTarget::table).toList();
    }
}
