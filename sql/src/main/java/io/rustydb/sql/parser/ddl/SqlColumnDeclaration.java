package io.rustydb.sql.parser.ddl;

import io.rustydb.common.types.ColumnType;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * One column of {@code CREATE TABLE}: {@code name type [NOT NULL | NULL] [DEFAULT expr]
 * [PRIMARY KEY] [UNIQUE]}. The declared type is already mapped to a {@link ColumnType};
 * {@code SMALLSERIAL}/{@code SERIAL}/{@code BIGSERIAL} give the matching integer type with
 * {@link #serial()} set and no {@link #dataType()}.
 */
public final class SqlColumnDeclaration extends SqlCall {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("COLUMN_DECL", SqlKind.COLUMN_DECL);

    private final SqlIdentifier name;
    private final SqlDataTypeSpec dataType;
    private final ColumnType columnType;
    private final boolean serial;
    private final boolean notNull;
    private final SqlNode defaultValue;
    private final boolean primaryKey;
    private final boolean unique;
    private String identity;
    private List<io.rustydb.sql.parser.GenericOption> identityOptions = List.of();

    public SqlColumnDeclaration(SqlParserPos pos, SqlIdentifier name, SqlDataTypeSpec dataType,
            ColumnType columnType, boolean serial, boolean notNull, SqlNode defaultValue,
            boolean primaryKey, boolean unique) {
        super(pos);
        this.name = name;
        this.dataType = dataType;
        this.columnType = columnType;
        this.serial = serial;
        this.notNull = notNull;
        this.defaultValue = defaultValue;
        this.primaryKey = primaryKey;
        this.unique = unique;
    }

    public SqlIdentifier name() {
        return name;
    }

    /** The column name as stored in the catalog (already case-folded by the parser). */
    public String nameString() {
        return name.getSimple();
    }

    /** The type as written, or {@code null} for a serial column. */
    public SqlDataTypeSpec dataType() {
        return dataType;
    }

    public ColumnType columnType() {
        return columnType;
    }

    /** Whether the column was declared SMALLSERIAL, SERIAL or BIGSERIAL. */
    public boolean serial() {
        return serial;
    }

    /** Whether {@code NOT NULL} was written. */
    public boolean notNull() {
        return notNull;
    }

    /**
     * Whether the column accepts NULL as far as this declaration says: not if it is NOT NULL,
     * PRIMARY KEY or serial. A table-level PRIMARY KEY can still make it NOT NULL.
     */
    public boolean nullable() {
        return !(notNull || primaryKey || serial || identity != null);
    }

    /** The DEFAULT expression, or {@code null}. */
    public SqlNode defaultValue() {
        return defaultValue;
    }

    /**
     * Marks the column GENERATED ALWAYS ({@code "a"}) or BY DEFAULT ({@code "d"}) AS IDENTITY
     * with the sequence options written in parentheses; {@code identity} null for a plain column.
     */
    public SqlColumnDeclaration withIdentity(String identity, List<io.rustydb.sql.parser.GenericOption> options) {
        this.identity = identity;
        this.identityOptions = List.copyOf(options);
        return this;
    }

    /** {@code "a"} for GENERATED ALWAYS AS IDENTITY, {@code "d"} for BY DEFAULT, else null. */
    public String identity() {
        return identity;
    }

    /** The identity's sequence options (unresolved: their type defaults to the column's). */
    public List<io.rustydb.sql.parser.GenericOption> identityOptions() {
        return identityOptions;
    }

    /** Whether the column itself is declared PRIMARY KEY. */
    public boolean primaryKey() {
        return primaryKey;
    }

    public boolean unique() {
        return unique;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(name, dataType, defaultValue);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        name.unparse(writer, 0, 0);
        if (serial) {
            writer.keyword(switch (columnType.type()) {
                case SMALLINT -> "SMALLSERIAL";
                case BIGINT -> "BIGSERIAL";
                default -> "SERIAL";
            });
        } else {
            dataType.unparse(writer, 0, 0);
        }
        if (notNull) {
            writer.keyword("NOT NULL");
        }
        if (defaultValue != null) {
            writer.keyword("DEFAULT");
            defaultValue.unparse(writer, 0, 0);
        }
        if (primaryKey) {
            writer.keyword("PRIMARY KEY");
        }
        if (unique) {
            writer.keyword("UNIQUE");
        }
    }
}
