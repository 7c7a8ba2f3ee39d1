package io.rustydb.sql.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * AVG over exact numbers as PostgreSQL computes it: the numeric division of SUM by COUNT
 * ({@link PgFunctions#divide}), so the result has PostgreSQL's scale rather than a fixed one.
 * AVG over floating-point numbers is left to Calcite (double precision, as in PostgreSQL), over
 * real values widened to double precision first.
 */
final class PgAverages {
    private PgAverages() {
    }

    /** True if {@code avgType} is the type of an AVG this class computes (numeric). */
    static boolean isNumericAvg(RelDataType avgType) {
        return avgType.getSqlTypeName() == SqlTypeName.DECIMAL;
    }

    /**
     * {@code aggregate} with each numeric AVG replaced by SUM and COUNT (keeping DISTINCT and
     * FILTER), under a projection that divides them; the aggregate itself if it has no such AVG.
     */
    static RelNode reduce(LogicalAggregate aggregate, RexBuilder rex) {
        return reduceNumeric(widen(aggregate, rex), rex);
    }

    /**
     * {@code aggregate} with the argument of each AVG over real widened to double precision
     * first, as PostgreSQL accumulates float4 averages in float8 (SUM of real stays real), and
     * over bigint to numeric, as for SUM of bigint (numeric in PostgreSQL), so that sums cannot overflow.
     */
    private static LogicalAggregate widen(LogicalAggregate aggregate, RexBuilder rex) {
        List<AggregateCall> calls = aggregate.getAggCallList();
        RelNode input = aggregate.getInput();
        List<RexNode> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>(input.getRowType().getFieldNames());
        for (int i = 0; i < input.getRowType().getFieldCount(); i++) {
            exprs.add(rex.makeInputRef(input, i));
        }
        List<AggregateCall> newCalls = new ArrayList<>();
        boolean any = false;
        for (AggregateCall c : calls) {
            SqlTypeName argType = c.getArgList().size() == 1 ? input.getRowType().getFieldList()
                    .get(c.getArgList().get(0)).getType().getSqlTypeName() : null;
            SqlKind kind = c.getAggregation().getKind();
            if (kind == SqlKind.AVG && (argType == SqlTypeName.REAL || argType == SqlTypeName.BIGINT)
                    || kind == SqlKind.SUM && argType == SqlTypeName.BIGINT) {
                RexNode arg = rex.makeInputRef(input, c.getArgList().get(0));
                RelDataTypeFactory f = rex.getTypeFactory();
                RelDataType wide = argType == SqlTypeName.REAL ? f.createSqlType(SqlTypeName.DOUBLE)
                        : PgOperators.unboundedNumeric(f);
                exprs.add(rex.makeCast(f.createTypeWithNullability(wide, arg.getType().isNullable()), arg));
                names.add("$avg" + exprs.size());
                newCalls.add(c.withArgList(List.of(exprs.size() - 1)));
                any = true;
            } else {
                newCalls.add(c);
            }
        }
        if (!any) {
            return aggregate;
        }
        RelNode widened = LogicalProject.create(input, List.of(), exprs, names, java.util.Set.of());
        return LogicalAggregate.create(widened, aggregate.getHints(), aggregate.getGroupSet(),
                aggregate.getGroupSets(), newCalls);
    }

    private static RelNode reduceNumeric(LogicalAggregate aggregate, RexBuilder rex) {
        List<AggregateCall> calls = aggregate.getAggCallList();
        boolean any = false;
        for (AggregateCall c : calls) {
            any |= c.getAggregation().getKind() == SqlKind.AVG && isNumericAvg(c.getType());
        }
        if (!any) {
            return aggregate;
        }
        int groups = aggregate.getGroupCount();
        boolean emptyGroup = aggregate.hasEmptyGroup();
        RelNode input = aggregate.getInput();
        List<AggregateCall> newCalls = new ArrayList<>();
        List<int[]> slots = new ArrayList<>();
        for (AggregateCall c : calls) {
            if (c.getAggregation().getKind() == SqlKind.AVG && isNumericAvg(c.getType())) {
                int sum = groups + newCalls.size();
                newCalls.add(AggregateCall.create(SqlStdOperatorTable.SUM, c.isDistinct(), c.isApproximate(),
                        c.ignoreNulls(), c.rexList, c.getArgList(), c.filterArg, c.distinctKeys, c.collation,
                        emptyGroup, input, null, null));
                newCalls.add(AggregateCall.create(SqlStdOperatorTable.COUNT, c.isDistinct(), c.isApproximate(),
                        c.ignoreNulls(), c.rexList, c.getArgList(), c.filterArg, c.distinctKeys, c.collation,
                        emptyGroup, input, null, null));
                slots.add(new int[] {sum, sum + 1});
            } else {
                slots.add(new int[] {groups + newCalls.size()});
                newCalls.add(c);
            }
        }
        LogicalAggregate reduced = LogicalAggregate.create(input, aggregate.getHints(), aggregate.getGroupSet(),
                aggregate.getGroupSets(), newCalls);
        List<RexNode> exprs = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            exprs.add(rex.makeInputRef(reduced, i));
        }
        for (int i = 0; i < calls.size(); i++) {
            int[] slot = slots.get(i);
            if (slot.length == 1) {
                exprs.add(rex.makeInputRef(reduced, slot[0]));
            } else {
                exprs.add(divide(rex, calls.get(i).getType(), rex.makeInputRef(reduced, slot[0]),
                        rex.makeInputRef(reduced, slot[1])));
            }
        }
        return LogicalProject.create(reduced, List.of(), exprs, aggregate.getRowType().getFieldNames(),
                java.util.Set.of());
    }

    /** {@code sum / count} as PostgreSQL's numeric division; NULL when there were no values. */
    static RexNode divide(RexBuilder rex, RelDataType avgType, RexNode sum, RexNode count) {
        RelDataTypeFactory f = rex.getTypeFactory();
        RelDataType numeric = PgOperators.unboundedNumeric(f);
        return rex.makeCall(avgType, PgOperators.DIVIDE, List.of(toNumeric(rex, numeric, sum),
                toNumeric(rex, numeric, count)));
    }

    private static RexNode toNumeric(RexBuilder rex, RelDataType numeric, RexNode e) {
        if (e.getType().getSqlTypeName() == SqlTypeName.DECIMAL) {
            return e;
        }
        return rex.makeCast(rex.getTypeFactory().createTypeWithNullability(numeric, e.getType().isNullable()), e);
    }
}
