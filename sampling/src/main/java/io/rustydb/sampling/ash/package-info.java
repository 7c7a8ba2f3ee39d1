/**
 * Active Session History: the sampler actor that records every non-idle session's published
 * state on each tick, the ring buffer that keeps the samples, the stream subscribers attach to,
 * the reports over samples and the {@code v$} views.
 */
package io.rustydb.sampling.ash;
