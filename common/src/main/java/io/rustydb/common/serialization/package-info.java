/**
 * How RustyDB's own objects are serialized: the {@link io.rustydb.common.serialization.KryoSerializable}
 * marker that binds a class to the node's Kryo serializer for Pekko (journal events, snapshot state).
 */
package io.rustydb.common.serialization;
