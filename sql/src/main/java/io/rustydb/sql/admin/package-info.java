/**
 * Node administration from SQL: Oracle's {@code ALTER SYSTEM KILL SESSION}, and the hook through
 * which a higher module (the actors' session registry) lets the SQL engine end other sessions.
 */
package io.rustydb.sql.admin;
