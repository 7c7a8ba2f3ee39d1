package io.rustydb.persistence.journal;

import io.rustydb.persistence.StorageEngine;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.AbstractExtensionId;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.Extension;

/**
 * Hands the node's {@link StorageEngine} to the journal and snapshot store, which Pekko
 * instantiates itself: the root actor binds the storage right after opening it. Until then the
 * plugins fail every call with an {@link IllegalStateException} saying so.
 */
public final class JournalStorage implements Extension {
    private static final Id ID = new Id();

    private final AtomicReference<StorageEngine> storage = new AtomicReference<>();

    private JournalStorage() {
    }

    /** The binding of {@code system}. */
    public static JournalStorage get(ClassicActorSystemProvider system) {
        return ID.get(system);
    }

    /** Makes {@code engine} the storage of this actor system's journal and snapshot store. */
    public void bind(StorageEngine engine) {
        storage.set(Objects.requireNonNull(engine, "engine"));
    }

    /**
     * The bound storage.
     *
     * @throws IllegalStateException if none is bound yet
     */
    StorageEngine storage() {
        StorageEngine engine = storage.get();
        if (engine == null) {
            throw new IllegalStateException("the RocksDB journal and snapshot store have no storage yet: the node binds"
                    + " its StorageEngine with JournalStorage.get(system).bind(storage) right after opening it");
        }
        return engine;
    }

    private static final class Id extends AbstractExtensionId<JournalStorage> {
        @Override
        public JournalStorage createExtension(ExtendedActorSystem system) {
            return new JournalStorage();
        }
    }
}
