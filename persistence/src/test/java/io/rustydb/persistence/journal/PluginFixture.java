package io.rustydb.persistence.journal;

import com.typesafe.config.ConfigFactory;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.persistence.StorageSettings;
import io.rustydb.persistence.WalSyncMode;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.persistence.Persistence;
import org.apache.pekko.testkit.javadsl.TestKit;

/**
 * A StorageEngine in a directory and an ActorSystem configured by the modules' reference.conf
 * (so the RocksDB journal and snapshot store are the defaults), bound to each other.
 */
final class PluginFixture implements AutoCloseable {
    private final Path dir;
    StorageEngine storage;
    ActorSystem system;

    PluginFixture(Path dir) {
        this.dir = dir;
        start();
    }

    private void start() {
        storage = StorageEngine.open(new StorageSettings(dir, 4096, 2L * 1024 * 1024, WalSyncMode.LOCAL,
                Duration.ofSeconds(5)));
        system = ActorSystem.create("journal-test", ConfigFactory.load());
        JournalStorage.get(system).bind(storage);
    }

    /** Stops the actor system, closes the storage, opens both again on the same directory. */
    void restart() {
        close();
        start();
    }

    ActorRef journal() {
        return Persistence.get(system).journalFor(null, ConfigFactory.empty());
    }

    ActorRef snapshotStore() {
        return Persistence.get(system).snapshotStoreFor(null, ConfigFactory.empty());
    }

    @Override
    public void close() {
        TestKit.shutdownActorSystem(system);
        storage.close();
    }
}
