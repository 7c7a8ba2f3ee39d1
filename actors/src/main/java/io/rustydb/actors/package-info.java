/**
 * The actors of a node: a SessionActor per client connection (owning the session and its
 * transaction), a TablespaceActor per tablespace, the session spawner and the registry through
 * which sessions publish their state.
 */
package io.rustydb.actors;
