package io.rustydb.actors.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.rustydb.actors.SessionRegistry;
import io.rustydb.common.lifecycle.NodeLifecycle;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.persistence.StorageSettings;
import io.rustydb.persistence.WalSyncMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthMonitorTest {
    @TempDir
    Path dir;

    private static Config config(String overrides) {
        return ConfigFactory.parseString(overrides).withFallback(ConfigFactory.defaultReference()).resolve();
    }

    @Test
    void gradesAgainstTheThresholdsAndTheNodeTakesTheWorstGrade() {
        HealthSettings settings = HealthSettings.create(config("""
                rustydb.health_checks.connection_pool.warning_threshold_percent = 40
                rustydb.health_checks.connection_pool.critical_threshold_percent = 75
                """));
        NodeLifecycle lifecycle = new NodeLifecycle(Instant.now().minusSeconds(5));
        SessionRegistry registry = new SessionRegistry(4);
        try (StorageEngine storage = StorageEngine.open(
                new StorageSettings(dir, 8192, 8 << 20, WalSyncMode.OFF, Duration.ofSeconds(5)))) {
            HealthMonitor monitor = new HealthMonitor(settings, lifecycle, registry, storage, "test");
            HealthReport starting = monitor.check();
            assertEquals(HealthStatus.UNHEALTHY, starting.check("database").orElseThrow().status());
            assertEquals(HealthStatus.UNHEALTHY, starting.status(), "not healthy while starting");

            lifecycle.transition(NodeLifecycle.State.OPEN);
            HealthCheck pool = monitor.check().check("connection_pool").orElseThrow();
            assertEquals(HealthStatus.HEALTHY, pool.status());
            assertEquals(0.0, pool.value());

            var first = registry.admit().orElseThrow();
            registry.admit().orElseThrow();
            HealthReport half = monitor.check();
            pool = half.check("connection_pool").orElseThrow();
            assertEquals(50.0, pool.value());
            assertEquals(HealthStatus.DEGRADED, pool.status());
            assertEquals("2/4 connections in use", pool.message());
            assertTrue(half.status().ordinal() >= HealthStatus.DEGRADED.ordinal());

            registry.admit().orElseThrow();
            HealthReport full = monitor.check();
            assertEquals(HealthStatus.CRITICAL, full.check("connection_pool").orElseThrow().status());
            assertEquals(HealthStatus.CRITICAL, full.status());

            registry.release(first);
            assertEquals(HealthStatus.DEGRADED, monitor.check().check("connection_pool").orElseThrow().status());
            assertTrue(full.uptimeSeconds() >= 5);

            HealthCheck disk = full.check("disk_space").orElseThrow();
            assertNotNull(disk.value());
            assertTrue(disk.value() > 0 && disk.value() <= 100, String.valueOf(disk.value()));
            HealthCheck memory = full.check("memory").orElseThrow();
            assertTrue(memory.value() > 0 && memory.value() <= 100);
            assertEquals(List.of("database", "connection_pool", "memory", "disk_space", "buffer_pool",
                            "lock_contention"),
                    full.checks().stream().map(HealthCheck::name).toList());
        }
    }

    @Test
    void thresholdsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> HealthSettings.create(config(
                "rustydb.health_checks.memory.warning_threshold_percent = 95")));
        assertThrows(IllegalArgumentException.class, () -> HealthSettings.create(config(
                "rustydb.health_checks.buffer_pool.critical_hit_ratio = 0.95")));
        assertThrows(IllegalArgumentException.class, () -> HealthSettings.create(config(
                "rustydb.health_checks.interval_seconds = 0")));
        assertThrows(IllegalArgumentException.class, () -> HealthSettings.create(config(
                "rustydb.health_checks.lock_contention.warning_wait_ms = 600")));
    }

    @Test
    void hitRatioThresholdIsLowerIsWorse() {
        Threshold t = new Threshold(0.90, 0.80, false);
        assertEquals(HealthStatus.HEALTHY, t.grade(0.95));
        assertEquals(HealthStatus.DEGRADED, t.grade(0.85));
        assertEquals(HealthStatus.CRITICAL, t.grade(0.5));
        Threshold p = new Threshold(75, 85, true);
        assertEquals(HealthStatus.DEGRADED, p.grade(75));
        assertEquals(HealthStatus.CRITICAL, p.grade(85));
        assertEquals(HealthStatus.HEALTHY, p.grade(74.9));
    }
}
