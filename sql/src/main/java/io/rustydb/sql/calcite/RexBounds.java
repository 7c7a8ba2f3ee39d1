package io.rustydb.sql.calcite;

import io.rustydb.sql.index.ColumnBound;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;
import org.apache.calcite.util.TimestampString;
import com.google.common.collect.BoundType;
import com.google.common.collect.Range;

/**
 * The {@link ColumnBound}s of a filter condition over a table scan: conjuncts comparing a column
 * with a parameter or constant of the column's type ({@code =, <, <=, >, >=}), OR-ed equalities
 * of one column ({@code IN} lists) and Calcite's SEARCH over constant points or one range.
 */
final class RexBounds {
    final List<ColumnBound> bounds = new ArrayList<>();
    final List<RustyIndexScan.Slot> slots = new ArrayList<>();

    static RexBounds of(RexNode condition, RelDataType rowType) {
        RexBounds out = new RexBounds();
        for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
            out.collect(conjunct, rowType);
        }
        return out;
    }

    private void collect(RexNode node, RelDataType rowType) {
        if (!(node instanceof RexCall call)) {
            return;
        }
        ColumnBound.Op op = switch (call.getKind()) {
            case EQUALS -> ColumnBound.Op.EQ;
            case LESS_THAN -> ColumnBound.Op.LT;
            case LESS_THAN_OR_EQUAL -> ColumnBound.Op.LE;
            case GREATER_THAN -> ColumnBound.Op.GT;
            case GREATER_THAN_OR_EQUAL -> ColumnBound.Op.GE;
            default -> null;
        };
        if (op != null) {
            for (int side = 0; side < 2; side++) {
                if (call.getOperands().get(side) instanceof RexInputRef ref) {
                    RustyIndexScan.Slot slot = slot(call.getOperands().get(1 - side), rowType, ref.getIndex());
                    if (slot != null) {
                        bounds.add(ColumnBound.of(ref.getIndex(), side == 0 ? op : op.flipped(), slots.size()));
                        slots.add(slot);
                        return;
                    }
                }
            }
        } else if (call.getKind() == SqlKind.OR) {
            collectIn(call, rowType);
        } else if (call.getKind() == SqlKind.SEARCH && call.getOperands().get(0) instanceof RexInputRef ref
                && call.getOperands().get(1) instanceof RexLiteral literal) {
            collectSearch(ref.getIndex(), literal.getValueAs(Sarg.class));
        }
    }

    /** {@code a = ?0 OR a = ?1 ...}: an IN list on one column. */
    private void collectIn(RexCall or, RelDataType rowType) {
        int column = -1;
        List<RustyIndexScan.Slot> values = new ArrayList<>();
        for (RexNode operand : or.getOperands()) {
            if (!(operand instanceof RexCall eq) || eq.getKind() != SqlKind.EQUALS
                    || !(eq.getOperands().get(0) instanceof RexInputRef ref)
                    || (column >= 0 && ref.getIndex() != column)) {
                return;
            }
            RustyIndexScan.Slot slot = slot(eq.getOperands().get(1), rowType, ref.getIndex());
            if (slot == null) {
                return;
            }
            column = ref.getIndex();
            values.add(slot);
        }
        addIn(column, values);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void collectSearch(int column, Sarg sarg) {
        if (sarg == null || sarg.nullAs == org.apache.calcite.rex.RexUnknownAs.TRUE) {
            return;
        }
        if (sarg.isPoints()) {
            List<RustyIndexScan.Slot> values = new ArrayList<>();
            for (Object r : sarg.rangeSet.asRanges()) {
                values.add(RustyIndexScan.Slot.constant(javaValue(((Range) r).lowerEndpoint())));
            }
            addIn(column, values);
        } else if (sarg.rangeSet.asRanges().size() == 1) {
            Range range = (Range) sarg.rangeSet.asRanges().iterator().next();
            if (range.hasLowerBound()) {
                bounds.add(ColumnBound.of(column, range.lowerBoundType() == BoundType.CLOSED
                        ? ColumnBound.Op.GE : ColumnBound.Op.GT, slots.size()));
                slots.add(RustyIndexScan.Slot.constant(javaValue(range.lowerEndpoint())));
            }
            if (range.hasUpperBound()) {
                bounds.add(ColumnBound.of(column, range.upperBoundType() == BoundType.CLOSED
                        ? ColumnBound.Op.LE : ColumnBound.Op.LT, slots.size()));
                slots.add(RustyIndexScan.Slot.constant(javaValue(range.upperEndpoint())));
            }
        }
    }

    private void addIn(int column, List<RustyIndexScan.Slot> values) {
        if (column < 0 || values.isEmpty()) {
            return;
        }
        int[] ids = new int[values.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = slots.size();
            slots.add(values.get(i));
        }
        bounds.add(new ColumnBound(column, ColumnBound.Op.IN, ids));
    }

    /** The slot of a parameter or non-NULL constant (possibly cast to the column's type), else null. */
    private static RustyIndexScan.Slot slot(RexNode node, RelDataType rowType, int column) {
        RexNode inner = node;
        if (inner.getKind() == SqlKind.CAST) {
            if (inner.getType().getSqlTypeName() != rowType.getFieldList().get(column).getType().getSqlTypeName()) {
                return null;
            }
            inner = ((RexCall) inner).getOperands().get(0);
        }
        if (inner instanceof RexDynamicParam param) {
            return RustyIndexScan.Slot.parameter(param.getIndex());
        }
        if (inner instanceof RexLiteral literal && !literal.isNull()) {
            Object value = javaValue(literal.getValue3());
            return value == null ? null : RustyIndexScan.Slot.constant(value);
        }
        return null;
    }

    /** A Calcite constant in the form rows hold it (dates as days, timestamps as milliseconds). */
    private static Object javaValue(Object value) {
        if (value instanceof NlsString s) {
            return s.getValue();
        }
        if (value instanceof DateString d) {
            return d.getDaysSinceEpoch();
        }
        if (value instanceof TimestampString t) {
            return t.getMillisSinceEpoch();
        }
        return value;
    }
}
