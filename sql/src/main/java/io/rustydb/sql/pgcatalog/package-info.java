/**
 * PostgreSQL's system catalogs over RustyDB's live catalog: the {@code pg_catalog} tables and
 * {@code information_schema} views that psql's backslash commands and JDBC's DatabaseMetaData
 * query, the catalog functions they call, and the rewrites of PostgreSQL-only syntax they use.
 */
package io.rustydb.sql.pgcatalog;
