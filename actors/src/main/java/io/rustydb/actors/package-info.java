/**
 * The actors of a node: a SessionActor per client connection (owning the session and its
 * transaction), a TablespaceActor per tablespace, the session spawner and the registry through
 * which sessions publish their state, which {@code v$session} and the REST API read together with
 * the sessions' lock waits.
 */
package io.rustydb.actors;
