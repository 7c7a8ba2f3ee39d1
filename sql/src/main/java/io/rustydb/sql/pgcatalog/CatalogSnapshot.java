package io.rustydb.sql.pgcatalog;

import io.rustydb.common.types.ColumnType;
import io.rustydb.sql.calcite.ExecutionContext;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.SequenceDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.catalog.ViewDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.calcite.DataContext;

/**
 * The catalog as one scan of a system table sees it: every relation (tables, views, indexes and
 * the system tables themselves) with its OID, namespace and attributes, plus the session's user
 * and database.
 */
final class CatalogSnapshot {

    /** A pg_attribute row: name, pg_type OID, typmod, NOT NULL and the DEFAULT expression's text. */
    record Attribute(String name, int typeOid, int typmod, boolean notNull, String defaultExpression) {
    }

    /** A pg_class row; one of table, view, index and system is set, none for a sequence (kind S). */
    record Relation(int oid, String schema, String name, String kind, List<Attribute> attributes, TableDef table,
            ViewDef view, PgIndex index, VirtualTable system) {
        int namespace() {
            return PgOids.namespace(schema);
        }
    }

    final PgCatalogSchema catalog;
    final String user;
    final String database;
    final List<Relation> relations = new ArrayList<>();
    final Map<Integer, Relation> byOid = new LinkedHashMap<>();

    private CatalogSnapshot(PgCatalogSchema catalog, String user, String database) {
        this.catalog = catalog;
        this.user = user;
        this.database = database;
    }

    /** One snapshot per execution of a statement, shared by its scans and catalog function calls. */
    private static final Map<DataContext, CatalogSnapshot> PER_EXECUTION =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    static CatalogSnapshot of(DataContext root) {
        return PER_EXECUTION.computeIfAbsent(root, CatalogSnapshot::create);
    }

    private static CatalogSnapshot create(DataContext root) {
        return PgCatalogSchema.of(root).snapshot(session(root, ExecutionContext.USER),
                session(root, ExecutionContext.DATABASE));
    }

    /**
     * The session's user or database. Only a statement's own execution context has them; the
     * planner's constant folding must not bake another session's values into a cached plan.
     */
    static String session(DataContext root, String key) {
        Object value = root instanceof ExecutionContext ? root.get(key) : null;
        if (value == null) {
            throw new IllegalStateException(key + " is known only when a statement runs");
        }
        return value.toString();
    }

    static CatalogSnapshot build(PgCatalogSchema schema, String user, String database) {
        CatalogSnapshot s = new CatalogSnapshot(schema, user, database);
        List<TableDef> tables = new ArrayList<>(schema.catalog().tables());
        tables.sort(Comparator.comparingInt(TableDef::id));
        for (TableDef t : tables) {
            List<Attribute> attributes = new ArrayList<>();
            for (ColumnDef c : t.columns()) {
                attributes.add(new Attribute(c.name(), c.type().type().oid(), c.type().typmod(), !c.nullable(),
                        c.defaultExpression()));
            }
            List<PgIndex> indexes = PgIndex.of(t);
            s.add(new Relation(t.id(), t.schema(), t.name(), "r", attributes, t, null, null, null));
            for (PgIndex index : indexes) {
                List<Attribute> keyColumns = new ArrayList<>();
                for (int column : index.columns()) {
                    Attribute a = attributes.get(column);
                    keyColumns.add(new Attribute(a.name(), a.typeOid(), a.typmod(), false, null));
                }
                s.add(new Relation(index.oid(), t.schema(), index.name(), "i", keyColumns, t, null, index, null));
            }
        }
        for (ViewDef v : schema.views()) {
            List<Attribute> attributes = new ArrayList<>();
            for (Map.Entry<String, ColumnType> c : schema.viewColumns(v).entrySet()) {
                attributes.add(new Attribute(c.getKey(), c.getValue().type().oid(), c.getValue().typmod(), false, null));
            }
            s.add(new Relation(viewOid(v), v.schema(), v.name(), "v", attributes, null, v, null, null));
        }
        List<SequenceDef> sequences = new ArrayList<>(schema.catalog().sequences().all());
        sequences.sort(Comparator.comparingInt(SequenceDef::id));
        for (SequenceDef seq : sequences) {
            // the columns PostgreSQL gives a sequence relation
            List<Attribute> attributes = List.of(new Attribute("last_value", DataType.BIGINT.oid(), -1, true, null),
                    new Attribute("log_cnt", DataType.BIGINT.oid(), -1, true, null),
                    new Attribute("is_called", DataType.BOOLEAN.oid(), -1, true, null));
            s.add(new Relation(seq.id(), seq.schema(), seq.name(), "S", attributes, null, null, null, null));
        }
        for (VirtualTable system : schema.systemTables()) {
            List<Attribute> attributes = new ArrayList<>();
            system.columns().forEach((name, type) -> attributes.add(new Attribute(name, PgTypes.oid(type), -1, false,
                    null)));
            String owner = system.oid() < PgOids.INFORMATION_SCHEMA_NAMESPACE ? "pg_catalog" : "information_schema";
            s.add(new Relation(system.oid(), owner, system.name(), "r", attributes, null, null, null, system));
        }
        return s;
    }

    /** A view's OID: its object id; views stored before they had ids get a stable one from their name. */
    static int viewOid(ViewDef v) {
        return v.id() != 0 ? v.id() : 0x70000000 + Math.floorMod((v.schema() + "." + v.name()).hashCode(), 0x0fffffff);
    }

    private void add(Relation r) {
        relations.add(r);
        byOid.put(r.oid(), r);
    }

    /** The schemas that exist: the built-in ones and every schema a table or view is in. */
    List<String> schemas() {
        TreeSet<String> names = new TreeSet<>(List.of("pg_catalog", "public", "information_schema"));
        for (Relation r : relations) {
            names.add(r.schema());
        }
        return new ArrayList<>(names);
    }

    List<PgIndex> indexes() {
        List<PgIndex> all = new ArrayList<>();
        for (Relation r : relations) {
            if (r.index() != null) {
                all.add(r.index());
            }
        }
        return all;
    }
}
