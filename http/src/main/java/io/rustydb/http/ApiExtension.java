package io.rustydb.http;

import org.apache.pekko.http.javadsl.server.Route;

/**
 * Routes another module adds to the REST API, e.g. {@code /api/v1/metrics} or
 * {@code /api/v1/stats/...}. The route sees the full path; it uses {@code toolkit} to require a
 * token ({@link ApiToolkit#authenticated}) or an administrator ({@link ApiToolkit#admin}) and to
 * answer in the API's envelope. Routes that must stay open (a Prometheus scrape endpoint) simply
 * do not ask for a token. Unmatched requests fall through to the API's own routes and its 404.
 */
public interface ApiExtension {

    Route route(ApiToolkit toolkit);
}
