/**
 * The REST API's own routes (health probes and checks, login and logout, sessions and
 * connections, users) and the extensions the server adds: Prometheus and JSON metrics, custom
 * metrics, buffer pool and I/O statistics, configuration parameters.
 */
package io.rustydb.http.routes;
