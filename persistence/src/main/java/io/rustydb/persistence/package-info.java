/**
 * The node's storage: one RocksDB TransactionDB, a column family per tablespace, the
 * order-preserving key codec, the compact row codec and pessimistic transactions; the record
 * families (journal, snapshots) the Pekko Persistence plugins in {@code .journal} write to.
 */
package io.rustydb.persistence;
