package io.rustydb.sql.exec;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.CalciteException;

/**
 * Turns Calcite's validation and run-time exceptions into RustyDB errors with PostgreSQL's
 * SQLSTATEs and messages, keeping the statement position of validation errors.
 */
public final class ErrorTranslator {
    private static final Pattern OBJECT_NOT_FOUND = Pattern.compile("(?:Object|Table) '([^']*)' not found");
    private static final Pattern COLUMN_NOT_FOUND = Pattern.compile("Column '([^']*)' not found");
    private static final Pattern COLUMN_AMBIGUOUS = Pattern.compile("Column '([^']*)' is ambiguous");
    private static final Pattern NO_FUNCTION = Pattern.compile("No match found for function signature (.*)");
    private static final Pattern DUPLICATE_ALIAS = Pattern.compile("Duplicate relation name '([^']*)' in FROM clause");
    private static final Pattern NOT_GROUPED = Pattern.compile("Expression '([^']*)' is not being grouped");
    private static final Pattern CANNOT_APPLY = Pattern.compile(
            "Cannot apply '([^']*)' to arguments of type '(.*)'\\. Supported.*", Pattern.DOTALL);

    private static final Pattern ILLEGAL_DATETIME = Pattern.compile("Illegal (DATE|TIMESTAMP|TIME) literal '([^']*)'");

    private ErrorTranslator() {
    }

    /**
     * The RustyDB error for {@code error}, positioned relative to the statement's start at
     * {@code statementOffset} (0-based) in the client's query string.
     */
    public static RustyDbException translate(Throwable error, String statementText, int statementOffset) {
        if (error instanceof RustyDbException r) {
            return r;
        }
        if (error instanceof PositionedException p) {
            return p.line() > 0
                    ? p.error().withPosition(statementOffset + offset(statementText, p.line(), p.column()) + 1)
                    : p.error();
        }
        Throwable root = error;
        int position = 0;
        while (root != null) {
            if (root instanceof RustyDbException r) {
                return r;
            }
            if (root instanceof CalciteContextException c && position == 0 && c.getPosLine() > 0) {
                position = statementOffset + offset(statementText, c.getPosLine(), c.getPosColumn()) + 1;
            }
            if (root.getCause() == null || root.getCause() == root) {
                break;
            }
            root = root.getCause();
        }
        RustyDbException translated = translateRoot(root);
        return position > 0 ? translated.withPosition(position) : translated;
    }

    private static RustyDbException translateRoot(Throwable root) {
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        Matcher m;
        if (root instanceof ArithmeticException) {
            return message.toLowerCase(Locale.ROOT).contains("zero")
                    ? new RustyDbException(ErrorCode.DIVISION_BY_ZERO)
                    : new RustyDbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, message);
        }
        if (root instanceof NumberFormatException) {
            return new RustyDbException(ErrorCode.INVALID_TEXT_REPRESENTATION, "numeric", message);
        }
        if ((m = ILLEGAL_DATETIME.matcher(message)).find()) {
            // a well-formed date whose fields are out of range (2024-02-30) is 22008, other text 22007
            String type = m.group(1).equals("DATE") ? "date" : "timestamp";
            return m.group(2).matches("\\d{4}-\\d{1,2}-\\d{1,2}( \\d{1,2}:\\d{2}(:\\d{2}(\\.\\d*)?)?)?")
                    ? new RustyDbException(ErrorCode.DATETIME_FIELD_OVERFLOW, m.group(2))
                    : new RustyDbException(ErrorCode.INVALID_DATETIME_FORMAT, type, m.group(2));
        }
        if (message.contains("more than one value in agg SINGLE_VALUE")) {
            return new RustyDbException(ErrorCode.CARDINALITY_VIOLATION, "more than one row returned by a subquery used as an expression");
        }
        if (message.startsWith("Column count mismatch in ")) {
            return new RustyDbException(ErrorCode.SYNTAX_ERROR, "each " + message.substring("Column count mismatch in ".length())
                    + " query must have the same number of columns");
        }
        if ((m = OBJECT_NOT_FOUND.matcher(message)).find()) {
            return new RustyDbException(ErrorCode.UNDEFINED_TABLE, m.group(1));
        }
        if ((m = COLUMN_NOT_FOUND.matcher(message)).find()) {
            return new RustyDbException(ErrorCode.UNDEFINED_COLUMN, m.group(1));
        }
        if ((m = COLUMN_AMBIGUOUS.matcher(message)).find()) {
            return new RustyDbException(ErrorCode.AMBIGUOUS_COLUMN, m.group(1));
        }
        if ((m = DUPLICATE_ALIAS.matcher(message)).find()) {
            return new RustyDbException(ErrorCode.DUPLICATE_ALIAS, m.group(1));
        }
        if ((m = NO_FUNCTION.matcher(message)).find()) {
            return new RustyDbException(ErrorCode.UNDEFINED_FUNCTION, m.group(1).toLowerCase(Locale.ROOT));
        }
        if ((m = NOT_GROUPED.matcher(message)).find()) {
            return new RustyDbException(ErrorCode.GROUPING_ERROR, "column \"" + m.group(1)
                    + "\" must appear in the GROUP BY clause or be used in an aggregate function");
        }
        if ((m = CANNOT_APPLY.matcher(message)).find()) {
            return new RustyDbException(ErrorCode.UNDEFINED_OPERATOR, m.group(2).replace("<", "").replace(">", "")
                    .toLowerCase(Locale.ROOT));
        }
        if (root instanceof CalciteException || root.getClass().getName().startsWith("org.apache.calcite")) {
            return new RustyDbException(ErrorCode.INVALID_STATEMENT, message);
        }
        return RustyDbException.wrap(ErrorCode.INTERNAL_ERROR, root, message);
    }

    /** 0-based offset of a 1-based line/column in {@code text}. */
    static int offset(String text, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line && offset < text.length(); offset++) {
            if (text.charAt(offset) == '\n') {
                l++;
            }
        }
        return Math.min(offset + column - 1, Math.max(text.length() - 1, 0));
    }
}
