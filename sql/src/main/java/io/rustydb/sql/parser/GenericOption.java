package io.rustydb.sql.parser;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * One {@code name [value]} item of a utility statement's option list, as PostgreSQL's DefElem:
 * {@code COPY ... (FORMAT csv, HEADER)}, {@code EXPLAIN (COSTS off)}, {@code VACUUM (FULL)},
 * {@code CREATE SEQUENCE ... INCREMENT BY 2}. The statement's node reads the options it knows
 * through the typed getters below, which fail with PostgreSQL's messages at the option's position.
 *
 * @param name the option name, lower case unless it was quoted
 * @param value the argument as written: a literal, an identifier for a bare word, a
 *     {@link SqlNodeList} of column names, {@code *}, a type; {@code null} if none was given
 * @param pos the position of the option name
 */
public record GenericOption(String name, SqlNode value, SqlParserPos pos) {

    /** PostgreSQL's defGetBoolean: no value, true/false/on/off or 1/0. */
    public boolean booleanValue() {
        if (value == null) {
            return true;
        }
        Boolean b = parseBoolean(value);
        if (b == null) {
            throw error(ErrorCode.SYNTAX_ERROR, name + " requires a Boolean value");
        }
        return b;
    }

    /** The value as a boolean, or {@code null} if it is not one of true/false/on/off/1/0. */
    public static Boolean parseBoolean(SqlNode value) {
        if (value instanceof SqlNumericLiteral number) {
            String text = number.toValue();
            return "1".equals(text) ? Boolean.TRUE : "0".equals(text) ? Boolean.FALSE : null;
        }
        if (value instanceof SqlLiteral || value instanceof SqlIdentifier id && id.isSimple()) {
            return switch (RustyDbParserUtil.valueText(value).toLowerCase(Locale.ROOT)) {
                case "true", "on" -> Boolean.TRUE;
                case "false", "off" -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }

    /** PostgreSQL's defGetString: the string, number or word given; the option must have one. */
    public String stringValue() {
        if (value == null || value instanceof SqlNodeList || isStar()) {
            throw error(ErrorCode.SYNTAX_ERROR, name + " requires a parameter");
        }
        return RustyDbParserUtil.valueText(value);
    }

    /** A whole number, for options such as {@code INCREMENT BY n}. */
    public long longValue() {
        if (!(value instanceof SqlNumericLiteral number)) {
            throw error(ErrorCode.SYNTAX_ERROR, name + " requires a numeric value");
        }
        BigDecimal decimal = number.getValueAs(BigDecimal.class);
        if (!number.isExact() || decimal.stripTrailingZeros().scale() > 0) {
            throw error(ErrorCode.INVALID_TEXT_REPRESENTATION, "bigint", number.toValue());
        }
        try {
            return decimal.longValueExact();
        } catch (ArithmeticException e) {
            throw error(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    "value \"" + number.toValue() + "\" is out of range for type bigint");
        }
    }

    /** Whether the value is {@code *} (FORCE_QUOTE *). */
    public boolean isStar() {
        return value instanceof SqlIdentifier id && id.isStar();
    }

    /** The value as a list of column names, e.g. FORCE_NOT_NULL (a, b). */
    public List<String> columnNames() {
        if (!(value instanceof SqlNodeList list)) {
            throw error(ErrorCode.INVALID_PARAMETER_VALUE,
                    "argument to option \"" + name + "\" must be a list of column names");
        }
        return list.stream().map(c -> ((SqlIdentifier) c).getSimple()).toList();
    }

    /** An error at this option. */
    public CalciteContextException error(ErrorCode code, Object... args) {
        return error(new RustyDbException(code, args));
    }

    public CalciteContextException error(RustyDbException e) {
        return RustyDbParserUtil.error(pos, e);
    }

    /** {@code conflicting or redundant options}, for an option given twice. */
    public CalciteContextException redundant() {
        return error(ErrorCode.SYNTAX_ERROR, "conflicting or redundant options");
    }
}
