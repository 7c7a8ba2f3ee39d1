package io.rustydb.sql.exec;

import io.rustydb.monitoring.QueryMetrics;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.sql.admin.Administration;
import io.rustydb.sql.calcite.QueryPlanner;
import io.rustydb.sql.catalog.Catalog;

/**
 * What every statement of every session shares: storage, catalog, planner, plan cache and the
 * statement and transaction metrics, and administration hooks higher modules plug in.
 */
public record EngineContext(StorageEngine storage, Catalog catalog, QueryPlanner planner, PlanCache plans,
        QueryMetrics metrics, Administration admin) {
}
