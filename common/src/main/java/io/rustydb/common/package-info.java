/** Shared foundations of every module: the SQLSTATE error catalog and its exception type. */
package io.rustydb.common;
