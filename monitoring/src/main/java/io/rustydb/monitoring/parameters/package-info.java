/**
 * The node's configuration parameters as the Administration Guide shows them ({@code v$parameter},
 * {@code GET /api/v1/admin/config}): every {@code rustydb.*} key with its running value, its
 * default from the modules' {@code reference.conf} and the comment documenting it there.
 */
package io.rustydb.monitoring.parameters;
