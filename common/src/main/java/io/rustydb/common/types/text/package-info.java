/** PostgreSQL's text forms of values: parsing and printing as PostgreSQL 15 does. */
package io.rustydb.common.types.text;
