/**
 * The Automatic Workload Repository: the event-sourced snapshot actor ({@link
 * io.rustydb.sampling.awr.WorkloadRepository}) fed by the ASH stream, the snapshot model, the
 * reports (text, HTML, JSON) with their findings, baselines, comparisons and trends as pure
 * functions of snapshots, the {@code dba_hist_*} views and the {@code EXEC} procedures.
 */
package io.rustydb.sampling.awr;
