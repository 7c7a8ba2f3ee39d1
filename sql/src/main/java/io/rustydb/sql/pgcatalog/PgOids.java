package io.rustydb.sql.pgcatalog;

/**
 * OIDs of catalog objects. Tables and views use their catalog object id; objects RustyDB derives
 * from a table (its primary-key index and constraint) get an id in a range of their own, so they
 * never collide with object ids; built-in objects keep PostgreSQL's OIDs.
 */
final class PgOids {
    static final int PG_CATALOG_NAMESPACE = 11;
    static final int PUBLIC_NAMESPACE = 2200;
    static final int INFORMATION_SCHEMA_NAMESPACE = 13000;
    /** The role that owns every object: PostgreSQL's bootstrap superuser. */
    static final int OWNER_ROLE = 10;
    static final int DATABASE = 5;
    static final int HEAP_AM = 2;
    static final int BTREE_AM = 403;
    static final int DEFAULT_COLLATION = 100;
    static final int ENCODING_UTF8 = 6;
    static final int PG_CLASS = 1259;
    static final int PG_PROC = 1255;
    /** pg_tablespace OIDs number the node's tablespaces from PostgreSQL's pg_default on. */
    static final int FIRST_TABLESPACE = 1663;

    private static final int PRIMARY_KEY_INDEX_BASE = 0x40000000;
    private static final int PRIMARY_KEY_CONSTRAINT_BASE = 0x50000000;
    private static final int DEFAULT_BASE = 0x60000000;

    private PgOids() {
    }

    static int primaryKeyIndex(int tableId) {
        return PRIMARY_KEY_INDEX_BASE + tableId;
    }

    static int primaryKeyConstraint(int tableId) {
        return PRIMARY_KEY_CONSTRAINT_BASE + tableId;
    }

    /** The pg_attrdef row of a column default: one per (table, column). */
    static int columnDefault(int tableId, int attnum) {
        return DEFAULT_BASE + (tableId << 8) + attnum;
    }

    static int namespace(String schema) {
        return switch (schema) {
            case "pg_catalog" -> PG_CATALOG_NAMESPACE;
            case "information_schema" -> INFORMATION_SCHEMA_NAMESPACE;
            case "public" -> PUBLIC_NAMESPACE;
            default -> PUBLIC_NAMESPACE + 1 + Math.floorMod(schema.hashCode(), 1000);
        };
    }
}
