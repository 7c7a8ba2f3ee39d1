package io.rustydb.sql;

import io.rustydb.common.session.SessionState;
import io.rustydb.monitoring.QueryMetrics;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.sql.admin.Administration;
import io.rustydb.sql.admin.LockWaits;
import io.rustydb.sql.admin.SessionAdmin;
import io.rustydb.sql.calcite.CatalogSchema;
import io.rustydb.sql.calcite.QueryPlanner;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.exec.EngineContext;
import io.rustydb.sql.exec.PlanCache;
import io.rustydb.sql.session.DefaultSqlSession;
import io.rustydb.sql.sysview.SystemViewProvider;
import io.rustydb.sql.sysview.SystemViews;
import java.util.Map;

/**
 * The node's SQL engine: catalog, planner, the plan cache shared by all sessions, and the factory
 * of sessions. Thread-safe; one per node.
 */
public final class SqlEngine implements AutoCloseable {
    private static final int PLAN_CACHE_CAPACITY = 2000;

    private final EngineContext context;
    private final SystemViews systemViews;
    private final LockWaits lockWaits;
    private final io.rustydb.sql.stats.StatementMonitor statements;

    private SqlEngine(EngineContext context, io.rustydb.sql.stats.StatementMonitor statements) {
        this.context = context;
        this.systemViews = new SystemViews(context.planner().rootSchema());
        this.lockWaits = new LockWaits(context.storage(), context.catalog().locks());
        this.statements = statements;
    }

    /** Loads the catalog from storage and returns the engine ready for sessions, without metrics. */
    public static SqlEngine start(StorageEngine storage) {
        return start(storage, QueryMetrics.DISABLED);
    }

    /**
     * Loads the catalog from storage and returns the engine ready for sessions, whose statements
     * and transactions update {@code metrics}.
     */
    public static SqlEngine start(StorageEngine storage, QueryMetrics metrics) {
        return start(storage, metrics, io.rustydb.sql.stats.StatementMonitor.disabled());
    }

    /**
     * Loads the catalog and returns the engine ready for sessions, whose statements and
     * transactions update {@code metrics} and whose executions {@code statements} records into the
     * node's statement statistics and the slow-query log.
     */
    public static SqlEngine start(StorageEngine storage, QueryMetrics metrics,
            io.rustydb.sql.stats.StatementMonitor statements) {
        Catalog catalog = Catalog.load(storage);
        QueryPlanner planner = new QueryPlanner(new CatalogSchema(QueryPlanner.DEFAULT_SCHEMA, catalog, storage));
        EngineContext context = new EngineContext(storage, catalog, planner, new PlanCache(PLAN_CACHE_CAPACITY),
                metrics, new Administration());
        io.rustydb.sql.pgcatalog.PgCatalogSchema.install(context);
        return new SqlEngine(context, statements);
    }

    public StorageEngine storage() {
        return context.storage();
    }

    /** Adds a component's system views (v$...); see {@link io.rustydb.sql.sysview}. */
    public void registerSystemViews(SystemViewProvider provider) {
        systemViews.register(provider);
    }

    /** The name of the table or index with storage object id {@code objectId}, or null. */
    public String objectName(int objectId) {
        for (io.rustydb.sql.catalog.TableDef t : context.catalog().tables()) {
            if (t.id() == objectId) {
                return t.name();
            }
            for (io.rustydb.sql.catalog.IndexDef i : t.indexes()) {
                if (i.id() == objectId) {
                    return i.name();
                }
            }
        }
        return null;
    }

    /** Names of the registered system views. */
    public java.util.List<String> systemViewNames() {
        return systemViews.names();
    }

    /** Lets SQL end other sessions (ALTER SYSTEM KILL SESSION) through the node's session registry. */
    public void plugSessionAdmin(SessionAdmin admin) {
        context.admin().sessions(admin);
    }

    /** Registers procedures that {@code EXEC name(...)} runs. */
    public void registerProcedures(io.rustydb.sql.admin.Procedure... procedures) {
        context.admin().procedures(procedures);
    }

    /** Which sessions wait for row and table locks, and for whom (read on demand). */
    public LockWaits lockWaits() {
        return lockWaits;
    }

    /** Compiled plans currently cached. */
    public int cachedPlans() {
        return context.plans().size();
    }

    /**
     * Opens a session for an authenticated client. {@code startupParameters} are those of the
     * StartupMessage (application_name, client_encoding, DateStyle, TimeZone, options, ...).
     */
    public SqlSession openSession(SessionState state, Map<String, String> startupParameters,
            SessionListener listener) {
        return new DefaultSqlSession(context, state, startupParameters, listener, statements);
    }

    @Override
    public void close() {
        // Sessions own their transactions; storage is closed by its owner.
        context.catalog().close();
    }
}
