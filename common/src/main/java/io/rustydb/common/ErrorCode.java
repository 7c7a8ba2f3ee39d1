package io.rustydb.common;

/**
 * The one catalog of errors RustyDB reports, keyed by PostgreSQL SQLSTATE. Each entry carries a
 * {@link String#format} message template and the number of arguments it expects.
 */
public enum ErrorCode {
    // Class 0A - feature not supported
    FEATURE_NOT_SUPPORTED("0A000", "%s is not supported", 1),
    /** A class 0A error with PostgreSQL's own wording ("cannot change ownership of identity sequence"). */
    NOT_SUPPORTED("0A000", "%s", 1),
    // Class 08 - connection exception
    PROTOCOL_VIOLATION("08P01", "protocol violation: %s", 1),
    // Class 21 - cardinality violation
    CARDINALITY_VIOLATION("21000", "%s", 1),
    // Class 22 - data exception
    STRING_DATA_RIGHT_TRUNCATION("22001", "value too long for type %s", 1),
    NUMERIC_VALUE_OUT_OF_RANGE("22003", "%s", 1),
    INVALID_DATETIME_FORMAT("22007", "invalid input syntax for type %s: \"%s\"", 2),
    DATETIME_FIELD_OVERFLOW("22008", "date/time field value out of range: \"%s\"", 1),
    INTERVAL_OUT_OF_RANGE("22008", "interval out of range", 0),
    TIMESTAMP_OUT_OF_RANGE("22008", "timestamp out of range", 0),
    DIVISION_BY_ZERO("22012", "division by zero", 0),
    INVALID_PARAMETER_VALUE("22023", "%s", 1),
    INVALID_ARGUMENT_FOR_POWER_FUNCTION("2201F", "%s", 1),
    INVALID_TEXT_REPRESENTATION("22P02", "invalid input syntax for type %s: \"%s\"", 2),
    DATA_EXCEPTION("22000", "%s", 1),
    SEQUENCE_GENERATOR_LIMIT_EXCEEDED("2200H", "%s", 1),
    // Class 23 - integrity constraint violation
    NOT_NULL_VIOLATION("23502", "null value in column \"%s\" of relation \"%s\" violates not-null constraint", 2),
    UNIQUE_VIOLATION("23505", "duplicate key value violates unique constraint \"%s\"", 1),
    UNIQUE_INDEX_BUILD_FAILED("23505", "could not create unique index \"%s\"", 1),
    DEPENDENT_OBJECTS_STILL_EXIST("2BP01", "%s", 1),
    // Class 25 - invalid transaction state
    ACTIVE_SQL_TRANSACTION("25001", "there is already a transaction in progress", 0),
    TRANSACTION_MODE_TOO_LATE("25001", "%s must be called before any query", 1),
    NO_ACTIVE_SQL_TRANSACTION("25P01", "there is no transaction in progress", 0),
    IN_FAILED_SQL_TRANSACTION("25P02",
            "current transaction is aborted, commands ignored until end of transaction block", 0),
    READ_ONLY_SQL_TRANSACTION("25006", "cannot execute %s in a read-only transaction", 1),
    // Class 26 / 34 - invalid statement or cursor name
    INVALID_SQL_STATEMENT_NAME("26000", "prepared statement \"%s\" does not exist", 1),
    INVALID_CURSOR_NAME("34000", "portal \"%s\" does not exist", 1),
    // Class 28 - invalid authorization specification
    INVALID_AUTHORIZATION_SPECIFICATION("28000", "%s", 1),
    INVALID_PASSWORD("28P01", "password authentication failed for user \"%s\"", 1),
    // Class 3D - invalid catalog name
    INVALID_CATALOG_NAME("3D000", "database \"%s\" does not exist", 1),
    // Class 40 - transaction rollback
    SERIALIZATION_FAILURE("40001", "could not serialize access due to %s", 1),
    DEADLOCK_DETECTED("40P01", "deadlock detected", 0),
    // Class 42 - syntax error or access rule violation
    SYNTAX_ERROR("42601", "%s", 1),
    INVALID_STATEMENT("42000", "%s", 1),
    INDETERMINATE_DATATYPE("42P18", "could not determine data type of parameter $%s", 1),
    UNDEFINED_OPERATOR("42883", "operator does not exist: %s", 1),
    DUPLICATE_OBJECT("42710", "%s already exists", 1),
    DUPLICATE_ALIAS("42712", "table name \"%s\" specified more than once", 1),
    INSUFFICIENT_PRIVILEGE("42501", "permission denied for %s", 1),
    UNDEFINED_COLUMN("42703", "column \"%s\" does not exist", 1),
    UNDEFINED_TABLE("42P01", "relation \"%s\" does not exist", 1),
    UNDEFINED_SEQUENCE("42P01", "sequence \"%s\" does not exist", 1),
    UNDEFINED_FUNCTION("42883", "function %s does not exist", 1),
    UNDEFINED_OBJECT("42704", "%s", 1),
    UNDEFINED_PARAMETER("42P02", "there is no parameter $%s", 1),
    DUPLICATE_TABLE("42P07", "relation \"%s\" already exists", 1),
    DUPLICATE_COLUMN("42701", "column \"%s\" specified more than once", 1),
    DUPLICATE_PREPARED_STATEMENT("42P05", "prepared statement \"%s\" already exists", 1),
    DUPLICATE_CURSOR("42P03", "cursor \"%s\" already exists", 1),
    AMBIGUOUS_COLUMN("42702", "column reference \"%s\" is ambiguous", 1),
    DATATYPE_MISMATCH("42804", "%s", 1),
    CANNOT_COERCE("42846", "cannot cast type %s to %s", 2),
    WRONG_OBJECT_TYPE("42809", "%s", 1),
    INVALID_NAME("42602", "%s", 1),
    GENERATED_ALWAYS("428C9", "%s", 1),
    GROUPING_ERROR("42803", "%s", 1),
    INVALID_TABLE_DEFINITION("42P16", "%s", 1),
    INVALID_COLUMN_DEFINITION("42611", "%s", 1),
    UNDEFINED_DATATYPE("42704", "type \"%s\" does not exist", 1),
    // Class 53 - insufficient resources
    DISK_FULL("53100", "could not extend tablespace \"%s\": %s", 2),
    OUT_OF_MEMORY("53200", "out of memory: %s", 1),
    TOO_MANY_CONNECTIONS("53300", "sorry, too many clients already", 0),
    // Class 55 - object not in prerequisite state
    OBJECT_NOT_IN_PREREQUISITE_STATE("55000", "%s", 1),
    OBJECT_IN_USE("55006", "%s", 1),
    LOCK_NOT_AVAILABLE("55P03", "could not obtain lock on %s", 1),
    LOCK_TIMEOUT("55P03", "canceling statement due to lock timeout", 0),
    ROW_LOCK_NOT_AVAILABLE("55P03", "could not obtain lock on row in relation \"%s\"", 1),
    CANT_CHANGE_RUNTIME_PARAM("55P02", "parameter \"%s\" cannot be changed", 1),
    // Class 57 - operator intervention
    QUERY_CANCELED("57014", "canceling statement due to user request", 0),
    STATEMENT_TIMEOUT("57014", "canceling statement due to statement timeout", 0),
    QUERY_CANCELED_COPY("57014", "COPY from stdin failed: %s", 1),
    BAD_COPY_FILE_FORMAT("22P04", "%s", 1),
    ADMIN_SHUTDOWN("57P01", "terminating connection due to administrator command", 0),
    CANNOT_CONNECT_NOW("57P03", "the database system is %s", 1),
    // Class 58 - system error
    IO_ERROR("58030", "I/O error: %s", 1),
    // Class XX - internal error
    INTERNAL_ERROR("XX000", "internal error: %s", 1);

    private final String sqlState;
    private final String template;
    private final int parameterCount;

    ErrorCode(String sqlState, String template, int parameterCount) {
        this.sqlState = sqlState;
        this.template = template;
        this.parameterCount = parameterCount;
    }

    /** The five-character SQLSTATE sent to clients. */
    public String sqlState() {
        return sqlState;
    }

    /** Number of arguments {@link #format(Object...)} expects. */
    public int parameterCount() {
        return parameterCount;
    }

    /** Renders the message for the given arguments; a wrong argument count is a programming error. */
    public String format(Object... args) {
        if (args.length != parameterCount) {
            throw new IllegalArgumentException(
                    name() + " expects " + parameterCount + " argument(s), got " + args.length);
        }
        return String.format(template, args);
    }
}
