package io.rustydb.persistence.journal;

import com.typesafe.config.Config;
import io.rustydb.persistence.KvIterator;
import io.rustydb.persistence.RecordFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.pekko.dispatch.Futures;
import org.apache.pekko.persistence.AtomicWrite;
import org.apache.pekko.persistence.PersistentRepr;
import org.apache.pekko.persistence.journal.japi.AsyncWriteJournal;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.concurrent.ExecutionContext;
import scala.concurrent.Future;
import scala.jdk.javaapi.CollectionConverters;
import scala.util.Try;

/**
 * The Pekko Persistence journal on the node's RocksDB (plugin id {@code rustydb.persistence.journal}):
 * events live in the {@code journal} column family under persistence id and big-endian sequence
 * number (see {@link JournalKeys}). Writes and deletions run on the plugin's own dispatcher, one
 * call at a time, and a write's future completes only after its batch is in the fsynced WAL, so an
 * acknowledged event survives {@code kill -9} and power loss. Replays run on the replay dispatcher.
 * An {@link AtomicWrite} whose events cannot be serialized is rejected (the others in the call are
 * written); a storage failure fails the whole call.
 */
public final class RocksJournal extends AsyncWriteJournal {
    private static final Logger LOG = LoggerFactory.getLogger(RocksJournal.class);
    /** Event keys deleted per batch by {@code deleteMessagesTo}. */
    private static final int DELETE_BATCH = 10_000;

    private final Serialization serialization;
    private final JournalStorage binding;
    private final ExecutionContext replayDispatcher;

    /** Called by Pekko with the plugin's configuration. */
    public RocksJournal(Config config) {
        serialization = SerializationExtension.get(context().system());
        binding = JournalStorage.get(context().system());
        replayDispatcher = context().system().dispatchers().lookup(config.getString("replay-dispatcher"));
    }

    @Override
    public Future<Iterable<Optional<Exception>>> doAsyncWriteMessages(Iterable<AtomicWrite> messages) {
        try {
            RecordFamily family = binding.storage().journalFamily();
            List<Optional<Exception>> results = new ArrayList<>();
            Map<String, Long> highest = new LinkedHashMap<>();
            try (RecordFamily.Batch batch = family.batch()) {
                for (AtomicWrite write : messages) {
                    List<byte[]> values = new ArrayList<>();
                    List<PersistentRepr> events = CollectionConverters.asJava(write.payload());
                    Exception rejected = null;
                    for (PersistentRepr event : events) {
                        Try<byte[]> bytes = serialization.serialize(event);
                        if (bytes.isFailure()) {
                            rejected = asException(bytes.failed().get());
                            break;
                        }
                        values.add(bytes.get());
                    }
                    if (rejected != null) {
                        LOG.warn("Rejected events {} to {} of {}: {}", write.lowestSequenceNr(),
                                write.highestSequenceNr(), write.persistenceId(), rejected.toString());
                        results.add(Optional.of(rejected));
                        continue;
                    }
                    for (int i = 0; i < events.size(); i++) {
                        PersistentRepr event = events.get(i);
                        batch.put(JournalKeys.event(event.persistenceId(), event.sequenceNr()), values.get(i));
                    }
                    highest.merge(write.persistenceId(), write.highestSequenceNr(), Math::max);
                    results.add(Optional.empty());
                }
                for (Map.Entry<String, Long> e : highest.entrySet()) {
                    JournalMeta meta = readMeta(family, e.getKey());
                    if (e.getValue() > meta.highestSequenceNr()) {
                        batch.put(JournalKeys.meta(e.getKey()),
                                new JournalMeta(e.getValue(), meta.deletedTo()).encode());
                    }
                }
                if (batch.size() > 0) {
                    batch.commit();
                }
            }
            return Futures.successful(results);
        } catch (RuntimeException e) {
            return Futures.failed(e);
        }
    }

    @Override
    public Future<Void> doAsyncDeleteMessagesTo(String persistenceId, long toSequenceNr) {
        try {
            RecordFamily family = binding.storage().journalFamily();
            JournalMeta meta = readMeta(family, persistenceId);
            long to = Math.min(toSequenceNr, meta.highestSequenceNr());
            if (to > meta.deletedTo()) {
                // the mark first: replays skip everything up to it even if the removal below is cut short
                try (RecordFamily.Batch batch = family.batch()) {
                    batch.put(JournalKeys.meta(persistenceId), new JournalMeta(meta.highestSequenceNr(), to).encode())
                            .commit();
                }
            }
            if (to > 0) {
                removeEvents(family, persistenceId, to);
            }
            return Futures.successful(null);
        } catch (RuntimeException e) {
            return Futures.failed(e);
        }
    }

    /** Deletes the keys of events 1..to, also any a previous deletion left behind. */
    private static void removeEvents(RecordFamily family, String persistenceId, long to) {
        boolean more = true;
        while (more) {
            more = false;
            try (RecordFamily.Batch batch = family.batch();
                    KvIterator it = family.scan(JournalKeys.event(persistenceId, 0),
                            JournalKeys.eventsThrough(persistenceId, to), false)) {
                while (it.next()) {
                    batch.delete(it.key());
                    if (batch.size() == DELETE_BATCH) {
                        more = true;
                        break;
                    }
                }
                if (batch.size() > 0) {
                    batch.commit();
                }
            }
        }
    }

    @Override
    public Future<Void> doAsyncReplayMessages(String persistenceId, long fromSequenceNr, long toSequenceNr, long max,
            Consumer<PersistentRepr> replayCallback) {
        return Futures.future(() -> {
            replay(persistenceId, fromSequenceNr, toSequenceNr, max, replayCallback);
            return null;
        }, replayDispatcher);
    }

    private void replay(String persistenceId, long fromSequenceNr, long toSequenceNr, long max,
            Consumer<PersistentRepr> replayCallback) {
        RecordFamily family = binding.storage().journalFamily();
        JournalMeta meta = readMeta(family, persistenceId);
        long from = Math.max(Math.max(fromSequenceNr, 1), meta.deletedTo() + 1);
        if (max <= 0 || from > toSequenceNr) {
            return;
        }
        long count = 0;
        try (KvIterator it = family.scan(JournalKeys.event(persistenceId, from),
                JournalKeys.eventsThrough(persistenceId, toSequenceNr), false)) {
            while (count < max && it.next()) {
                Try<PersistentRepr> event = serialization.deserialize(it.value(), PersistentRepr.class);
                if (event.isFailure()) {
                    throw new IllegalStateException("event " + JournalKeys.eventSequenceNr(it.key()) + " of "
                            + persistenceId + " cannot be read: " + event.failed().get(), event.failed().get());
                }
                replayCallback.accept(event.get());
                count++;
            }
        }
    }

    @Override
    public Future<Long> doAsyncReadHighestSequenceNr(String persistenceId, long fromSequenceNr) {
        return Futures.future(() -> readMeta(binding.storage().journalFamily(), persistenceId).highestSequenceNr(),
                replayDispatcher);
    }

    private static JournalMeta readMeta(RecordFamily family, String persistenceId) {
        return JournalMeta.decode(family.get(JournalKeys.meta(persistenceId)));
    }

    private static Exception asException(Throwable t) {
        return t instanceof Exception ? (Exception) t : new RuntimeException(t);
    }
}
