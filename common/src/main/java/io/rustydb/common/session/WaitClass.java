package io.rustydb.common.session;

/**
 * Oracle's wait classes. {@link #label()} is Oracle's spelling, used by the v$ views
 * ({@code 'User I/O'}); {@link #apiName()} is the REST API's ({@code "UserIO"}).
 */
public enum WaitClass {
    CPU("CPU"),
    USER_IO("User I/O"),
    COMMIT("Commit"),
    APPLICATION("Application"),
    CONCURRENCY("Concurrency"),
    CONFIGURATION("Configuration"),
    NETWORK("Network"),
    CLUSTER("Cluster"),
    OTHER("Other"),
    IDLE("Idle");

    private final String label;
    private final String apiName;

    WaitClass(String label) {
        this.label = label;
        this.apiName = label.replace(" ", "").replace("/", "");
    }

    public String label() {
        return label;
    }

    public String apiName() {
        return apiName;
    }

    /** The class with this Oracle label or API name (case-insensitive), or null. */
    public static WaitClass parse(String name) {
        for (WaitClass c : values()) {
            if (c.label.equalsIgnoreCase(name) || c.apiName.equalsIgnoreCase(name) || c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }
}
