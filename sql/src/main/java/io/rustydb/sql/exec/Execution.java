package io.rustydb.sql.exec;

import io.rustydb.sql.RowSink;

/** One running execution of a plan. */
public interface Execution extends AutoCloseable {

    /** Passes up to {@code maxRows} rows to the sink ({@code <= 0}: all); true when rows remain. */
    boolean fetch(long maxRows, RowSink sink);

    /** The command tag once the execution is complete, e.g. {@code SELECT 5}. */
    String commandTag();

    @Override
    void close();

    /** An execution whose rows were all computed when it started, handed out in order. */
    static Execution ofRows(java.util.List<Object[]> rows, String tag) {
        return new Execution() {
            private int next;

            @Override
            public boolean fetch(long maxRows, RowSink sink) {
                long sent = 0;
                while (next < rows.size() && (maxRows <= 0 || sent++ < maxRows)) {
                    sink.accept(rows.get(next++));
                }
                return next < rows.size();
            }

            @Override
            public String commandTag() {
                return tag;
            }

            @Override
            public void close() {
            }
        };
    }

    /** An execution that did all its work when started and returns no rows. */
    static Execution completed(String tag) {
        return new Execution() {
            @Override
            public boolean fetch(long maxRows, RowSink sink) {
                return false;
            }

            @Override
            public String commandTag() {
                return tag;
            }

            @Override
            public void close() {
            }
        };
    }
}
