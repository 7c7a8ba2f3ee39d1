/**
 * Statement plans and their execution: queries compiled by Calcite, INSERT/UPDATE/DELETE over
 * the storage transaction, parameterization of literals, value conversion and error translation.
 */
package io.rustydb.sql.exec;
