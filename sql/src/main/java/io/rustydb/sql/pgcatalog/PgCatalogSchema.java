package io.rustydb.sql.pgcatalog;

import com.google.common.collect.Multimap;
import io.rustydb.common.types.ColumnType;
import io.rustydb.sql.ResultColumn;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.ViewDef;
import io.rustydb.sql.exec.EngineContext;
import io.rustydb.sql.exec.QueryPlan;
import io.rustydb.sql.parser.RustyDbParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code pg_catalog} schema: PostgreSQL's system catalogs as virtual tables computed from the
 * live catalog, and the catalog functions (format_type, pg_get_indexdef, ...) clients call.
 */
public final class PgCatalogSchema extends AbstractSchema {
    public static final String NAME = "pg_catalog";
    private static final Logger LOG = LoggerFactory.getLogger(PgCatalogSchema.class);

    private final EngineContext engine;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final List<VirtualTable> systemTables = new ArrayList<>();
    private final Multimap<String, Function> functions = PgFunctions.all();

    private PgCatalogSchema(EngineContext engine) {
        this.engine = engine;
        for (VirtualTable t : PgRelationTables.all()) {
            tables.put(t.name(), t);
        }
        for (VirtualTable t : PgSystemTables.all()) {
            tables.put(t.name(), t);
        }
        systemTables.addAll(tables.values().stream().map(VirtualTable.class::cast).toList());
    }

    /** Adds {@code pg_catalog} and {@code information_schema} to the engine's root schema. */
    public static void install(EngineContext engine) {
        SchemaPlus root = engine.planner().rootSchema();
        PgCatalogSchema pgCatalog = new PgCatalogSchema(engine);
        InformationSchema information = new InformationSchema();
        pgCatalog.systemTables.addAll(information.virtualTables());
        pgCatalog.systemTables.sort(Comparator.comparingInt(VirtualTable::oid));
        root.add(NAME, pgCatalog);
        root.add(InformationSchema.SCHEMA_NAME, information);
    }

    static PgCatalogSchema of(DataContext root) {
        return root.getRootSchema().getSubSchema(NAME).unwrap(PgCatalogSchema.class);
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return tables;
    }

    @Override
    protected Multimap<String, Function> getFunctionMultimap() {
        return functions;
    }

    Catalog catalog() {
        return engine.catalog();
    }

    List<ViewDef> views() {
        List<ViewDef> views = new ArrayList<>(engine.catalog().views());
        views.sort(Comparator.comparingInt(CatalogSnapshot::viewOid));
        return views;
    }

    List<VirtualTable> systemTables() {
        return systemTables;
    }

    List<String> tablespaceNames() {
        return engine.storage().tablespaceNames();
    }

    io.rustydb.persistence.StorageEngine storage() {
        return engine.storage();
    }

    CatalogSnapshot snapshot(String user, String database) {
        return CatalogSnapshot.build(this, user, database);
    }

    /** A view's result columns, from planning its query; none if the query no longer plans. */
    Map<String, ColumnType> viewColumns(ViewDef view) {
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        try {
            List<ResultColumn> result = QueryPlan.create(engine, () -> RustyDbParser.parseStatement(view.query()),
                    List.of()).columns();
            for (int i = 0; i < result.size(); i++) {
                String name = i < view.columnNames().size() ? view.columnNames().get(i) : result.get(i).name();
                columns.put(name, result.get(i).type());
            }
        } catch (RuntimeException e) {
            LOG.debug("view {}.{} does not plan: {}", view.schema(), view.name(), e.getMessage());
        }
        return columns;
    }
}
