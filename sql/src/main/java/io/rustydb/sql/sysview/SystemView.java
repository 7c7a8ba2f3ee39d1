package io.rustydb.sql.sysview;

import io.rustydb.common.types.DataType;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A read-only system view, named like Oracle's dynamic performance views ({@code v$...}). Its rows
 * are computed when a statement scans it, so they show the node as it is at that moment.
 */
public interface SystemView {

    /** The name SQL refers to, lower case, e.g. {@code v$health_check}. */
    String name();

    /** The columns, in order. */
    List<Column> columns();

    /**
     * The current rows. Each value is null or of its column type's {@link DataType#javaClass()}
     * (so a {@code TIMESTAMP} is a {@code Long} of milliseconds since 1970-01-01T00:00 UTC).
     * Called on the querying session's thread; must not block for long.
     */
    List<Object[]> rows();

    /** A column of a system view. */
    record Column(String name, DataType type) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    /** A view whose rows come from {@code rows}. */
    static SystemView of(String name, List<Column> columns, Supplier<List<Object[]>> rows) {
        List<Column> fixed = List.copyOf(columns);
        return new SystemView() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Column> columns() {
                return fixed;
            }

            @Override
            public List<Object[]> rows() {
                return rows.get();
            }
        };
    }
}
