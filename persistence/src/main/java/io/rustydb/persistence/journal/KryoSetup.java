package io.rustydb.persistence.journal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.SerializerFactory;
import com.esotericsoftware.kryo.serializers.CompatibleFieldSerializer;
import com.esotericsoftware.kryo.serializers.DefaultSerializers;
import com.esotericsoftware.kryo.serializers.EnumNameSerializer;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * How every Kryo instance of the {@link KryoSerializer} is set up. The registration table below
 * gives common JDK classes fixed ids (written instead of their names); its ids are part of the
 * stored format: never change or reuse one, only add new ids. Any other class is written by name.
 * Records use {@link RecordComponentsSerializer}, enums are written by constant name, other
 * classes with Kryo's {@link CompatibleFieldSerializer} (fields by name, chunked), so all three
 * evolve.
 */
final class KryoSetup {
    private KryoSetup() {
    }

    static Kryo create(ClassLoader loader) {
        Kryo kryo = new Kryo();
        kryo.setClassLoader(loader);
        kryo.setRegistrationRequired(false);
        kryo.setReferences(false);
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        kryo.addDefaultSerializer(Record.class, new RecordFactory());
        kryo.addDefaultSerializer(Enum.class, EnumNameSerializer.class);
        CompatibleFieldSerializer.CompatibleFieldSerializerConfig fields =
                new CompatibleFieldSerializer.CompatibleFieldSerializerConfig();
        fields.setChunkedEncoding(true);
        kryo.setDefaultSerializer(new SerializerFactory.CompatibleFieldSerializerFactory(fields));

        kryo.register(ArrayList.class, 100);
        kryo.register(LinkedList.class, 101);
        kryo.register(HashMap.class, 102);
        kryo.register(LinkedHashMap.class, 103);
        kryo.register(TreeMap.class, 104);
        kryo.register(HashSet.class, 105);
        kryo.register(LinkedHashSet.class, 106);
        kryo.register(TreeSet.class, 107);
        kryo.register(BigDecimal.class, 110);
        kryo.register(BigInteger.class, 111);
        kryo.register(UUID.class, new DefaultSerializers.UUIDSerializer(), 112);
        kryo.register(Instant.class, 113);
        kryo.register(Duration.class, 114);
        kryo.register(LocalDate.class, 115);
        kryo.register(LocalDateTime.class, 116);
        kryo.register(OffsetDateTime.class, 117);
        kryo.register(long[].class, 120);
        kryo.register(int[].class, 121);
        kryo.register(double[].class, 122);
        kryo.register(byte[].class, 123);
        kryo.register(String[].class, 124);
        kryo.register(Object[].class, 125);
        kryo.register(Arrays.asList().getClass(), 126);
        kryo.register(Collections.emptyList().getClass(), 127);
        kryo.register(Collections.emptySet().getClass(), 128);
        kryo.register(Collections.emptyMap().getClass(), 129);

        Serializer<Object> list = new UnmodifiableCollectionSerializer(UnmodifiableCollectionSerializer.Kind.LIST);
        Serializer<Object> set = new UnmodifiableCollectionSerializer(UnmodifiableCollectionSerializer.Kind.SET);
        Serializer<Object> map = new UnmodifiableCollectionSerializer(UnmodifiableCollectionSerializer.Kind.MAP);
        kryo.register(List.of().getClass(), list, 130);
        kryo.register(List.of(1).getClass(), list, 131);
        kryo.register(List.of(1, 2, 3).subList(0, 1).getClass(), list, 132);
        kryo.register(Collections.unmodifiableList(new ArrayList<>()).getClass(), list, 133);
        kryo.register(Collections.unmodifiableList(new LinkedList<>()).getClass(), list, 134);
        kryo.register(Set.of().getClass(), set, 135);
        kryo.register(Set.of(1).getClass(), set, 136);
        kryo.register(Collections.unmodifiableSet(new HashSet<>()).getClass(), set, 137);
        kryo.register(Map.of().getClass(), map, 138);
        kryo.register(Map.of(1, 2).getClass(), map, 139);
        kryo.register(Collections.unmodifiableMap(new HashMap<>()).getClass(), map, 140);
        return kryo;
    }

    /** A {@link RecordComponentsSerializer} per record class. */
    private static final class RecordFactory extends SerializerFactory.BaseSerializerFactory<Serializer<?>> {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Serializer<?> newSerializer(Kryo kryo, Class type) {
            return new RecordComponentsSerializer(type);
        }
    }
}
