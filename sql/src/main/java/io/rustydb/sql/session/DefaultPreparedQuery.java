package io.rustydb.sql.session;

import io.rustydb.common.types.DataType;
import io.rustydb.sql.CopyDescription;
import io.rustydb.sql.PreparedQuery;
import io.rustydb.sql.ResultColumn;
import io.rustydb.sql.exec.StatementPlan;
import java.util.List;

/**
 * A prepared statement of a session: text, sql_id, the plan and the catalog version it was
 * planned against (a DDL since then makes the session re-plan it, as PostgreSQL does).
 */
final class DefaultPreparedQuery implements PreparedQuery {
    private final DefaultParsedStatement statement;
    private final String sqlId;
    /** The normalized text the sql_id is computed from (v$sql_statistics.sql_text). */
    private final String normalizedText;
    private final List<DataType> declaredTypes;
    private StatementPlan plan;
    private long catalogVersion;
    /** For a statement run through its shape's template: the literals bound as its parameters. */
    private List<Object> boundLiterals;
    /** {@link PlanHash} of {@link #plan}, 0 until first asked. */
    private long planHash;

    DefaultPreparedQuery(DefaultParsedStatement statement, String sqlId, String normalizedText,
            List<DataType> declaredTypes, StatementPlan plan, long catalogVersion) {
        this.statement = statement;
        this.sqlId = sqlId;
        this.normalizedText = normalizedText;
        this.declaredTypes = declaredTypes;
        this.plan = plan;
        this.catalogVersion = catalogVersion;
    }

    DefaultParsedStatement statement() {
        return statement;
    }

    List<DataType> declaredTypes() {
        return declaredTypes;
    }

    StatementPlan plan() {
        return plan;
    }

    long catalogVersion() {
        return catalogVersion;
    }

    /**
     * This template's plan for {@code statement}, a statement of the same shape, with its
     * literals as the parameters (see {@link StatementShapes}). A re-plan after DDL plans the
     * statement's own text, whose plan takes no parameters.
     */
    DefaultPreparedQuery boundTo(DefaultParsedStatement literalStatement, List<Object> literals) {
        DefaultPreparedQuery bound = new DefaultPreparedQuery(literalStatement, sqlId, normalizedText, List.of(), plan,
                catalogVersion);
        bound.boundLiterals = literals;
        bound.planHash = planHash;
        return bound;
    }

    /** The literals to bind instead of client parameters, or null for a statement of its own. */
    List<Object> boundLiterals() {
        return boundLiterals;
    }

    void replan(StatementPlan newPlan, long version) {
        this.plan = newPlan;
        this.catalogVersion = version;
        this.planHash = 0;
    }

    /** The hash of the plan's shape ({@code v$session.sql_plan_hash_value}), computed once per plan. */
    long planHash() {
        long h = planHash;
        if (h == 0) {
            h = PlanHash.of(plan);
            planHash = h;
        }
        return h;
    }

    @Override
    public String sql() {
        return statement == null ? "" : statement.text();
    }

    @Override
    public String sqlId() {
        return sqlId;
    }

    String normalizedText() {
        return normalizedText;
    }

    @Override
    public boolean isEmpty() {
        return plan == null;
    }

    @Override
    public List<DataType> parameterTypes() {
        return plan == null ? List.of() : plan.parameterTypes();
    }

    @Override
    public CopyDescription copy() {
        return plan == null ? null : plan.copy();
    }

    @Override
    public List<ResultColumn> resultColumns() {
        return plan == null ? List.of() : plan.columns();
    }
}
