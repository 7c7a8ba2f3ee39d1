package io.rustydb.sql.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.persistence.KvIterator;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.persistence.StorageTransaction;
import io.rustydb.persistence.Tablespace;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node's sequences and their values. Values are not transactional (a rolled-back nextval is
 * not handed out again) and are shared by all sessions under a per-sequence lock. As PostgreSQL
 * does with its WAL-logged {@code log_cnt}, the durable state is written ahead of use: each
 * write covers the next {@code max(CACHE, 32)} values, so after a restart or crash the sequence
 * continues past every value it may have handed out (leaving a gap), never repeating one.
 */
public final class Sequences {
    private static final String DEF_PREFIX = "sequence/";
    private static final String VALUE_PREFIX = "seqval/";
    private static final int LOG_AHEAD = 32;

    private final StorageEngine storage;
    private final Tablespace system;
    private final ObjectMapper json;
    private final Map<String, State> byName = new ConcurrentHashMap<>();

    /** A sequence's value: the last value handed out or set, and how far the stored state is ahead. */
    private static final class State {
        /** Replaced by ALTER SEQUENCE, under the state's lock. */
        volatile SequenceDef def;
        long last;
        boolean called;
        /** How many values after {@code last} the stored state already covers. */
        int prelogged;

        State(SequenceDef def, long last, boolean called) {
            this.def = def;
            this.last = last;
            this.called = called;
        }
    }

    Sequences(StorageEngine storage, Tablespace system, ObjectMapper json) {
        this.storage = storage;
        this.system = system;
        this.json = json;
    }

    void load() throws IOException {
        try (StorageTransaction txn = storage.begin();
                KvIterator it = txn.scan(system, Catalog.key(DEF_PREFIX), Catalog.key(DEF_PREFIX + "\uffff"))) {
            while (it.next()) {
                SequenceDef def = json.readValue(it.value(), SequenceDef.class);
                byte[] stored = storage.get(system, valueKey(def.id()));
                State state = stored == null ? new State(def, def.start(), false)
                        : new State(def, ByteBuffer.wrap(stored).getLong(), stored[Long.BYTES] != 0);
                byName.put(qualified(def.schema(), def.name()), state);
            }
        }
    }

    public Optional<SequenceDef> find(String schema, String name) {
        State state = byName.get(qualified(schema, name));
        return state == null ? Optional.empty() : Optional.of(state.def);
    }

    public List<SequenceDef> all() {
        List<SequenceDef> defs = new ArrayList<>();
        byName.values().forEach(s -> defs.add(s.def));
        return defs;
    }

    /** The sequences owned by columns of {@code table}. */
    public List<SequenceDef> ownedBy(TableDef table) {
        List<SequenceDef> defs = new ArrayList<>();
        for (State s : byName.values()) {
            if (s.def.ownedBy(table)) {
                defs.add(s.def);
            }
        }
        return defs;
    }

    /** The sequence owned by {@code table.column}, if any (SERIAL, identity). */
    public Optional<SequenceDef> ownedBy(TableDef table, String column) {
        return ownedBy(table).stream().filter(d -> column.equals(d.ownerColumn())).findFirst();
    }

    boolean exists(String qualifiedName) {
        return byName.containsKey(qualifiedName);
    }

    /** Durably records a new sequence; the caller checked the name is free. */
    void create(SequenceDef def) {
        try (StorageTransaction txn = storage.begin()) {
            txn.put(system, Catalog.key(DEF_PREFIX + qualified(def.schema(), def.name())), json.writeValueAsBytes(def));
            txn.put(system, valueKey(def.id()), encode(def.start(), false));
            txn.commit();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw RustyDbException.wrap(ErrorCode.INTERNAL_ERROR, e, e.getMessage());
        }
        byName.put(qualified(def.schema(), def.name()), new State(def, def.start(), false));
    }

    void drop(SequenceDef def) {
        try (StorageTransaction txn = storage.begin()) {
            txn.delete(system, Catalog.key(DEF_PREFIX + qualified(def.schema(), def.name())));
            txn.delete(system, valueKey(def.id()));
            txn.commit();
        }
        byName.remove(qualified(def.schema(), def.name()));
    }

    /** Durably moves a sequence to another owning table or column (ALTER TABLE ... RENAME). */
    void reown(SequenceDef def, String ownerTable, String ownerColumn) {
        SequenceDef moved = new SequenceDef(def.id(), def.schema(), def.name(), def.type(), def.increment(),
                def.minValue(), def.maxValue(), def.start(), def.cache(), def.cycle(), ownerTable, ownerColumn,
                def.identity());
        try {
            storage.put(system, Catalog.key(DEF_PREFIX + qualified(def.schema(), def.name())), json.writeValueAsBytes(moved));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw RustyDbException.wrap(ErrorCode.INTERNAL_ERROR, e, e.getMessage());
        }
        State old = byName.get(qualified(def.schema(), def.name()));
        synchronized (old) {
            State next = new State(moved, old.last, old.called);
            next.prelogged = old.prelogged;
            old.prelogged = 0;
            byName.put(qualified(def.schema(), def.name()), next);
        }
    }

    /** nextval: the next value, 2200H past the end of a sequence without CYCLE. */
    public long next(SequenceDef def) {
        State state = state(def);
        synchronized (state) {
            long next = state.called ? step(state.def, state.last) : state.last;
            if (state.prelogged == 0) {
                long logged = next;
                int ahead = 0;
                int block = (int) Math.max(LOG_AHEAD, Math.min(state.def.cache(), 1 << 20));
                while (ahead < block - 1) {
                    Long further = stepWithinBounds(state.def, logged);
                    if (further == null) {
                        break;
                    }
                    logged = further;
                    ahead++;
                }
                storage.put(system, valueKey(state.def.id()), encode(logged, true));
                state.prelogged = ahead;
            } else {
                state.prelogged--;
            }
            state.last = next;
            state.called = true;
            return next;
        }
    }

    /** setval: the next nextval returns {@code value} (not called) or the value after it (called). */
    public void set(SequenceDef def, long value, boolean called) {
        State state = state(def);
        SequenceDef d = state.def;
        if (value < d.minValue() || value > d.maxValue()) {
            throw new RustyDbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "setval: value " + value
                    + " is out of bounds for sequence \"" + d.name() + "\" (" + d.minValue() + ".." + d.maxValue() + ")");
        }
        store(state, value, called);
    }

    /** ALTER SEQUENCE ... RESTART [WITH n], TRUNCATE ... RESTART IDENTITY: nextval returns {@code value} next. */
    public void restart(SequenceDef def, long value) {
        State state = state(def);
        SequenceDef d = state.def;
        if (value < d.minValue()) {
            throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "RESTART value (" + value + ") cannot be less than MINVALUE (" + d.minValue() + ")");
        }
        if (value > d.maxValue()) {
            throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "RESTART value (" + value + ") cannot be greater than MAXVALUE (" + d.maxValue() + ")");
        }
        store(state, value, false);
    }

    /**
     * ALTER SEQUENCE: durably replaces the sequence's parameters (same id, schema and name) and,
     * with {@code restart}, makes nextval return that value next; otherwise the sequence continues
     * from its last value under the new parameters. Values logged ahead under the old ones are
     * dropped, so a restart after a crash resumes from the last value handed out.
     */
    public void alter(SequenceDef def, SequenceDef altered, Long restart) {
        State state = state(def);
        synchronized (state) {
            long last = restart != null ? restart : state.last;
            boolean called = restart == null && state.called;
            try (StorageTransaction txn = storage.begin()) {
                txn.put(system, Catalog.key(DEF_PREFIX + qualified(def.schema(), def.name())),
                        json.writeValueAsBytes(altered));
                txn.put(system, valueKey(def.id()), encode(last, called));
                txn.commit();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw RustyDbException.wrap(ErrorCode.INTERNAL_ERROR, e, e.getMessage());
            }
            state.def = altered;
            state.last = last;
            state.called = called;
            state.prelogged = 0;
        }
    }

    /** The sequence's current value as PostgreSQL's last_value: the last handed out, or the next if none was. */
    public long currentValue(SequenceDef def) {
        State state = state(def);
        synchronized (state) {
            return state.last;
        }
    }

    /** The stored state as pg_sequences shows it: the last value handed out, or null if none yet. */
    public Long lastValue(SequenceDef def) {
        State state = state(def);
        synchronized (state) {
            return state.called ? state.last : null;
        }
    }

    /** The bytes a sequence's stored definition and value take (keys and values), for pg_relation_size. */
    public long storedBytes(SequenceDef def) {
        long bytes = 0;
        for (byte[] key : List.of(Catalog.key(DEF_PREFIX + qualified(def.schema(), def.name())), valueKey(def.id()))) {
            byte[] value = storage.get(system, key);
            bytes += value == null ? 0 : key.length + value.length;
        }
        return bytes;
    }

    private void store(State state, long value, boolean called) {
        synchronized (state) {
            storage.put(system, valueKey(state.def.id()), encode(value, called));
            state.last = value;
            state.called = called;
            state.prelogged = 0;
        }
    }

    private State state(SequenceDef def) {
        State state = byName.get(qualified(def.schema(), def.name()));
        if (state == null || state.def.id() != def.id()) {
            throw new RustyDbException(ErrorCode.UNDEFINED_TABLE, def.name());
        }
        return state;
    }

    private static long step(SequenceDef d, long value) {
        Long next = stepWithinBounds(d, value);
        if (next != null) {
            return next;
        }
        if (d.cycle()) {
            return d.increment() > 0 ? d.minValue() : d.maxValue();
        }
        boolean up = d.increment() > 0;
        throw new RustyDbException(ErrorCode.SEQUENCE_GENERATOR_LIMIT_EXCEEDED, "nextval: reached "
                + (up ? "maximum" : "minimum") + " value of sequence \"" + d.name() + "\" ("
                + (up ? d.maxValue() : d.minValue()) + ")");
    }

    /** {@code value + increment}, or null if that leaves [minValue, maxValue]. */
    private static Long stepWithinBounds(SequenceDef d, long value) {
        long next;
        try {
            next = Math.addExact(value, d.increment());
        } catch (ArithmeticException e) {
            return null;
        }
        return next < d.minValue() || next > d.maxValue() ? null : next;
    }

    private static byte[] encode(long value, boolean called) {
        return ByteBuffer.allocate(Long.BYTES + 1).putLong(value).put((byte) (called ? 1 : 0)).array();
    }

    private static byte[] valueKey(int id) {
        return Catalog.key(VALUE_PREFIX + id);
    }

    static String qualified(String schema, String name) {
        return schema + "." + name;
    }
}
