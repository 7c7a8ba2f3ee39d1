package io.rustydb.persistence.journal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a record component by component under the components' names, each value length-prefixed
 * with its class, so that records evolve: a component added later reads as {@code null}, zero or
 * {@code false} from older data, a component removed since is skipped unread, and the order of
 * components does not matter. Changing a component's type is not supported (add a new one).
 *
 * <pre>
 * varint n, then n times: string name, varint length, kryo.writeClassAndObject(value)
 * </pre>
 */
final class RecordComponentsSerializer<T extends Record> extends Serializer<T> {
    private final Class<T> type;
    private final String[] names;
    private final Class<?>[] types;
    private final Method[] accessors;
    private final Constructor<T> constructor;
    private final Map<String, Integer> index = new HashMap<>();

    RecordComponentsSerializer(Class<T> type) {
        super(false, true);
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        names = new String[components.length];
        types = new Class<?>[components.length];
        accessors = new Method[components.length];
        for (int i = 0; i < components.length; i++) {
            names[i] = components[i].getName();
            types[i] = components[i].getType();
            accessors[i] = components[i].getAccessor();
            accessors[i].setAccessible(true);
            index.put(names[i], i);
        }
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new KryoException("record " + type.getName() + " has no canonical constructor", e);
        }
    }

    @Override
    public void write(Kryo kryo, Output output, T record) {
        output.writeVarInt(names.length, true);
        Output value = new Output(64, -1);
        for (int i = 0; i < names.length; i++) {
            output.writeString(names[i]);
            value.reset();
            try {
                kryo.writeClassAndObject(value, accessors[i].invoke(record));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new KryoException("cannot read " + type.getName() + "." + names[i], e);
            } catch (KryoException e) {
                e.addTrace(names[i] + " (" + type.getName() + ")");
                throw e;
            }
            output.writeVarInt(value.position(), true);
            output.writeBytes(value.getBuffer(), 0, value.position());
        }
    }

    @Override
    public T read(Kryo kryo, Input input, Class<? extends T> ignored) {
        Object[] values = new Object[names.length];
        int count = input.readVarInt(true);
        for (int n = 0; n < count; n++) {
            String name = input.readString();
            int length = input.readVarInt(true);
            Integer i = index.get(name);
            if (i == null) {
                input.skip(length);
                continue;
            }
            try {
                values[i] = kryo.readClassAndObject(new Input(input.readBytes(length)));
            } catch (KryoException e) {
                e.addTrace(name + " (" + type.getName() + ")");
                throw e;
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (values[i] == null && types[i].isPrimitive()) {
                values[i] = zero(types[i]);
            }
        }
        try {
            return constructor.newInstance(values);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException
                | IllegalArgumentException e) {
            throw new KryoException("cannot construct " + type.getName() + ": " + e, e);
        }
    }

    private static Object zero(Class<?> primitive) {
        if (primitive == boolean.class) {
            return false;
        } else if (primitive == char.class) {
            return '\0';
        } else if (primitive == byte.class) {
            return (byte) 0;
        } else if (primitive == short.class) {
            return (short) 0;
        } else if (primitive == int.class) {
            return 0;
        } else if (primitive == long.class) {
            return 0L;
        } else if (primitive == float.class) {
            return 0f;
        }
        return 0d;
    }
}
