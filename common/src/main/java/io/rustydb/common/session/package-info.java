/** The state each session publishes for observers such as v$session and the ASH sampler. */
package io.rustydb.common.session;
