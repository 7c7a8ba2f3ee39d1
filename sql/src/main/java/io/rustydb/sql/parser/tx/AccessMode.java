package io.rustydb.sql.parser.tx;

/** {@code READ WRITE} or {@code READ ONLY}. */
public enum AccessMode {
    READ_WRITE("READ WRITE"),
    READ_ONLY("READ ONLY");

    private final String sqlName;

    AccessMode(String sqlName) {
        this.sqlName = sqlName;
    }

    public String sqlName() {
        return sqlName;
    }
}
