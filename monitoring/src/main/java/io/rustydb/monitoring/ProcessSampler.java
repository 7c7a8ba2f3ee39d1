package io.rustydb.monitoring;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import kamon.metric.Counter;
import kamon.metric.Gauge;

/**
 * Uptime, process CPU and JVM memory: CPU time of the process from the operating system MXBean
 * over the time since the previous sample, and heap and non-heap usage from the memory MXBean.
 */
final class ProcessSampler implements MetricSource {
    private final long startNanos;
    private final Counter uptime = BuiltinMetrics.UPTIME.withoutTags();
    private final Gauge heapUsed = BuiltinMetrics.MEMORY_USED.withTag("area", "jvm_heap");
    private final Gauge nonHeapUsed = BuiltinMetrics.MEMORY_USED.withTag("area", "jvm_non_heap");
    private final Gauge heapLimit = BuiltinMetrics.MEMORY_LIMIT.withTag("area", "jvm_heap");
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final com.sun.management.OperatingSystemMXBean os;
    private final int processors = Runtime.getRuntime().availableProcessors();
    private Gauge cpu;
    private long uptimeSeconds;
    private long lastCpuNanos = -1;
    private long lastWallNanos;

    ProcessSampler(long startNanos) {
        this.startNanos = startNanos;
        OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
        this.os = bean instanceof com.sun.management.OperatingSystemMXBean sun ? sun : null;
    }

    @Override
    public void sample() {
        long now = System.nanoTime();
        long seconds = (now - startNanos) / 1_000_000_000L;
        if (seconds > uptimeSeconds) {
            uptime.increment(seconds - uptimeSeconds);
            uptimeSeconds = seconds;
        }
        if (os != null) {
            long cpuNanos = os.getProcessCpuTime();
            if (cpuNanos >= 0 && lastCpuNanos >= 0 && now > lastWallNanos) {
                if (cpu == null) {
                    cpu = BuiltinMetrics.CPU_USAGE.withoutTags();
                }
                cpu.update(100.0 * (cpuNanos - lastCpuNanos) / ((double) (now - lastWallNanos) * processors));
            }
            lastCpuNanos = cpuNanos;
            lastWallNanos = now;
        }
        MemoryUsage heap = memory.getHeapMemoryUsage();
        heapUsed.update(heap.getUsed());
        if (heap.getMax() > 0) {
            heapLimit.update(heap.getMax());
        }
        nonHeapUsed.update(memory.getNonHeapMemoryUsage().getUsed());
    }
}
