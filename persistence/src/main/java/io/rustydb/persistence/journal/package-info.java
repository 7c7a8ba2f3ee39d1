/**
 * Pekko Persistence on the node's RocksDB: the journal ({@link io.rustydb.persistence.journal.RocksJournal},
 * plugin id {@code rustydb.persistence.journal}) and snapshot store
 * ({@link io.rustydb.persistence.journal.RocksSnapshotStore}, {@code rustydb.persistence.snapshot-store})
 * in the engine's {@code journal} and {@code snapshots} column families, the binding that hands them
 * the node's storage ({@link io.rustydb.persistence.journal.JournalStorage}) and the Kryo serializer
 * for events and snapshot state ({@link io.rustydb.persistence.journal.KryoSerializer}).
 */
package io.rustydb.persistence.journal;
