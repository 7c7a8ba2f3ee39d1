package io.rustydb.actors.health;

import java.util.Map;

/**
 * The result of one check.
 *
 * @param name the check, as named in {@code rustydb.health_checks} ({@code connection_pool}, ...)
 * @param status its grade
 * @param value the measured value, null when there was nothing to measure
 * @param unit {@code percent} or {@code ratio}; null for checks without a value
 * @param threshold the levels it was graded against; null for checks without thresholds
 * @param message one line for operators, e.g. {@code 45/100 connections in use}
 * @param details further measured figures, by name
 */
public record HealthCheck(String name, HealthStatus status, Double value, String unit, Threshold threshold,
        String message, Map<String, Object> details) {
}
