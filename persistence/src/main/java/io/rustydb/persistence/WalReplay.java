package io.rustydb.persistence;

/**
 * The write-ahead log records RocksDB read when the storage opened: recovery reads every WAL file
 * still kept (one is kept until every tablespace has flushed past it) and re-applies the records
 * not yet in an SST file.
 *
 * @param records write batches read from the WAL
 * @param bytes their size (RocksDB's write batch representation, without the log's 7-byte record headers)
 */
public record WalReplay(long records, long bytes) {
}
