package io.rustydb.sql.calcite;

import io.rustydb.sql.parser.type.PgTypeNameSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * PostgreSQL's labels for result columns (its FigureColname): the alias; else a column's name; a
 * function's name; {@code case}, {@code exists}, {@code array}, {@code row}; for a cast of
 * something without a name, the type's name ({@code 1::text} is {@code text}); {@code columnN} for
 * VALUES; else {@code ?column?}. A {@code *} expands to the labels its source gives its columns,
 * so a subquery's unnamed expressions keep PostgreSQL's labels through {@code SELECT *}.
 */
public final class ColumnLabels {
    public static final String UNNAMED = "?column?";

    /** A label and how sure PostgreSQL is of it: 2 a name, 1 a weak guess (CASE, a cast's type), 0 none. */
    private record Label(String name, int strength) {
    }

    private static final Label NONE = new Label(null, 0);

    private ColumnLabels() {
    }

    /** The label of one select-list (or RETURNING) item. */
    public static String of(SqlNode item) {
        if (item.getKind() == SqlKind.AS) {
            return ((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple();
        }
        Label label = figure(item);
        return label.name() == null ? UNNAMED : label.name();
    }

    /**
     * Labels of a parsed query's result columns, one per select item with null for a {@code *}
     * (its columns are known only after validation, see {@link #resolve}); for a set operation the
     * first query's, for VALUES {@code column1, column2, ...}. Null if the statement is no query.
     */
    public static List<String> ofQuery(SqlNode query) {
        SqlNode body = leftmost(query);
        if (body instanceof SqlSelect select) {
            return ofItems(select.getSelectList());
        }
        if (body != null && body.getKind() == SqlKind.VALUES) {
            return valuesLabels((SqlCall) body);
        }
        return null;
    }

    /** Labels of a select or RETURNING list, null for each {@code *}. */
    public static List<String> ofItems(SqlNodeList items) {
        List<String> labels = new ArrayList<>();
        for (SqlNode item : items) {
            labels.add(item instanceof SqlIdentifier id && id.isStar() ? null : of(item));
        }
        return labels;
    }

    /** Where the {@code *} items of a parsed query's (first) select list are, in order. */
    static List<SqlParserPos> starPositions(SqlNode query) {
        List<SqlParserPos> positions = new ArrayList<>();
        if (leftmost(query) instanceof SqlSelect select) {
            for (SqlNode item : select.getSelectList()) {
                if (item instanceof SqlIdentifier id && id.isStar()) {
                    positions.add(id.getParserPosition());
                }
            }
        }
        return positions;
    }

    /**
     * The final labels of a validated query. {@code given} (from {@link #ofQuery} on the text, or
     * null) wins for every item it names; the columns a {@code *} expanded to (identifiers carrying
     * the star's position) are labelled by their source. Falls back to Calcite's field names if
     * the count does not add up.
     */
    static List<String> resolve(SqlValidator validator, SqlNode validated, List<String> given,
            List<SqlParserPos> stars, List<String> fieldNames) {
        Map<String, SqlWithItem> with = withItems(validated);
        SqlNode body = leftmost(validated);
        List<String> labels;
        if (given != null && !given.contains(null)) {
            labels = given;
        } else if (body instanceof SqlSelect select) {
            List<SqlNode> items = select.getSelectList().getList();
            if (given == null) {
                labels = itemLabels(validator, select, with);
            } else {
                labels = new ArrayList<>();
                int j = 0;
                int star = 0;
                int unstarred = (int) given.stream().filter(g -> g != null).count();
                for (String label : given) {
                    if (label != null) {
                        labels.add(label);
                        j++;
                        continue;
                    }
                    SqlParserPos position = star < stars.size() ? stars.get(star++) : null;
                    int expanded = stars.size() == 1 ? items.size() - unstarred : Integer.MAX_VALUE;
                    for (int k = 0; k < expanded && j < items.size(); k++, j++) {
                        SqlNode item = items.get(j);
                        if (stars.size() > 1 && !item.getParserPosition().equals(position)) {
                            break;
                        }
                        labels.add(sourceLabel(validator, select, item, with));
                    }
                }
            }
        } else if (body != null && body.getKind() == SqlKind.VALUES) {
            labels = valuesLabels((SqlCall) body);
        } else {
            labels = fieldNames;
        }
        return labels.size() == fieldNames.size() ? labels : fieldNames;
    }

    /** A query's labels after validation, for a subquery a {@code *} reads. */
    private static List<String> queryLabels(SqlValidator validator, SqlNode query, Map<String, SqlWithItem> with) {
        SqlNode body = leftmost(query);
        if (body instanceof SqlSelect select) {
            return itemLabels(validator, select, with);
        }
        if (body != null && body.getKind() == SqlKind.VALUES) {
            return valuesLabels((SqlCall) body);
        }
        return List.of();
    }

    private static List<String> itemLabels(SqlValidator validator, SqlSelect select, Map<String, SqlWithItem> with) {
        List<String> labels = new ArrayList<>();
        for (SqlNode item : select.getSelectList()) {
            labels.add(sourceLabel(validator, select, item, with));
        }
        return labels;
    }

    /**
     * A validated select item's label; for {@code alias.column} naming a column of a subquery in
     * FROM (or of a WITH query) without a column list, the label the subquery gave that column.
     */
    private static String sourceLabel(SqlValidator validator, SqlSelect select, SqlNode item,
            Map<String, SqlWithItem> with) {
        if (item.getKind() == SqlKind.AS && ((SqlCall) item).operand(0) instanceof SqlIdentifier column
                && !column.isStar() && ((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple()
                        .matches(java.util.regex.Pattern.quote(column.names.get(column.names.size() - 1)) + "\\d+")) {
            // the validator's alias making a column's name unique (x0 for a second x): PostgreSQL keeps x
            return sourceLabel(validator, select, column, with);
        }
        if (!(item instanceof SqlIdentifier id) || id.names.size() < 2 || id.isStar()) {
            return of(item);
        }
        String column = id.names.get(id.names.size() - 1);
        SqlNode source = source(select.getFrom(), id.names.get(id.names.size() - 2));
        if (source instanceof SqlIdentifier name && name.isSimple() && with.containsKey(name.getSimple())) {
            SqlWithItem withItem = with.get(name.getSimple());
            source = withItem.columnList == null ? withItem.query : null;
        }
        if (source != null && !(source instanceof SqlIdentifier)) {
            RelDataType type = validator.getValidatedNodeTypeIfKnown(source);
            List<String> labels = queryLabels(validator, source, with);
            int index = type == null ? -1 : type.getFieldNames().indexOf(column);
            if (index >= 0 && index < labels.size() && labels.size() == type.getFieldCount()) {
                return labels.get(index);
            }
        }
        return column;
    }

    /** The FROM item named {@code alias}: a query without a column list, or a table's name; else null. */
    private static SqlNode source(SqlNode from, String alias) {
        if (from instanceof SqlJoin join) {
            SqlNode left = source(join.getLeft(), alias);
            return left != null ? left : source(join.getRight(), alias);
        }
        if (from instanceof SqlCall as && as.getKind() == SqlKind.AS
                && as.operand(1) instanceof SqlIdentifier name && name.getSimple().equals(alias)) {
            return as.operandCount() > 2 ? null : as.operand(0);
        }
        if (from instanceof SqlIdentifier name && name.names.get(name.names.size() - 1).equals(alias)) {
            return name;
        }
        return null;
    }

    /** The WITH queries of a statement by name. */
    private static Map<String, SqlWithItem> withItems(SqlNode node) {
        Map<String, SqlWithItem> items = new HashMap<>();
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlWith w) {
                    for (SqlNode item : w.withList) {
                        SqlWithItem withItem = (SqlWithItem) item;
                        items.put(withItem.name.getSimple(), withItem);
                    }
                }
                return super.visit(call);
            }
        });
        return items;
    }

    /** The query whose select list names a statement's columns: ORDER BY and WITH unwrapped, a set operation's first. */
    private static SqlNode leftmost(SqlNode query) {
        SqlNode node = query;
        while (true) {
            if (node instanceof SqlOrderBy orderBy) {
                node = orderBy.query;
            } else if (node instanceof SqlWith with) {
                node = with.body;
            } else if (node != null && (node.getKind() == SqlKind.UNION || node.getKind() == SqlKind.INTERSECT
                    || node.getKind() == SqlKind.EXCEPT)) {
                node = ((SqlCall) node).operand(0);
            } else {
                return node;
            }
        }
    }

    /** {@code column1, column2, ...} for the columns of a VALUES list. */
    static List<String> valuesLabels(SqlCall values) {
        int width = 1;
        if (values.operandCount() > 0 && values.operand(0) instanceof SqlCall row && row.getKind() == SqlKind.ROW) {
            width = row.operandCount();
        }
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
            labels.add("column" + i);
        }
        return labels;
    }

    private static Label figure(SqlNode node) {
        if (node instanceof SqlIdentifier id) {
            return id.isStar() ? NONE : new Label(id.names.get(id.names.size() - 1), 2);
        }
        if (node instanceof SqlLiteral literal) {
            return literalType(literal);
        }
        if (node instanceof SqlDynamicParam || !(node instanceof SqlCall call)) {
            return NONE;
        }
        if (call instanceof SqlSelect || call instanceof SqlOrderBy || call.getKind() == SqlKind.SCALAR_QUERY) {
            SqlNode query = call.getKind() == SqlKind.SCALAR_QUERY ? call.operand(0) : call;
            List<String> labels = ofQuery(query);
            return labels == null || labels.isEmpty() || labels.get(0) == null ? NONE : new Label(labels.get(0), 2);
        }
        switch (call.getKind()) {
            case CAST: {
                if (call.getParserPosition().equals(SqlParserPos.ZERO) && call.operand(0) instanceof SqlDynamicParam) {
                    // a literal the planner turned into a typed parameter (Parameterizer): no name
                    return NONE;
                }
                Label inner = figure(call.operand(0));
                if (inner.strength() <= 1 && call.operand(1) instanceof SqlDataTypeSpec spec) {
                    return new Label(typeName(spec), 1);
                }
                return inner;
            }
            case CASE:
                return new Label("case", 1);
            case EXISTS:
                return new Label("exists", 2);
            case ARRAY_VALUE_CONSTRUCTOR:
            case ARRAY_QUERY_CONSTRUCTOR:
                return new Label("array", 2);
            case ROW:
                return new Label("row", 2);
            case OVER:
            case FILTER:
            case WITHIN_GROUP:
                return figure(call.operand(0));
            case TRIM:
                return new Label(trimName(call), 2);
            default:
                break;
        }
        SqlSyntax syntax = call.getOperator().getSyntax();
        if (syntax == SqlSyntax.FUNCTION || syntax == SqlSyntax.FUNCTION_STAR || syntax == SqlSyntax.FUNCTION_ID) {
            return new Label(functionName(call.getOperator().getName()), 2);
        }
        return NONE;
    }

    /** RustyDB's own operators for functions PostgreSQL names otherwise. */
    private static String functionName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "pg_round" -> "round";
            case "pg_extract" -> "extract";
            default -> lower;
        };
    }

    /** PostgreSQL turns TRIM into btrim, ltrim or rtrim. */
    private static String trimName(SqlCall call) {
        if (call.operand(0) instanceof SqlLiteral flag && flag.getValue() != null) {
            String which = flag.getValue().toString();
            if (which.equals("LEADING")) {
                return "ltrim";
            }
            if (which.equals("TRAILING")) {
                return "rtrim";
            }
        }
        return "btrim";
    }

    /** A typed literal ({@code DATE '2024-01-01'}) is a cast in PostgreSQL, labelled by its type. */
    private static Label literalType(SqlLiteral literal) {
        if (literal instanceof org.apache.calcite.sql.SqlUnknownLiteral typed) {
            String tag = typed.tag.toLowerCase(Locale.ROOT);
            return new Label(tag.equals("timestamp with local time zone") ? "timestamptz" : tag, 1);
        }
        SqlTypeName type = literal.getTypeName();
        if (type == SqlTypeName.DATE) {
            return new Label("date", 1);
        }
        if (type == SqlTypeName.TIMESTAMP) {
            return new Label("timestamp", 1);
        }
        if (type == SqlTypeName.TIME) {
            return new Label("time", 1);
        }
        if (SqlTypeName.INTERVAL_TYPES.contains(type)) {
            return new Label("interval", 1);
        }
        return NONE;
    }

    /** PostgreSQL's internal name of a cast's target type: int4, varchar, bpchar, float8, ... */
    private static String typeName(SqlDataTypeSpec spec) {
        if (io.rustydb.sql.parser.type.PgIntervalTypeNameSpec.isIntervalSpec(spec.getTypeNameSpec())) {
            return "interval";
        }
        if (spec.getTypeNameSpec() instanceof PgTypeNameSpec pg) {
            return pg.dataType().pgName();
        }
        if (spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic) {
            SqlTypeName type = SqlTypeName.get(basic.getTypeName().getSimple().toUpperCase(Locale.ROOT));
            if (type != null) {
                switch (type) {
                    case INTEGER:
                        return "int4";
                    case BIGINT:
                        return "int8";
                    case SMALLINT:
                    case TINYINT:
                        return "int2";
                    case REAL:
                        return "float4";
                    case FLOAT:
                    case DOUBLE:
                        return "float8";
                    case DECIMAL:
                        return "numeric";
                    case CHAR:
                        return "bpchar";
                    case BOOLEAN:
                        return "bool";
                    case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                    case TIMESTAMP_TZ:
                        return "timestamptz";
                    default:
                        if (SqlTypeName.INTERVAL_TYPES.contains(type)) {
                            return "interval";
                        }
                        return type.getName().toLowerCase(Locale.ROOT);
                }
            }
        }
        SqlIdentifier name = spec.getTypeNameSpec().getTypeName();
        return name.names.get(name.names.size() - 1).toLowerCase(Locale.ROOT);
    }
}
