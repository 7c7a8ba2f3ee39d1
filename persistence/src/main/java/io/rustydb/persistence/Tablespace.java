package io.rustydb.persistence;

import java.util.Objects;
import org.rocksdb.ColumnFamilyHandle;

/**
 * A tablespace of the node: a named RocksDB column family. Obtained from
 * {@link StorageEngine#tablespace(String)} and valid until the engine closes.
 */
public final class Tablespace {
    private final String name;
    private final ColumnFamilyHandle handle;

    Tablespace(String name, ColumnFamilyHandle handle) {
        this.name = Objects.requireNonNull(name);
        this.handle = Objects.requireNonNull(handle);
    }

    /** The tablespace name, upper case (e.g. {@code USERS}). */
    public String name() {
        return name;
    }

    ColumnFamilyHandle handle() {
        return handle;
    }

    @Override
    public String toString() {
        return name;
    }
}
