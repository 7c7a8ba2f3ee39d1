package io.rustydb.sql.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;
import org.apache.calcite.adapter.enumerable.EnumerableAggregate;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableHashJoin;
import org.apache.calcite.adapter.enumerable.EnumerableMergeUnionRule;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.adapter.enumerable.EnumerableWindow;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.InvalidRelException;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalIntersect;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalMinus;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Makes the hash-based operators of compiled plans compare numeric values by value, as
 * PostgreSQL does: Calcite's generated code hashes BigDecimal keys with {@code equals}, for which
 * 1.0 and 1.00 differ. After planning, a hash aggregate, hash join or window partitioned on a
 * numeric column instead hashes an extra input column holding that column's normalized value
 * ({@link PgFunctions#numericKey}); an aggregate returns for such a group key the first value it
 * saw ({@link NumericAggregates}), the representation PostgreSQL's hash aggregation returns. Distinct
 * UNION, INTERSECT and EXCEPT over numeric columns are planned as aggregates, and joins on
 * numeric keys never as merge joins (which match keys by {@code equals} too), so they follow the
 * same rule ({@link #register}).
 */
final class NumericKeys {
    private NumericKeys() {
    }

    /**
     * Lets the planner implement a distinct set operation with a numeric column only through
     * aggregation (Calcite's UNION/INTERSECT/MINUS-to-distinct rules), not by hashing whole rows.
     */
    static void register(RelOptPlanner planner) {
        planner.removeRule(EnumerableRules.ENUMERABLE_UNION_RULE);
        planner.removeRule(EnumerableRules.ENUMERABLE_INTERSECT_RULE);
        planner.removeRule(EnumerableRules.ENUMERABLE_MINUS_RULE);
        planner.addRule(new Guarded<>(LogicalUnion.class, NumericKeys::mayHashRows,
                EnumerableRules.ENUMERABLE_UNION_RULE, "PgEnumerableUnionRule"));
        planner.addRule(new Guarded<>(LogicalIntersect.class, NumericKeys::mayHashRows,
                EnumerableRules.ENUMERABLE_INTERSECT_RULE, "PgEnumerableIntersectRule"));
        planner.addRule(new Guarded<>(LogicalMinus.class, NumericKeys::mayHashRows,
                EnumerableRules.ENUMERABLE_MINUS_RULE, "PgEnumerableMinusRule"));
        planner.removeRule(EnumerableRules.ENUMERABLE_MERGE_UNION_RULE);
        planner.addRule(new MergeUnionRule());
        planner.removeRule(EnumerableRules.ENUMERABLE_MERGE_JOIN_RULE);
        planner.addRule(new Guarded<>(LogicalJoin.class, j -> numericKeyPairs(j).isEmpty(),
                (ConverterRule) EnumerableRules.ENUMERABLE_MERGE_JOIN_RULE, "PgEnumerableMergeJoinRule"));
        planner.addRule(CoreRules.UNION_TO_DISTINCT);
        planner.addRule(CoreRules.INTERSECT_TO_DISTINCT);
        planner.addRule(CoreRules.MINUS_TO_DISTINCT);
    }

    /**
     * Whether Calcite's own operator may implement {@code setOp}: not if it removes duplicates
     * (hashes rows) and has a numeric column.
     */
    private static boolean mayHashRows(SetOp setOp) {
        if (setOp.all) {
            return true;
        }
        for (RelDataTypeField f : setOp.getRowType().getFieldList()) {
            if (isNumeric(f.getType())) {
                return false;
            }
        }
        return true;
    }

    /** The equi-join key pairs of {@code join} (left, right) that are both numeric. */
    private static List<int[]> numericKeyPairs(Join join) {
        List<RelDataTypeField> left = join.getLeft().getRowType().getFieldList();
        List<RelDataTypeField> right = join.getRight().getRowType().getFieldList();
        JoinInfo info = join.analyzeCondition();
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < info.leftKeys.size(); i++) {
            int l = info.leftKeys.get(i);
            int r = info.rightKeys.get(i);
            if (isNumeric(left.get(l).getType()) && isNumeric(right.get(r).getType())) {
                pairs.add(new int[] {l, r});
            }
        }
        return pairs;
    }

    /** {@code physical} with every numeric hash key replaced by its normalized value. */
    static RelNode rewrite(RelNode physical) {
        List<RelNode> inputs = physical.getInputs();
        List<RelNode> rewritten = new ArrayList<>(inputs.size());
        boolean changed = false;
        for (RelNode input : inputs) {
            RelNode r = rewrite(input);
            rewritten.add(r);
            changed |= r != input;
        }
        RelNode node = changed ? physical.copy(physical.getTraitSet(), rewritten) : physical;
        if (node instanceof EnumerableAggregate) {
            return aggregate((EnumerableAggregate) node);
        }
        if (node instanceof EnumerableHashJoin) {
            return join((Join) node);
        }
        if (node instanceof EnumerableWindow) {
            return window((Window) node);
        }
        return node;
    }

    private static boolean isNumeric(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.DECIMAL;
    }

    private static RelNode aggregate(EnumerableAggregate original) {
        EnumerableAggregate agg = numericMinMax(original);
        RelNode input = agg.getInput();
        List<RelDataTypeField> fields = input.getRowType().getFieldList();
        List<Integer> numeric = new ArrayList<>();
        for (int k : agg.getGroupSet()) {
            if (isNumeric(fields.get(k).getType())) {
                numeric.add(k);
            }
        }
        if (numeric.isEmpty()) {
            return agg;
        }
        int width = fields.size();
        IntUnaryOperator key = k -> numeric.contains(k) ? width + numeric.indexOf(k) : k;
        RelNode keyed = appendKeys(input, numeric);
        List<ImmutableBitSet> groupSets = new ArrayList<>();
        for (ImmutableBitSet set : agg.getGroupSets()) {
            groupSets.add(remap(set, key));
        }
        groupSets.sort(ImmutableBitSet.ORDERING);
        ImmutableBitSet groupSet = remap(agg.getGroupSet(), key);
        List<AggregateCall> calls = new ArrayList<>();
        for (AggregateCall c : agg.getAggCallList()) {
            SqlKind kind = c.getAggregation().getKind();
            if (kind == SqlKind.GROUPING || kind == SqlKind.GROUPING_ID || kind == SqlKind.GROUP_ID) {
                List<Integer> args = new ArrayList<>();
                for (int a : c.getArgList()) {
                    args.add(key.applyAsInt(a));
                }
                c = c.withArgList(args);
            }
            calls.add(c);
        }
        int ownCalls = calls.size();
        for (int k : numeric) {
            calls.add(AggregateCall.create(NumericAggregates.FIRST, false, false, false, List.of(), List.of(k), -1,
                    null, RelCollations.EMPTY, groupSets.size() > 1 || groupSet.isEmpty(), keyed, null,
                    "$first" + k));
        }
        Aggregate rewritten = aggregate(agg, keyed, groupSet, groupSets, calls);
        RexBuilder rex = agg.getCluster().getRexBuilder();
        List<Integer> oldKeys = agg.getGroupSet().asList();
        List<Integer> newKeys = groupSet.asList();
        List<RelDataTypeField> out = agg.getRowType().getFieldList();
        List<RexNode> exprs = new ArrayList<>();
        for (int i = 0; i < oldKeys.size(); i++) {
            int k = oldKeys.get(i);
            RexNode keyRef = rex.makeInputRef(rewritten, newKeys.indexOf(key.applyAsInt(k)));
            if (!numeric.contains(k)) {
                exprs.add(keyRef);
                continue;
            }
            RelDataType type = out.get(i).getType();
            RexNode first = rex.makeInputRef(rewritten, newKeys.size() + ownCalls + numeric.indexOf(k));
            // the key column is null when the key is null or rolled up (grouping sets)
            exprs.add(agg.getGroupType() == Aggregate.Group.SIMPLE && first.getType().equals(type) ? first
                    : rex.makeCall(type, SqlStdOperatorTable.CASE, List.of(
                            rex.makeCall(SqlStdOperatorTable.IS_NULL, keyRef), rex.makeNullLiteral(type), first)));
        }
        for (int i = 0; i < ownCalls; i++) {
            exprs.add(rex.makeInputRef(rewritten, newKeys.size() + i));
        }
        return calc(rewritten, exprs, agg.getRowType().getFieldNames());
    }

    /** {@code agg} with MIN and MAX over numeric values as PostgreSQL's (see {@link NumericAggregates}). */
    private static EnumerableAggregate numericMinMax(EnumerableAggregate agg) {
        List<AggregateCall> calls = new ArrayList<>();
        boolean changed = false;
        for (AggregateCall c : agg.getAggCallList()) {
            SqlKind kind = c.getAggregation().getKind();
            if ((kind == SqlKind.MIN || kind == SqlKind.MAX) && !c.isDistinct() && c.getArgList().size() == 1
                    && isNumeric(agg.getInput().getRowType().getFieldList().get(c.getArgList().get(0)).getType())) {
                c = AggregateCall.create(kind == SqlKind.MIN ? NumericAggregates.MIN : NumericAggregates.MAX, false,
                        false, false, List.of(), c.getArgList(), c.filterArg, null, RelCollations.EMPTY, c.getType(),
                        c.getName());
                changed = true;
            }
            calls.add(c);
        }
        return changed ? aggregate(agg, agg.getInput(), agg.getGroupSet(), agg.getGroupSets(), calls) : agg;
    }

    private static EnumerableAggregate aggregate(Aggregate like, RelNode input, ImmutableBitSet groupSet,
            List<ImmutableBitSet> groupSets, List<AggregateCall> calls) {
        try {
            return new EnumerableAggregate(like.getCluster(), like.getTraitSet(), input, groupSet, groupSets, calls);
        } catch (InvalidRelException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RelNode join(Join join) {
        RelNode left = join.getLeft();
        RelNode right = join.getRight();
        int leftWidth = left.getRowType().getFieldCount();
        int rightWidth = right.getRowType().getFieldCount();
        List<Integer> leftKeys = new ArrayList<>();
        List<Integer> rightKeys = new ArrayList<>();
        for (int[] pair : numericKeyPairs(join)) {
            if (!leftKeys.contains(pair[0])) {
                leftKeys.add(pair[0]);
            }
            if (!rightKeys.contains(pair[1])) {
                rightKeys.add(pair[1]);
            }
        }
        if (leftKeys.isEmpty()) {
            return join;
        }
        RexBuilder rex = join.getCluster().getRexBuilder();
        int added = leftKeys.size();
        int newLeftWidth = leftWidth + added;
        IntUnaryOperator shift = i -> i < leftWidth ? i : i + added;
        RexShuttle keys = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(shift.applyAsInt(ref.getIndex()), ref.getType());
            }

            @Override
            public RexNode visitCall(RexCall call) {
                if ((call.getKind() == SqlKind.EQUALS || call.getKind() == SqlKind.IS_NOT_DISTINCT_FROM)
                        && call.getOperands().get(0) instanceof RexInputRef
                        && call.getOperands().get(1) instanceof RexInputRef) {
                    int a = ((RexInputRef) call.getOperands().get(0)).getIndex();
                    int b = ((RexInputRef) call.getOperands().get(1)).getIndex();
                    int l = Math.min(a, b);
                    int r = Math.max(a, b) - leftWidth;
                    if (l < leftWidth && r >= 0 && leftKeys.contains(l) && rightKeys.contains(r)) {
                        RelDataType lt = call.getOperands().get(a < b ? 0 : 1).getType();
                        RelDataType rt = call.getOperands().get(a < b ? 1 : 0).getType();
                        return rex.makeCall(call.getOperator(),
                                new RexInputRef(leftWidth + leftKeys.indexOf(l), lt),
                                new RexInputRef(newLeftWidth + rightWidth + rightKeys.indexOf(r), rt));
                    }
                }
                return super.visitCall(call);
            }
        };
        RelNode joined = join.copy(join.getTraitSet(), join.getCondition().accept(keys),
                appendKeys(left, leftKeys), appendKeys(right, rightKeys), join.getJoinType(), join.isSemiJoinDone());
        List<RexNode> exprs = new ArrayList<>();
        for (int i = 0; i < leftWidth; i++) {
            exprs.add(rex.makeInputRef(joined, i));
        }
        if (join.getJoinType().projectsRight()) {
            for (int i = 0; i < rightWidth; i++) {
                exprs.add(rex.makeInputRef(joined, newLeftWidth + i));
            }
        }
        return calc(joined, exprs, join.getRowType().getFieldNames());
    }

    private static RelNode window(Window window) {
        RelNode input = window.getInput();
        List<RelDataTypeField> fields = input.getRowType().getFieldList();
        List<Integer> numeric = new ArrayList<>();
        for (Window.Group g : window.groups) {
            for (int k : g.keys) {
                if (isNumeric(fields.get(k).getType()) && !numeric.contains(k)) {
                    numeric.add(k);
                }
            }
        }
        if (numeric.isEmpty()) {
            return window;
        }
        int width = fields.size();
        int added = numeric.size();
        IntUnaryOperator key = k -> numeric.contains(k) ? width + numeric.indexOf(k) : k;
        // references past the input's fields are the window's constants: they move up
        RexShuttle constants = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return ref.getIndex() < width ? ref : new RexInputRef(ref.getIndex() + added, ref.getType());
            }
        };
        List<Window.Group> groups = new ArrayList<>();
        for (Window.Group g : window.groups) {
            List<Window.RexWinAggCall> calls = new ArrayList<>();
            for (Window.RexWinAggCall c : g.aggCalls) {
                calls.add((Window.RexWinAggCall) c.accept(constants));
            }
            groups.add(new Window.Group(remap(g.keys, key), g.isRows, bound(g.lowerBound, constants),
                    bound(g.upperBound, constants), g.exclude, g.orderKeys, calls));
        }
        RelNode keyed = appendKeys(input, numeric);
        var type = window.getCluster().getTypeFactory().builder().addAll(keyed.getRowType().getFieldList())
                .addAll(window.getRowType().getFieldList().subList(width, window.getRowType().getFieldCount()))
                .uniquify().build();
        ConverterRule windowRule = EnumerableRules.ENUMERABLE_WINDOW_RULE;
        RelNode windowed = windowRule.convert(LogicalWindow.create(
                keyed.getTraitSet().replace(Convention.NONE), keyed, window.constants, type, groups));
        RexBuilder rex = window.getCluster().getRexBuilder();
        List<RexNode> exprs = new ArrayList<>();
        for (int i = 0; i < window.getRowType().getFieldCount(); i++) {
            exprs.add(rex.makeInputRef(windowed, i < width ? i : i + added));
        }
        return calc(windowed, exprs, window.getRowType().getFieldNames());
    }

    private static RexWindowBound bound(RexWindowBound bound, RexShuttle shuttle) {
        return bound == null ? null : bound.accept(shuttle);
    }

    private static ImmutableBitSet remap(ImmutableBitSet set, IntUnaryOperator map) {
        ImmutableBitSet.Builder b = ImmutableBitSet.builder();
        for (int i : set) {
            b.set(map.applyAsInt(i));
        }
        return b.build();
    }

    /** {@code input}'s columns followed by the normalized value of each of {@code columns}. */
    private static RelNode appendKeys(RelNode input, List<Integer> columns) {
        RexBuilder rex = input.getCluster().getRexBuilder();
        List<RexNode> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>(input.getRowType().getFieldNames());
        for (int i = 0; i < input.getRowType().getFieldCount(); i++) {
            exprs.add(rex.makeInputRef(input, i));
        }
        for (int c : columns) {
            RexNode column = rex.makeInputRef(input, c);
            exprs.add(rex.makeCall(column.getType(), PgOperators.NUMERIC_KEY, List.of(column)));
            names.add("$key" + c);
        }
        return calc(input, exprs, names);
    }

    private static RelNode calc(RelNode input, List<RexNode> exprs, List<String> names) {
        RexProgram program = RexProgram.create(input.getRowType(), exprs, null, names,
                input.getCluster().getRexBuilder());
        return EnumerableCalc.create(input, program);
    }

    /** Calcite's merge of sorted UNION inputs, except for a distinct UNION with a numeric column. */
    private static final class MergeUnionRule extends EnumerableMergeUnionRule {
        MergeUnionRule() {
            super(EnumerableMergeUnionRule.Config.DEFAULT_CONFIG.withDescription("PgEnumerableMergeUnionRule")
                    .as(EnumerableMergeUnionRule.Config.class));
        }

        @Override
        public boolean matches(RelOptRuleCall call) {
            return mayHashRows(call.rel(1)) && super.matches(call);
        }
    }

    /** A converter rule that converts only the relational expressions {@code accepts} allows. */
    private static final class Guarded<R extends RelNode> extends ConverterRule {
        private final ConverterRule delegate;

        Guarded(Class<R> type, Predicate<? super R> accepts, ConverterRule delegate, String name) {
            super(Config.INSTANCE.withConversion(type, accepts, Convention.NONE, EnumerableConvention.INSTANCE, name));
            this.delegate = delegate;
        }

        @Override
        public RelNode convert(RelNode rel) {
            return delegate.convert(rel);
        }
    }
}
