package io.rustydb.common.serialization;

/**
 * Marks a class whose instances Pekko serializes with RustyDB's Kryo serializer
 * ({@code io.rustydb.persistence.journal.KryoSerializer}, bound to this interface in
 * {@code pekko.actor.serialization-bindings}): events and snapshot state persisted through the
 * RocksDB journal. Records are written component by component under their names, so a component
 * may be added (old data reads it as {@code null}, zero or {@code false}) or removed later; a class
 * must keep its name, and a component its type.
 */
public interface KryoSerializable {
}
