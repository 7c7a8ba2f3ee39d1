/**
 * Login roles for the node's APIs: salted SCRAM-SHA-256 verifiers stored as PostgreSQL stores them,
 * the durable role store in the SYSTEM tablespace, and the bootstrap administrator.
 */
package io.rustydb.sql.auth;
