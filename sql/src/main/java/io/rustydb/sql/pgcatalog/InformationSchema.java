package io.rustydb.sql.pgcatalog;

import static io.rustydb.sql.pgcatalog.PgType.INT4;
import static io.rustydb.sql.pgcatalog.PgType.NAME;
import static io.rustydb.sql.pgcatalog.PgType.TEXT;

import io.rustydb.common.types.DataType;
import io.rustydb.sql.pgcatalog.CatalogSnapshot.Attribute;
import io.rustydb.sql.pgcatalog.CatalogSnapshot.Relation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** The SQL-standard {@code information_schema} views most tools use, over the live catalog. */
final class InformationSchema extends AbstractSchema {
    static final String SCHEMA_NAME = "information_schema";

    private final Map<String, Table> tables = new LinkedHashMap<>();

    InformationSchema() {
        for (VirtualTable t : List.of(schemata(), tablesView(), columns(), tableConstraints(), keyColumnUsage(), views())) {
            tables.put(t.name(), t);
        }
    }

    List<VirtualTable> virtualTables() {
        return tables.values().stream().map(VirtualTable.class::cast).toList();
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return tables;
    }

    private static VirtualTable schemata() {
        return VirtualTable.builder("schemata", 13001)
                .cols(NAME, "catalog_name", "schema_name", "schema_owner", "default_character_set_catalog",
                        "default_character_set_schema", "default_character_set_name")
                .col("sql_path", TEXT)
                .rows(s -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (String schema : s.schemas()) {
                        rows.add(new Object[] {s.database, schema, s.user, null, null, null, null});
                    }
                    return rows;
                });
    }

    private static VirtualTable tablesView() {
        return VirtualTable.builder("tables", 13002)
                .cols(NAME, "table_catalog", "table_schema", "table_name").col("table_type", TEXT)
                .cols(NAME, "self_referencing_column_name").col("reference_generation", TEXT)
                .cols(NAME, "user_defined_type_catalog", "user_defined_type_schema", "user_defined_type_name")
                .cols(TEXT, "is_insertable_into", "is_typed", "commit_action")
                .rows(s -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (Relation r : s.relations) {
                        if (r.index() == null) {
                            boolean view = r.view() != null;
                            boolean system = r.system() != null;
                            rows.add(new Object[] {s.database, r.schema(), r.name(), view ? "VIEW" : "BASE TABLE",
                                null, null, null, null, null, view || system ? "NO" : "YES", "NO", null});
                        }
                    }
                    return rows;
                });
    }

    private static VirtualTable columns() {
        return VirtualTable.builder("columns", 13003)
                .cols(NAME, "table_catalog", "table_schema", "table_name", "column_name")
                .col("ordinal_position", INT4).col("column_default", TEXT).col("is_nullable", TEXT)
                .col("data_type", TEXT)
                .cols(INT4, "character_maximum_length", "character_octet_length", "numeric_precision",
                        "numeric_precision_radix", "numeric_scale", "datetime_precision")
                .cols(NAME, "udt_catalog", "udt_schema", "udt_name")
                .cols(TEXT, "is_identity", "identity_generation", "is_generated", "generation_expression",
                        "is_updatable")
                .rows(s -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (Relation r : s.relations) {
                        if (r.index() != null) {
                            continue;
                        }
                        for (int i = 0; i < r.attributes().size(); i++) {
                            Attribute a = r.attributes().get(i);
                            rows.add(column(s, r, a, i + 1));
                        }
                    }
                    return rows;
                });
    }

    private static Object[] column(CatalogSnapshot s, Relation r, Attribute a, int position) {
        DataType t = DataType.fromOid(a.typeOid());
        PgTypes.TypeRow type = PgTypes.row(a.typeOid());
        Integer length = null;
        Integer octets = null;
        Integer precision = null;
        Integer radix = null;
        Integer scale = null;
        Integer datetime = null;
        if (t != null && t.isString()) {
            length = a.typmod() >= 4 ? a.typmod() - 4 : null;
            octets = length == null ? 1073741824 : length * 4;
        } else if (t == DataType.NUMERIC) {
            precision = a.typmod() >= 4 ? (a.typmod() - 4) >> 16 : null;
            scale = a.typmod() >= 4 ? (a.typmod() - 4) & 0xffff : null;
            radix = 10;
        } else if (t != null && t.isNumeric()) {
            precision = switch (t) {
                case SMALLINT -> 16;
                case INTEGER -> 32;
                case BIGINT -> 64;
                case REAL -> 24;
                default -> 53;
            };
            radix = 2;
            scale = t == DataType.REAL || t == DataType.DOUBLE ? null : 0;
        } else if (t == DataType.DATE) {
            datetime = 0;
        } else if (t == DataType.TIMESTAMP) {
            datetime = 3;
        }
        String dataType = t != null ? t.sqlName() : type == null ? "USER-DEFINED"
                : type.name().startsWith("_") ? "ARRAY" : type.displayName();
        boolean updatable = r.table() != null;
        return new Object[] {s.database, r.schema(), r.name(), a.name(), position, a.defaultExpression(),
            a.notNull() ? "NO" : "YES", dataType, length, octets, precision, radix, scale, datetime, s.database,
            "pg_catalog", type == null ? null : type.name(), "NO", null, "NEVER", null, updatable ? "YES" : "NO"};
    }

    private static VirtualTable tableConstraints() {
        return VirtualTable.builder("table_constraints", 13004)
                .cols(NAME, "constraint_catalog", "constraint_schema", "constraint_name", "table_catalog",
                        "table_schema", "table_name")
                .cols(TEXT, "constraint_type", "is_deferrable", "initially_deferred", "enforced", "nulls_distinct")
                .rows(s -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (PgIndex index : s.indexes()) {
                        if (index.primary()) {
                            String schema = index.table().schema();
                            rows.add(new Object[] {s.database, schema, index.name(), s.database, schema,
                                index.table().name(), "PRIMARY KEY", "NO", "NO", "YES", null});
                        }
                    }
                    return rows;
                });
    }

    private static VirtualTable keyColumnUsage() {
        return VirtualTable.builder("key_column_usage", 13005)
                .cols(NAME, "constraint_catalog", "constraint_schema", "constraint_name", "table_catalog",
                        "table_schema", "table_name", "column_name")
                .cols(INT4, "ordinal_position", "position_in_unique_constraint")
                .rows(s -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (PgIndex index : s.indexes()) {
                        if (!index.primary()) {
                            continue;
                        }
                        String schema = index.table().schema();
                        for (int i = 0; i < index.columns().size(); i++) {
                            rows.add(new Object[] {s.database, schema, index.name(), s.database, schema,
                                index.table().name(), index.table().columns().get(index.columns().get(i)).name(),
                                i + 1, null});
                        }
                    }
                    return rows;
                });
    }

    private static VirtualTable views() {
        return VirtualTable.builder("views", 13006)
                .cols(NAME, "table_catalog", "table_schema", "table_name")
                .cols(TEXT, "view_definition", "check_option", "is_updatable", "is_insertable_into",
                        "is_trigger_updatable", "is_trigger_deletable", "is_trigger_insertable_into")
                .rows(s -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (Relation r : s.relations) {
                        if (r.view() != null) {
                            rows.add(new Object[] {s.database, r.schema(), r.name(), r.view().query(), "NONE", "NO",
                                "NO", "NO", "NO", "NO"});
                        }
                    }
                    return rows;
                });
    }
}
