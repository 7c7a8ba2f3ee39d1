/**
 * PostgreSQL wire protocol v3 on Pekko Streams TCP: framing of frontend messages, backend message
 * encoding, text and binary type codecs, the startup exchange and the per-connection protocol
 * state machine (simple and extended query, COPY) that drives a {@link io.rustydb.sql.SqlSession}
 * through its SessionActor.
 * {@link io.rustydb.pgwire.PgServer} and {@link io.rustydb.pgwire.PgSettings} are the public API.
 */
package io.rustydb.pgwire;
