package io.rustydb.sql.pgcatalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A read-only system table whose rows are computed from the live catalog on every scan, so they
 * always show the tables, columns and indexes as they are when the statement runs.
 */
final class VirtualTable extends AbstractTable implements ScannableTable {
    private final String name;
    private final int oid;
    private final Map<String, PgType> columns;
    private final Function<CatalogSnapshot, List<Object[]>> rows;

    private VirtualTable(String name, int oid, Map<String, PgType> columns,
            Function<CatalogSnapshot, List<Object[]>> rows) {
        this.name = name;
        this.oid = oid;
        this.columns = columns;
        this.rows = rows;
    }

    String name() {
        return name;
    }

    /** The table's OID in pg_class (PostgreSQL's own OID for the catalogs it shares with it). */
    int oid() {
        return oid;
    }

    Map<String, PgType> columns() {
        return columns;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory factory) {
        RelDataTypeFactory.Builder builder = factory.builder();
        columns.forEach((column, type) -> builder.add(column, type.relType(factory)));
        return builder.build();
    }

    @Override
    public Schema.TableType getJdbcTableType() {
        return Schema.TableType.SYSTEM_TABLE;
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
        return Linq4j.asEnumerable(rows.apply(CatalogSnapshot.of(root)));
    }

    /** Starts a table definition: {@code builder("pg_am", 2601).col("oid", OID)...}. */
    static Builder builder(String name, int oid) {
        return new Builder(name, oid);
    }

    /** Collects the columns of a virtual table. */
    static final class Builder {
        private final String name;
        private final int oid;
        private final Map<String, PgType> columns = new LinkedHashMap<>();

        private Builder(String name, int oid) {
            this.name = name;
            this.oid = oid;
        }

        Builder col(String column, PgType type) {
            columns.put(column, type);
            return this;
        }

        Builder cols(PgType type, String... names) {
            for (String n : names) {
                columns.put(n, type);
            }
            return this;
        }

        VirtualTable rows(Function<CatalogSnapshot, List<Object[]>> rows) {
            return new VirtualTable(name, oid, java.util.Collections.unmodifiableMap(columns), rows);
        }

        /** A table that has no rows because RustyDB has no such objects (e.g. row-level policies). */
        VirtualTable empty() {
            return rows(s -> new ArrayList<>());
        }
    }
}
