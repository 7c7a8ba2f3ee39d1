/** Table definitions, persisted in the SYSTEM tablespace and published to the planner. */
package io.rustydb.sql.catalog;
