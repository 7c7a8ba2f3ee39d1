package io.rustydb.sql.sequence;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.SequenceDef;
import java.util.HashMap;
import java.util.Map;

/**
 * One session's view of the sequences: nextval, currval (the value this session's last nextval
 * of a sequence returned), setval and lastval, with sequence names resolved as PostgreSQL
 * resolves a {@code regclass} text ('s', 'public.s', '"S"').
 */
public final class SessionSequences {
    private final Catalog catalog;
    private final Map<Integer, Long> current = new HashMap<>();
    private SequenceDef lastUsed;

    public SessionSequences(Catalog catalog) {
        this.catalog = catalog;
    }

    public long nextval(String name) {
        return nextval(resolve(name));
    }

    /** nextval of a resolved sequence (column defaults). */
    public long nextval(SequenceDef def) {
        long value = catalog.sequences().next(def);
        current.put(def.id(), value);
        lastUsed = def;
        return value;
    }

    public long currval(String name) {
        SequenceDef def = resolve(name);
        Long value = current.get(def.id());
        if (value == null) {
            throw new RustyDbException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "currval of sequence \"" + def.name() + "\" is not yet defined in this session");
        }
        return value;
    }

    public long setval(String name, long value, boolean called) {
        SequenceDef def = resolve(name);
        catalog.sequences().set(def, value, called);
        if (called) {
            current.put(def.id(), value);
        }
        return value;
    }

    public long lastval() {
        if (lastUsed == null) {
            throw new RustyDbException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "lastval is not yet defined in this session");
        }
        if (catalog.sequences().find(lastUsed.schema(), lastUsed.name()).filter(d -> d.id() == lastUsed.id())
                .isEmpty()) {
            throw new RustyDbException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "lastval is not yet defined in this session");
        }
        return current.get(lastUsed.id());
    }

    /** The sequence a regclass-style name denotes; 42P01 if none, 42809 if it names a table or view. */
    public SequenceDef resolve(String text) {
        String[] parts = SequenceNames.split(text);
        String schema = parts.length > 1 ? parts[0] : "public";
        String name = parts[parts.length - 1];
        var def = catalog.sequences().find(schema, name);
        if (def.isPresent()) {
            return def.get();
        }
        if (catalog.relationExists(schema, name)) {
            throw new RustyDbException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a sequence");
        }
        throw new RustyDbException(ErrorCode.UNDEFINED_TABLE, parts.length > 1 ? schema + "." + name : name);
    }
}
