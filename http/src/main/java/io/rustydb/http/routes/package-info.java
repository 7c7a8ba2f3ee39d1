/** The REST API's own routes: health probes and checks, login and logout, sessions and connections, users. */
package io.rustydb.http.routes;
