package io.rustydb.sql.parser;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.ColumnType;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.parser.ddl.SqlColumnDeclaration;
import io.rustydb.sql.parser.ddl.SqlCreateTable;
import io.rustydb.sql.parser.ddl.SqlForeignKeyConstraint;
import io.rustydb.sql.parser.ddl.SqlTableConstraint;
import io.rustydb.sql.parser.ddl.SqlTableOption;
import io.rustydb.sql.parser.impl.SimpleCharStream;
import io.rustydb.sql.parser.type.ColumnTypes;
import io.rustydb.sql.parser.type.PgTypeNameSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * Helpers the generated parser ({@code RustyDbSqlParserImpl}) calls from its grammar actions, kept
 * in Java so the grammar stays declarative. Errors are thrown as {@link CalciteContextException}
 * wrapping a {@link RustyDbException}, which is how a position travels through Calcite's parser;
 * {@link RustyDbParser} unwraps them.
 */
public final class RustyDbParserUtil {
    /**
     * PostgreSQL's {@code x ^ y} as the parser reads it: left-associative, binding tighter than
     * {@code * / %} (60) and looser than unary minus (80), so {@code -2 ^ 2} is 4 and
     * {@code 2 ^ 3 ^ 2} is 64. The planner gives it its types and meaning.
     */
    public static final SqlBinaryOperator POWER = new SqlBinaryOperator("^", SqlKind.OTHER, 70, true,
            ReturnTypes.DOUBLE_NULLABLE, InferTypes.FIRST_KNOWN, OperandTypes.NUMERIC_NUMERIC);

    private RustyDbParserUtil() {
    }

    /** The node for {@code $n}. */
    public static SqlPositionalParam positionalParam(String image, SqlParserPos pos) {
        int number;
        try {
            number = Integer.parseInt(image.substring(1));
        } catch (NumberFormatException e) {
            number = 0;
        }
        if (number < 1) {
            throw error(pos, new RustyDbException(ErrorCode.UNDEFINED_PARAMETER, image.substring(1)));
        }
        return new SqlPositionalParam(number, pos);
    }

    /** An error at {@code pos} that {@link RustyDbParser} reports as {@code error}. */
    public static CalciteContextException error(SqlParserPos pos, RustyDbException error) {
        return new CalciteContextException(error.getMessage(), error, pos.getLineNum(),
                pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
    }

    public static CalciteContextException notSupported(SqlParserPos pos, String feature) {
        return error(pos, new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED, feature));
    }

    /** A 0A000 error worded by PostgreSQL, e.g. {@code COPY quote available only in CSV mode}. */
    public static CalciteContextException featureNotSupported(SqlParserPos pos, String message) {
        return error(pos, new WordedFeatureNotSupported(message));
    }

    /** A 42601 error with {@code message}, e.g. {@code conflicting or redundant options}. */
    public static CalciteContextException syntaxError(SqlParserPos pos, String message) {
        return error(pos, new RustyDbException(ErrorCode.SYNTAX_ERROR, message));
    }

    /**
     * {@link ErrorCode#FEATURE_NOT_SUPPORTED} renders "%s is not supported", but several 0A000
     * errors PostgreSQL reports are worded otherwise. This keeps their SQLSTATE and wording (a
     * positioned copy made by {@link RustyDbException#withPosition} keeps the message too) until
     * ErrorCode has a free-text 0A000 entry.
     */
    private static final class WordedFeatureNotSupported extends RustyDbException {
        private static final long serialVersionUID = 1L;

        private final String message;

        WordedFeatureNotSupported(String message) {
            super(ErrorCode.FEATURE_NOT_SUPPORTED, message);
            this.message = message;
        }

        @Override
        public String getMessage() {
            return message;
        }
    }

    /**
     * Whether the words after a FOR just lexed are UPDATE, NO KEY UPDATE, SHARE or KEY SHARE
     * followed by the end, a {@code ;} or a word (OF, NOWAIT, SKIP), so that the FOR starts a
     * locking clause rather than, say, {@code substring(s FROM 1 FOR share)}. Reads ahead in the
     * lexer's input and backs up again.
     */
    public static boolean startsLockingClause(SimpleCharStream input) {
        return LockingClauseLookahead.startsLockingClause(input);
    }

    /** {@code float(p)}. */
    public static SqlTypeNameSpec floatType(int precision, SqlParserPos pos) {
        try {
            return PgTypeNameSpec.ofFloat(precision, pos);
        } catch (RustyDbException e) {
            throw error(pos, e);
        }
    }

    /** The names in a list of simple identifiers, e.g. a column list. */
    public static List<String> names(SqlNodeList list) {
        return list.stream().map(n -> ((SqlIdentifier) n).getSimple()).toList();
    }

    /** The lower-case name of a run-time parameter or storage option, dotted if qualified. */
    public static String variableName(SqlIdentifier id) {
        return String.join(".", id.names).toLowerCase(Locale.ROOT);
    }

    /** A SET or WITH value as text: the string content, the number, or the (folded) word. */
    public static String valueText(SqlNode value) {
        if (value instanceof SqlIdentifier id) {
            return String.join(".", id.names);
        }
        if (value instanceof SqlLiteral literal) {
            return switch (literal.getTypeName().getFamily()) {
                case CHARACTER -> literal.getValueAs(String.class);
                case BOOLEAN -> String.valueOf(literal.booleanValue());
                default -> literal.toValue();
            };
        }
        return value.toString();
    }

    /** Records a NULL / NOT NULL clause, rejecting a column that says both. */
    public static Boolean nullability(Boolean declared, boolean nullable, SqlIdentifier column,
            SqlParserPos pos) {
        if (declared != null && declared != nullable) {
            throw error(pos, new RustyDbException(ErrorCode.SYNTAX_ERROR,
                    "conflicting NULL/NOT NULL declarations for column \"" + column.getSimple() + "\""));
        }
        return nullable;
    }

    /**
     * A column declaration; {@code serial} is the SMALLSERIAL/SERIAL/BIGSERIAL keyword or
     * {@code null}, in which case {@code type} is mapped to a {@link ColumnType}.
     */
    public static SqlColumnDeclaration column(SqlParserPos pos, SqlIdentifier name, SqlDataTypeSpec type,
            String serial, Boolean nullable, SqlNode defaultValue, boolean primaryKey, boolean unique) {
        ColumnType columnType;
        if (serial != null) {
            columnType = ColumnType.of(switch (serial.toUpperCase(Locale.ROOT)) {
                case "SMALLSERIAL" -> DataType.SMALLINT;
                case "BIGSERIAL" -> DataType.BIGINT;
                default -> DataType.INTEGER;
            });
        } else {
            try {
                columnType = ColumnTypes.of(type);
            } catch (RustyDbException e) {
                throw error(type.getParserPosition(), e);
            }
        }
        return new SqlColumnDeclaration(pos, name, serial == null ? type : null, columnType,
                serial != null, Boolean.FALSE.equals(nullable), defaultValue, primaryKey, unique);
    }

    /**
     * A CREATE TABLE, after the checks PostgreSQL makes while parsing it: distinct column names,
     * one primary key, constraint columns that exist.
     */
    public static SqlCreateTable createTable(SqlParserPos pos, boolean ifNotExists, SqlIdentifier name,
            List<SqlNode> elements, List<SqlNode> options, SqlIdentifier tablespace) {
        List<SqlColumnDeclaration> columns = new ArrayList<>();
        List<SqlTableConstraint> constraints = new ArrayList<>();
        Set<String> columnNames = new HashSet<>();
        boolean hasPrimaryKey = false;
        for (SqlNode element : elements) {
            if (element instanceof SqlForeignKeyConstraint) {
                throw featureNotSupported(element.getParserPosition(), "FOREIGN KEY constraints are not supported");
            }
            boolean primaryKey;
            if (element instanceof SqlColumnDeclaration column) {
                if (!columnNames.add(column.nameString())) {
                    throw error(column.name().getParserPosition(),
                            new RustyDbException(ErrorCode.DUPLICATE_COLUMN, column.nameString()));
                }
                columns.add(column);
                primaryKey = column.primaryKey();
            } else {
                SqlTableConstraint constraint = (SqlTableConstraint) element;
                constraints.add(constraint);
                primaryKey = constraint.type() == SqlTableConstraint.Type.PRIMARY_KEY;
            }
            if (primaryKey && hasPrimaryKey) {
                throw error(element.getParserPosition(), new RustyDbException(ErrorCode.INVALID_TABLE_DEFINITION,
                        "multiple primary keys for table \"" + name.names.get(name.names.size() - 1)
                                + "\" are not allowed"));
            }
            hasPrimaryKey |= primaryKey;
        }
        for (SqlTableConstraint constraint : constraints) {
            for (SqlNode column : constraint.columns()) {
                String columnName = ((SqlIdentifier) column).getSimple();
                if (!columnNames.contains(columnName)) {
                    throw error(column.getParserPosition(),
                            new RustyDbException(ErrorCode.UNDEFINED_COLUMN, columnName));
                }
            }
        }
        List<SqlTableOption> tableOptions = options.stream().map(SqlTableOption.class::cast).toList();
        return new SqlCreateTable(pos, ifNotExists, name, columns, constraints, tableOptions, tablespace);
    }
}
