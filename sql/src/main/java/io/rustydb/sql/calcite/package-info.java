/** Calcite integration: catalog tables as Calcite tables, type mapping, planning and compilation. */
package io.rustydb.sql.calcite;
