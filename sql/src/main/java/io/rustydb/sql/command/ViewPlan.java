package io.rustydb.sql.command;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.sql.catalog.ViewDef;
import io.rustydb.sql.exec.EngineContext;
import io.rustydb.sql.exec.Execution;
import io.rustydb.sql.exec.QueryPlan;
import io.rustydb.sql.exec.StatementContext;
import io.rustydb.sql.exec.Tables;
import io.rustydb.sql.exec.UtilityPlan;
import io.rustydb.sql.parser.RustyDbParser;
import io.rustydb.sql.parser.ddl.SqlCreateView;
import io.rustydb.sql.parser.ddl.SqlDropView;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/**
 * CREATE [OR REPLACE] VIEW and DROP VIEW [IF EXISTS]. A view is stored as the text of its
 * query, checked by planning it when it is created, and expanded wherever it is queried.
 */
public final class ViewPlan extends UtilityPlan {
    private final EngineContext engine;
    private final SqlNode node;

    public ViewPlan(EngineContext engine, SqlNode node) {
        this.engine = engine;
        this.node = node;
    }

    public static boolean handles(SqlNode node) {
        return node instanceof SqlCreateView || node instanceof SqlDropView;
    }

    @Override
    public Execution start(StatementContext context, List<Object> parameters) {
        if (node instanceof SqlCreateView create) {
            String text = create.queryText();
            QueryPlan query = QueryPlan.create(engine, () -> RustyDbParser.parseStatement(text), List.of());
            if (create.columnNames().size() > query.columns().size()) {
                throw new RustyDbException(ErrorCode.SYNTAX_ERROR, "CREATE VIEW specifies more column names than columns");
            }
            String schema = Tables.schema(create.name());
            String name = Tables.simpleName(create.name());
            int id = engine.catalog().view(schema, name).filter(v -> create.orReplace() && v.id() != 0)
                    .map(ViewDef::id).orElseGet(() -> engine.catalog().newObjectId());
            engine.catalog().createView(new ViewDef(schema, name, create.columnNames(), text, id), create.orReplace());
            return Execution.completed("CREATE VIEW");
        }
        SqlDropView drop = (SqlDropView) node;
        for (SqlIdentifier name : drop.names()) {
            Optional<ViewDef> view = engine.catalog().view(Tables.schema(name), Tables.simpleName(name));
            if (view.isPresent()) {
                engine.catalog().dropView(view.get());
            } else if (drop.ifExists()) {
                context.notice("NOTICE", "00000", "view \"" + Tables.simpleName(name) + "\" does not exist, skipping");
            } else {
                throw new RustyDbException(ErrorCode.UNDEFINED_TABLE, Tables.simpleName(name));
            }
        }
        return Execution.completed("DROP VIEW");
    }
}
