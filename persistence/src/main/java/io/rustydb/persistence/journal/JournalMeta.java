package io.rustydb.persistence.journal;

import java.nio.ByteBuffer;

/**
 * What the journal keeps per persistence id beside its events: the highest sequence number ever
 * written (kept when events are deleted, as Pekko requires) and the sequence number up to which
 * events are deleted (replays start after it, even while the deleted keys are being removed).
 */
record JournalMeta(long highestSequenceNr, long deletedTo) {
    static final JournalMeta EMPTY = new JournalMeta(0, 0);
    private static final byte VERSION = 1;

    static JournalMeta decode(byte[] value) {
        if (value == null) {
            return EMPTY;
        }
        ByteBuffer b = ByteBuffer.wrap(value);
        byte version = b.get();
        if (version != VERSION) {
            throw new IllegalStateException("unknown journal meta record version " + version);
        }
        return new JournalMeta(b.getLong(), b.getLong());
    }

    byte[] encode() {
        return ByteBuffer.allocate(1 + 2 * Long.BYTES).put(VERSION).putLong(highestSequenceNr).putLong(deletedTo)
                .array();
    }
}
