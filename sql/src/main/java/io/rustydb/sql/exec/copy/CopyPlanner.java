package io.rustydb.sql.exec.copy;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.exec.EngineContext;
import io.rustydb.sql.exec.PositionedException;
import io.rustydb.sql.exec.QueryPlan;
import io.rustydb.sql.exec.StatementPlan;
import io.rustydb.sql.exec.Tables;
import io.rustydb.sql.parser.RustyDbParser;
import io.rustydb.sql.parser.copy.CopyOptions;
import io.rustydb.sql.parser.copy.SqlCopy;
import java.util.List;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;

/** Plans a COPY statement: the target table and columns and the resolved data format. */
public final class CopyPlanner {
    private CopyPlanner() {
    }

    public static StatementPlan plan(EngineContext engine, SqlCopy copy) {
        CopyOptions options = copy.options();
        if (options.binary()) {
            throw new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED, "COPY in binary format");
        }
        CopyFormat format = options.csv()
                ? new CopyFormat(true, options.delimiterChar(), options.nullString(), options.quoteChar(),
                        options.escapeChar(), options.header())
                : new CopyFormat(false, options.delimiterChar(), options.nullString(), '"', '"', options.header());
        if (!copy.fromStdin()) {
            String sql = copy.query() != null
                    ? copy.query().toSqlString(PostgresqlSqlDialect.DEFAULT).getSql()
                    : selectAll(Tables.resolve(engine.catalog(), copy.table()), copy);
            return new CopyToPlan(QueryPlan.create(engine, () -> RustyDbParser.parseStatement(sql), List.of()), format);
        }
        TableDef table = Tables.resolve(engine.catalog(), copy.table());
        return new CopyFromPlan(engine, table, targets(table, copy.columns(), copy), format);
    }

    /** {@code SELECT columns FROM table} for COPY table TO STDOUT. */
    private static String selectAll(TableDef table, SqlCopy copy) {
        int[] columns = targets(table, copy.columns(), copy);
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(quote(table.columns().get(columns[i]).name()));
        }
        return sql.append(" FROM ").append(quote(table.schema())).append('.').append(quote(table.name())).toString();
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static int[] targets(TableDef table, List<String> names, SqlCopy copy) {
        if (names.isEmpty()) {
            int[] all = new int[table.columns().size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] targets = new int[names.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = table.columnIndex(names.get(i));
            if (targets[i] < 0) {
                throw new PositionedException(new RustyDbException(ErrorCode.UNDEFINED_COLUMN,
                        names.get(i) + "\" of relation \"" + table.name()), copy);
            }
        }
        return targets;
    }
}
