/**
 * The SQL engine's protocol-neutral API: sessions that parse, prepare, bind and execute
 * statements, and the engine that opens them.
 */
package io.rustydb.sql;
