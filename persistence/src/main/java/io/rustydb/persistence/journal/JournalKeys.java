package io.rustydb.persistence.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Key layout of the journal and snapshot column families. A persistence id is written as its
 * UTF-8 length (4 bytes, big-endian) and bytes, so one id's keys never share a prefix with
 * another's; sequence numbers and timestamps are 8-byte big-endian, so one id's events and
 * snapshots sort by sequence number and a replay is a range scan.
 *
 * <pre>
 * journal:   0x00 len pid                      -> meta: version 1, highest seqNr, deleted-to seqNr
 *            0x01 len pid seqNr                -> serialized PersistentRepr
 * snapshots: len pid seqNr timestamp           -> version 1, serialized Snapshot
 * </pre>
 */
final class JournalKeys {
    static final byte META = 0x00;
    static final byte EVENT = 0x01;
    private static final int LONG = Long.BYTES;

    private JournalKeys() {
    }

    /** {@code [tag] len pid}; no tag when {@code tag} is negative. */
    private static ByteBuffer prefix(int tag, String persistenceId, int extra) {
        byte[] id = persistenceId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate((tag < 0 ? 0 : 1) + Integer.BYTES + id.length + extra);
        if (tag >= 0) {
            b.put((byte) tag);
        }
        return b.putInt(id.length).put(id);
    }

    static byte[] meta(String persistenceId) {
        return prefix(META, persistenceId, 0).array();
    }

    static byte[] event(String persistenceId, long sequenceNr) {
        return prefix(EVENT, persistenceId, LONG).putLong(sequenceNr).array();
    }

    /** Above the key of event {@code sequenceNr} of {@code persistenceId} and below the next one's. */
    static byte[] eventsThrough(String persistenceId, long sequenceNr) {
        // Long.MIN_VALUE's bytes (0x80...) sort above every positive sequence number
        return prefix(EVENT, persistenceId, LONG)
                .putLong(sequenceNr == Long.MAX_VALUE ? Long.MIN_VALUE : sequenceNr + 1).array();
    }

    /** Sequence number of an event key. */
    static long eventSequenceNr(byte[] key) {
        return ByteBuffer.wrap(key, key.length - LONG, LONG).getLong();
    }

    static byte[] snapshot(String persistenceId, long sequenceNr, long timestamp) {
        return prefix(-1, persistenceId, 2 * LONG).putLong(sequenceNr).putLong(timestamp).array();
    }

    /** Above every snapshot key of {@code persistenceId} with a sequence number up to {@code sequenceNr}. */
    static byte[] snapshotsThrough(String persistenceId, long sequenceNr) {
        return snapshot(persistenceId, sequenceNr == Long.MAX_VALUE ? Long.MIN_VALUE : sequenceNr + 1, 0);
    }

    static long snapshotSequenceNr(byte[] key) {
        return ByteBuffer.wrap(key, key.length - 2 * LONG, LONG).getLong();
    }

    static long snapshotTimestamp(byte[] key) {
        return ByteBuffer.wrap(key, key.length - LONG, LONG).getLong();
    }
}
