/** The SQL session: settings, transaction state, prepared statements and portals. */
package io.rustydb.sql.session;
