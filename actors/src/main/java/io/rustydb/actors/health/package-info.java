/**
 * The node's health checks (Monitoring Guide, "Component Health Checks"): connection pool, JVM
 * memory, disk space of the data directory, buffer pool hit ratio, each measured on the running
 * node and graded against the {@code rustydb.health_checks} thresholds; served by the REST API
 * and the {@code v$health_check} view.
 */
package io.rustydb.actors.health;
