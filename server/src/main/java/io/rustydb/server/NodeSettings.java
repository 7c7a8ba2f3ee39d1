package io.rustydb.server;

import com.typesafe.config.Config;
import io.rustydb.actors.health.HealthSettings;
import io.rustydb.http.ApiSettings;
import java.time.Duration;
import io.rustydb.monitoring.MonitoringSettings;
import io.rustydb.persistence.StorageSettings;
import io.rustydb.pgwire.PgSettings;
import io.rustydb.sampling.ash.AshSettings;
import io.rustydb.server.logging.LoggingSettings;

/**
 * Everything a node reads from its configuration at startup. Building it validates every key, so
 * {@code --validate} and startup report the same problems.
 */
public record NodeSettings(String instanceName, int maxConnections, Duration admissionTimeout,
        StorageSettings storage, PgSettings pgwire, MonitoringSettings monitoring, ApiSettings api,
        HealthSettings health, LoggingSettings logging, Duration longRunningTransactionThreshold,
        AshSettings ash, io.rustydb.monitoring.statements.StatementStatsSettings statements) {

    static final String LONG_RUNNING = "rustydb.monitoring.long_running_transaction_threshold";

    public static NodeSettings create(Config config) {
        int maxConnections = config.getInt("rustydb.server.max_connections");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("rustydb.server.max_connections must be at least 1, got " + maxConnections);
        }
        Duration admissionTimeout = config.getDuration("rustydb.server.admission_timeout");
        if (admissionTimeout.isNegative()) {
            throw new IllegalArgumentException("rustydb.server.admission_timeout must be zero or positive, got "
                    + admissionTimeout);
        }
        Duration longRunning = config.getDuration(LONG_RUNNING);
        if (longRunning.isNegative()) {
            throw new IllegalArgumentException(LONG_RUNNING + " must be zero or positive, got " + longRunning);
        }
        StorageSettings storage = StorageSettings.create(config);
        return new NodeSettings(
                config.getString("rustydb.instance.name"),
                maxConnections,
                admissionTimeout,
                storage,
                PgSettings.create(config),
                MonitoringSettings.create(config),
                ApiSettings.create(config),
                HealthSettings.create(config),
                LoggingSettings.create(config, storage.dataDir()),
                longRunning,
                AshSettings.create(config),
                io.rustydb.monitoring.statements.StatementStatsSettings.create(config));
    }
}
