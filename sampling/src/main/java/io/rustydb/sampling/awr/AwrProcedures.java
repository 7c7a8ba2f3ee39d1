package io.rustydb.sampling.awr;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.ColumnType;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.ResultColumn;
import io.rustydb.sql.admin.Procedure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The AWR's SQL procedures: {@code EXEC capture_snapshot()} (returns the new snapshot) and
 * {@code EXEC create_baseline(name => ..., start_snapshot_id => ..., end_snapshot_id => ...,
 * baseline_type => 'STATIC', description => ...)}. Refusals carry SQLSTATEs: an unknown snapshot
 * 42704, a bad range or value 22023, a wrongly typed argument 42804, a duplicate name 42710, AWR
 * disabled 55000.
 */
public final class AwrProcedures {
    private AwrProcedures() {
    }

    public static Procedure[] of(AwrService awr) {
        return new Procedure[] {new Capture(awr), new CreateBaseline(awr)};
    }

    private record Capture(AwrService awr) implements Procedure {
        @Override
        public String name() {
            return "capture_snapshot";
        }

        @Override
        public List<String> parameters() {
            return List.of();
        }

        @Override
        public List<ResultColumn> columns() {
            return List.of(column("snap_id", DataType.BIGINT), column("begin_interval_time", DataType.TIMESTAMP),
                    column("end_interval_time", DataType.TIMESTAMP));
        }

        @Override
        public List<Object[]> call(Map<String, Object> arguments) {
            AwrSnapshot s = await(awr.takeSnapshot());
            return List.<Object[]>of(new Object[] {s.snapshotId(), s.beginMillis(), s.endMillis()});
        }
    }

    private record CreateBaseline(AwrService awr) implements Procedure {
        @Override
        public String name() {
            return "create_baseline";
        }

        @Override
        public List<String> parameters() {
            return List.of("name", "start_snapshot_id", "end_snapshot_id", "baseline_type", "description");
        }

        @Override
        public List<ResultColumn> columns() {
            return List.of(column("baseline_name", DataType.VARCHAR), column("start_snap_id", DataType.BIGINT),
                    column("end_snap_id", DataType.BIGINT), column("expiration_time", DataType.TIMESTAMP));
        }

        @Override
        public List<Object[]> call(Map<String, Object> a) {
            String name = string(a, "name", true);
            long start = id(a, "start_snapshot_id");
            long end = id(a, "end_snapshot_id");
            Baseline b = await(awr.createBaseline(name, start, end, string(a, "description", false),
                    a.containsKey("baseline_type") ? string(a, "baseline_type", true) : "STATIC"));
            return List.<Object[]>of(new Object[] {b.name(), b.startSnapshotId(), b.endSnapshotId(), b.expiresMillis()});
        }
    }

    private static ResultColumn column(String name, DataType type) {
        return new ResultColumn(name, ColumnType.of(type), 0, 0);
    }

    private static String string(Map<String, Object> a, String name, boolean required) {
        Object v = a.get(name);
        if (v == null) {
            if (required) {
                throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE, name + " is required");
            }
            return null;
        }
        if (!(v instanceof String s)) {
            throw new RustyDbException(ErrorCode.DATATYPE_MISMATCH, name + " must be a string, got " + v);
        }
        return s;
    }

    private static long id(Map<String, Object> a, String name) {
        Object v = a.get(name);
        if (v == null) {
            throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE, name + " is required");
        }
        if (!(v instanceof Long l)) {
            throw new RustyDbException(ErrorCode.DATATYPE_MISMATCH, name + " must be an integer snapshot id, got " + v);
        }
        return l;
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof AwrException a) {
                ErrorCode code = switch (a.kind()) {
                    case NOT_FOUND -> ErrorCode.UNDEFINED_OBJECT;
                    case CONFLICT -> ErrorCode.DUPLICATE_OBJECT;
                    case DISABLED -> ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE;
                    default -> ErrorCode.INVALID_PARAMETER_VALUE;
                };
                throw new RustyDbException(code, a.getMessage());
            }
            throw e;
        }
    }
}
