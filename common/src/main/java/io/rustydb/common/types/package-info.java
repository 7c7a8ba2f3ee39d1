/** SQL value types shared by storage, the SQL engine and the wire protocol. */
package io.rustydb.common.types;
