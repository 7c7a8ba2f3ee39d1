/**
 * The REST API ({@code /api/v1/...}) on Pekko HTTP: {@link io.rustydb.http.ApiServer} binds it,
 * {@link io.rustydb.http.ApiToolkit} gives route authors the API's authentication and JSON
 * envelope, and {@link io.rustydb.http.ApiExtension} lets other modules (metrics, statistics) add
 * their routes.
 */
package io.rustydb.http;
