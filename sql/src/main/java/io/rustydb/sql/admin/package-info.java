/**
 * Node administration from SQL: Oracle's {@code ALTER SYSTEM KILL SESSION}, PostgreSQL's
 * pg_cancel_backend and pg_terminate_backend, who waits for whose locks, and the hook through
 * which a higher module (the actors' session registry) lets the SQL engine end other sessions.
 */
package io.rustydb.sql.admin;
