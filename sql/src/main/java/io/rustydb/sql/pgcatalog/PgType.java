package io.rustydb.sql.pgcatalog;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** The column types of the virtual catalog tables, with the Java class each value must have. */
enum PgType {
    OID(SqlTypeName.INTEGER),
    INT2(SqlTypeName.SMALLINT),
    INT4(SqlTypeName.INTEGER),
    INT8(SqlTypeName.BIGINT),
    FLOAT4(SqlTypeName.REAL),
    BOOL(SqlTypeName.BOOLEAN),
    NAME(SqlTypeName.VARCHAR),
    TEXT(SqlTypeName.VARCHAR),
    CHAR(SqlTypeName.VARCHAR),
    TIMESTAMP(SqlTypeName.TIMESTAMP),
    INT_ARRAY(SqlTypeName.INTEGER),
    TEXT_ARRAY(SqlTypeName.VARCHAR);

    private final SqlTypeName sqlType;

    PgType(SqlTypeName sqlType) {
        this.sqlType = sqlType;
    }

    RelDataType relType(RelDataTypeFactory factory) {
        RelDataType base = factory.createSqlType(sqlType);
        if (this == INT_ARRAY || this == TEXT_ARRAY) {
            base = factory.createArrayType(factory.createTypeWithNullability(base, true), -1);
        }
        return factory.createTypeWithNullability(base, true);
    }
}
