/** The node's lifecycle states (starting, open, stopping, stopped), which readiness probes report. */
package io.rustydb.common.lifecycle;
