package io.rustydb.sql.sysview;

import io.rustydb.common.types.ColumnType;
import io.rustydb.sql.calcite.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * The engine's registry of system views. A registered view becomes a table of the planner's root
 * schema, which unqualified names reach after {@code public} and {@code pg_catalog}, so
 * {@code SELECT * FROM v$health_check} works from any session.
 */
public final class SystemViews {
    private final SchemaPlus root;
    private final Set<String> names = new TreeSet<>();

    public SystemViews(SchemaPlus root) {
        this.root = root;
    }

    /**
     * Adds every view of {@code provider}. A name already registered, or not lower case, is an
     * {@link IllegalArgumentException}: views are wired once at startup.
     */
    public synchronized void register(SystemViewProvider provider) {
        List<SystemView> views = provider.systemViews();
        for (SystemView view : views) {
            String name = view.name();
            if (!name.equals(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("system view names are lower case: " + name);
            }
            if (names.contains(name) || root.getTable(name) != null) {
                throw new IllegalArgumentException("system view " + name + " is already registered");
            }
        }
        for (SystemView view : views) {
            root.add(view.name(), new ViewTable(view));
            names.add(view.name());
        }
    }

    /** Names of the registered views, sorted. */
    public synchronized List<String> names() {
        return new ArrayList<>(names);
    }

    /** A system view as a Calcite table, scanned afresh by every statement. */
    private static final class ViewTable extends AbstractTable implements ScannableTable {
        private final SystemView view;

        ViewTable(SystemView view) {
            this.view = view;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory factory) {
            RelDataTypeFactory.Builder builder = factory.builder();
            for (SystemView.Column column : view.columns()) {
                builder.add(column.name(), TypeMapping.relType(factory, ColumnType.of(column.type()), true));
            }
            return builder.build();
        }

        @Override
        public Schema.TableType getJdbcTableType() {
            return Schema.TableType.SYSTEM_TABLE;
        }

        @Override
        public Enumerable<Object[]> scan(DataContext context) {
            int width = view.columns().size();
            List<Object[]> rows = view.rows();
            for (Object[] row : rows) {
                if (row.length != width) {
                    throw new IllegalStateException("system view " + view.name() + " returned a row of "
                            + row.length + " values for " + width + " columns");
                }
            }
            return Linq4j.asEnumerable(rows);
        }
    }
}
