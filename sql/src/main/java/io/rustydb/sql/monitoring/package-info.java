/** SQL access to RustyDB's metrics: the custom-metric functions of the Monitoring Guide. */
package io.rustydb.sql.monitoring;
