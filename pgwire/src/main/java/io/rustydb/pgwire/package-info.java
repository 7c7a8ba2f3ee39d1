/**
 * PostgreSQL wire protocol v3, each connection served by a thread of its own: reading frontend
 * messages, backend message encoding, text and binary type codecs, the startup exchange and the
 * per-connection protocol state machine (simple and extended query, COPY) that drives the
 * connection's {@link io.rustydb.sql.SqlSession}, whose lifecycle its SessionActor owns.
 * {@link io.rustydb.pgwire.PgServer} and {@link io.rustydb.pgwire.PgSettings} are the public API.
 */
package io.rustydb.pgwire;
