package io.rustydb.sql.calcite;

import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * What EXPLAIN ANALYZE measures of one operator: rows it produced, how often it was started
 * (loops) and the time spent building it and pulling its rows, its inputs included (as
 * PostgreSQL counts it). Building counts because some operators do their work there: Calcite's
 * hash aggregate reads its whole input while its Enumerable is created.
 */
public final class OperatorStats {
    private long rows;
    private long loops;
    private long nanos;
    /** System.nanoTime() when the operator's code started building it, 0 when not building. */
    private long building;

    public long rows() {
        return rows;
    }

    public long loops() {
        return loops;
    }

    public double millis() {
        return nanos / 1_000_000.0;
    }

    /** What the instrumented plan's generated code calls before it builds the operator. */
    public static void building(OperatorStats stats) {
        stats.building = System.nanoTime();
    }

    /** What the instrumented plan's generated code calls around each operator's rows, once built. */
    public static <T> Enumerable<T> wrap(OperatorStats stats, Enumerable<T> input) {
        if (stats.building != 0) {
            stats.nanos += System.nanoTime() - stats.building;
            stats.building = 0;
        }
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<T> enumerator() {
                long start = System.nanoTime();
                Enumerator<T> inner = input.enumerator();
                stats.loops++;
                stats.nanos += System.nanoTime() - start;
                return new Enumerator<>() {
                    @Override
                    public T current() {
                        return inner.current();
                    }

                    @Override
                    public boolean moveNext() {
                        long begin = System.nanoTime();
                        try {
                            boolean more = inner.moveNext();
                            if (more) {
                                stats.rows++;
                            }
                            return more;
                        } finally {
                            stats.nanos += System.nanoTime() - begin;
                        }
                    }

                    @Override
                    public void reset() {
                        inner.reset();
                    }

                    @Override
                    public void close() {
                        inner.close();
                    }
                };
            }
        };
    }
}
