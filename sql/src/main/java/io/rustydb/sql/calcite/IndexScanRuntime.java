package io.rustydb.sql.calcite;

import io.rustydb.persistence.Tablespace;
import io.rustydb.sql.index.IndexAccess;
import io.rustydb.sql.index.IndexCursor;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/** What the code generated for an {@link RustyIndexScan} calls: the rows of an index path. */
public final class IndexScanRuntime {
    private IndexScanRuntime() {
    }

    /** The rows of {@code access} for these bound values; a single-column row is the value itself. */
    public static Enumerable<Object> scan(DataContext root, IndexAccess access, Tablespace tablespace,
            Object[] values, boolean scalar) {
        ExecutionContext context = (ExecutionContext) root;
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object> enumerator() {
                IndexCursor cursor = new IndexCursor(access, context.transaction(), tablespace, values);
                return new Enumerator<>() {
                    private Object current;
                    private int sinceCheck;

                    @Override
                    public Object current() {
                        return current;
                    }

                    @Override
                    public boolean moveNext() {
                        if (++sinceCheck >= 256) {
                            sinceCheck = 0;
                            context.checkCancelled();
                        }
                        if (!cursor.next()) {
                            return false;
                        }
                        Object[] row = cursor.row();
                        current = scalar ? row[0] : row;
                        return true;
                    }

                    @Override
                    public void reset() {
                        throw new UnsupportedOperationException("index scans cannot be reset");
                    }

                    @Override
                    public void close() {
                        cursor.close();
                    }
                };
            }
        };
    }
}
