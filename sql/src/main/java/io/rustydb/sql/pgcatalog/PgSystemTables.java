package io.rustydb.sql.pgcatalog;

import static io.rustydb.sql.pgcatalog.PgType.BOOL;
import static io.rustydb.sql.pgcatalog.PgType.CHAR;
import static io.rustydb.sql.pgcatalog.PgType.INT2;
import static io.rustydb.sql.pgcatalog.PgType.INT4;
import static io.rustydb.sql.pgcatalog.PgType.INT8;
import static io.rustydb.sql.pgcatalog.PgType.INT_ARRAY;
import static io.rustydb.sql.pgcatalog.PgType.NAME;
import static io.rustydb.sql.pgcatalog.PgType.OID;
import static io.rustydb.sql.pgcatalog.PgType.TEXT;
import static io.rustydb.sql.pgcatalog.PgType.TEXT_ARRAY;
import static io.rustydb.sql.pgcatalog.PgType.TIMESTAMP;

import io.rustydb.persistence.StorageEngine;
import io.rustydb.sql.catalog.SequenceDef;
import java.util.ArrayList;
import java.util.List;

/**
 * The database-wide catalogs: namespaces, types, access methods, the database, roles,
 * tablespaces, collations, sequences, built-in functions and languages, the descriptions of the built-in
 * functions (RustyDB has no COMMENT ON), and the catalogs of features RustyDB does not have
 * (inheritance, row-level policies, extended statistics, publications), which have no rows.
 */
final class PgSystemTables {
    private PgSystemTables() {
    }

    static List<VirtualTable> all() {
        List<VirtualTable> tables = new ArrayList<>(List.of(pgNamespace(), pgType(), pgAm(), pgDatabase(),
                roles("pg_roles", 12001, true), roles("pg_authid", 1260, false), pgUser(), pgTablespace(),
                pgCollation()));
        tables.addAll(PgProc.tables());
        tables.add(pgSequence());
        tables.add(pgSequences());
        tables.add(pgDepend());
        tables.add(VirtualTable.builder("pg_auth_members", 1261).col("roleid", OID).col("member", OID)
                .col("grantor", OID).col("admin_option", BOOL).empty());
        tables.add(VirtualTable.builder("pg_description", 2609).col("objoid", OID).col("classoid", OID)
                .col("objsubid", INT4).col("description", TEXT).rows(s -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (PgProc.Builtin f : PgProc.BUILTINS.values()) {
                        if (f.description() != null) {
                            rows.add(new Object[] {f.oid(), PgOids.PG_PROC, 0, f.description()});
                        }
                    }
                    return rows;
                }));
        tables.add(VirtualTable.builder("pg_inherits", 2611).col("inhrelid", OID).col("inhparent", OID)
                .col("inhseqno", INT4).col("inhdetachpending", BOOL).empty());
        tables.add(VirtualTable.builder("pg_policy", 3256).col("oid", OID).col("polname", NAME).col("polrelid", OID)
                .col("polcmd", CHAR).col("polpermissive", BOOL).col("polroles", INT_ARRAY).col("polqual", TEXT)
                .col("polwithcheck", TEXT).empty());
        tables.add(VirtualTable.builder("pg_statistic_ext", 3381).col("oid", OID).col("stxrelid", OID)
                .col("stxname", NAME).col("stxnamespace", OID).col("stxowner", OID).col("stxstattarget", INT4)
                .col("stxkeys", INT_ARRAY).col("stxkind", TEXT_ARRAY).empty());
        tables.add(VirtualTable.builder("pg_publication", 6104).col("oid", OID).col("pubname", NAME)
                .col("pubowner", OID).cols(BOOL, "puballtables", "pubinsert", "pubupdate", "pubdelete",
                        "pubtruncate", "pubviaroot").empty());
        tables.add(VirtualTable.builder("pg_publication_rel", 6106).col("oid", OID).col("prpubid", OID)
                .col("prrelid", OID).col("prqual", TEXT).col("prattrs", INT_ARRAY).empty());
        tables.add(VirtualTable.builder("pg_publication_namespace", 6237).col("oid", OID).col("pnpubid", OID)
                .col("pnnspid", OID).empty());
        return tables;
    }

    /** pg_sequence: each sequence's parameters. */
    private static VirtualTable pgSequence() {
        return VirtualTable.builder("pg_sequence", 2224)
                .col("seqrelid", OID).col("seqtypid", OID).col("seqstart", INT8).col("seqincrement", INT8)
                .col("seqmax", INT8).col("seqmin", INT8).col("seqcache", INT8).col("seqcycle", BOOL)
                .rows(s -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (SequenceDef d : sequences(s)) {
                        rows.add(new Object[] {d.id(), d.type().oid(), d.start(), d.increment(), d.maxValue(),
                            d.minValue(), d.cache(), d.cycle()});
                    }
                    return rows;
                });
    }

    /** The pg_sequences view: parameters and the last value handed out (null before the first nextval). */
    private static VirtualTable pgSequences() {
        return VirtualTable.builder("pg_sequences", 12010)
                .col("schemaname", NAME).col("sequencename", NAME).col("sequenceowner", NAME).col("data_type", TEXT)
                .col("start_value", INT8).col("min_value", INT8).col("max_value", INT8).col("increment_by", INT8)
                .col("cycle", BOOL).col("cache_size", INT8).col("last_value", INT8)
                .rows(s -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (SequenceDef d : sequences(s)) {
                        rows.add(new Object[] {d.schema(), d.name(), s.user, d.type().sqlName(), d.start(),
                            d.minValue(), d.maxValue(), d.increment(), d.cycle(), d.cache(),
                            s.catalog.catalog().sequences().lastValue(d)});
                    }
                    return rows;
                });
    }

    /**
     * pg_depend, with the dependencies RustyDB tracks: a sequence owned by a column (deptype
     * {@code a} for SERIAL and OWNED BY, {@code i} for an identity column), as psql's \d reads them.
     */
    private static VirtualTable pgDepend() {
        return VirtualTable.builder("pg_depend", 2608)
                .col("classid", OID).col("objid", OID).col("objsubid", INT4).col("refclassid", OID)
                .col("refobjid", OID).col("refobjsubid", INT4).col("deptype", CHAR)
                .rows(s -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (SequenceDef d : sequences(s)) {
                        if (d.ownerTable() == null) {
                            continue;
                        }
                        for (CatalogSnapshot.Relation r : s.relations) {
                            if (r.table() != null && r.index() == null && r.schema().equals(d.schema())
                                    && r.name().equals(d.ownerTable())) {
                                int column = r.table().columnIndex(d.ownerColumn());
                                if (column >= 0) {
                                    rows.add(new Object[] {PgOids.PG_CLASS, d.id(), 0, PgOids.PG_CLASS, r.oid(),
                                        column + 1, d.identity() != null ? "i" : "a"});
                                }
                            }
                        }
                    }
                    return rows;
                });
    }

    private static List<SequenceDef> sequences(CatalogSnapshot s) {
        List<SequenceDef> all = new ArrayList<>(s.catalog.catalog().sequences().all());
        all.sort(java.util.Comparator.comparingInt(SequenceDef::id));
        return all;
    }

    private static VirtualTable pgNamespace() {
        return VirtualTable.builder("pg_namespace", 2615)
                .col("oid", OID).col("nspname", NAME).col("nspowner", OID).col("nspacl", TEXT_ARRAY)
                .rows(s -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (String schema : s.schemas()) {
                        rows.add(new Object[] {PgOids.namespace(schema), schema, PgOids.OWNER_ROLE, null});
                    }
                    return rows;
                });
    }

    private static VirtualTable pgType() {
        return VirtualTable.builder("pg_type", 1247)
                .col("oid", OID).col("typname", NAME).col("typnamespace", OID).col("typowner", OID)
                .col("typlen", INT2).col("typbyval", BOOL).col("typtype", CHAR).col("typcategory", CHAR)
                .col("typispreferred", BOOL).col("typisdefined", BOOL).col("typdelim", CHAR).col("typrelid", OID)
                .col("typelem", OID).col("typarray", OID).col("typnotnull", BOOL).col("typbasetype", OID)
                .col("typtypmod", INT4).col("typndims", INT4).col("typcollation", OID).col("typdefault", TEXT)
                .rows(s -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (PgTypes.TypeRow t : PgTypes.ROWS) {
                        rows.add(new Object[] {t.oid(), t.name(), PgOids.PG_CATALOG_NAMESPACE, PgOids.OWNER_ROLE,
                            (short) t.length(), t.byValue(), "b", t.category(), false, true, ",", 0,
                            t.name().startsWith("_") ? (t.oid() == 1007 ? 23 : 25) : 0, 0, false, 0, -1, 0,
                            t.collation(), null});
                    }
                    return rows;
                });
    }

    private static VirtualTable pgAm() {
        return VirtualTable.builder("pg_am", 2601)
                .col("oid", OID).col("amname", NAME).col("amhandler", TEXT).col("amtype", CHAR)
                .rows(s -> List.of(new Object[] {PgOids.HEAP_AM, "heap", "heap_tableam_handler", "t"},
                        new Object[] {PgOids.BTREE_AM, "btree", "bthandler", "i"}));
    }

    private static VirtualTable pgDatabase() {
        return VirtualTable.builder("pg_database", 1262)
                .col("oid", OID).col("datname", NAME).col("datdba", OID).col("encoding", INT4)
                .col("datlocprovider", CHAR).col("datistemplate", BOOL).col("datallowconn", BOOL)
                .col("datconnlimit", INT4).col("dattablespace", OID).col("datcollate", TEXT).col("datctype", TEXT)
                .col("daticulocale", TEXT).col("datcollversion", TEXT).col("datacl", TEXT_ARRAY)
                .rows(s -> List.<Object[]>of(new Object[] {PgOids.DATABASE, s.database, PgOids.OWNER_ROLE,
                    PgOids.ENCODING_UTF8, "c", false, true, -1, defaultTablespace(s), "C", "C", null, null, null}));
    }

    /** The tablespace tables go to unless CREATE TABLE names one. */
    private static int defaultTablespace(CatalogSnapshot s) {
        return PgOids.FIRST_TABLESPACE + Math.max(0, s.catalog.tablespaceNames().indexOf(StorageEngine.USERS));
    }

    private static VirtualTable roles(String name, int oid, boolean maskPassword) {
        return VirtualTable.builder(name, oid)
                .col("oid", OID).col("rolname", NAME)
                .cols(BOOL, "rolsuper", "rolinherit", "rolcreaterole", "rolcreatedb", "rolcanlogin", "rolreplication",
                        "rolbypassrls")
                .col("rolconnlimit", INT4).col("rolpassword", TEXT).col("rolvaliduntil", TIMESTAMP)
                .col("rolconfig", TEXT_ARRAY)
                .rows(s -> List.<Object[]>of(new Object[] {PgOids.OWNER_ROLE, s.user, true, true, true, true, true,
                    false, false, -1, maskPassword ? "********" : null, null, null}));
    }

    private static VirtualTable pgUser() {
        return VirtualTable.builder("pg_user", 12002)
                .col("usename", NAME).col("usesysid", OID)
                .cols(BOOL, "usecreatedb", "usesuper", "userepl", "usebypassrls")
                .col("passwd", TEXT).col("valuntil", TIMESTAMP).col("useconfig", TEXT_ARRAY)
                .rows(s -> List.<Object[]>of(new Object[] {s.user, PgOids.OWNER_ROLE, true, true, false, false,
                    "********", null, null}));
    }

    private static VirtualTable pgTablespace() {
        return VirtualTable.builder("pg_tablespace", 1213)
                .col("oid", OID).col("spcname", NAME).col("spcowner", OID).col("spcacl", TEXT_ARRAY)
                .col("spcoptions", TEXT_ARRAY)
                .rows(s -> {
                    List<Object[]> rows = new ArrayList<>();
                    List<String> names = s.catalog.tablespaceNames();
                    for (int i = 0; i < names.size(); i++) {
                        rows.add(new Object[] {PgOids.FIRST_TABLESPACE + i, names.get(i), PgOids.OWNER_ROLE, null, null});
                    }
                    return rows;
                });
    }

    private static VirtualTable pgCollation() {
        return VirtualTable.builder("pg_collation", 3456)
                .col("oid", OID).col("collname", NAME).col("collnamespace", OID).col("collowner", OID)
                .col("collprovider", CHAR).col("collisdeterministic", BOOL).col("collencoding", INT4)
                .col("collcollate", TEXT).col("collctype", TEXT)
                .rows(s -> List.of(
                        new Object[] {PgOids.DEFAULT_COLLATION, "default", PgOids.PG_CATALOG_NAMESPACE,
                            PgOids.OWNER_ROLE, "d", true, -1, null, null},
                        new Object[] {950, "C", PgOids.PG_CATALOG_NAMESPACE, PgOids.OWNER_ROLE, "c", true, -1, "C", "C"},
                        new Object[] {951, "POSIX", PgOids.PG_CATALOG_NAMESPACE, PgOids.OWNER_ROLE, "c", true, -1,
                            "POSIX", "POSIX"}));
    }
}
