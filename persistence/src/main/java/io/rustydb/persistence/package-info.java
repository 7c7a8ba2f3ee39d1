/**
 * The node's storage: one RocksDB TransactionDB, a column family per tablespace, the
 * order-preserving key codec, the compact row codec and pessimistic transactions.
 */
package io.rustydb.persistence;
