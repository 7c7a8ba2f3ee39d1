package io.rustydb.sql.pgcatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Rewrites the PostgreSQL-only expressions of catalog queries after parsing: casts to the
 * object-identifier types ({@code 'pg_class'::regclass}, {@code oid::regclass},
 * {@code ::regtype}, {@code ::oid}, {@code ::name}, {@code ::pg_catalog.text}); the set-returning
 * {@code ||} next to an array constructor (array concatenation); {@code FROM unnest(a) x};
 * {@code information_schema._pg_expandarray(a)} in a select list, as a lateral
 * {@code UNNEST(a) WITH ORDINALITY}; {@code current_catalog}; and SELECTs that inner-join a
 * catalog RustyDB keeps empty (row-level policies, extended statistics, publications,
 * inheritance), which can only return no rows and so become an empty SELECT of the same columns.
 */
public final class PgCatalogRewriter extends SqlShuttle {
    private static final SqlParserPos POS = SqlParserPos.ZERO;
    private static final Set<String> EMPTY_CATALOGS = Set.of("pg_policy", "pg_statistic_ext", "pg_publication",
            "pg_publication_rel", "pg_publication_namespace", "pg_inherits");
    private static final Set<String> TEXT_TYPES = Set.of("text", "name", "char", "varchar", "regproc",
            "regnamespace", "regrole");
    private static final Set<String> AGGREGATES = Set.of("count", "sum", "min", "max", "avg", "string_agg",
            "array_agg", "bool_and", "bool_or", "every", "bit_and", "bit_or");
    private static final String EXPAND = "_pg_expandarray";
    private static final String FIELD = "rustydb_field";

    private final boolean readsCatalogs;
    private int expansions;

    private PgCatalogRewriter(boolean readsCatalogs) {
        this.readsCatalogs = readsCatalogs;
    }

    /** Returns the statement with the rewrites applied (the same tree when nothing applies). */
    public static SqlNode rewrite(SqlNode node) {
        return node == null ? null : node.accept(new PgCatalogRewriter(readsCatalogs(node)));
    }

    /** True if the statement names a table or function of pg_catalog or information_schema. */
    private static boolean readsCatalogs(SqlNode node) {
        boolean[] found = {false};
        node.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlIdentifier id) {
                String first = id.names.get(0);
                found[0] |= id.names.size() > 1 && (first.equals(PgCatalogSchema.NAME)
                        || first.equals(InformationSchema.SCHEMA_NAME));
                return null;
            }

            @Override
            public Void visit(SqlCall call) {
                if (call.getOperator() instanceof SqlUnresolvedFunction f && f.getSqlIdentifier() != null) {
                    visit(f.getSqlIdentifier());
                }
                return super.visit(call);
            }
        });
        return found[0];
    }

    @Override
    public SqlNode visit(SqlCall call) {
        if (call instanceof org.apache.calcite.sql.SqlOrderBy orderBy && orderBy.query instanceof SqlSelect inner
                && joinsEmptyCatalog(inner.getFrom()) && !aggregates(inner)) {
            return emptySelect(inner);
        }
        if (call instanceof SqlSelect select) {
            if (joinsEmptyCatalog(select.getFrom()) && !aggregates(select)) {
                return emptySelect(select);
            }
            expandArrays(select);
        }
        if (call.getKind() == SqlKind.AS && call.operandCount() == 2
                && call.operand(0) instanceof SqlCall unnest && unnest.getKind() == SqlKind.UNNEST
                && call.operand(1) instanceof SqlIdentifier alias) {
            // FROM unnest(a) x: PostgreSQL names the single column after the alias.
            return SqlStdOperatorTable.AS.createCall(POS, unnest.accept(this), alias, alias);
        }
        if (call.getOperator() == SqlStdOperatorTable.CONCAT && call.operandCount() == 2
                && (isArray(call.operand(0)) || isArray(call.operand(1)))) {
            return function("array_cat", (SqlNode) call.operand(0), (SqlNode) call.operand(1)).accept(this);
        }
        if (call.getKind() == SqlKind.CAST && call.operandCount() == 2
                && call.operand(1) instanceof SqlDataTypeSpec spec
                && spec.getTypeNameSpec() instanceof SqlUserDefinedTypeNameSpec named) {
            SqlNode cast = cast(call.operand(0), named.getTypeName());
            if (cast != null) {
                return cast.accept(this);
            }
        }
        if (call instanceof org.apache.calcite.sql.fun.SqlCase c && c.getValueOperand() == null) {
            typeWhenComparisons(c.getWhenOperands(), readsCatalogs);
        }
        if (call.getKind() == SqlKind.POSIX_REGEX_CASE_SENSITIVE || call.getKind() == SqlKind.POSIX_REGEX_CASE_INSENSITIVE) {
            // PostgreSQL's regex operators take text: a literal pattern is text, whatever surrounds it.
            for (int i = 0; i < call.operandCount(); i++) {
                if (call.operand(i) instanceof SqlCharStringLiteral literal) {
                    call.setOperand(i, text(literal));
                }
            }
        }
        if (isFunction(call, FIELD) && call.operand(0) instanceof SqlIdentifier id
                && call.operand(1) instanceof SqlCharStringLiteral field) {
            List<String> names = new ArrayList<>(id.names);
            names.add(field.getValueAs(String.class));
            return new SqlIdentifier(names, POS);
        }
        return super.visit(call);
    }

    /** {@code current_catalog} (parsed as a name, as niladic functions are) is the database's name. */
    @Override
    public SqlNode visit(SqlIdentifier id) {
        if (id.names.size() == 1 && id.names.get(0).equals("current_catalog")) {
            return function("current_database");
        }
        return id;
    }

    private static SqlNode cast(SqlNode operand, SqlIdentifier typeName) {
        String type = typeName.names.get(typeName.names.size() - 1).toLowerCase(Locale.ROOT);
        if (typeName.names.size() > 2 || (typeName.names.size() == 2 && !typeName.names.get(0).equals("pg_catalog"))) {
            return null;
        }
        if (type.equals("regclass")) {
            return operand instanceof SqlCharStringLiteral ? function("regclass_oid", operand)
                    : function("regclass_name", operand);
        }
        if (type.equals("regtype")) {
            return function("format_type", operand, SqlLiteral.createNull(POS));
        }
        if (type.equals("oid")) {
            return SqlStdOperatorTable.CAST.createCall(POS, operand,
                    new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.INTEGER, POS), POS));
        }
        if (TEXT_TYPES.contains(type)) {
            return SqlStdOperatorTable.CAST.createCall(POS, operand,
                    new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, POS), POS));
        }
        return null;
    }

    /**
     * The parser turns {@code CASE x WHEN v ...} into {@code CASE WHEN x = v ...}. Where {@code v}
     * is a boolean literal the comparison becomes {@code x} (or {@code NOT x}); in a statement over
     * the catalogs (whose CASEs compare text columns such as relkind) a string literal is typed as
     * text, so the planner need not infer it inside nested CASEs.
     */
    private static void typeWhenComparisons(SqlNodeList whens, boolean typeStrings) {
        for (int i = 0; i < whens.size(); i++) {
            if (!(whens.get(i) instanceof SqlCall eq) || eq.getKind() != SqlKind.EQUALS) {
                continue;
            }
            SqlNode left = eq.operand(0);
            SqlNode right = eq.operand(1);
            if (right instanceof SqlLiteral l && l.getValue() instanceof Boolean b) {
                whens.set(i, b ? left : SqlStdOperatorTable.NOT.createCall(POS, left));
            } else if (typeStrings && right instanceof SqlCharStringLiteral) {
                eq.setOperand(1, text(right));
            }
        }
    }

    private static SqlNode text(SqlNode literal) {
        return SqlStdOperatorTable.CAST.createCall(POS, literal,
                new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, POS), POS));
    }

    private static SqlNode function(String name, SqlNode... operands) {
        SqlIdentifier id = new SqlIdentifier(List.of(PgCatalogSchema.NAME, name), POS);
        return new SqlUnresolvedFunction(id, null, null, null, null, SqlFunctionCategory.USER_DEFINED_FUNCTION)
                .createCall(POS, operands);
    }

    /** An ARRAY[...] or ARRAY(query) constructor, so {@code ||} next to it is array concatenation. */
    private static boolean isArray(SqlNode node) {
        return node.getKind() == SqlKind.ARRAY_QUERY_CONSTRUCTOR || node.getKind() == SqlKind.ARRAY_VALUE_CONSTRUCTOR;
    }

    private static boolean isFunction(SqlCall call, String name) {
        if (call.getOperator() instanceof SqlUnresolvedFunction f) {
            SqlIdentifier id = f.getSqlIdentifier();
            return id != null && id.names.get(id.names.size() - 1).equalsIgnoreCase(name);
        }
        return false;
    }

    /** A grouped or aggregating SELECT returns a row even over no rows ({@code count(*)} is 0). */
    private static boolean aggregates(SqlSelect select) {
        if (select.getGroup() != null || select.getHaving() != null) {
            return true;
        }
        boolean[] found = {false};
        select.getSelectList().accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
                if (call.getOperator().isAggregator() || AGGREGATES.contains(name)) {
                    found[0] = true;
                }
                return call.getKind() == SqlKind.SELECT ? null : super.visit(call);
            }
        });
        return found[0];
    }

    /** True if the FROM clause inner-joins (or lists) one of the catalogs that never have rows. */
    private static boolean joinsEmptyCatalog(SqlNode from) {
        if (from == null) {
            return false;
        }
        if (from instanceof SqlIdentifier id) {
            return id.names.size() == 2 && id.names.get(0).equals(PgCatalogSchema.NAME)
                    && EMPTY_CATALOGS.contains(id.names.get(1));
        }
        if (from.getKind() == SqlKind.AS) {
            return joinsEmptyCatalog(((SqlCall) from).operand(0));
        }
        if (from instanceof SqlJoin join) {
            JoinType type = join.getJoinType();
            boolean left = type != JoinType.RIGHT && type != JoinType.FULL;
            boolean right = type != JoinType.LEFT && type != JoinType.FULL;
            return (right && joinsEmptyCatalog(join.getLeft())) || (left && joinsEmptyCatalog(join.getRight()))
                    || (type == JoinType.INNER || type == JoinType.COMMA || type == JoinType.CROSS)
                    && (joinsEmptyCatalog(join.getLeft()) || joinsEmptyCatalog(join.getRight()));
        }
        return false;
    }

    /** {@code SELECT CAST(NULL AS VARCHAR) AS c1, ... FROM (VALUES (0)) AS t (x) WHERE FALSE}. */
    private static SqlNode emptySelect(SqlSelect select) {
        SqlNodeList items = new SqlNodeList(POS);
        int i = 0;
        for (SqlNode item : select.getSelectList()) {
            i++;
            String name;
            if (item.getKind() == SqlKind.AS) {
                name = ((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple();
            } else if (item instanceof SqlIdentifier id && !id.isStar()) {
                name = id.names.get(id.names.size() - 1);
            } else {
                name = "column" + i;
            }
            SqlNode value = SqlStdOperatorTable.CAST.createCall(POS, SqlLiteral.createNull(POS),
                    new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, POS), POS));
            items.add(SqlStdOperatorTable.AS.createCall(POS, value, new SqlIdentifier(name, POS)));
        }
        SqlNode values = SqlStdOperatorTable.VALUES.createCall(POS,
                SqlStdOperatorTable.ROW.createCall(POS, SqlLiteral.createExactNumeric("0", POS)));
        SqlNode from = SqlStdOperatorTable.AS.createCall(POS, values, new SqlIdentifier("t", POS),
                new SqlIdentifier("x", POS));
        return new SqlSelect(POS, null, items, from, SqlLiteral.createBoolean(false, POS), null, null, null, null,
                null, null, null, null);
    }

    /**
     * Replaces {@code _pg_expandarray(a)} in the select list by the columns of a lateral
     * {@code UNNEST(a) WITH ORDINALITY AS e(x, n)}: {@code (_pg_expandarray(a)).n} by {@code e.n},
     * the whole composite by {@code ROW(e.x, e.n)}. Calls with the same argument share one expansion,
     * as PostgreSQL runs set-returning functions of one select list in lockstep.
     */
    private void expandArrays(SqlSelect select) {
        List<String> arguments = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        SqlNodeList list = select.getSelectList();
        for (int i = 0; i < list.size(); i++) {
            list.set(i, list.get(i).accept(new SqlShuttle() {
                @Override
                public SqlNode visit(SqlCall call) {
                    SqlCall expand = null;
                    String field = null;
                    if (isFunction(call, FIELD) && call.operand(0) instanceof SqlCall inner && isFunction(inner, EXPAND)) {
                        expand = inner;
                        field = ((SqlCharStringLiteral) call.operand(1)).getValueAs(String.class);
                    } else if (isFunction(call, EXPAND)) {
                        expand = call;
                    }
                    if (expand == null) {
                        return super.visit(call);
                    }
                    String key = expand.operand(0).toString();
                    int k = arguments.indexOf(key);
                    if (k < 0) {
                        arguments.add(key);
                        aliases.add("$expand" + (expansions++));
                        k = arguments.size() - 1;
                        SqlNode unnest = SqlStdOperatorTable.UNNEST_WITH_ORDINALITY.createCall(POS, (SqlNode) expand.operand(0));
                        SqlNode aliased = SqlStdOperatorTable.AS.createCall(POS, unnest,
                                new SqlIdentifier(aliases.get(k), POS), new SqlIdentifier("x", POS),
                                new SqlIdentifier("n", POS));
                        select.setFrom(new SqlJoin(POS, select.getFrom(), SqlLiteral.createBoolean(false, POS),
                                JoinType.CROSS.symbol(POS), aliased, JoinConditionType.NONE.symbol(POS), null));
                    }
                    String alias = aliases.get(k);
                    if (field != null) {
                        return new SqlIdentifier(List.of(alias, field), POS);
                    }
                    SqlNode row = SqlStdOperatorTable.ROW.createCall(POS, new SqlIdentifier(List.of(alias, "x"), POS),
                            new SqlIdentifier(List.of(alias, "n"), POS));
                    SqlDataTypeSpec integer = new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.INTEGER, POS), POS);
                    SqlNode rowType = new SqlDataTypeSpec(new org.apache.calcite.sql.SqlRowTypeNameSpec(POS,
                            List.of(new SqlIdentifier("x", POS), new SqlIdentifier("n", POS)), List.of(integer, integer)),
                            POS);
                    return SqlStdOperatorTable.CAST.createCall(POS, row, rowType);
                }
            }));
        }
    }
}
