/** Bearer tokens of the REST API: issued at login, expiring, revocable, kept only as SHA-256 hashes. */
package io.rustydb.http.auth;
