package io.rustydb.sql.calcite;

import io.rustydb.persistence.StorageEngine;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.TableDef;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** One SQL schema (e.g. {@code public}) backed by the live catalog. */
public final class CatalogSchema extends AbstractSchema {
    private final String name;
    private final Catalog catalog;
    private final StorageEngine storage;
    private final Map<TableDef, StorageTable> tables = new ConcurrentHashMap<>();

    public CatalogSchema(String name, Catalog catalog, StorageEngine storage) {
        this.name = name;
        this.catalog = catalog;
        this.storage = storage;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        Map<String, Table> map = new HashMap<>();
        for (TableDef def : catalog.tables()) {
            if (def.schema().equals(name)) {
                map.put(def.name(), tables.computeIfAbsent(def,
                        d -> new StorageTable(d, storage.tablespace(d.tablespace()),
                                () -> catalog.analyzedRowCount(d.id()), catalog::analyzedIndexDistinct)));
            }
        }
        tables.keySet().retainAll(catalog.tables());
        return map;
    }
}
