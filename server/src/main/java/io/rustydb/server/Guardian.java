package io.rustydb.server;

import com.typesafe.config.ConfigFactory;
import io.rustydb.actors.SessionMetrics;
import io.rustydb.actors.SessionRegistry;
import io.rustydb.actors.Sessions;
import io.rustydb.actors.TablespaceActor;
import io.rustydb.actors.health.HealthMonitor;
import io.rustydb.actors.stats.ParameterView;
import io.rustydb.actors.stats.PerformanceViews;
import io.rustydb.common.lifecycle.NodeLifecycle;
import io.rustydb.http.ApiContext;
import io.rustydb.http.ApiExtension;
import io.rustydb.http.ApiServer;
import io.rustydb.http.routes.AshRoutes;
import io.rustydb.http.routes.ConfigRoutes;
import io.rustydb.http.routes.CustomMetricRoutes;
import io.rustydb.http.routes.MetricsRoutes;
import io.rustydb.http.routes.PrometheusRoutes;
import io.rustydb.http.routes.StatementRoutes;
import io.rustydb.http.routes.StorageStatsRoutes;
import io.rustydb.http.routes.TransactionStatsRoutes;
import io.rustydb.monitoring.NodeMetrics;
import io.rustydb.monitoring.parameters.ParameterCatalog;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.pgwire.PgServer;
import io.rustydb.sampling.ash.AshService;
import io.rustydb.sql.SqlEngine;
import io.rustydb.sql.auth.AdminBootstrap;
import io.rustydb.sql.auth.RoleStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.concurrent.ExecutionContextExecutor;

/**
 * The root actor of a node. It opens storage, starts the metrics (Kamon, samplers, the Prometheus
 * endpoint), opens the login roles and the SQL engine, spawns a TablespaceActor per tablespace and
 * the session spawner, starts the health checks, binds the REST API and then the PostgreSQL
 * listener, after which the node is OPEN (ready). It registers the graceful shutdown with
 * {@link CoordinatedShutdown}: not ready any more, stop accepting, end sessions (rolling back their
 * transactions), stop the REST API, the metrics and the SQL engine, flush and close RocksDB.
 */
public final class Guardian {
    private static final Logger LOG = LoggerFactory.getLogger(Guardian.class);

    private Guardian() {
    }

    /**
     * @param ready completed with the listener once the node accepts connections, or exceptionally
     *     if startup failed (the actor system then stops)
     */
    public static Behavior<Void> create(NodeSettings settings, CompletableFuture<PgServer> ready) {
        return Behaviors.setup(context -> {
            NodeLifecycle lifecycle = new NodeLifecycle(Instant.now());
            try {
                return start(context, settings, lifecycle, ready);
            } catch (RuntimeException e) {
                lifecycle.tryTransition(NodeLifecycle.State.STOPPING);
                ready.completeExceptionally(e);
                return Behaviors.stopped();
            }
        });
    }

    private static Behavior<Void> start(ActorContext<Void> context, NodeSettings settings, NodeLifecycle lifecycle,
            CompletableFuture<PgServer> ready) {
        CoordinatedShutdown shutdown = CoordinatedShutdown.get(context.getSystem());
        shutdown.addTask(CoordinatedShutdown.PhaseBeforeServiceUnbind(), "node-stopping", () -> {
            lifecycle.tryTransition(NodeLifecycle.State.STOPPING);
            return CompletableFuture.completedFuture(Done.getInstance());
        });
        StorageEngine storage = StorageEngine.open(settings.storage());
        shutdown.addTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate(), "rocksdb-close", () -> {
            storage.flush();
            storage.close();
            lifecycle.tryTransition(NodeLifecycle.State.STOPPED);
            return CompletableFuture.completedFuture(Done.getInstance());
        });
        // the Pekko Persistence journal and snapshot store (rustydb.persistence.*) write to this storage
        io.rustydb.persistence.journal.JournalStorage.get(context.getSystem()).bind(storage);

        NodeMetrics metrics = NodeMetrics.start(settings.monitoring(), context.getSystem().settings().config());
        metrics.addStorage(storage);
        // before rocksdb-close: RocksDB's statistics must not be sampled once the storage is closed
        shutdown.addTask(CoordinatedShutdown.PhaseServiceStop(), "metrics-stop", () -> {
            metrics.close();
            return CompletableFuture.completedFuture(Done.getInstance());
        });

        RoleStore roles = RoleStore.load(storage);
        AdminBootstrap.ensure(roles, settings.storage().dataDir(), System.getenv(AdminBootstrap.PASSWORD_ENV),
                System.out);

        // statement statistics, profiles and the slow-query log (statistics only while metrics are enabled)
        io.rustydb.monitoring.statements.SqlStatistics statements = metrics.enabled()
                ? io.rustydb.monitoring.statements.SqlStatistics.create(settings.statements())
                : io.rustydb.monitoring.statements.SqlStatistics.disabled(settings.statements());
        SqlEngine sql = SqlEngine.start(storage, metrics.queries(),
                new io.rustydb.sql.stats.StatementMonitor(statements, storage));
        sql.registerSystemViews(new io.rustydb.sql.stats.SqlStatisticsViews(statements));
        shutdown.addTask(CoordinatedShutdown.PhaseServiceStop(), "sql-engine-close", () -> {
            sql.close();
            return CompletableFuture.completedFuture(Done.getInstance());
        });
        LOG.info("Transaction manager started");

        for (String name : storage.tablespaceNames()) {
            context.spawn(TablespaceActor.create(storage, name), "tablespace-" + name);
        }
        SessionRegistry registry = new SessionRegistry(settings.maxConnections(), settings.admissionTimeout());
        metrics.addSource(new SessionMetrics(registry));
        sql.plugSessionAdmin(new io.rustydb.actors.RegistryAdmin(registry));
        registry.plugLockWaits(sql.lockWaits());
        registry.objectNames(sql::objectName);
        sql.registerSystemViews(new io.rustydb.actors.SessionViews(registry));
        ActorRef<Sessions.Command> sessions = context.spawn(Sessions.create(sql, registry), "sessions");
        shutdown.addTask(CoordinatedShutdown.PhaseServiceRequestsDone(), "sessions-drain",
                () -> SessionDrain.drain(registry));

        HealthMonitor health = new HealthMonitor(settings.health(), lifecycle, registry, storage,
                RustyDbServer.Version.number());
        sql.registerSystemViews(health);
        // the checks read the file system and RocksDB: they run on the API's dispatcher for blocking work
        ExecutionContextExecutor blocking = context.getSystem().dispatchers()
                .lookup(DispatcherSelector.fromConfig(ApiServer.DISPATCHER));
        Cancellable ticks = context.getSystem().scheduler().scheduleAtFixedRate(settings.health().interval(),
                settings.health().interval(), health::tick, blocking);
        shutdown.addTask(CoordinatedShutdown.PhaseServiceStop(), "health-checks-stop", () -> {
            ticks.cancel();
            health.stop();
            return CompletableFuture.completedFuture(Done.getInstance());
        });

        AshService ash = AshService.start(context, settings.ash(), registry.waitTotals(), registry::sessions);
        ash.history().objectNames(sql::objectName);
        sql.registerSystemViews(ash.views());

        // AWR: the event-sourced snapshot repository on the RocksDB journal, fed by the ASH stream
        io.rustydb.sampling.awr.AwrSettings awrSettings = io.rustydb.sampling.awr.AwrSettings.create(
                context.getSystem().settings().config());
        io.rustydb.sampling.awr.AwrService awr = io.rustydb.sampling.awr.AwrService.start(context, awrSettings,
                new io.rustydb.sampling.awr.WorkloadRepository.NodeInfo(settings.instanceName(),
                        RustyDbServer.Version.number(), lifecycle.startedAt().toEpochMilli()),
                new io.rustydb.sampling.awr.LiveCounters(storage, metrics.queries(), statements, registry.waitTotals(),
                        registry::sessions), ash.history());
        sql.registerSystemViews(new io.rustydb.sampling.awr.AwrViews(awr));
        sql.registerProcedures(io.rustydb.sampling.awr.AwrProcedures.of(awr));

        // performance and configuration views, and the REST API's metrics, statistics and configuration routes
        ParameterCatalog parameters = ParameterCatalog.create(context.getSystem().settings().config(),
                ConfigFactory.defaultReference());
        sql.registerSystemViews(new PerformanceViews(storage, metrics, registry));
        sql.registerSystemViews(new ParameterView(parameters));
        List<ApiExtension> extensions = List.of(
                new PrometheusRoutes(metrics),
                new MetricsRoutes(metrics),
                new CustomMetricRoutes(metrics),
                new StorageStatsRoutes(storage, metrics),
                new ConfigRoutes(parameters),
                new AshRoutes(ash),
                new io.rustydb.http.routes.AwrRoutes(awr),
                new TransactionStatsRoutes(metrics.queries(), storage, registry,
                        settings.longRunningTransactionThreshold()),
                new StatementRoutes(statements));

        ApiContext api = new ApiContext(lifecycle, registry, roles, health, extensions);
        ApiServer.start(context.getSystem(), settings.api(), api)
                .thenCompose(apiServer -> {
                    shutdown.addTask(CoordinatedShutdown.PhaseServiceStop(), "api-unbind", apiServer::stop);
                    return PgServer.start(context.getSystem(), settings.pgwire(), sessions, registry);
                })
                .whenComplete((server, error) -> {
                    if (error != null) {
                        lifecycle.tryTransition(NodeLifecycle.State.STOPPING);
                        ready.completeExceptionally(error);
                        return;
                    }
                    shutdown.addTask(CoordinatedShutdown.PhaseServiceUnbind(), "pgwire-unbind", server::stop);
                    if (lifecycle.tryTransition(NodeLifecycle.State.OPEN)) {
                        ready.complete(server);
                    } else {
                        ready.completeExceptionally(new IllegalStateException("the node was shut down while starting"));
                    }
                });
        return Behaviors.empty();
    }
}
