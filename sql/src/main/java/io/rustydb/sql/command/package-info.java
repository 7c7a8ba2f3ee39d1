/** One plan class per DDL and session statement: CREATE/DROP TABLE, transaction control, SET/SHOW. */
package io.rustydb.sql.command;
