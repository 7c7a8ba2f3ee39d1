package io.rustydb.sql.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * RustyDB stores no interval columns, so interval results are sent as PostgreSQL's text form
 * ({@code 1 day 02:00:00}, {@code 1 year 2 mons}): a final projection formats them.
 */
final class IntervalOutput {
    private IntervalOutput() {
    }

    static RelNode wrap(RelNode rel) {
        List<RelDataTypeField> fields = rel.getRowType().getFieldList();
        if (fields.stream().noneMatch(f -> SqlTypeUtil.isInterval(f.getType()))) {
            return rel;
        }
        RexBuilder rex = rel.getCluster().getRexBuilder();
        RelDataTypeFactory f = rex.getTypeFactory();
        List<RexNode> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (RelDataTypeField field : fields) {
            RelDataType t = field.getType();
            RexNode ref = rex.makeInputRef(rel, field.getIndex());
            if (SqlTypeUtil.isInterval(t)) {
                boolean months = t.getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH;
                RelDataType raw = f.createTypeWithNullability(
                        f.createSqlType(months ? SqlTypeName.INTEGER : SqlTypeName.BIGINT), t.isNullable());
                RelDataType text = f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR), t.isNullable());
                ref = rex.makeCall(text, months ? PgOperators.INTERVAL_MONTHS_TEXT : PgOperators.INTERVAL_TEXT,
                        List.of(rex.makeReinterpretCast(raw, ref, rex.makeLiteral(false))));
            }
            exprs.add(ref);
            names.add(field.getName());
        }
        return LogicalProject.create(rel, List.of(), exprs, names, java.util.Set.of());
    }
}
