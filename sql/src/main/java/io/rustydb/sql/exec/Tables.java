package io.rustydb.sql.exec;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.sql.calcite.QueryPlanner;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.TableDef;
import org.apache.calcite.sql.SqlIdentifier;

/** Resolves table names of DML and DDL statements against the catalog. */
public final class Tables {
    private Tables() {
    }

    /** Schema part of a possibly qualified name ({@code public} when unqualified). */
    public static String schema(SqlIdentifier name) {
        return name.names.size() > 1 ? name.names.get(name.names.size() - 2) : QueryPlanner.DEFAULT_SCHEMA;
    }

    public static String simpleName(SqlIdentifier name) {
        return name.names.get(name.names.size() - 1);
    }

    /** The table named by {@code name}; 42P01 positioned at the name, 0A000 if it names a view. */
    public static TableDef resolve(Catalog catalog, SqlIdentifier name) {
        return catalog.table(schema(name), simpleName(name)).orElseThrow(() -> new PositionedException(
                catalog.view(schema(name), simpleName(name)).isPresent()
                        ? new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED, "changing or loading view \""
                                + simpleName(name) + "\" (only tables can be written)")
                        : new RustyDbException(ErrorCode.UNDEFINED_TABLE, name.toString()), name));
    }
}
