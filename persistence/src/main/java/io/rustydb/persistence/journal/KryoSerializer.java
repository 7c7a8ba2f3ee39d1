package io.rustydb.persistence.journal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
import io.rustydb.common.serialization.KryoSerializable;
import java.io.NotSerializableException;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * RustyDB's Pekko serializer for events and snapshot state: classes implementing
 * {@link KryoSerializable} (bound in {@code pekko.actor.serialization-bindings}). The manifest is
 * the class name; the bytes are a format version (1) and the object as {@link KryoSetup} writes it,
 * so records, enums and plain classes may gain or lose fields and still read older data.
 * Thread-safe: Kryo instances come from a pool.
 */
public final class KryoSerializer extends SerializerWithStringManifest {
    /** Pekko serializer id; part of the stored format (the journal records it per event). */
    public static final int IDENTIFIER = 7272;
    private static final byte FORMAT = 1;
    private static final int POOL_SIZE = 16;

    private final ClassLoader loader;
    private final Pool<Kryo> pool;

    /** Called by Pekko. */
    public KryoSerializer(ExtendedActorSystem system) {
        this(system.dynamicAccess().classLoader());
    }

    /** A serializer that resolves class names with {@code loader}. */
    public KryoSerializer(ClassLoader loader) {
        this.loader = loader;
        this.pool = new Pool<>(true, false, POOL_SIZE) {
            @Override
            protected Kryo create() {
                return KryoSetup.create(loader);
            }
        };
    }

    @Override
    public int identifier() {
        return IDENTIFIER;
    }

    @Override
    public String manifest(Object o) {
        return o.getClass().getName();
    }

    @Override
    public byte[] toBinary(Object o) {
        if (!(o instanceof KryoSerializable)) {
            throw new IllegalArgumentException("class " + o.getClass().getName() + " does not implement "
                    + KryoSerializable.class.getName());
        }
        Kryo kryo = pool.obtain();
        try {
            Output output = new Output(256, -1);
            output.writeByte(FORMAT);
            kryo.writeObject(output, o);
            return output.toBytes();
        } finally {
            kryo.reset();
            pool.free(kryo);
        }
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        Class<?> type;
        try {
            type = Class.forName(manifest, false, loader);
        } catch (ClassNotFoundException e) {
            throw new NotSerializableException("cannot deserialize " + manifest + ": no such class");
        }
        if (!KryoSerializable.class.isAssignableFrom(type)) {
            throw new NotSerializableException("cannot deserialize " + manifest + ": it does not implement "
                    + KryoSerializable.class.getName());
        }
        if (bytes.length == 0 || bytes[0] != FORMAT) {
            throw new NotSerializableException("cannot deserialize " + manifest + ": unknown format "
                    + (bytes.length == 0 ? "(no bytes)" : Byte.toString(bytes[0])));
        }
        Kryo kryo = pool.obtain();
        try {
            Input input = new Input(bytes);
            input.setPosition(1);
            return kryo.readObject(input, type);
        } catch (KryoException e) {
            NotSerializableException failure = new NotSerializableException("cannot deserialize " + manifest + ": "
                    + e.getMessage());
            failure.initCause(e);
            throw failure;
        } finally {
            kryo.reset();
            pool.free(kryo);
        }
    }
}
