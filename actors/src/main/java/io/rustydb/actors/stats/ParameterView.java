package io.rustydb.actors.stats;

import io.rustydb.common.types.DataType;
import io.rustydb.monitoring.parameters.Parameter;
import io.rustydb.monitoring.parameters.ParameterCatalog;
import io.rustydb.sql.sysview.SystemView;
import io.rustydb.sql.sysview.SystemView.Column;
import io.rustydb.sql.sysview.SystemViewProvider;
import java.util.ArrayList;
import java.util.List;

/** {@code v$parameter}: the node's configuration parameters (read-only), one row per {@code rustydb.*} key. */
public final class ParameterView implements SystemViewProvider {
    private final ParameterCatalog catalog;

    public ParameterView(ParameterCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<SystemView> systemViews() {
        return List.of(SystemView.of("v$parameter", List.of(
                new Column("name", DataType.VARCHAR),
                new Column("value", DataType.TEXT),
                new Column("default_value", DataType.TEXT),
                new Column("unit", DataType.VARCHAR),
                new Column("description", DataType.TEXT),
                new Column("category", DataType.VARCHAR),
                new Column("is_dynamic", DataType.BOOLEAN),
                new Column("config_key", DataType.VARCHAR)), this::rows));
    }

    private List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        for (Parameter p : catalog.all()) {
            rows.add(new Object[] {p.name(), p.value(), p.defaultValue(), p.unit(), p.description(), p.category(),
                p.dynamic(), p.key()});
        }
        return rows;
    }
}
