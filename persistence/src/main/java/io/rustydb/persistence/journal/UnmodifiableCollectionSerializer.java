package io.rustydb.persistence.journal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Immutable and unmodifiable JDK collections ({@code List.of}, {@code Stream.toList()},
 * {@code Map.copyOf}, {@code Collections.unmodifiableList}, ...), which Kryo cannot rebuild by
 * adding to them: written as size and elements (entries), read back as an unmodifiable collection
 * of the same kind with the same elements in the same order (nulls allowed).
 */
final class UnmodifiableCollectionSerializer extends Serializer<Object> {
    /** The kind of collection read back. */
    enum Kind { LIST, SET, MAP }

    private final Kind kind;

    UnmodifiableCollectionSerializer(Kind kind) {
        super(false, true);
        this.kind = kind;
    }

    @Override
    public void write(Kryo kryo, Output output, Object object) {
        if (kind == Kind.MAP) {
            Map<?, ?> map = (Map<?, ?>) object;
            output.writeVarInt(map.size(), true);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                kryo.writeClassAndObject(output, e.getKey());
                kryo.writeClassAndObject(output, e.getValue());
            }
            return;
        }
        Collection<?> collection = (Collection<?>) object;
        output.writeVarInt(collection.size(), true);
        for (Object element : collection) {
            kryo.writeClassAndObject(output, element);
        }
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> type) {
        int size = input.readVarInt(true);
        switch (kind) {
            case MAP: {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    Object key = kryo.readClassAndObject(input);
                    map.put(key, kryo.readClassAndObject(input));
                }
                return Collections.unmodifiableMap(map);
            }
            case SET: {
                Set<Object> set = new LinkedHashSet<>();
                for (int i = 0; i < size; i++) {
                    set.add(kryo.readClassAndObject(input));
                }
                return Collections.unmodifiableSet(set);
            }
            default: {
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(kryo.readClassAndObject(input));
                }
                return Collections.unmodifiableList(list);
            }
        }
    }
}
