package io.rustydb.sql.calcite;

import org.apache.calcite.sql.type.SqlTypeFamily;

import org.apache.calcite.sql.type.SqlTypeName;

import org.apache.calcite.sql.SqlDataTypeSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Before validation: binary {@code +} and {@code -} become {@link PgOperators#PLUS} /
 * {@link PgOperators#MINUS} (which also accept PostgreSQL's date forms), {@code ^} becomes
 * {@link PgOperators#POWER}, {@code EXTRACT(unit FROM x)} becomes {@link PgOperators#EXTRACT},
 * which returns numeric, and the columns of subqueries in FROM get PostgreSQL's names
 * ({@code column1} of a VALUES list, {@code count} of {@code count(*)}).
 */
final class PgRewriter extends SqlShuttle {
    @Override
    public SqlNode visit(SqlCall call) {
        if (call instanceof SqlSelect select && select.getFrom() != null) {
            select.setFrom(nameDerivedColumns(select.getFrom()));
        }
        if (call instanceof SqlOrderBy orderBy && orderBy.query instanceof SqlSelect query) {
            nameOrderedItems(query, orderBy.orderList);
        }
        if (call instanceof SqlWith with) {
            for (SqlNode item : with.withList) {
                SqlWithItem withItem = (SqlWithItem) item;
                if (withItem.columnList == null && withItem.query instanceof SqlSelect query) {
                    nameItems(query);
                }
            }
        }
        if (call instanceof SqlBasicCall basic && call.operandCount() == 2) {
            if (call.getOperator() == SqlStdOperatorTable.MINUS) {
                basic.setOperator(PgOperators.MINUS);
            } else if (call.getOperator() == SqlStdOperatorTable.PLUS) {
                basic.setOperator(PgOperators.PLUS);
            } else if (call.getOperator() == SqlStdOperatorTable.MULTIPLY) {
                basic.setOperator(PgOperators.TIMES);
            } else if (call.getOperator() == SqlStdOperatorTable.DIVIDE) {
                basic.setOperator(PgOperators.DIVIDE_OPERATOR);
            } else if (call.getOperator() == io.rustydb.sql.parser.RustyDbParserUtil.POWER) {
                basic.setOperator(PgOperators.POWER);
            }
        }
        if (call.getOperator() instanceof org.apache.calcite.sql.SqlUnresolvedFunction f
                && f.getName().equalsIgnoreCase("round") && call.operandCount() == 2) {
            return PgOperators.ROUND.createCall(call.getParserPosition(), call.operand(0).accept(this),
                    call.operand(1).accept(this));
        }
        if (call.getKind() == SqlKind.CAST && call.operand(1) instanceof SqlDataTypeSpec spec
                && io.rustydb.sql.parser.type.PgIntervalTypeNameSpec.isIntervalSpec(spec.getTypeNameSpec())) {
            return IntervalOperators.TO_INTERVAL.createCall(call.getParserPosition(), call.operand(0).accept(this));
        }
        if (call.getOperator() instanceof org.apache.calcite.sql.SqlUnresolvedFunction f
                && f.getName().equalsIgnoreCase("age") && call.operandCount() == 1) {
            // age(t) is age(current_date, t)
            SqlParserPos pos = call.getParserPosition();
            SqlNode today = SqlStdOperatorTable.CAST.createCall(pos, SqlStdOperatorTable.CURRENT_DATE.createCall(pos),
                    new SqlDataTypeSpec(new org.apache.calcite.sql.SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP, 3, pos), pos));
            return new SqlBasicCall(call.getOperator(), List.of(today, call.operand(0).accept(this)), pos);
        }
        if (call.getKind() == SqlKind.CAST && isBooleanLiteral(call.operand(0)) && isCharacterType(call.operand(1))) {
            // PostgreSQL's boolean output is true/false; Calcite would fold the cast to TRUE/FALSE
            return SqlStdOperatorTable.CAST.createCall(call.getParserPosition(), booleanText(call.operand(0)),
                    call.operand(1));
        }
        if (call.getOperator() == SqlStdOperatorTable.CONCAT && call instanceof SqlBasicCall concat) {
            for (int i = 0; i < concat.operandCount(); i++) {
                if (isBooleanLiteral(concat.operand(i))) {
                    concat.setOperand(i, booleanText(concat.operand(i)));
                }
            }
        }
        if (call.getKind() == SqlKind.EXTRACT && call.operand(0) instanceof SqlIntervalQualifier unit) {
            String name = unit.timeFrameName != null ? singular(unit.timeFrameName) : unit.timeUnitRange.startUnit.name();
            if (unit.timeUnitRange.endUnit == null) {
                SqlNode source = call.operand(1).accept(this);
                return PgOperators.EXTRACT.createCall(call.getParserPosition(),
                        SqlLiteral.createCharString(name.toLowerCase(Locale.ROOT), call.getParserPosition()), source);
            }
        }
        return super.visit(call);
    }

    /**
     * Gives the columns of subqueries in FROM the names PostgreSQL gives them, so they can be
     * referenced by those names and {@code *} shows them: {@code (VALUES ...) AS v} gets columns
     * {@code column1, column2, ...}; a subquery's unnamed expressions their labels ({@code count},
     * {@code ?column?}, ...; see {@link ColumnLabels}).
     */
    private static SqlNode nameDerivedColumns(SqlNode from) {
        if (from instanceof SqlJoin join) {
            join.setLeft(nameDerivedColumns(join.getLeft()));
            join.setRight(nameDerivedColumns(join.getRight()));
            return join;
        }
        if (!(from instanceof SqlCall as) || as.getKind() != SqlKind.AS || as.operandCount() != 2) {
            return from;
        }
        SqlNode source = as.operand(0);
        if (source.getKind() == SqlKind.VALUES) {
            // (VALUES ...) AS v (column1, column2, ...)
            List<SqlNode> operands = new ArrayList<>(List.of(source, as.operand(1)));
            for (String label : ColumnLabels.valuesLabels((SqlCall) source)) {
                operands.add(new SqlIdentifier(label, SqlParserPos.ZERO));
            }
            return SqlStdOperatorTable.AS.createCall(as.getParserPosition(), operands);
        }
        if (source instanceof SqlSelect query) {
            nameItems(query);
        }
        return from;
    }

    /**
     * ORDER BY may name an output column by its label ({@code ORDER BY count} after
     * {@code count(*)}); the expressions it names that way get their label as alias.
     */
    private static void nameOrderedItems(SqlSelect query, SqlNodeList orderList) {
        java.util.Set<String> named = new java.util.HashSet<>();
        for (SqlNode item : orderList) {
            SqlNode key = item.getKind() == SqlKind.DESCENDING || item.getKind() == SqlKind.NULLS_FIRST
                    || item.getKind() == SqlKind.NULLS_LAST ? ((SqlCall) item).operand(0) : item;
            if (key.getKind() == SqlKind.DESCENDING) {
                key = ((SqlCall) key).operand(0);
            }
            if (key instanceof SqlIdentifier id && id.isSimple()) {
                named.add(id.getSimple());
            }
        }
        if (!named.isEmpty()) {
            nameItems(query, named);
        }
    }

    /**
     * Aliases a subquery's unnamed expressions with their labels, where that is safe: the label is
     * unique in the list, and no GROUP BY or HAVING could start reading the alias instead of a column.
     */
    private static void nameItems(SqlSelect query) {
        nameItems(query, null);
    }

    /** As above, only for the labels in {@code only} unless it is null. */
    private static void nameItems(SqlSelect query, java.util.Set<String> only) {
        if (query.getGroup() != null || query.getHaving() != null) {
            return;
        }
        SqlNodeList items = query.getSelectList();
        List<String> labels = new ArrayList<>();
        for (SqlNode item : items) {
            labels.add(item instanceof SqlIdentifier id && id.isStar() ? null : ColumnLabels.of(item));
        }
        for (int i = 0; i < items.size(); i++) {
            SqlNode item = items.get(i);
            String label = labels.get(i);
            if (label == null || item instanceof SqlIdentifier || item.getKind() == SqlKind.AS
                    || labels.indexOf(label) != labels.lastIndexOf(label) || only != null && !only.contains(label)) {
                continue;
            }
            items.set(i, SqlStdOperatorTable.AS.createCall(item.getParserPosition(), item,
                    new SqlIdentifier(label, SqlParserPos.ZERO)));
        }
    }

    /** A SQL-standard interval literal ({@code INTERVAL '2' DAY}) as PostgreSQL's interval of the same fields. */
    @Override
    public SqlNode visit(SqlLiteral literal) {
        if (literal instanceof org.apache.calcite.sql.SqlIntervalLiteral) {
            org.apache.calcite.sql.SqlIntervalLiteral.IntervalValue v =
                    literal.getValueAs(org.apache.calcite.sql.SqlIntervalLiteral.IntervalValue.class);
            SqlIntervalQualifier q = v.getIntervalQualifier();
            String text;
            if (q.isYearMonth()) {
                long months = org.apache.calcite.sql.parser.SqlParserUtil.intervalToMonths(v);
                text = months + " mons";
            } else {
                long millis = org.apache.calcite.sql.parser.SqlParserUtil.intervalToMillis(v);
                if (q.getStartUnit() == org.apache.calcite.avatica.util.TimeUnit.DAY
                        || q.getStartUnit() == org.apache.calcite.avatica.util.TimeUnit.WEEK) {
                    text = millis / 86_400_000L + " days " + java.math.BigDecimal.valueOf(millis % 86_400_000L, 3)
                            .toPlainString() + " seconds";
                } else {
                    text = java.math.BigDecimal.valueOf(millis, 3).toPlainString() + " seconds";
                }
            }
            return IntervalOperators.TO_INTERVAL.createCall(literal.getParserPosition(),
                    SqlLiteral.createCharString(text, literal.getParserPosition()));
        }
        return literal;
    }

    private static boolean isBooleanLiteral(SqlNode node) {
        return node instanceof SqlLiteral literal && literal.getTypeName() == SqlTypeName.BOOLEAN
                && literal.getValue() != null;
    }

    private static SqlNode booleanText(SqlNode node) {
        return SqlLiteral.createCharString(((SqlLiteral) node).booleanValue() ? "true" : "false",
                node.getParserPosition());
    }

    private static boolean isCharacterType(SqlNode node) {
        if (!(node instanceof SqlDataTypeSpec spec) || spec.getTypeNameSpec().getTypeName() == null) {
            return false;
        }
        String name = spec.getTypeNameSpec().getTypeName().getSimple().toUpperCase(Locale.ROOT);
        SqlTypeName type = SqlTypeName.get(name);
        return name.equals("TEXT") || type != null && SqlTypeFamily.CHARACTER.getTypeNames().contains(type);
    }

    /** PostgreSQL also accepts plural field names: {@code EXTRACT(DAYS FROM ...)}. */
    private static String singular(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        return switch (n) {
            case "DAYS", "HOURS", "MINUTES", "SECONDS", "MONTHS", "YEARS", "WEEKS", "QUARTERS", "DECADES",
                    "MILLISECONDS", "MICROSECONDS" -> n.substring(0, n.length() - 1);
            case "CENTURIES" -> "CENTURY";
            default -> n;
        };
    }
}
