package io.rustydb.sql.sysview;

import java.util.List;

/**
 * A component that declares system views (as Ignite's {@code SystemViewProvider}). The node
 * registers each provider once at startup with {@link SystemViews#register}.
 */
public interface SystemViewProvider {

    /** The views this component provides. */
    List<SystemView> systemViews();
}
