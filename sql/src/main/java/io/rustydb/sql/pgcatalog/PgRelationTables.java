package io.rustydb.sql.pgcatalog;

import static io.rustydb.sql.pgcatalog.PgType.BOOL;
import static io.rustydb.sql.pgcatalog.PgType.CHAR;
import static io.rustydb.sql.pgcatalog.PgType.FLOAT4;
import static io.rustydb.sql.pgcatalog.PgType.INT2;
import static io.rustydb.sql.pgcatalog.PgType.INT4;
import static io.rustydb.sql.pgcatalog.PgType.INT_ARRAY;
import static io.rustydb.sql.pgcatalog.PgType.NAME;
import static io.rustydb.sql.pgcatalog.PgType.OID;
import static io.rustydb.sql.pgcatalog.PgType.TEXT;
import static io.rustydb.sql.pgcatalog.PgType.TEXT_ARRAY;

import io.rustydb.sql.pgcatalog.CatalogSnapshot.Attribute;
import io.rustydb.sql.pgcatalog.CatalogSnapshot.Relation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** pg_class, pg_attribute, pg_attrdef, pg_index and pg_constraint over the live catalog. */
final class PgRelationTables {
    private PgRelationTables() {
    }

    static List<VirtualTable> all() {
        return List.of(pgClass(), pgAttribute(), pgAttrdef(), pgIndex(), pgConstraint());
    }

    private static VirtualTable pgClass() {
        return VirtualTable.builder("pg_class", PgOids.PG_CLASS)
                .col("oid", OID).col("relname", NAME).col("relnamespace", OID).col("reltype", OID)
                .col("reloftype", OID).col("relowner", OID).col("relam", OID).col("relfilenode", OID)
                .col("reltablespace", OID).col("relpages", INT4).col("reltuples", FLOAT4).col("relallvisible", INT4)
                .col("reltoastrelid", OID).col("relhasindex", BOOL).col("relisshared", BOOL)
                .col("relpersistence", CHAR).col("relkind", CHAR).col("relnatts", INT2).col("relchecks", INT2)
                .cols(BOOL, "relhasrules", "relhastriggers", "relhassubclass", "relrowsecurity", "relforcerowsecurity",
                        "relispopulated")
                .col("relreplident", CHAR).col("relispartition", BOOL).col("relrewrite", OID)
                .col("relacl", TEXT_ARRAY).col("reloptions", TEXT_ARRAY).col("relpartbound", TEXT)
                .rows(s -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (Relation r : s.relations) {
                        boolean table = r.table() != null && r.index() == null;
                        boolean hasIndex = table && !PgIndex.of(r.table()).isEmpty();
                        int am = r.index() != null ? PgOids.BTREE_AM : "r".equals(r.kind()) ? PgOids.HEAP_AM : 0;
                        float tuples = table ? s.catalog.catalog().analyzedRowCount(r.table().id()) : -1;
                        rows.add(new Object[] {r.oid(), r.name(), r.namespace(), 0, 0, PgOids.OWNER_ROLE, am,
                            r.system() == null ? r.oid() : 0, 0, 0, tuples, 0, 0, hasIndex, false, "p", r.kind(),
                            (short) r.attributes().size(), (short) 0, false, false, false, false, false, true,
                            r.index() != null ? "n" : "d", false, 0, null, null, null});
                    }
                    return rows;
                });
    }

    private static VirtualTable pgAttribute() {
        return VirtualTable.builder("pg_attribute", 1249)
                .col("attrelid", OID).col("attname", NAME).col("atttypid", OID).col("attstattarget", INT4)
                .col("attlen", INT2).col("attnum", INT2).col("attndims", INT4).col("attcacheoff", INT4)
                .col("atttypmod", INT4).col("attbyval", BOOL).col("attalign", CHAR).col("attstorage", CHAR)
                .col("attcompression", CHAR).col("attnotnull", BOOL).col("atthasdef", BOOL)
                .col("atthasmissing", BOOL).col("attidentity", CHAR).col("attgenerated", CHAR)
                .col("attisdropped", BOOL).col("attislocal", BOOL).col("attinhcount", INT4)
                .col("attcollation", OID).col("attacl", TEXT_ARRAY).col("attoptions", TEXT_ARRAY)
                .rows(s -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (Relation r : s.relations) {
                        for (int i = 0; i < r.attributes().size(); i++) {
                            Attribute a = r.attributes().get(i);
                            PgTypes.TypeRow type = PgTypes.row(a.typeOid());
                            rows.add(new Object[] {r.oid(), a.name(), a.typeOid(), -1,
                                (short) (type == null ? -1 : type.length()), (short) (i + 1), 0, -1, a.typmod(),
                                type != null && type.byValue(), "i", storage(type), "",
                                a.notNull(), a.defaultExpression() != null, false, "", "", false, true, 0,
                                type == null ? 0 : type.collation(), null, null});
                        }
                    }
                    return rows;
                });
    }

    private static VirtualTable pgAttrdef() {
        return VirtualTable.builder("pg_attrdef", 2604)
                .col("oid", OID).col("adrelid", OID).col("adnum", INT2).col("adbin", TEXT)
                .rows(s -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (Relation r : s.relations) {
                        if (r.table() == null || r.index() != null) {
                            continue;
                        }
                        for (int i = 0; i < r.attributes().size(); i++) {
                            String expression = r.attributes().get(i).defaultExpression();
                            if (expression != null) {
                                rows.add(new Object[] {PgOids.columnDefault(r.oid(), i + 1), r.oid(), (short) (i + 1),
                                    expression});
                            }
                        }
                    }
                    return rows;
                });
    }

    private static VirtualTable pgIndex() {
        return VirtualTable.builder("pg_index", 2610)
                .col("indexrelid", OID).col("indrelid", OID).col("indnatts", INT2).col("indnkeyatts", INT2)
                .cols(BOOL, "indisunique", "indnullsnotdistinct", "indisprimary", "indisexclusion", "indimmediate",
                        "indisclustered", "indisvalid", "indcheckxmin", "indisready", "indislive", "indisreplident")
                .col("indkey", INT_ARRAY).col("indcollation", INT_ARRAY).col("indclass", INT_ARRAY)
                .col("indoption", INT_ARRAY).col("indexprs", TEXT).col("indpred", TEXT)
                .rows(s -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (PgIndex index : s.indexes()) {
                        short n = (short) index.columns().size();
                        List<Integer> zeros = Collections.nCopies(n, 0);
                        rows.add(new Object[] {index.oid(), index.table().id(), n, n, index.unique(), false,
                            index.primary(), false, true, false, true, false, true, true, false, index.attnums(),
                            zeros, zeros, index.options(), null, null});
                    }
                    return rows;
                });
    }

    private static VirtualTable pgConstraint() {
        return VirtualTable.builder("pg_constraint", 2606)
                .col("oid", OID).col("conname", NAME).col("connamespace", OID).col("contype", CHAR)
                .cols(BOOL, "condeferrable", "condeferred", "convalidated")
                .col("conrelid", OID).col("contypid", OID).col("conindid", OID).col("conparentid", OID)
                .col("confrelid", OID).col("confupdtype", CHAR).col("confdeltype", CHAR).col("confmatchtype", CHAR)
                .col("conislocal", BOOL).col("coninhcount", INT4).col("connoinherit", BOOL)
                .col("conkey", INT_ARRAY).col("confkey", INT_ARRAY).col("conbin", TEXT)
                .rows(s -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (PgIndex index : s.indexes()) {
                        if (index.primary()) {
                            rows.add(new Object[] {PgOids.primaryKeyConstraint(index.table().id()), index.name(),
                                PgOids.namespace(index.table().schema()), "p", false, false,
                                true, index.table().id(), 0, index.oid(), 0, 0, " ", " ", " ", true, 0, true,
                                index.attnums(), null, null});
                        }
                    }
                    return rows;
                });
    }

    /** pg_attribute.attstorage as PostgreSQL sets it: plain for fixed-width types, main for numeric. */
    private static String storage(PgTypes.TypeRow type) {
        if (type == null || type.length() > 0) {
            return "p";
        }
        return type.oid() == io.rustydb.common.types.DataType.NUMERIC.oid() ? "m" : "x";
    }
}
