package io.rustydb.persistence;

/**
 * How a {@link StorageTransaction} reads and detects conflicts. READ COMMITTED takes a snapshot per
 * statement; REPEATABLE READ reads one snapshot for the whole transaction and fails a write to a
 * row changed after it with 40001; SERIALIZABLE also takes a shared lock on every row it reads
 * (and validates it against the snapshot), so read-write conflicts on rows wait or fail.
 */
public enum Isolation {
    READ_COMMITTED,
    REPEATABLE_READ,
    SERIALIZABLE
}
