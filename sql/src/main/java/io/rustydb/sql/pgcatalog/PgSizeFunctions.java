package io.rustydb.sql.pgcatalog;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.persistence.KeyCodec;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.sql.catalog.SequenceDef;
import io.rustydb.sql.pgcatalog.CatalogSnapshot.Relation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.apache.calcite.DataContext;

/**
 * The disk-usage functions: {@code pg_relation_size}, {@code pg_table_size},
 * {@code pg_indexes_size}, {@code pg_total_relation_size}, {@code pg_database_size},
 * {@code pg_tablespace_size} and {@code pg_size_pretty}.
 *
 * <p>A table's or secondary index's size is RocksDB's estimate for its key range
 * ({@code objectPrefix(id) .. objectPrefixEnd(id)} in its tablespace): the SST files' share of the
 * range plus its entries in the memtables. It is read from file metadata without reading a row, so
 * {@code \dt+} costs the same on a table of a billion rows as on an empty one; like PostgreSQL's
 * file sizes it counts deleted rows until compaction (VACUUM) removes them, and stored data is
 * compressed. A primary key has no storage of its own (the rows are stored in key order under the
 * table's id), so its index is 0 bytes and its entries count in the table's size. Views and the
 * system catalogs, which are computed, take no space; a sequence is its stored definition and value.
 */
public final class PgSizeFunctions {
    private static final String[] UNITS = {"bytes", "kB", "MB", "GB", "TB", "PB"};
    private static final List<String> FORKS = List.of("main", "fsm", "vm", "init");

    private PgSizeFunctions() {
    }

    /** The relation's size; null for an OID that names no relation, as in PostgreSQL. */
    public static Long pg_relation_size(DataContext root, Object relation) {
        Relation r = relation(root, relation);
        return r == null ? null : size(CatalogSnapshot.of(root), r);
    }

    /** One fork of the relation: RustyDB keeps no free-space or visibility maps, so only main has bytes. */
    public static Long pg_relation_size(DataContext root, Object relation, Object fork) {
        if (fork == null) {
            return null;
        }
        if (!FORKS.contains(fork.toString())) {
            throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid fork name")
                    .withHint("Valid fork names are \"main\", \"fsm\", \"vm\", and \"init\".");
        }
        Relation r = relation(root, relation);
        return r == null ? null : fork.equals("main") ? size(CatalogSnapshot.of(root), r) : 0L;
    }

    /** The relation without its indexes (PostgreSQL adds TOAST and maps, which RustyDB has none of). */
    public static Long pg_table_size(DataContext root, Object relation) {
        return pg_relation_size(root, relation);
    }

    /** The sum of the sizes of a table's indexes. */
    public static Long pg_indexes_size(DataContext root, Object relation) {
        Relation r = relation(root, relation);
        if (r == null) {
            return null;
        }
        CatalogSnapshot s = CatalogSnapshot.of(root);
        long total = 0;
        if (r.table() != null && r.index() == null) {
            for (PgIndex index : PgIndex.of(r.table())) {
                total += size(s, s.byOid.get(index.oid()));
            }
        }
        return total;
    }

    /** The table and its indexes. */
    public static Long pg_total_relation_size(DataContext root, Object relation) {
        Long table = pg_table_size(root, relation);
        return table == null ? null : table + pg_indexes_size(root, relation);
    }

    /** Everything the node stores, in every tablespace (RustyDB has one database); 3D000 for another name. */
    public static Long pg_database_size(DataContext root, Object database) {
        if (database == null) {
            return null;
        }
        CatalogSnapshot s = CatalogSnapshot.of(root);
        boolean ours = database instanceof Number n ? n.intValue() == PgOids.DATABASE : database.toString().equals(s.database);
        if (!ours) {
            if (database instanceof Number) {
                return null;
            }
            throw new RustyDbException(ErrorCode.INVALID_CATALOG_NAME, database.toString());
        }
        StorageEngine storage = s.catalog.storage();
        long total = 0;
        for (String name : storage.tablespaceNames()) {
            total += storage.approximateSize(storage.tablespace(name), new byte[0], null);
        }
        return total;
    }

    /** Everything stored in one tablespace, by name or pg_tablespace OID; 42704 for an unknown name. */
    public static Long pg_tablespace_size(DataContext root, Object tablespace) {
        if (tablespace == null) {
            return null;
        }
        StorageEngine storage = CatalogSnapshot.of(root).catalog.storage();
        List<String> names = storage.tablespaceNames();
        String name;
        if (tablespace instanceof Number n) {
            int i = n.intValue() - PgOids.FIRST_TABLESPACE;
            if (i < 0 || i >= names.size()) {
                return null;
            }
            name = names.get(i);
        } else {
            name = tablespace.toString();
            if (!names.contains(name)) {
                throw new RustyDbException(ErrorCode.UNDEFINED_OBJECT, "tablespace \"" + name + "\" does not exist");
            }
        }
        return storage.approximateSize(storage.tablespace(name), new byte[0], null);
    }

    /**
     * A byte count in the largest unit (bytes, kB, MB, GB, TB, PB) that keeps it below 10240 bytes
     * or 20480 of the unit, rounded half away from zero, exactly as PostgreSQL 15 prints it;
     * numeric arguments keep their fraction while printed in bytes.
     */
    public static String pg_size_pretty(Object size) {
        if (size == null) {
            return null;
        }
        BigDecimal value = size instanceof BigDecimal d ? d : new BigDecimal(size.toString());
        boolean integral = !(size instanceof BigDecimal);
        for (int unit = 0; ; unit++) {
            long limit = unit == 0 ? 10 * 1024 : 20 * 1024 - 1;
            if (unit == UNITS.length - 1 || value.abs().compareTo(BigDecimal.valueOf(limit)) < 0) {
                if (unit > 0) {
                    // half_rounded: (x + sign(x)) / 2, truncated
                    value = value.add(BigDecimal.valueOf(value.signum() < 0 ? -1 : 1))
                            .divide(BigDecimal.valueOf(2), 0, RoundingMode.DOWN);
                }
                return (integral || unit > 0 ? value.toBigInteger().toString() : value.toPlainString()) + " "
                        + UNITS[unit];
            }
            // 10 bits per unit; one less into a unit that is then half-rounded, one more out of one
            int bits = unit == 0 ? 9 : 10;
            value = value.divide(BigDecimal.valueOf(1L << bits), 0, RoundingMode.DOWN);
        }
    }

    /** The relation a regclass-like argument names: an OID, or a (possibly qualified) name. */
    private static Relation relation(DataContext root, Object relation) {
        if (relation == null) {
            return null;
        }
        Integer oid = relation instanceof Number n ? Integer.valueOf(n.intValue())
                : PgFunctions.regclass_oid(root, relation);
        return CatalogSnapshot.of(root).byOid.get(oid);
    }

    private static long size(CatalogSnapshot s, Relation r) {
        StorageEngine storage = s.catalog.storage();
        if (r.index() != null) {
            if (r.index().primary()) {
                return 0;
            }
            return storage.approximateSize(storage.tablespace(r.table().tablespace()), KeyCodec.objectPrefix(r.oid()),
                    KeyCodec.objectPrefixEnd(r.oid()));
        }
        if (r.table() != null) {
            int id = r.table().id();
            return storage.approximateSize(storage.tablespace(r.table().tablespace()), KeyCodec.objectPrefix(id),
                    KeyCodec.objectPrefixEnd(id));
        }
        if ("S".equals(r.kind())) {
            for (SequenceDef seq : s.catalog.catalog().sequences().all()) {
                if (seq.id() == r.oid()) {
                    return s.catalog.catalog().sequences().storedBytes(seq);
                }
            }
        }
        return 0;
    }
}
