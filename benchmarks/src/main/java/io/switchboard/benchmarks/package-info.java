/**
 * JMH micro-benchmarks of the hot paths of one relayed message: the dialects' envelope readers (decode), their
 * encoders, and the core's routing of a relay between two paired sessions on the in-memory backend. Built only with
 * the {@code jmh} Maven profile; see BENCHMARKS.md at the repository root for how to run them and the figures.
 */
package io.switchboard.benchmarks;
